package dev.shale.dsl;

import dev.shale.model.IndexKey;
import dev.shale.model.NullsOrder;

/**
 * One key of an index as declared: a column or an expression, with sort order and NULLS placement.
 * Immutable; each method returns a new key.
 */
public final class IndexKeySpec {
    private final Column<?> column;
    private final String expression;
    private final boolean descending;
    private final NullsOrder nulls;

    private IndexKeySpec(Column<?> column, String expression, boolean descending, NullsOrder nulls) {
        this.column = column;
        this.expression = expression;
        this.descending = descending;
        this.nulls = nulls;
    }

    static IndexKeySpec of(Column<?> column) {
        return new IndexKeySpec(column, null, false, NullsOrder.DEFAULT);
    }

    /** An expression key, such as {@code lower(email)}; rendered as written, in parentheses. */
    public static IndexKeySpec expression(String sql) {
        return new IndexKeySpec(null, sql, false, NullsOrder.DEFAULT);
    }

    public IndexKeySpec desc() {
        return new IndexKeySpec(column, expression, true, nulls);
    }

    public IndexKeySpec asc() {
        return new IndexKeySpec(column, expression, false, nulls);
    }

    public IndexKeySpec nullsFirst() {
        return new IndexKeySpec(column, expression, descending, NullsOrder.FIRST);
    }

    public IndexKeySpec nullsLast() {
        return new IndexKeySpec(column, expression, descending, NullsOrder.LAST);
    }

    Column<?> column() {
        return column;
    }

    IndexKey toModel() {
        return new IndexKey(column == null ? null : column.name(), expression, descending, nulls);
    }
}
