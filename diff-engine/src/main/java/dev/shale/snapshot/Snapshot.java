package dev.shale.snapshot;

import dev.shale.model.SchemaModel;

/**
 * The full schema after one migration, as written to {@code snapshots/NNNN_snapshot.json}.
 *
 * @param version the file format version ({@link #FORMAT_VERSION})
 * @param dialect the SQL dialect, {@code postgresql}
 * @param id this snapshot's id, derived from its content and {@code prevId}, so the same input gives the same file
 * @param prevId the previous snapshot's id, or {@link #ROOT_ID} for the first
 * @param model the schema
 */
public record Snapshot(int version, String dialect, String id, String prevId, SchemaModel model) {
    /** The format Shale writes: 2, compact (defaults and derived names left out, a line per column). Format 1 still reads. */
    public static final int FORMAT_VERSION = 2;
    public static final String DIALECT = "postgresql";
    public static final String ROOT_ID = "00000000-0000-0000-0000-000000000000";

    /** The snapshot that follows {@code previous} (null for the first) with {@code model}. */
    public static Snapshot next(Snapshot previous, SchemaModel model) {
        String prevId = previous == null ? ROOT_ID : previous.id();
        return new Snapshot(FORMAT_VERSION, DIALECT, SnapshotJson.idFor(prevId, model), prevId, model);
    }
}
