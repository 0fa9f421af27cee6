package dev.shale.change;

import dev.shale.model.QualifiedName;

/**
 * {@code ALTER SEQUENCE ... RENAME TO}, within one schema: the sequence keeps its value, options, owner and
 * comment, and the defaults that draw from it follow it (PostgreSQL holds them by the sequence, not its name).
 *
 * @param from the current name
 * @param to the new name (same schema)
 */
public record RenameSequence(QualifiedName from, QualifiedName to) implements Change {
    public RenameSequence {
        if (!from.schema().equals(to.schema())) {
            throw new IllegalArgumentException("a rename stays within one schema: " + from + " -> " + to);
        }
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitRenameSequence(this);
    }
}
