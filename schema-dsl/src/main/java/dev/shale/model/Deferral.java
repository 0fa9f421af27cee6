package dev.shale.model;

/** Whether a key or foreign key is checked at each statement or may wait for the commit. */
public enum Deferral {
    /** Checked after every statement (PostgreSQL's default); never written out. */
    NOT_DEFERRABLE(""),
    /** {@code DEFERRABLE INITIALLY IMMEDIATE}: checked per statement unless a transaction defers it. */
    DEFERRABLE(" DEFERRABLE"),
    /** {@code DEFERRABLE INITIALLY DEFERRED}: checked at commit. */
    DEFERRED(" DEFERRABLE INITIALLY DEFERRED");

    private final String sql;

    Deferral(String sql) {
        this.sql = sql;
    }

    /** The clause as it follows a constraint definition, with its leading space; empty for the default. */
    public String sql() {
        return sql;
    }
}
