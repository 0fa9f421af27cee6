package dev.shale.change;

import dev.shale.model.QualifiedName;

import java.util.List;

/**
 * {@code ALTER TABLE ... RENAME TO}, within one schema, then {@code ALTER SEQUENCE ... RENAME TO} for the
 * sequence of each serial column, which PostgreSQL leaves under the old table's name: a serial column's
 * sequence is always called {@code <table>_<column>_seq}, as a fresh {@code CREATE TABLE} would call it,
 * so a renamed table reads back as the same serial column (introspection tells a serial column from a
 * standalone owned sequence by that name).
 *
 * @param from the current name
 * @param to the new name (same schema)
 * @param serialColumns the table's serial columns (by their names at that point of the migration)
 */
public record RenameTable(QualifiedName from, QualifiedName to, List<String> serialColumns) implements Change {
    public RenameTable {
        if (!from.schema().equals(to.schema())) {
            throw new IllegalArgumentException("a rename stays within one schema: " + from + " -> " + to);
        }
        serialColumns = List.copyOf(serialColumns);
    }

    /** A rename of a table without serial columns. */
    public RenameTable(QualifiedName from, QualifiedName to) {
        this(from, to, List.of());
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitRenameTable(this);
    }
}
