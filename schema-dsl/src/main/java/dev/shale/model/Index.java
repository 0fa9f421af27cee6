package dev.shale.model;

import java.util.List;
import java.util.Map;

/**
 * An index.
 *
 * @param name the index name (unique within its schema, like every relation)
 * @param unique whether it is a UNIQUE index
 * @param method the access method
 * @param keys the keys, in order
 * @param where the partial-index predicate, or null
 * @param include the INCLUDE columns, in order
 * @param nullsNotDistinct {@code NULLS NOT DISTINCT} on a unique index (PostgreSQL 15)
 * @param storage storage parameters ({@code WITH (fillfactor = 70)}), sorted by name
 * @param comment its comment, or null
 */
public record Index(String name, boolean unique, IndexMethod method, List<IndexKey> keys, String where,
                    List<String> include, boolean nullsNotDistinct, Map<String, String> storage, String comment) {
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
        include = List.copyOf(include == null ? List.of() : include);
        storage = StorageParameters.copy("index " + Identifiers.show(name), storage);
        comment = Comments.normalize(comment);
        if (nullsNotDistinct && !unique) {
            throw new InvalidModelException("index " + Identifiers.show(name), "NULLS NOT DISTINCT applies to unique indexes only");
        }
        if (unique && method != IndexMethod.BTREE) {
            throw new InvalidModelException("index " + Identifiers.show(name),
                    "PostgreSQL supports unique indexes only with the btree method");
        }
    }

    /** An index without INCLUDE columns, storage parameters or a comment. */
    public Index(String name, boolean unique, IndexMethod method, List<IndexKey> keys, String where) {
        this(name, unique, method, keys, where, List.of(), false, Map.of(), null);
    }

    /** A plain btree index on these keys: not unique, not partial. */
    public static Index of(String name, List<IndexKey> keys) {
        return new Index(name, false, IndexMethod.BTREE, keys, null);
    }

    public Index withUnique(boolean value) {
        return new Index(name, value, method, keys, where, include, nullsNotDistinct, storage, comment);
    }

    public Index withMethod(IndexMethod newMethod) {
        return new Index(name, unique, newMethod, keys, where, include, nullsNotDistinct, storage, comment);
    }

    public Index withKeys(List<IndexKey> newKeys) {
        return new Index(name, unique, method, newKeys, where, include, nullsNotDistinct, storage, comment);
    }

    /** This index with another partial-index predicate, or none (null). */
    public Index withWhere(String newWhere) {
        return new Index(name, unique, method, keys, newWhere, include, nullsNotDistinct, storage, comment);
    }

    /** The same index under another name. */
    public Index withName(String newName) {
        return new Index(newName, unique, method, keys, where, include, nullsNotDistinct, storage, comment);
    }

    public Index withInclude(List<String> value) {
        return new Index(name, unique, method, keys, where, value, nullsNotDistinct, storage, comment);
    }

    public Index withNullsNotDistinct(boolean value) {
        return new Index(name, unique, method, keys, where, include, value, storage, comment);
    }

    public Index withStorage(Map<String, String> value) {
        return new Index(name, unique, method, keys, where, include, nullsNotDistinct, value, comment);
    }

    public Index withComment(String value) {
        return new Index(name, unique, method, keys, where, include, nullsNotDistinct, storage, value);
    }
}
