package dev.shale.migrator;

import java.util.List;

/**
 * What a migrate run did (or, for a dry run, would do).
 *
 * @param applied the migrations applied in this run, in order (for a dry run: those that would be)
 * @param alreadyApplied how many were in the history table already
 * @param dryRun whether nothing was executed
 */
public record MigrateResult(List<AppliedMigration> applied, int alreadyApplied, boolean dryRun) {
    public MigrateResult {
        applied = List.copyOf(applied);
    }
}
