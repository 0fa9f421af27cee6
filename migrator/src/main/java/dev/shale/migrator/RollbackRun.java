package dev.shale.migrator;

import dev.shale.migrator.MigrationException.Reason;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code rollback}: planned from the history read before the lock ({@link #plan}), then run holding
 * the migration lock from the first down file to the last ({@link #run}), after checking under that lock
 * that the newest applied migrations are still exactly the planned ones. A rollback therefore undoes what
 * it was planned (and confirmed) to undo, or nothing: if a migrate or another rollback changed the
 * newest rows in between, it refuses rather than undo something else, and no migrate can slip in
 * between its steps and leave a hole in the history.
 *
 * <p>When every down file may run in a transaction, they all run in one transaction (atomic, and the
 * transaction-level lock holds behind a transaction pooler). When one must run outside a transaction,
 * the session-level lock is held across all of them, each transactional one in its own transaction;
 * that needs a direct connection, as for any {@code -- shale:no-transaction} file.
 */
final class RollbackRun {
    private final HistoryTable history;
    private final MigrationRunner runner;

    RollbackRun(HistoryTable history, MigrationRunner runner) {
        this.history = history;
        this.runner = runner;
    }

    /** The newest {@code steps} applied migrations with their down files; refuses what cannot be rolled back. */
    RollbackPlan plan(Plan plan, int steps) {
        List<AppliedMigration> rows = plan.rows();
        if (rows.size() < steps) {
            throw MigrationException.of(Reason.REFUSED, null, "cannot roll back " + steps + " migration" + (steps == 1 ? "" : "s")
                    + ": only " + rows.size() + " " + (rows.size() == 1 ? "is" : "are") + " recorded in " + history
                    + ". Ask for at most " + rows.size() + ".");
        }
        List<RollbackPlan.Step> out = new ArrayList<>();
        for (AppliedMigration row : plan.newest(steps)) {
            Migration m = plan.reversible(row);
            out.add(new RollbackPlan.Step(row, m, DownWarnings.dataLoss(m.downSql(), MigrationRunner.split(m.downFile(), m.downSql()))));
        }
        return new RollbackPlan(out, rows.size() - steps);
    }

    /** Runs the plan's down files, newest first, and removes their rows; refuses with nothing done when the history moved. */
    MigrateResult run(Connection c, RollbackPlan plan) {
        List<MigrationRunner.Unit> units = new ArrayList<>();
        for (RollbackPlan.Step step : plan.steps()) {
            Migration m = step.migration();
            units.add(new MigrationRunner.Unit(m.downFile(), MigrationRunner.split(m.downFile(), m.downSql()),
                    Checksums.hasHeaderDirective(m.downSql(), "no-transaction"), true, (tx, millis, commit) -> {
                        history.delete(tx, step.applied().version(), commit);
                        return step.applied();
                    }));
        }
        List<AppliedMigration> undone;
        if (units.stream().noneMatch(MigrationRunner.Unit::noTransaction)) {
            undone = runner.inOneTransaction(c, units, (tx, read) -> verify(tx, plan));
        } else {
            undone = runner.underSessionLock(c, s -> {
                verify(s, plan);
                List<AppliedMigration> rows = new ArrayList<>();
                for (MigrationRunner.Unit unit : units) {
                    rows.add(runner.run(s, unit, (tx, read) -> true)); // verified under the session lock, still held
                }
                return rows;
            });
        }
        return new MigrateResult(undone, plan.remaining(), false);
    }

    /** Under the lock: the newest rows must be exactly the planned ones, else nothing is done. */
    private boolean verify(Connection c, RollbackPlan plan) throws SQLException {
        List<AppliedMigration> rows = history.existingRows(c);
        List<AppliedMigration> newest = Plan.newest(rows, plan.steps().size());
        if (rows.size() - newest.size() != plan.remaining() || !newest.equals(plan.rows())) {
            throw MigrationException.of(Reason.HISTORY_CHANGED, plan.steps().get(0).migration().downFile(),
                    "refusing to roll back: the history table " + history + " changed after this rollback was planned. It was to undo "
                    + titles(plan.rows()) + ", the newest " + (plan.rows().size() == 1 ? "migration" : plan.rows().size() + " migrations")
                    + " applied then; now the newest " + (newest.isEmpty() ? "are none (nothing is applied)" : "are " + titles(newest))
                    + " (another migrate or rollback ran meanwhile). Nothing was rolled back: look at the status again and plan"
                    + " the rollback anew.");
        }
        return true;
    }

    private static String titles(List<AppliedMigration> rows) {
        return String.join(", ", rows.stream().map(Plan::title).toList());
    }
}
