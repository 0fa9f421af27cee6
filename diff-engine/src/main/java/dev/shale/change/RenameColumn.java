package dev.shale.change;

import dev.shale.model.QualifiedName;

/**
 * {@code ALTER TABLE ... RENAME COLUMN}.
 *
 * @param table the table (by its name at that point of the migration)
 * @param from the current column name
 * @param to the new column name
 */
public record RenameColumn(QualifiedName table, String from, String to) implements Change {
    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitRenameColumn(this);
    }
}
