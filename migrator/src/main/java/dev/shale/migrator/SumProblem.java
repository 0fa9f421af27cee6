package dev.shale.migrator;

/**
 * One way the migration files, the snapshots or the sum file itself disagree with the sum file
 * ({@link SumFile#verify}). Found before any database is involved.
 *
 * @param kind what is wrong
 * @param file the file concerned, by name ({@code 0003_add_index.sql}, {@code 0003_snapshot.json}, or
 *             the sum file's own name for {@link Kind#SUM_CHANGED} and {@link Kind#MALFORMED})
 * @param message a paragraph for people: what is wrong and what to do
 */
public record SumProblem(Kind kind, String file, String message) {
    /** What is wrong. */
    public enum Kind {
        /** A migration (up or down file) differs from the one the sum recorded: edited by hand after it was written. */
        EDITED,
        /** A snapshot differs from the one written with its migration: edited by hand, so it no longer describes what the migrations build. */
        SNAPSHOT_CHANGED,
        /** A file the sum lists is gone. */
        REMOVED,
        /** A migration or snapshot is not in the sum: written by hand, or merged from another branch without its sum line. */
        ADDED,
        /** A migration has no snapshot of its number, or a snapshot has no migration. */
        UNPAIRED,
        /** Two migrations have one number: two branches each added one, and both were merged. */
        NUMBER_TAKEN,
        /** A sum line does not follow from the lines above it: lines of two branches were merged, or lines were moved. */
        CHAIN_BROKEN,
        /** The sum file's first line does not match the lines below it: the sum file itself was edited or merged by hand. */
        SUM_CHANGED,
        /** A line of the sum file is not a sum line (a merge conflict marker, a truncated line). */
        MALFORMED
    }
}
