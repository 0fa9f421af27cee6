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

    /** The same index under another name. */
    public Index withName(String newName) {
        return new Index(newName, unique, method, keys, where);
    }
}
