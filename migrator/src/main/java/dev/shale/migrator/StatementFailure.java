package dev.shale.migrator;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a failed statement into a {@link MigrationException} that names the file, the statement, its
 * line and PostgreSQL's message, and for a lock timeout (SQLState 55P03) the relations the statement
 * needed and who holds locks on them, with how to retry.
 */
final class StatementFailure {
    private static final String NAME = "(?:\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*)";
    private static final Pattern RELATION = Pattern.compile("(?i)\\b(?:TABLE(?:\\s+IF\\s+EXISTS)?(?:\\s+ONLY)?|INDEX(?:\\s+CONCURRENTLY)?"
            + "(?:\\s+IF\\s+EXISTS)?|ON(?:\\s+ONLY)?|REFERENCES|INTO|UPDATE|FROM|TRUNCATE|LOCK|JOIN)\\s+(" + NAME + "(?:\\s*\\.\\s*" + NAME + ")?)");

    private StatementFailure() {}

    /**
     * Where a statement failed, for the message.
     *
     * @param inTransaction whether its file ran in a transaction (rolled back now)
     * @param down whether the file is a down file
     * @param tries how many times it was tried ({@link LockRetry}): the whole transaction, or the statement outside one
     * @param retry the retry policy, to describe the pauses
     * @param undoneWithIt files of the same transaction that ran before it and were rolled back with it
     * @param invalidIndexes INVALID indexes the failed statement left behind (a concurrent build)
     */
    record Context(boolean inTransaction, boolean down, int tries, LockRetry retry, List<String> undoneWithIt,
                   List<String> invalidIndexes) {
        Context {
            undoneWithIt = List.copyOf(undoneWithIt);
            invalidIndexes = List.copyOf(invalidIndexes);
        }
    }

    /**
     * The exception for statement {@code index} (1-based) of {@code file}. {@code c} must be usable
     * (rolled back or in autocommit): it is used to look up lock holders after a lock timeout.
     */
    static MigrationException of(Connection c, String file, int index, SqlStatement statement, SQLException e,
                                 Duration lockTimeout, Context where) {
        boolean inTransaction = where.inTransaction();
        boolean down = where.down();
        String server = oneLine(e.getMessage());
        String state = e.getSQLState();
        String firstLine = firstLine(statement.sql());
        boolean lost = !Pooler.movedStatement(state, e.getMessage()) && connectionLost(c, state);
        StringBuilder msg = new StringBuilder()
                .append(file).append(", statement ").append(index).append(" (line ").append(statement.line()).append("): ")
                .append(lost ? "the connection to the database was lost while it ran: " : "")
                .append(server).append(Pooler.hint(state, e.getMessage()))
                .append(" The statement begins: ").append(firstLine).append('.');
        boolean lockTimedOut = "55P03".equals(state);
        if (lockTimedOut) {
            msg.append(" It waited longer than lock_timeout (").append(MigrationLock.seconds(lockTimeout)).append(") for a lock");
            List<String> relations = relations(statement.sql());
            if (!relations.isEmpty()) {
                msg.append(" on ").append(String.join(", ", relations));
            }
            String holders = holders(c, relations);
            msg.append(holders.isEmpty() ? "" : ", held by " + holders);
            msg.append(where.tries() > 1 ? ", on each of " + where.retry().describe(where.tries()) : "").append('.');
        }
        String what = down ? "down file" : "migration";
        if (inTransaction && !where.undoneWithIt().isEmpty()) {
            msg.append(" Nothing was rolled back: the down files of this rollback run in one transaction, and rolling it back also"
                    + " undid ").append(String.join(", ", where.undoneWithIt())).append("; the history rows are kept. ");
        } else if (inTransaction) {
            msg.append(" Nothing of this ").append(what).append(" was applied (its transaction was rolled back)")
                    .append(down ? "; its history row is kept. " : " and it is not recorded. ");
        } else {
            msg.append(index == 1 ? " No earlier statement of this file ran" : " Statements 1 to " + (index - 1)
                    + " of this file ran outside a transaction and stay applied; the next run starts the file again from statement 1,"
                    + " so make them safe to repeat (CREATE TABLE IF NOT EXISTS; before a CREATE INDEX CONCURRENTLY, DROP INDEX"
                    + " CONCURRENTLY IF EXISTS rather than IF NOT EXISTS, which would keep an INVALID index)");
            if (!where.invalidIndexes().isEmpty()) {
                // a failed concurrent build is not rolled back: it leaves an INVALID index that a rerun trips over
                msg.append(". The failed build left the INVALID index ").append(String.join(", ", where.invalidIndexes()))
                        .append(" behind (not used by queries, no uniqueness enforced): drop it with ")
                        .append(ConcurrentIndexes.dropAdvice(where.invalidIndexes())).append(" before running again");
            } else if (ConcurrentIndexes.of(statement) != null && closed(c)) {
                msg.append(". The connection is gone, so whether the failed concurrent build left an INVALID index could not be checked;"
                        + " the next run checks, and refuses to build over one");
            }
            msg.append(down ? ". Its history row is kept. " : ". The file is not recorded as applied. ");
        }
        if (lost) {
            msg.append("The file is not at fault: run again once the database accepts connections; the next run starts from this file.");
        } else if (lockTimedOut) {
            msg.append("Run again at a quieter time, or raise lockTimeout or lockRetries if the wait is acceptable.");
        } else {
            msg.append("Fix the file and run again: the next run starts from this file.");
        }
        MigrationException.Reason reason = lost ? MigrationException.Reason.CONNECTION_LOST
                : lockTimedOut ? MigrationException.Reason.LOCK_TIMEOUT : MigrationException.Reason.STATEMENT_FAILED;
        return new MigrationException(reason, msg.toString(), file, index, statement.line(), firstLine, server, state, e);
    }

    /**
     * Whether the failure ended the session (the server stopped, the backend was terminated, the network
     * dropped) rather than the statement failing: SQLState class 08 but a protocol violation, 57P01 to
     * 57P03, or a connection the driver has closed.
     */
    static boolean connectionLost(Connection c, String state) {
        if (state != null && ((state.startsWith("08") && !state.equals("08P01")) || state.matches("57P0[123]"))) {
            return true;
        }
        return closed(c);
    }

    private static boolean closed(Connection c) {
        try {
            return c.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    /**
     * PostgreSQL's message on one line, without pgJDBC's {@code Position:} line, followed by a sentence
     * naming the connection pooler when one caused the failure ({@link Pooler}).
     */
    static String serverMessage(String message) {
        String line = oneLine(message);
        return line + Pooler.hint(null, line);
    }

    private static String oneLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        List<String> parts = new ArrayList<>();
        for (String line : message.split("\n")) {
            String t = line.strip();
            if (!t.isEmpty() && !t.startsWith("Position:")) {
                parts.add(t);
            }
        }
        String joined = String.join(" ", parts);
        return joined.endsWith(".") ? joined : joined + ".";
    }

    static String firstLine(String sql) {
        for (String line : sql.split("\n")) {
            String t = line.strip();
            if (!t.isEmpty()) {
                return t.length() > 120 ? t.substring(0, 117) + "..." : t;
            }
        }
        return "";
    }

    /** The relation names a statement mentions, in order, without duplicates. */
    static List<String> relations(String sql) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = RELATION.matcher(sql);
        while (m.find()) {
            String name = m.group(1).replaceAll("\\s+", "");
            if (!name.equalsIgnoreCase("ONLY") && !name.equalsIgnoreCase("EXISTS")) {
                out.add(name);
            }
        }
        return List.copyOf(out);
    }

    private static String holders(Connection c, List<String> relations) {
        List<String> out = new ArrayList<>();
        String sql = "SELECT l.relation::regclass::text, l.mode, l.pid, a.usename, a.application_name, a.state"
                + " FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid"
                + " WHERE l.locktype = 'relation' AND l.granted AND l.relation = to_regclass(?) AND l.pid <> pg_backend_pid()"
                + " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
                + " ORDER BY l.pid, l.mode";
        for (String relation : relations) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, relation);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add("pid " + rs.getInt(3) + " (" + rs.getString(2) + " on " + rs.getString(1) + ", user " + rs.getString(4)
                                + ", application '" + rs.getString(5) + "', " + rs.getString(6) + ")");
                    }
                }
            } catch (SQLException ignored) {
                // to_regclass rejects some names; the hint is best effort
            }
        }
        return String.join(", ", out);
    }
}
