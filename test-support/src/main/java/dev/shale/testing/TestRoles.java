package dev.shale.testing;

import java.sql.SQLException;

/**
 * Roles for tests. Roles are cluster-wide: every database of the test server sees them, and tests run
 * in parallel, so a role is created only when missing (never dropped: another test may be using it),
 * under a name no real system uses.
 */
public final class TestRoles {
    private TestRoles() {}

    /** Creates the NOLOGIN role {@code name} unless the cluster has it already. */
    public static void ensure(TestDatabase db, String name) throws SQLException {
        db.execute(ensureSql(name));
    }

    /** As {@link #ensure(TestDatabase, String)}, on the server {@code c} is connected to (an embedded one too). */
    public static void ensure(java.sql.Connection c, String name) throws SQLException {
        try (java.sql.Statement st = c.createStatement()) {
            st.execute(ensureSql(name));
        }
    }

    private static String ensureSql(String name) {
        String literal = "'" + name.replace("'", "''") + "'";
        String ident = "\"" + name.replace("\"", "\"\"") + "\"";
        // Two sessions may both see the role missing: the loser's duplicate_object is swallowed.
        return "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = " + literal + ") THEN"
                + " CREATE ROLE " + ident + " NOLOGIN; END IF;"
                + " EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$";
    }

    /**
     * Drops the role if it exists, with its privileges in {@code db} (the only database it may hold
     * any in): for a role only the calling test uses (a random name). Call it before dropping {@code db}.
     */
    public static void dropIfExists(TestDatabase db, String name) throws SQLException {
        String literal = "'" + name.replace("'", "''") + "'";
        String ident = "\"" + name.replace("\"", "\"\"") + "\"";
        db.execute("DO $$ BEGIN IF EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = " + literal + ") THEN"
                + " EXECUTE 'DROP OWNED BY " + ident.replace("'", "''") + "'; EXECUTE 'DROP ROLE " + ident.replace("'", "''")
                + "'; END IF; END $$");
    }
}
