package dev.shale.migrator;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * What a runner expects the history table to be, in three numbers the server computes in one cheap row:
 * how many rows, the sum of their versions, and the newest {@code applied_at}. A runner adds each row it
 * inserts and, under the lock, compares its expectation with the table; only when they differ (another
 * runner applied or rolled back something meanwhile) does it read and validate the whole history again.
 * That keeps a migrate of N files at one aggregate per file instead of N rows read per file, and the
 * aggregate is read in the lock's own exchange ({@link MigrationLock#acquireForTransaction(java.sql.Connection,
 * String, String, MigrationLock.Reader)}), so it costs no round trip of its own.
 *
 * <p>Any change another runner makes is seen: it can only insert or delete rows, under the same lock. A
 * delete alone changes the count; anything inserted has an {@code applied_at} (its transaction's start,
 * after it took the lock this runner had released) newer than every row this runner saw.
 *
 * @param count how many rows
 * @param versionSum the sum of their versions
 * @param newest the newest applied_at, or null when there are no rows
 */
record HistoryDigest(long count, long versionSum, Instant newest) {
    /** The digest of rows as this runner knows them. */
    static HistoryDigest of(List<AppliedMigration> rows) {
        HistoryDigest d = new HistoryDigest(0, 0, null);
        for (AppliedMigration row : rows) {
            d = d.plus(row);
        }
        return d;
    }

    /** The digest once {@code row} is inserted. */
    HistoryDigest plus(AppliedMigration row) {
        Instant at = row.appliedAt();
        return new HistoryDigest(count + 1, versionSum + row.version(), newest == null || at != null && at.isAfter(newest) ? at : newest);
    }

    /** The query that reads the digest of the table as it is now (no parameters): {@link #from} reads its result. */
    static String query(HistoryTable history) {
        return "SELECT count(*), coalesce(sum(\"version\"), 0), max(\"applied_at\") FROM " + history.qualified();
    }

    /**
     * SQL that is true when the table holds {@code count} rows whose versions sum to {@code versionSum} and
     * whose newest {@code applied_at} is {@code newest} (an SQL expression): the check of a pipeline's guard
     * ({@link MigrationLock#guard}), which the server makes without a round trip.
     */
    static String condition(HistoryTable history, long count, long versionSum, String newest) {
        return "(SELECT count(*) = " + count + " AND coalesce(sum(\"version\"), 0) = " + versionSum
                + " AND max(\"applied_at\") IS NOT DISTINCT FROM " + newest + " FROM " + history.qualified() + ")";
    }

    /** This digest's newest {@code applied_at} as SQL: a timestamptz literal, or NULL when there are no rows. */
    String newestSql() {
        return newest == null ? "NULL" : "'" + newest + "'::timestamptz";
    }

    /** The digest in the result of {@link #query}. */
    static HistoryDigest from(ResultSet rs) throws SQLException {
        rs.next();
        Timestamp at = rs.getTimestamp(3);
        return new HistoryDigest(rs.getLong(1), rs.getLong(2), at == null ? null : at.toInstant());
    }
}
