package dev.shale.cli.pull;

import dev.shale.model.SchemaModel;
import dev.shale.workflow.Concurrently;
import dev.shale.workflow.FileBatch;
import dev.shale.workflow.MigrationLayout;
import dev.shale.workflow.Puller;
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
 * Every file {@code shale pull} writes: the Java sources, and, when the project has no snapshot yet, the
 * library's baseline ({@link Puller#baseline}) so the next {@code generate} starts from the real state.
 * The code and the baseline declare the same model, so {@code generate} starts with nothing to do.
 */
public final class PullFiles {
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
        return files(model, packageName, sourceRoot, snapshotsDir, migrationsDir, MigrationLayout.SHALE);
    }

    /** The files, the baseline migration named in {@code layout}. */
    public static List<PulledFile> files(SchemaModel model, String packageName, Path sourceRoot, Path snapshotsDir,
                                         Path migrationsDir, MigrationLayout layout) {
        List<PulledFile> out = new ArrayList<>();
        SchemaModel readable = ReadableDefaults.of(model);
        // the baseline (a diff from nothing, its SQL and its snapshot) is made on a second thread while the
        // code is written: at 1,000 tables each takes about a second
        Concurrently<List<FileBatch.Entry>> baseline = Concurrently.start("baseline",
                () -> Puller.baseline(snapshotsDir, migrationsDir, readable, layout));
        baseline.meanwhile(() -> JavaSchemaWriter.write(readable, packageName))
                .forEach((path, text) -> out.add(new PulledFile(sourceRoot.resolve(path), text)));
        baseline.join().forEach(e -> out.add(new PulledFile(e.target(), e.content())));
        return out;
    }
}
