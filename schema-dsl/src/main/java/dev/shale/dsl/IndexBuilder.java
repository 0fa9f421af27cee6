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

    /** The access method: btree (the default), hash, gin, gist or brin. */
    public IndexBuilder using(IndexMethod method) {
        this.method = method;
        return this;
    }

    /** Makes this a partial index; the predicate is SQL, rendered as written. */
    public IndexBuilder where(String predicate) {
        this.where = predicate;
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
            return new Index(name, unique, method, keys.stream().map(IndexKeySpec::toModel).toList(), where);
        } catch (InvalidModelException e) {
            throw new SchemaDefinitionException(location, "table " + table.qualifiedName().display() + ": " + e.getMessage());
        }
    }
}
