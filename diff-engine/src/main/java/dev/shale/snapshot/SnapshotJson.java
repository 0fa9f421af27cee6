package dev.shale.snapshot;

import dev.shale.model.SchemaModel;

/** Snapshot files: sorted keys, two-space indent, {@code \n}, trailing newline. TEMPORARY SIGNATURES. */
public final class SnapshotJson {
    private SnapshotJson() {}

    public static String write(Snapshot snapshot) {
        throw new UnsupportedOperationException("being written");
    }

    /** @param file the file name, for messages */
    public static Snapshot read(String json, String file) {
        throw new UnsupportedOperationException("being written");
    }

    /** A deterministic id: a UUID-shaped hash of {@code prevId} and the model's canonical JSON. */
    public static String idFor(String prevId, SchemaModel model) {
        throw new UnsupportedOperationException("being written");
    }
}
