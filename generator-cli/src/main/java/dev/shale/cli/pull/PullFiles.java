package dev.shale.cli.pull;

import dev.shale.model.SchemaModel;
import dev.shale.snapshot.Snapshot;
import dev.shale.snapshot.SnapshotJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every file {@code shale pull} writes: the Java sources, and, when the project has no snapshot yet, a
 * baseline so the next {@code generate} starts from the real state: {@code 0000_snapshot.json} with
 * the pulled model, and a {@code 0000_baseline.sql} migration (with its down file) that only comments,
 * since the database already has the schema; {@code migrate} records it and runs nothing. The code and
 * the baseline declare the same model, so {@code generate} starts with nothing to do.
 */
public final class PullFiles {
    /** The baseline migration's name. */
    public static final String BASELINE = "0000_baseline";

    private PullFiles() {}

    /**
     * A file to create.
     *
     * @param target where it goes
     * @param content its text
     */
    public record PulledFile(Path target, String content) {}

    /**
     * @param model the introspected schema; its literal defaults are written readably (see {@link ReadableDefaults})
     * @param packageName the Java package of the generated classes
     * @param sourceRoot the source folder the package lives under ({@code src/main/java})
     * @param snapshotsDir the project's snapshots folder
     * @param migrationsDir the project's migrations folder
     */
    public static List<PulledFile> files(SchemaModel model, String packageName, Path sourceRoot, Path snapshotsDir,
                                         Path migrationsDir) {
        List<PulledFile> out = new ArrayList<>();
        SchemaModel readable = ReadableDefaults.of(model);
        JavaSchemaWriter.write(readable, packageName).forEach((path, text) -> out.add(new PulledFile(sourceRoot.resolve(path), text)));
        if (!hasSnapshot(snapshotsDir)) {
            Snapshot baseline = Snapshot.next(null, readable);
            out.add(new PulledFile(snapshotsDir.resolve("0000_snapshot.json"), SnapshotJson.write(baseline)));
            out.add(new PulledFile(migrationsDir.resolve(BASELINE + ".sql"), """
                    -- Baseline: the schema as `shale pull` read it from the database (snapshot 0000_snapshot.json).
                    -- The database already has it, so this migration runs nothing; `shale migrate` only records it.
                    -- Later migrations, from `shale generate`, start from this state.
                    """));
            out.add(new PulledFile(migrationsDir.resolve(BASELINE + ".down.sql"), """
                    -- Rolling back the baseline removes nothing: the schema existed before Shale managed it.
                    """));
        }
        return out;
    }

    /** Whether {@code dir} holds a {@code NNNN_snapshot.json}. */
    public static boolean hasSnapshot(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.getFileName().toString().matches("\\d{4,}_snapshot\\.json"));
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + dir + ": " + e.getMessage(), e);
        }
    }
}
