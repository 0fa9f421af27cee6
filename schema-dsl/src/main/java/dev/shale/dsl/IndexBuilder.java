package dev.shale.dsl;

import dev.shale.model.Index;
import dev.shale.model.IndexMethod;
import dev.shale.model.InvalidModelException;

import java.util.ArrayList;
import java.util.List;

/**
 * An index being declared: {@code index("users_role_idx").on(role, createdAt.desc()).where("deleted_at is null")}.
 * Keys are columns, {@link IndexKeySpec}s, or {@link IndexKeySpec#expression(String)}.
 */
public final class IndexBuilder {
    private final Table table;
    private final String name;
    private final boolean unique;
    private final SourceLocation location;
    private final List<IndexKeySpec> keys = new ArrayList<>();
    private IndexMethod method = IndexMethod.BTREE;
    private String where;
    private final List<Column<?>> include = new ArrayList<>();
    private boolean nullsNotDistinct;
    private final java.util.Map<String, String> storage = new java.util.TreeMap<>();
    private String comment;

    IndexBuilder(Table table, String name, boolean unique, SourceLocation location) {
        this.table = table;
        this.name = name;
        this.unique = unique;
        this.location = location;
    }

    /** The index's keys, in order: {@link Column}s or {@link IndexKeySpec}s. */
    public IndexBuilder on(Object... columnsOrKeys) {
        for (Object o : columnsOrKeys) {
            if (o instanceof Column<?> c) {
                keys.add(IndexKeySpec.of(c));
            } else if (o instanceof IndexKeySpec k) {
                keys.add(k);
            } else {
                throw new SchemaDefinitionException(location, "index " + name + ": on(...) takes columns or index keys, not "
                        + (o == null ? "null" : o.getClass().getSimpleName()));
            }
        }
        return this;
    }

    /** The access method: btree (the default), hash, gin, gist, spgist or brin. */
    public IndexBuilder using(IndexMethod method) {
        this.method = method;
        return this;
    }

    /** Makes this a partial index; the predicate is SQL, rendered as written. */
    public IndexBuilder where(String predicate) {
        this.where = predicate;
        return this;
    }

    /** {@code INCLUDE (a, b)}: columns stored in the index for index-only scans, not part of the key. */
    public IndexBuilder include(Column<?>... columns) {
        include.addAll(List.of(columns));
        return this;
    }

    /** {@code NULLS NOT DISTINCT} (PostgreSQL 15): in a unique index, two NULLs collide. */
    public IndexBuilder nullsNotDistinct() {
        nullsNotDistinct = true;
        return this;
    }

    /** A storage parameter: {@code with("fillfactor", 70)} becomes {@code WITH (fillfactor = 70)}. */
    public IndexBuilder with(String parameter, Object value) {
        storage.put(parameter, String.valueOf(value));
        return this;
    }

    /** Its comment ({@code COMMENT ON INDEX}). */
    public IndexBuilder comment(String text) {
        this.comment = text;
        return this;
    }

    String name() {
        return name;
    }

    SourceLocation location() {
        return location;
    }

    Index toModel() {
        for (IndexKeySpec k : keys) {
            if (k.column() != null && !table.ownsColumn(k.column())) {
                throw new SchemaDefinitionException(location, "index " + name + " on " + table.qualifiedName().display()
                        + " uses column " + k.column().name() + " of another table (" + k.column().table().qualifiedName().display() + ")");
            }
        }
        try {
            for (Column<?> c : include) {
                table.checkOwn(c, "index " + name, location);
            }
            return new Index(name, unique, method, keys.stream().map(IndexKeySpec::toModel).toList(), where,
                    include.stream().map(Column::name).toList(), nullsNotDistinct, storage, comment);
        } catch (InvalidModelException e) {
            throw new SchemaDefinitionException(location, "table " + table.qualifiedName().display() + ": " + e.getMessage());
        }
    }
}
