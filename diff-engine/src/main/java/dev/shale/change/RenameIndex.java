package dev.shale.change;

import dev.shale.model.QualifiedName;

/**
 * {@code ALTER INDEX ... RENAME TO}: the same index under a new name.
 *
 * @param table the table the index is on (by its name at that point of the migration)
 * @param from the current index name
 * @param to the new name
 */
public record RenameIndex(QualifiedName table, String from, String to) implements Change {
    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitRenameIndex(this);
    }
}
