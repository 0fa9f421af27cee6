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
    private final String collation;
    private final String opclass;

    private IndexKeySpec(Column<?> column, String expression, boolean descending, NullsOrder nulls) {
        this(column, expression, descending, nulls, null, null);
    }

    private IndexKeySpec(Column<?> column, String expression, boolean descending, NullsOrder nulls, String collation,
                         String opclass) {
        this.column = column;
        this.expression = expression;
        this.descending = descending;
        this.nulls = nulls;
        this.collation = collation;
        this.opclass = opclass;
    }

    static IndexKeySpec of(Column<?> column) {
        return new IndexKeySpec(column, null, false, NullsOrder.DEFAULT);
    }

    /** An expression key, such as {@code lower(email)}; rendered as written, in parentheses. */
    public static IndexKeySpec expression(String sql) {
        return new IndexKeySpec(null, sql, false, NullsOrder.DEFAULT);
    }

    public IndexKeySpec desc() {
        return new IndexKeySpec(column, expression, true, nulls, collation, opclass);
    }

    public IndexKeySpec asc() {
        return new IndexKeySpec(column, expression, false, nulls, collation, opclass);
    }

    public IndexKeySpec nullsFirst() {
        return new IndexKeySpec(column, expression, descending, NullsOrder.FIRST, collation, opclass);
    }

    public IndexKeySpec nullsLast() {
        return new IndexKeySpec(column, expression, descending, NullsOrder.LAST, collation, opclass);
    }

    /** {@code COLLATE "C"}: the key sorts and compares under this collation instead of the column's. */
    public IndexKeySpec collate(String collationName) {
        return new IndexKeySpec(column, expression, descending, nulls, collationName, opclass);
    }

    /**
     * The operator class, such as {@code text_pattern_ops} (LIKE 'abc%' under a non-C collation),
     * {@code jsonb_path_ops} (a smaller gin index for {@code @>}) or {@code gin_trgm_ops} (pg_trgm).
     */
    public IndexKeySpec opclass(String operatorClass) {
        return new IndexKeySpec(column, expression, descending, nulls, collation, operatorClass);
    }

    Column<?> column() {
        return column;
    }

    IndexKey toModel() {
        return new IndexKey(column == null ? null : column.name(), expression, descending, nulls, collation, opclass);
    }
}
