package dev.shale.migrator;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The INVALID indexes a failed {@code CREATE INDEX CONCURRENTLY} leaves behind. Unlike every other failed
 * statement, a concurrent build that fails after its first phase (duplicates for a unique index, a
 * {@code lock_timeout}, a cancel, a terminated backend) is not undone: the index stays in the catalog with
 * {@code pg_index.indisvalid = false}, is updated on every write, is never used by queries and enforces no
 * uniqueness. Running the statement again fails with "already exists", and {@code IF NOT EXISTS} skips it
 * silently, keeping the invalid index. The migrator therefore reports such an index by name before
 * running a file that would build it again, and never records a file while an index it builds is invalid.
 *
 * <p>Only named builds ({@code CREATE [UNIQUE] INDEX CONCURRENTLY [IF NOT EXISTS] name ON table ...}) are
 * checked by name; a build without a name gets a fresh name each time, so its leftovers do not block a
 * rerun and are reported only when its own statement fails.
 */
final class ConcurrentIndexes {
    private static final String NAME = "(?:\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*)";
    private static final String QUALIFIED = NAME + "(?:\\s*\\.\\s*" + NAME + ")?";
    private static final Pattern BUILD = Pattern.compile("(?is)CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+CONCURRENTLY\\s+"
            + "(?:IF\\s+NOT\\s+EXISTS\\s+)?(?:(?!ON\\s)(" + NAME + ")\\s+)?ON\\s+(?:ONLY\\s+)?(" + QUALIFIED + ")");
    private static final Pattern DROP = Pattern.compile("(?is)DROP\\s+INDEX\\s+(?:CONCURRENTLY\\s+)?(?:IF\\s+EXISTS\\s+)?((?:"
            + QUALIFIED + ")(?:\\s*,\\s*" + QUALIFIED + ")*)");
    private static final Pattern PART = Pattern.compile(NAME);

    private ConcurrentIndexes() {}

    /**
     * A concurrent index build of a file.
     *
     * @param index the index name as PostgreSQL stores it (unquoted, folded to lower case unless quoted), or null
     * @param table the table as written, for {@code to_regclass}
     */
    record Build(String index, String table) {}

    /** The build a statement starts, or null when it is no {@code CREATE INDEX CONCURRENTLY}. */
    static Build of(SqlStatement statement) {
        Matcher m = BUILD.matcher(statement.sql());
        if (!m.lookingAt()) {
            return null;
        }
        return new Build(m.group(1) == null ? null : identifier(m.group(1)), m.group(2).replaceAll("\\s+", ""));
    }

    /**
     * The INVALID indexes a rerun of {@code statements} would trip over: those its named concurrent builds
     * name, unless the file drops that name before building it (a file that heals itself).
     */
    static List<String> leftovers(Connection c, List<SqlStatement> statements) {
        Set<String> dropped = new LinkedHashSet<>();
        Set<String> out = new LinkedHashSet<>();
        for (SqlStatement s : statements) {
            Matcher drop = DROP.matcher(s.sql());
            if (drop.lookingAt()) {
                for (String name : drop.group(1).split(",")) {
                    dropped.add(last(name.strip()));
                }
            }
            Build b = of(s);
            if (b != null && b.index() != null && !dropped.contains(b.index())) {
                out.addAll(invalid(c, b));
            }
        }
        return List.copyOf(out);
    }

    /** The INVALID indexes among those the named concurrent builds of {@code statements} name (after they ran). */
    static List<String> invalidBuilt(Connection c, List<SqlStatement> statements) {
        Set<String> out = new LinkedHashSet<>();
        for (SqlStatement s : statements) {
            Build b = of(s);
            if (b != null && b.index() != null) {
                out.addAll(invalid(c, b));
            }
        }
        return List.copyOf(out);
    }

    /**
     * The INVALID indexes on the build's table: the one it names, or for a build without a name every one.
     * Qualified and quoted as needed ({@code public.users_email_key}). Empty when the table does not
     * exist, or the lookup fails (the statement's own error is what matters then).
     */
    static List<String> invalid(Connection c, Build b) {
        if (b == null) {
            return List.of();
        }
        String sql = "SELECT format('%I.%I', n.nspname, ic.relname) FROM pg_index i"
                + " JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_namespace n ON n.oid = ic.relnamespace"
                + " WHERE NOT i.indisvalid AND i.indrelid = to_regclass(?) AND (?::text IS NULL OR ic.relname = ?) ORDER BY 1";
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, b.table());
            ps.setString(2, b.index());
            ps.setString(3, b.index());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            return List.of();
        }
        return out;
    }

    /**
     * Drops indexes a failed build of this run just left INVALID, before the build is tried again
     * ({@code DROP INDEX CONCURRENTLY IF EXISTS}, in autocommit).
     */
    static void drop(Connection c, List<String> indexes) throws SQLException {
        for (String index : indexes) {
            try (Statement st = c.createStatement()) {
                st.execute("DROP INDEX CONCURRENTLY IF EXISTS " + index);
            }
        }
    }

    /** What to run to get rid of them: {@code DROP INDEX CONCURRENTLY IF EXISTS a; DROP INDEX ...}. */
    static String dropAdvice(List<String> indexes) {
        return String.join(" ", indexes.stream().map(i -> "DROP INDEX CONCURRENTLY IF EXISTS " + i + ";").toList());
    }

    /** Refuses, before any statement ran, a file whose concurrent build would meet an INVALID index of that name. */
    static MigrationException leftoverRefusal(String file, List<String> indexes, boolean down) {
        return MigrationException.of(MigrationException.Reason.INVALID_INDEX, file, file + ": " + indexNames(indexes)
                + " that its CREATE INDEX CONCURRENTLY builds already " + (indexes.size() == 1 ? "exists and is" : "exist and are")
                + " INVALID, left behind by an earlier concurrent build that failed half-way (such an index is updated on"
                + " every write but never used by queries and enforces no uniqueness). Running the file again would fail with"
                + " \"already exists\", or with IF NOT EXISTS keep the invalid index. Nothing of this "
                + (down ? "down file" : "migration") + " was run: fix what made the build fail (for a unique index: the"
                + " duplicate rows), drop the leftover with " + dropAdvice(indexes) + " and run again.");
    }

    /** Refuses to record a file that ran, but whose concurrent build left an INVALID index. */
    static MigrationException notRecorded(String file, List<String> indexes, boolean down) {
        return MigrationException.of(MigrationException.Reason.INVALID_INDEX, file, file + ": every statement ran, but "
                + indexNames(indexes) + " it builds " + (indexes.size() == 1 ? "is" : "are") + " INVALID (an earlier failed"
                + " CREATE INDEX CONCURRENTLY left it and IF NOT EXISTS kept it, or the build was cancelled): not used by"
                + " queries, no uniqueness enforced. " + (down ? "The down file's history row is kept" : "The migration is not"
                + " recorded as applied") + ": drop the index with " + dropAdvice(indexes) + " and run again; the next run"
                + " starts the file from its first statement.");
    }

    private static String indexNames(List<String> indexes) {
        return (indexes.size() == 1 ? "the index " : "the indexes ") + String.join(", ", indexes);
    }

    /** The last part of a possibly qualified name, as PostgreSQL stores it. */
    private static String last(String qualified) {
        Matcher m = PART.matcher(qualified);
        String last = qualified;
        while (m.find()) {
            last = m.group();
        }
        return identifier(last);
    }

    private static String identifier(String written) {
        return written.startsWith("\"") ? written.substring(1, written.length() - 1).replace("\"\"", "\"")
                : written.toLowerCase(Locale.ROOT);
    }
}
