package dev.shale.migrator;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs statements inside a transaction in as few exchanges with the server as pgJDBC allows. Consecutive
 * statements that return no rows go as one JDBC batch, which pgJDBC pipelines: every statement's messages,
 * then one Sync, so one round trip however many there are. A statement that may return rows (a SELECT, a
 * CALL, anything with RETURNING, or whose first word is not known here) runs alone, as does one pgJDBC will
 * not batch. After a failure the server skips the rest until the Sync, so nothing after the failing statement
 * runs, as when each is sent alone; {@link Failure} says which statement it was.
 *
 * <p>Only for work inside a transaction: in autocommit each statement of a batch would commit on its own,
 * which is not what a file's "statement by statement" promises about retries.
 */
public final class Pipelined {
    /** First words of statements that never return rows (a CREATE TABLE AS reports a count, not rows). */
    private static final Set<String> QUIET = Set.of("ALTER", "ANALYZE", "CLUSTER", "COMMENT", "CREATE", "DISCARD", "DO",
            "DROP", "GRANT", "LOCK", "REFRESH", "REINDEX", "RESET", "REVOKE", "SECURITY", "SET", "TRUNCATE");
    /** First words of statements that return rows only with RETURNING. */
    private static final Set<String> QUIET_UNLESS_RETURNING = Set.of("DELETE", "INSERT", "MERGE", "UPDATE");
    private static final Pattern FIRST_WORD = Pattern.compile("[A-Za-z]+");
    private static final Pattern RETURNING = Pattern.compile("(?i)\\breturning\\b");
    /** pgJDBC's "Batch entry {0} {1} was aborted: ..." names the entry first in every translation it ships. */
    private static final Pattern ENTRY = Pattern.compile("\\d+");

    private Pipelined() {}

    /** A statement failed. */
    public static final class Failure extends Exception {
        private final int index;

        Failure(int index, SQLException cause) {
            super(cause.getMessage(), cause, false, false);
            this.index = index;
        }

        /** The 0-based index of the statement that failed, or -1 when pgJDBC did not say which of a batch it was. */
        public int index() {
            return index;
        }

        /** What the server (or pgJDBC) said about the statement itself. */
        @Override
        public SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }

    /**
     * Runs {@code sql} in order on {@code st} (escape processing as the caller set it, inside a transaction).
     * Statements {@code 0..index-1} of a failure ran; the transaction is then aborted and the caller rolls back.
     */
    public static void run(Statement st, List<String> sql) throws Failure {
        int i = 0;
        while (i < sql.size()) {
            int end = i + 1;
            if (quiet(sql.get(i))) {
                while (end < sql.size() && quiet(sql.get(end))) {
                    end++;
                }
            }
            if (end - i > 1) {
                end = batched(st, sql, i, end);
            } else {
                try {
                    st.execute(sql.get(i));
                } catch (SQLException e) {
                    throw new Failure(i, e);
                }
            }
            i = end;
        }
    }

    /**
     * Sends all of {@code sql} as one batch (statements that return no rows, as the caller knows: {@link #quiet}
     * or transaction control), in whatever transaction state the caller set up; false, with nothing sent, when
     * pgJDBC will not take one of them into a batch. Across transactions (explicit BEGIN and COMMIT entries in
     * autocommit), a failure stops everything after it: the server skips the rest up to the next Sync, and
     * pgJDBC sends nothing after a Sync that reported an error.
     */
    static boolean all(Statement st, List<String> sql) throws Failure {
        for (String s : sql) {
            try {
                st.addBatch(s);
            } catch (SQLException refused) {
                try {
                    st.clearBatch();
                } catch (SQLException ignored) {
                    // the statement is closed: nothing was sent either way
                }
                return false;
            }
        }
        execute(st, sql.size());
        return true;
    }

    /** Whether {@code sql} (a statement, from its first token) certainly returns no rows. */
    static boolean quiet(String sql) {
        Matcher m = FIRST_WORD.matcher(sql);
        if (!m.lookingAt()) {
            return false;
        }
        String word = m.group().toUpperCase(Locale.ROOT);
        return QUIET.contains(word) || QUIET_UNLESS_RETURNING.contains(word) && !RETURNING.matcher(sql).find();
    }

    /**
     * Sends {@code sql[from..to)} as one batch, or as much of it as pgJDBC takes (it refuses an entry it reads
     * as several statements); returns where the next statement to run starts.
     */
    private static int batched(Statement st, List<String> sql, int from, int to) throws Failure {
        int end = from;
        for (; end < to; end++) {
            try {
                st.addBatch(sql.get(end));
            } catch (SQLException refused) {
                break;
            }
        }
        if (end == from) { // the first one alone, as run() would
            try {
                st.execute(sql.get(from));
            } catch (SQLException e) {
                throw new Failure(from, e);
            }
            return from + 1;
        }
        try {
            execute(st, end - from);
        } catch (Failure f) {
            throw f.index() < 0 ? f : new Failure(from + f.index(), f.getCause());
        }
        return end;
    }

    /** Executes the {@code size} entries added to {@code st}'s batch; a failure's index counts from the first of them. */
    private static void execute(Statement st, int size) throws Failure {
        try {
            st.executeBatch();
        } catch (BatchUpdateException e) {
            SQLException cause = e.getNextException() != null ? e.getNextException() : e;
            Matcher m = ENTRY.matcher(String.valueOf(e.getMessage()));
            int entry = m.find() ? parse(m.group()) : -1;
            throw new Failure(entry >= 0 && entry < size ? entry : -1, cause);
        } catch (SQLException e) {
            throw new Failure(-1, e);
        } finally {
            try {
                st.clearBatch();
            } catch (SQLException ignored) {
                // the statement is closed or the connection gone: the failure already says so
            }
        }
    }

    private static int parse(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
