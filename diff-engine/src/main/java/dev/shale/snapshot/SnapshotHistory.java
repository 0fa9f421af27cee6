package dev.shale.snapshot;

import java.nio.file.Path;
import java.util.List;

/**
 * The snapshots of a project, {@code NNNN_snapshot.json} in order, with the prevId chain checked.
 * TEMPORARY SIGNATURES.
 *
 * @param directory the snapshots folder
 * @param entries the snapshots, oldest first
 */
public record SnapshotHistory(Path directory, List<Entry> entries) {
    /**
     * @param number the migration number (0 for {@code 0000})
     * @param file the file
     * @param snapshot its content
     */
    public record Entry(int number, Path file, Snapshot snapshot) {}

    /** Reads and checks every snapshot in {@code directory}; a missing folder is an empty history. */
    public static SnapshotHistory load(Path directory) {
        throw new UnsupportedOperationException("being written");
    }

    /** The newest snapshot, or null when there is none. */
    public Snapshot latest() {
        return entries.isEmpty() ? null : entries.get(entries.size() - 1).snapshot();
    }

    /** The number the next migration gets. */
    public int nextNumber() {
        return entries.isEmpty() ? 0 : entries.get(entries.size() - 1).number() + 1;
    }
}
