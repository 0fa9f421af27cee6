package dev.shale.migrator;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code migrate}: the pending files applied one at a time, each under the migration lock, where the
 * history is checked again ({@link HistoryDigest}) and, when another runner changed it, read again and
 * the whole plan validated on it (changed, missing, out of order). What runs
 * next is decided there, not from the history read before the lock: a file another runner applied
 * meanwhile is skipped, a runner that fell behind another branch is refused, and after a concurrent
 * rollback the rolled-back files are applied again first, in order, so the history never gets a hole.
 */
final class MigrateRun {
    /**
     * At most this many files go in one pipeline: a run of many small files then waits for a round trip every
     * hundred files, and progress is told at least that often.
     */
    private static final int GROUP = 100;
    private final HistoryTable history;
    private final MigrationRunner runner;
    private final Integer target;
    private final boolean allowChanged;
    private final boolean allowMissing;
    private final boolean allowOutOfOrder;
    private final Progress progress;

    MigrateRun(HistoryTable history, MigrationRunner runner, Integer target, boolean allowChanged, boolean allowMissing,
               boolean allowOutOfOrder, Progress progress) {
        this.progress = progress;
        this.history = history;
        this.runner = runner;
        this.target = target;
        this.allowChanged = allowChanged;
        this.allowMissing = allowMissing;
        this.allowOutOfOrder = allowOutOfOrder;
    }

    /** Before the lock: refuses what the history read so far already rules out (nothing is locked or created). */
    void validate(Plan plan) {
        plan.validate(allowChanged, allowMissing, allowOutOfOrder);
    }

    /**
     * Applies what is pending, starting from {@code plan} (validated, read before the lock) and the
     * statements of its pending files (split, so that a file that cannot be split was refused first).
     * While the history under the lock is what this run expects, the next file is simply the next one of
     * the pending list: nothing is recomputed per file, so a run of N files does O(N) work on the client,
     * not O(N²).
     */
    MigrateResult run(Connection c, Plan plan, Map<Integer, List<SqlStatement>> split) {
        Map<Integer, List<SqlStatement>> statements = new HashMap<>(split);
        List<AppliedMigration> applied = new ArrayList<>();
        Expected expected = new Expected(plan);
        List<Migration> next = plan.pending(target);
        int at = 0;
        int total = next.size();
        boolean pipelining = true;
        int firstTry = 1; // of the next file run alone
        while (at < next.size()) {
            List<MigrationRunner.Guarded> group = pipelining ? group(next, at, statements, expected.digest()) : List.of();
            if (group.size() > 1) {
                List<Migration> sending = next.subList(at, at + group.size());
                MigrationRunner.Sent sent = runner.pipelined(c, group, (tx, n) -> committed(tx, sending.subList(0, n)));
                for (AppliedMigration row : sent.rows()) {
                    expected.recorded(row);
                    at++;
                    applied.add(row);
                    progress.applied(applied.size(), total, row);
                }
                if (sent.failure() != null) {
                    throw sent.failure();
                }
                pipelining = sent.again();
                firstTry = sent.nextTry();
                if (sent.rows().size() == group.size()) {
                    continue;
                }
                // the next one runs alone: it waits for the lock, reads the history again, or is tried again
            }
            Migration m = next.get(at);
            UnderLock check = new UnderLock(m, expected, applied);
            List<SqlStatement> s = statements.computeIfAbsent(m.version(), v -> MigrationRunner.split(m.file(), m.sql()));
            AppliedMigration row = runner.run(c, new MigrationRunner.Unit(m.file(), s, m.noTransaction(), false,
                    (tx, millis, commit) -> history.insert(tx, m, millis, commit)), check, firstTry);
            firstTry = 1;
            if (check.seen != null) { // another runner changed the history: go on from the plan on what was read
                expected.reread(check.seen, check.seenDigest);
                next = check.seen.pending(target);
                at = 0;
            }
            if (row != null) {
                expected.recorded(row);
                at++; // m was the first pending, whether on the list this run had or on the one just read
                applied.add(row);
                total = Math.max(total, applied.size() + next.size() - at);
                progress.applied(applied.size(), total, row);
            }
        }
        return new MigrateResult(applied, Math.max(0, expected.rowCount() - applied.size()), false);
    }

    /**
     * The files from {@code next[at]} on to send in one pipeline ({@link MigrationRunner#pipelined}): as many as
     * follow one another that run in a transaction and whose statements all return no rows, at most
     * {@link #GROUP}. Each one's guard expects the history as this run knows it plus the files before it in
     * the group, the newest row being the one just before it. Empty when the guard cannot be written.
     */
    private List<MigrationRunner.Guarded> group(List<Migration> next, int at, Map<Integer, List<SqlStatement>> statements,
                                                HistoryDigest digest) {
        List<MigrationRunner.Guarded> out = new ArrayList<>();
        long count = digest.count();
        long sum = digest.versionSum();
        String newest = digest.newestSql();
        for (int i = at; i < next.size() && out.size() < GROUP; i++) {
            Migration m = next.get(i);
            if (m.noTransaction()) {
                break;
            }
            List<SqlStatement> s = statements.computeIfAbsent(m.version(), v -> MigrationRunner.split(m.file(), m.sql()));
            if (!s.stream().allMatch(st -> Pipelined.quiet(st.sql()))) {
                break;
            }
            String guard = runner.guard(HistoryDigest.condition(history, count, sum, newest));
            if (guard == null) {
                return List.of();
            }
            out.add(new MigrationRunner.Guarded(new MigrationRunner.Unit(m.file(), s, false, false, null), guard,
                    history.insertStatement(m)));
            count++;
            sum += m.version();
            newest = "(SELECT \"applied_at\" FROM " + history.qualified() + " WHERE \"version\" = " + m.version() + ")";
        }
        return out;
    }

    /** The rows of {@code sent} that are in the history: the first ones, up to the first missing. */
    private List<AppliedMigration> committed(Connection c, List<Migration> sent) throws SQLException {
        if (sent.isEmpty()) {
            return List.of();
        }
        Map<Integer, AppliedMigration> rows = history.rows(c, sent.stream().map(Migration::version).toList());
        List<AppliedMigration> out = new ArrayList<>();
        for (Migration m : sent) {
            AppliedMigration row = rows.get(m.version());
            if (row == null) {
                break;
            }
            out.add(row);
        }
        return out;
    }

    /**
     * What this run expects the history to be: the plan it last validated, the rows it recorded since (kept
     * apart, so that recording one costs nothing per row already there), and their digest.
     */
    private static final class Expected {
        private Plan validated;
        private final List<AppliedMigration> since = new ArrayList<>();
        private HistoryDigest digest;

        Expected(Plan validated) {
            this.validated = validated;
            this.digest = HistoryDigest.of(validated.rows());
        }

        /** This run recorded {@code row}. */
        void recorded(AppliedMigration row) {
            since.add(row);
            digest = digest.plus(row);
        }

        /** The history was read again under the lock, and validated: {@code seen}, with {@code seenDigest}. */
        void reread(Plan seen, HistoryDigest seenDigest) {
            validated = seen;
            since.clear();
            digest = seenDigest;
        }

        HistoryDigest digest() {
            return digest;
        }

        /** The plan with the rows recorded since; built only when needed (the history changed). */
        Plan plan() {
            return since.isEmpty() ? validated : validated.with(since);
        }

        int rowCount() {
            return validated.rows().size() + since.size();
        }
    }

    /**
     * The check under the lock: when the history is not what this run expects (its digest, read in the
     * lock's exchange, differs), read and validate it again; run {@code m} only if it is still what comes
     * next. When nothing changed, {@code m} is next by construction (it is the pending file after the last
     * one this run applied).
     */
    private final class UnderLock implements MigrationRunner.Check {
        private final Migration m;
        private final Expected expected;
        private final List<AppliedMigration> applied;
        /** When the history changed: the plan on it as it is under the lock, and its digest; else null. */
        Plan seen;
        HistoryDigest seenDigest;

        UnderLock(Migration m, Expected expected, List<AppliedMigration> applied) {
            this.m = m;
            this.expected = expected;
            this.applied = applied;
        }

        @Override
        public String read() {
            return HistoryDigest.query(history);
        }

        @Override
        public boolean shouldRun(Connection c, ResultSet read) throws SQLException {
            HistoryDigest digest = HistoryDigest.from(read);
            if (digest.equals(expected.digest())) {
                seen = null; // validated already, and nobody changed the history since
                return true;
            }
            Plan known = expected.plan();
            seen = known.withRows(history.existingRows(c));
            seenDigest = digest;
            String done = applied.isEmpty() ? "Nothing was applied"
                    : "This run applied " + String.join(", ", applied.stream().map(Plan::title).toList()) + " before that, and nothing after";
            seen.validate(allowChanged, allowMissing, allowOutOfOrder, seen.changesSince(known), done);
            List<Migration> pending = seen.pending(target);
            return !pending.isEmpty() && pending.get(0).version() == m.version();
        }
    }
}
