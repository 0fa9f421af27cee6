package dev.shale.migrator;

import java.util.List;

/**
 * What a rollback undoes, worked out before anything runs ({@link Migrator#rollbackPlan(int)}): the newest
 * applied migrations, newest first, with their down files and the data loss those files declare. A front
 * end shows {@link Step#dataLoss()} and asks before {@link Migrator#rollback(RollbackPlan)}, which runs
 * exactly this plan, or refuses with nothing done when the history changed in between.
 *
 * @param steps the migrations to undo, newest first
 * @param remaining how many applied migrations stay applied
 */
public record RollbackPlan(List<Step> steps, int remaining) {
    public RollbackPlan {
        steps = List.copyOf(steps);
    }

    /**
     * One migration to undo.
     *
     * @param applied its history row as read when planning; the rollback refuses unless the newest rows are still exactly these
     * @param migration the migration with its down file ({@link Migration#downFile()}, {@link Migration#downSql()})
     * @param dataLoss what running the down file loses, one line each: its header's {@code -- WARNING data loss:}
     *     lines (as {@code generate} writes them), or for a down file without such a line, each statement that
     *     drops a table, a schema or a column, truncates or deletes ({@code statement 2 (line 5) drops a table: DROP TABLE a})
     */
    public record Step(AppliedMigration applied, Migration migration, List<String> dataLoss) {
        public Step {
            dataLoss = List.copyOf(dataLoss);
        }
    }

    /** Whether any step loses data. */
    public boolean losesData() {
        return steps.stream().anyMatch(s -> !s.dataLoss().isEmpty());
    }

    /** The history rows this plan removes, newest first. */
    List<AppliedMigration> rows() {
        return steps.stream().map(Step::applied).toList();
    }
}
