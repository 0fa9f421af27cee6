package dev.shale.model;

/**
 * How to convert a column's stored values when its type changes: the expression of
 * {@code ALTER COLUMN ... TYPE ... USING (expression)}, from a {@code using("...")} in the schema code.
 * Like a {@link Rename}, it is a decision about the way from one schema to the next, not state: it is
 * not part of the model, snapshots or comparisons with the database.
 *
 * @param table the table's name in the new schema
 * @param column the column's name in the new schema
 * @param using the SQL expression computing the new value from the row (old column values)
 */
public record Conversion(QualifiedName table, String column, String using) {
    public Conversion {
        if (table == null) {
            throw new InvalidModelException("conversion", "the table is required");
        }
        Identifiers.require("conversion column", column);
        if (using == null || using.isBlank()) {
            throw new InvalidModelException("conversion of column " + Identifiers.show(column), "the USING expression is required");
        }
    }
}
