package dev.shale.model;

/**
 * One key of an index: a column or an expression, with its sort order.
 *
 * @param column the column name, or null for an expression key
 * @param expression the SQL expression, or null for a column key
 * @param descending whether the key sorts DESC
 * @param nulls NULLS FIRST/LAST, or DEFAULT
 * @param collation the key's COLLATE, or null for the column's
 * @param opclass the operator class ({@code gin_trgm_ops}, {@code text_pattern_ops}), or null for the default
 */
public record IndexKey(String column, String expression, boolean descending, NullsOrder nulls, String collation,
                       String opclass) {
    public IndexKey {
        if ((column == null) == (expression == null)) {
            throw new InvalidModelException("index key", "give either a column or an expression, not both or neither");
        }
        if (column != null) {
            Identifiers.require("index key", column);
        } else if (expression.isBlank()) {
            throw new InvalidModelException("index key", "expression must not be blank");
        }
        nulls = nulls == null ? NullsOrder.DEFAULT : nulls;
        if (collation != null && collation.isBlank()) {
            collation = null;
        }
        if (opclass != null && opclass.isBlank()) {
            opclass = null;
        }
    }

    /** A key with the column's collation and the default operator class. */
    public IndexKey(String column, String expression, boolean descending, NullsOrder nulls) {
        this(column, expression, descending, nulls, null, null);
    }

    public static IndexKey column(String column) {
        return new IndexKey(column, null, false, NullsOrder.DEFAULT);
    }

    public static IndexKey expression(String expression) {
        return new IndexKey(null, expression, false, NullsOrder.DEFAULT);
    }

    /** This key on a column (an expression key becomes a column key), same sort order. */
    public IndexKey withColumn(String newName) {
        return new IndexKey(newName, null, descending, nulls, collation, opclass);
    }

    /** This key on an expression (a column key becomes an expression key), same sort order. */
    public IndexKey withExpression(String newExpression) {
        return new IndexKey(null, newExpression, descending, nulls, collation, opclass);
    }

    public IndexKey withDescending(boolean value) {
        return new IndexKey(column, expression, value, nulls, collation, opclass);
    }

    public IndexKey withNulls(NullsOrder value) {
        return new IndexKey(column, expression, descending, value, collation, opclass);
    }

    public IndexKey withCollation(String value) {
        return new IndexKey(column, expression, descending, nulls, value, opclass);
    }

    public IndexKey withOpclass(String value) {
        return new IndexKey(column, expression, descending, nulls, collation, value);
    }
}
