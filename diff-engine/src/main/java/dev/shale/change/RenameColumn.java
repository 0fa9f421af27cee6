package dev.shale.change;

import dev.shale.model.QualifiedName;

/**
 * {@code ALTER TABLE ... RENAME COLUMN}, and for a serial column {@code ALTER SEQUENCE ... RENAME TO}
 * its sequence's new name {@code <table>_<column>_seq} (see {@link RenameTable} for why).
 *
 * @param table the table (by its name at that point of the migration)
 * @param from the current column name
 * @param to the new column name
 * @param serial whether the column is serial (its sequence is renamed too)
 */
public record RenameColumn(QualifiedName table, String from, String to, boolean serial) implements Change {
    /** A rename of a column that is not serial. */
    public RenameColumn(QualifiedName table, String from, String to) {
        this(table, from, to, false);
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitRenameColumn(this);
    }
}
