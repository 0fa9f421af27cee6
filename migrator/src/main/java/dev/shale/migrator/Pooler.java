package dev.shale.migrator;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognises the failures a connection pooler between Shale and PostgreSQL causes, so that a message
 * names the pooler instead of blaming the SQL: server-side prepared statements or portals that a
 * transaction-pooling PgBouncer (or Supabase's transaction port) moved to another server connection
 * (SQLState 26000, 42P05, 34000, or pgJDBC's {@code S_n}/{@code C_n} names in the text), and PgBouncer's
 * own errors, which it reports with its own wording.
 */
final class Pooler {
    private static final Pattern MOVED = Pattern.compile("(?i)(?:prepared statement|portal) \"[SC]_\\d+\" (?:does not exist|already exists|requires)");
    private static final List<String> PGBOUNCER = List.of("pgbouncer", "unsupported startup parameter", "query_wait_timeout",
            "server conn crashed", "no more connections allowed", "client_idle_timeout", "idle transaction timeout",
            "server_login_retry", "no such database:", "server login has been failing", "client_login_timeout");

    private Pooler() {}

    /** Whether a server-side prepared statement or portal was lost or duplicated by a transaction pooler. */
    static boolean movedStatement(String sqlState, String message) {
        return "26000".equals(sqlState) || "42P05".equals(sqlState) || "34000".equals(sqlState)
                || (message != null && MOVED.matcher(message).find());
    }

    /** Whether {@code message} is PgBouncer's own error rather than PostgreSQL's. */
    static boolean pgBouncerError(String message) {
        String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
        return PGBOUNCER.stream().anyMatch(m::contains);
    }

    /** A sentence (with a leading space) that names the pooler, or the empty string when none is involved. */
    static String hint(String sqlState, String message) {
        if (movedStatement(sqlState, message)) {
            return " This happens behind a transaction-pooling connection pooler (PgBouncer in transaction mode, Supabase's"
                    + " transaction port 6543): a server-side prepared statement made on one server connection was used on"
                    + " another. Use the direct (not pooled) database URL for migrations, or turn server-side prepared"
                    + " statements off on the connection (pgJDBC prepareThreshold=0, which URLs given to Shale set).";
        }
        if (pgBouncerError(message)) {
            return " This error comes from the connection pooler (PgBouncer) between Shale and PostgreSQL, not from the"
                    + " database: check the pooler's settings and log, or use the direct (not pooled) database URL.";
        }
        return "";
    }
}
