package dev.shale.workflow;

import dev.shale.migrator.MigrationFileName;
import dev.shale.migrator.SumFile;
import dev.shale.snapshot.SnapshotHistory;
import dev.shale.workflow.WorkflowException.Reason;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The history files of a project (migrations, down files, snapshots, the integrity file), and a check of a
 * whole new set of them in a scratch folder, with the same checks {@code check} makes, before a workflow
 * that rewrites the history ({@link Rebaser}, {@link Dropper}) touches the real files.
 */
final class ScratchCheck {
    private ScratchCheck() {}

    /** The migration, down and snapshot files and the integrity file as they are now. */
    static List<Path> historyFiles(Project project) {
        List<Path> out = new ArrayList<>();
        list(project.migrationsDir(), out, name -> MigrationFileName.parse(name) != null || name.equals(SumFile.FILE_NAME));
        list(project.snapshotsDir(), out, name -> SnapshotHistory.FILE_NAME.matcher(name).matches());
        return out;
    }

    private static void list(Path dir, List<Path> out, java.util.function.Predicate<String> names) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> Files.isRegularFile(f) && names.test(f.getFileName().toString()))
                    .filter(f -> !out.contains(f)).sorted().forEach(out::add);
        } catch (IOException e) {
            throw new WorkflowException(Reason.IO, dir.toString(), "could not list " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes {@code files} (every history file of the new state, by their real paths) to a scratch folder and
     * checks them there: the snapshot chain, migrations and snapshots in step, down files, the integrity file.
     * A failure means a bug in the workflow that planned them; nothing real was touched.
     */
    static void verify(Project project, Map<Path, String> files) {
        Path scratch;
        try {
            scratch = Files.createTempDirectory("shale-history-");
        } catch (IOException e) {
            throw new WorkflowException(Reason.IO, null, "could not create a scratch folder to check the new history: " + e.getMessage(), e);
        }
        try {
            Path migrations = scratch.resolve("migrations");
            Path snapshots = project.snapshotsDir().equals(project.migrationsDir()) ? migrations : scratch.resolve("snapshots");
            Files.createDirectories(migrations);
            Files.createDirectories(snapshots);
            for (var e : files.entrySet()) {
                Path dir = e.getKey().getParent().equals(project.migrationsDir()) ? migrations : snapshots;
                Files.writeString(dir.resolve(e.getKey().getFileName().toString()), e.getValue(), StandardCharsets.UTF_8);
            }
            Project copy = Project.at(scratch).withMigrationsDir(migrations).withSnapshotsDir(snapshots).withLayout(project.layout());
            SnapshotHistory history = SnapshotHistory.load(snapshots);
            ProjectFiles.checkInStep(copy, history);
            ProjectFiles.checkDownFiles(copy);
            Integrity.verify(copy, false);
        } catch (IOException e) {
            throw new WorkflowException(Reason.IO, null, "could not write the scratch copy of the new history: " + e.getMessage(), e);
        } finally {
            try (Stream<Path> all = Files.walk(scratch)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a scratch folder left in the temporary directory harms nothing
            }
        }
    }
}
