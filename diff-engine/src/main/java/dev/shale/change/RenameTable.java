package dev.shale.change;

import dev.shale.model.QualifiedName;

/**
 * {@code ALTER TABLE ... RENAME TO}, within one schema.
 *
 * @param from the current name
 * @param to the new name (same schema)
 */
public record RenameTable(QualifiedName from, QualifiedName to) implements Change {
    public RenameTable {
        if (!from.schema().equals(to.schema())) {
            throw new IllegalArgumentException("a rename stays within one schema: " + from + " -> " + to);
        }
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitRenameTable(this);
    }
}
