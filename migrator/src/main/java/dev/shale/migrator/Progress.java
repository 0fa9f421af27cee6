package dev.shale.migrator;

/**
 * Told of each migration as soon as it is applied, for a front end to show a long run as it happens
 * ({@code 3/12 0003_add_orders … 120 ms}). Called on the migrating thread, after the migration's
 * transaction committed; small files sent to the server together (up to a hundred in one pipeline) are
 * told of together, in order, when the server has answered for all of them. What it throws ends the run
 * as a failure would.
 */
@FunctionalInterface
public interface Progress {
    /** Nothing is told. */
    Progress NONE = (done, total, migration) -> { };

    /**
     * @param done how many this run has applied, this one included
     * @param total how many the run expects to apply (more when another runner's rollback makes it apply again)
     * @param migration the history row just written
     */
    void applied(int done, int total, AppliedMigration migration);
}
