package dev.shale.migrator;

import java.util.List;

/**
 * Every migration the files or the history table know of, with its state.
 *
 * @param entries by version
 */
public record MigrationStatus(List<Entry> entries) {
    public MigrationStatus {
        entries = List.copyOf(entries);
    }

    /** Why a migration is where it is, and what to do about it. */
    public enum State {
        /** In the history table with the same checksum. */
        APPLIED,
        /** Not in the history table: the next migrate applies it. */
        PENDING,
        /** Applied, but the file changed since: restore the file; never edit an applied migration. */
        CHANGED,
        /** Applied, but its file is gone: restore it from version control. */
        MISSING,
        /** Not applied, numbered below the newest applied one (merged late from another branch). */
        OUT_OF_ORDER,
        /**
         * A file has the version of an applied migration recorded under another name (the entry's
         * {@code applied} row): the file was renamed after it was applied, or two branches used the same
         * number. Migrate refuses it whatever it is allowed: restore the recorded name, or restore the
         * applied migration's file and renumber this one.
         */
        CONFLICT
    }

    /**
     * @param version the migration number
     * @param name its name
     * @param state its state
     * @param applied the history row, or null when not applied; for {@link State#CONFLICT}, the row
     *        recorded under another name
     */
    public record Entry(int version, String name, State state, AppliedMigration applied) {}

    /** Whether anything is CHANGED, MISSING or in CONFLICT (status exits non-zero then). */
    public boolean hasProblems() {
        return entries.stream().anyMatch(e -> e.state() == State.CHANGED || e.state() == State.MISSING || e.state() == State.CONFLICT);
    }
}
