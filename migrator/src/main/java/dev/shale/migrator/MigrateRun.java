package dev.shale.migrator;

import java.sql.Connection;
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
     */
    MigrateResult run(Connection c, Plan plan, Map<Integer, List<SqlStatement>> split) {
        Map<Integer, List<SqlStatement>> statements = new HashMap<>(split);
        List<AppliedMigration> applied = new ArrayList<>();
        Plan known = plan;
        HistoryDigest digest = HistoryDigest.of(plan.rows());
        List<Migration> next = known.pending(target);
        int total = next.size();
        while (!next.isEmpty()) {
            Migration m = next.get(0);
            UnderLock check = new UnderLock(m, known, digest, applied);
            List<SqlStatement> s = statements.computeIfAbsent(m.version(), v -> MigrationRunner.split(m.file(), m.sql()));
            AppliedMigration row = runner.run(c, new MigrationRunner.Unit(m.file(), s, m.noTransaction(), false,
                    (tx, millis) -> history.insert(tx, m, millis)), check);
            known = row == null ? check.seen : check.seen.with(row);
            digest = row == null ? check.seenDigest : check.seenDigest.plus(row);
            next = known.pending(target);
            if (row != null) {
                applied.add(row);
                total = Math.max(total, applied.size() + next.size());
                progress.applied(applied.size(), total, row);
            }
        }
        return new MigrateResult(applied, Math.max(0, known.rows().size() - applied.size()), false);
    }

    /**
     * The check under the lock: when the history is not what this run last saw (its digest differs), read
     * and validate it again; run {@code m} only if it is still what comes next.
     */
    private final class UnderLock implements MigrationRunner.Check {
        private final Migration m;
        private final Plan known;
        private final HistoryDigest digest;
        private final List<AppliedMigration> applied;
        /** The plan on the history as it is under the lock, and its digest. */
        Plan seen;
        HistoryDigest seenDigest;

        UnderLock(Migration m, Plan known, HistoryDigest digest, List<AppliedMigration> applied) {
            this.m = m;
            this.known = known;
            this.digest = digest;
            this.applied = applied;
        }

        @Override
        public boolean shouldRun(Connection c) throws SQLException {
            seenDigest = HistoryDigest.read(c, history);
            if (seenDigest.equals(digest)) {
                seen = known; // validated already, and nobody changed the history since
            } else {
                seen = known.withRows(history.existingRows(c));
                String done = applied.isEmpty() ? "Nothing was applied"
                        : "This run applied " + String.join(", ", applied.stream().map(Plan::title).toList()) + " before that, and nothing after";
                seen.validate(allowChanged, allowMissing, allowOutOfOrder, seen.changesSince(known), done);
            }
            List<Migration> pending = seen.pending(target);
            return !pending.isEmpty() && pending.get(0).version() == m.version();
        }
    }
}
