package dev.shale.model;

/**
 * What logical replication writes to identify an updated or deleted row.
 *
 * @param kind DEFAULT (the primary key), FULL, NOTHING or INDEX
 * @param index the unique index for INDEX, else null
 */
public record ReplicaIdentity(Kind kind, String index) {
    public enum Kind { DEFAULT, FULL, NOTHING, INDEX }

    public static final ReplicaIdentity DEFAULT = new ReplicaIdentity(Kind.DEFAULT, null);

    public ReplicaIdentity {
        if (kind == null) {
            throw new InvalidModelException("replica identity", "a kind is required");
        }
        if ((kind == Kind.INDEX) != (index != null)) {
            throw new InvalidModelException("replica identity", "an index is named exactly when the kind is INDEX");
        }
    }

    public static ReplicaIdentity usingIndex(String index) {
        return new ReplicaIdentity(Kind.INDEX, index);
    }
}
