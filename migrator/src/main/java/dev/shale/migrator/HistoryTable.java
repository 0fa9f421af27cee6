package dev.shale.migrator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The history table ({@code "public"."shale_migrations"} by default): a row per applied migration. Its
 * SQL lives here, as does the advisory lock key, derived from the table's qualified name so runners of
 * one history table exclude each other and runners of different ones do not.
 *
 * @param schema the table's schema
 * @param table the table's name
 */
record HistoryTable(String schema, String table) {
    HistoryTable {
        if (schema == null || schema.isBlank() || table == null || table.isBlank()) {
            throw new IllegalArgumentException("history table: schema and table name must not be blank");
        }
    }

    /** {@code "schema"."table"}, quoted. */
    String qualified() {
        return quote(schema) + "." + quote(table);
    }

    /** The advisory lock key: the first 8 bytes of SHA-256 of {@code shale:<schema>.<table>}. */
    long lockKey() {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(("shale:" + schema + "." + table).getBytes(StandardCharsets.UTF_8));
            long key = 0;
            for (int i = 0; i < 8; i++) {
                key = (key << 8) | (d[i] & 0xff);
            }
            return key;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the table exists (no lock taken, nothing created). */
    boolean exists(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            ps.setString(1, qualified());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** Creates the schema and table if missing; call inside a transaction that holds the migration lock. */
    void create(Connection c) throws SQLException {
        boolean schemaMissing;
        try (PreparedStatement ps = c.prepareStatement("SELECT to_regnamespace(?) IS NULL")) {
            ps.setString(1, quote(schema));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                schemaMissing = rs.getBoolean(1);
            }
        }
        try (Statement st = c.createStatement()) {
            if (schemaMissing) {
                // only when missing: CREATE SCHEMA checks the CREATE privilege on the database even with IF NOT EXISTS
                st.execute("CREATE SCHEMA IF NOT EXISTS " + quote(schema));
            }
            st.execute("CREATE TABLE IF NOT EXISTS " + qualified() + " ("
                    + "\"version\" integer PRIMARY KEY, "
                    + "\"name\" text NOT NULL, "
                    + "\"checksum\" text NOT NULL, "
                    + "\"checksum_version\" integer NOT NULL, "
                    + "\"applied_at\" timestamptz NOT NULL DEFAULT now(), "
                    + "\"duration_ms\" bigint NOT NULL, "
                    + "\"applied_by\" text NOT NULL DEFAULT current_user)");
        }
    }

    /** Every row, by version; empty when the table does not exist. */
    List<AppliedMigration> rows(Connection c) throws SQLException {
        return exists(c) ? existingRows(c) : new ArrayList<>();
    }

    /** Every row, by version, of a table known to exist (under the migration lock, after it was created). */
    List<AppliedMigration> existingRows(Connection c) throws SQLException {
        List<AppliedMigration> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(COLUMNS + qualified() + " ORDER BY \"version\"")) {
            while (rs.next()) {
                out.add(applied(rs));
            }
        }
        return out;
    }

    /** The rows for {@code versions} that exist, by version; the table must exist. */
    Map<Integer, AppliedMigration> rows(Connection c, List<Integer> versions) throws SQLException {
        Map<Integer, AppliedMigration> out = new HashMap<>();
        String in = versions.stream().map(String::valueOf).collect(Collectors.joining(", "));
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(COLUMNS + qualified() + " WHERE \"version\" IN (" + in + ")")) {
            while (rs.next()) {
                AppliedMigration row = applied(rs);
                out.put(row.version(), row);
            }
        }
        return out;
    }

    private static final String COLUMNS = "SELECT \"version\", \"name\", \"checksum\", \"checksum_version\", \"applied_at\", "
            + "\"duration_ms\", \"applied_by\" FROM ";

    /** The row at {@code rs}, read with {@link #COLUMNS}. */
    private static AppliedMigration applied(ResultSet rs) throws SQLException {
        Timestamp at = rs.getTimestamp(5);
        return new AppliedMigration(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                at == null ? null : at.toInstant(), rs.getLong(6), rs.getString(7));
    }

    /** The row for {@code version}, or null; the table must exist. */
    AppliedMigration row(Connection c, int version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(COLUMNS + qualified() + " WHERE \"version\" = ?")) {
            ps.setInt(1, version);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? applied(rs) : null;
            }
        }
    }

    /** Inserts the row of an applied migration and returns it as stored. */
    AppliedMigration insert(Connection c, Migration m, long durationMillis) throws SQLException {
        return insert(c, m, durationMillis, false);
    }

    /**
     * Inserts the row of an applied migration and returns it as stored; with {@code commit}, then commits the
     * transaction in the same exchange (a failed commit throws, with nothing recorded).
     */
    AppliedMigration insert(Connection c, Migration m, long durationMillis, boolean commit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + qualified()
                + " (\"version\", \"name\", \"checksum\", \"checksum_version\", \"duration_ms\") VALUES (?, ?, ?, ?, ?)"
                + " RETURNING \"applied_at\", \"applied_by\"" + (commit ? "; COMMIT" : ""))) {
            ps.setInt(1, m.version());
            ps.setString(2, m.name());
            ps.setString(3, m.checksum());
            ps.setInt(4, Checksums.VERSION);
            ps.setLong(5, durationMillis);
            ps.execute(); // with COMMIT, pgJDBC sends both statements in one exchange and has read both replies here
            try (ResultSet rs = ps.getResultSet()) {
                rs.next();
                Instant at = rs.getTimestamp(1).toInstant();
                return new AppliedMigration(m.version(), m.name(), m.checksum(), Checksums.VERSION, at, durationMillis, rs.getString(2));
            }
        }
    }

    /**
     * The statement that records {@code m} inside the transaction that ran it, returning nothing, for a
     * pipeline ({@link MigrationRunner.Guarded}): values written as literals, the duration measured by the
     * server from the transaction's start.
     */
    String insertStatement(Migration m) {
        return "INSERT INTO " + qualified() + " (\"version\", \"name\", \"checksum\", \"checksum_version\", \"duration_ms\") VALUES ("
                + m.version() + ", " + literal(m.name()) + ", " + literal(m.checksum()) + ", " + Checksums.VERSION
                + ", floor(extract(epoch FROM clock_timestamp() - now()) * 1000)::bigint)";
    }

    /** {@code s} as an E'' literal, which means the same whatever standard_conforming_strings says. */
    private static String literal(String s) {
        return "E'" + s.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    /**
     * Deletes the row for {@code version}; whether there was one. With {@code commit}, then commits the
     * transaction in the same exchange.
     */
    boolean delete(Connection c, int version, boolean commit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + qualified() + " WHERE \"version\" = ?" + (commit ? "; COMMIT" : ""))) {
            ps.setInt(1, version);
            ps.execute();
            return ps.getUpdateCount() == 1;
        }
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    @Override
    public String toString() {
        return qualified();
    }
}
