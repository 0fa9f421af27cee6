package dev.shale.model;

import java.util.List;

/**
 * An index.
 *
 * @param name the index name (unique within its schema, like every relation)
 * @param unique whether it is a UNIQUE index
 * @param method the access method
 * @param keys the keys, in order
 * @param where the partial-index predicate, or null
 */
public record Index(String name, boolean unique, IndexMethod method, List<IndexKey> keys, String where) {
    public Index {
        Identifiers.require("index", name);
        method = method == null ? IndexMethod.BTREE : method;
        if (keys == null || keys.isEmpty()) {
            throw new InvalidModelException("index " + Identifiers.show(name), "at least one key is required");
        }
        keys = List.copyOf(keys);
        if (where != null && where.isBlank()) {
            where = null;
        }
        if (unique && method != IndexMethod.BTREE) {
            throw new InvalidModelException("index " + Identifiers.show(name),
                    "PostgreSQL supports unique indexes only with the btree method");
        }
    }

    /** A plain btree index on these keys: not unique, not partial. */
    public static Index of(String name, List<IndexKey> keys) {
        return new Index(name, false, IndexMethod.BTREE, keys, null);
    }

    public Index withUnique(boolean value) {
        return new Index(name, value, method, keys, where);
    }

    public Index withMethod(IndexMethod newMethod) {
        return new Index(name, unique, newMethod, keys, where);
    }

    public Index withKeys(List<IndexKey> newKeys) {
        return new Index(name, unique, method, newKeys, where);
    }

    /** This index with another partial-index predicate, or none (null). */
    public Index withWhere(String newWhere) {
        return new Index(name, unique, method, keys, newWhere);
    }

    /** The same index under another name. */
    public Index withName(String newName) {
        return new Index(newName, unique, method, keys, where);
    }
}
