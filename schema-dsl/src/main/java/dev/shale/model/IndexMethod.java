package dev.shale.model;

/** PostgreSQL index access methods. */
public enum IndexMethod {
    BTREE, HASH, GIN, GIST, SPGIST, BRIN;

    public String sql() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
