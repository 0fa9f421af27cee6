package dev.shale.model;

/**
 * One key of an index: a column or an expression, with its sort order.
 *
 * @param column the column name, or null for an expression key
 * @param expression the SQL expression, or null for a column key
 * @param descending whether the key sorts DESC
 * @param nulls NULLS FIRST/LAST, or DEFAULT
 */
public record IndexKey(String column, String expression, boolean descending, NullsOrder nulls) {
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
    }

    public static IndexKey column(String column) {
        return new IndexKey(column, null, false, NullsOrder.DEFAULT);
    }

    public static IndexKey expression(String expression) {
        return new IndexKey(null, expression, false, NullsOrder.DEFAULT);
    }

    /** This key on a column (an expression key becomes a column key), same sort order. */
    public IndexKey withColumn(String newName) {
        return new IndexKey(newName, null, descending, nulls);
    }

    /** This key on an expression (a column key becomes an expression key), same sort order. */
    public IndexKey withExpression(String newExpression) {
        return new IndexKey(null, newExpression, descending, nulls);
    }

    public IndexKey withDescending(boolean value) {
        return new IndexKey(column, expression, value, nulls);
    }

    public IndexKey withNulls(NullsOrder value) {
        return new IndexKey(column, expression, descending, value);
    }
}
