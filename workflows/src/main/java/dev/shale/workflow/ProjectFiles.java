package dev.shale.workflow;

import dev.shale.migrator.MigrationFileName;
import dev.shale.workflow.WorkflowException.Reason;
import dev.shale.snapshot.SnapshotHistory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Checks that {@code migrations/} and {@code snapshots/} are in step: one migration per snapshot
 * number and back, no number used twice (as happens when two branches each add the next migration).
 */
public final class ProjectFiles {
    private static final String DOWN = ".down.sql";

    private ProjectFiles() {}

    /** The up file's name of a migration file name, in either layout, or null when {@code fileName} is no up file ({@code 0001_a.sql}, {@code V1__a.sql}). */
    private static MigrationFileName up(String fileName) {
        MigrationFileName n = MigrationFileName.parse(fileName);
        return n != null && !n.down() && (fileName.startsWith("V") || n.number().length() >= 4) ? n : null;
    }

    /** The down file beside an up file, named in the up file's layout ({@code 0001_a.down.sql}, {@code U1__a.sql}). */
    private static String downOf(String upName) {
        return upName.startsWith("V") ? "U" + upName.substring(1) : upName.substring(0, upName.length() - ".sql".length()) + DOWN;
    }

    /** The up file a down file belongs to, or null when {@code fileName} is no down file. */
    private static String upOf(String fileName) {
        MigrationFileName n = MigrationFileName.parse(fileName);
        if (n == null || !n.down()) {
            return null;
        }
        return fileName.startsWith("U") ? "V" + fileName.substring(1) : fileName.substring(0, fileName.length() - DOWN.length()) + ".sql";
    }

    /** The migration files by number. */
    public static Map<Integer, List<Path>> migrations(Path dir) {
        Map<Integer, List<Path>> out = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.sorted().forEach(f -> {
                MigrationFileName m = up(f.getFileName().toString());
                if (m != null) {
                    out.computeIfAbsent(Integer.parseInt(m.number()), k -> new ArrayList<>()).add(f);
                }
            });
        } catch (IOException e) {
            throw new WorkflowException(Reason.IO, dir.toString(), "could not list " + dir + ": " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * Each migration's down file ({@code NNNN_<name>.down.sql}, in Flyway's layout {@code U<n>__<name>.sql},
     * written by generate beside it), and no down file without its migration.
     */
    static void checkDownFiles(Project config) {
        Path dir = config.migrationsDir();
        List<String> problems = new ArrayList<>();
        for (List<Path> files : migrations(dir).values()) {
            for (Path up : files) {
                String name = up.getFileName().toString();
                Path down = up.resolveSibling(downOf(name));
                if (!Files.isRegularFile(down)) {
                    problems.add(config.show(up) + " has no down file " + config.show(down));
                }
            }
        }
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                files.sorted().forEach(f -> {
                    String upName = upOf(f.getFileName().toString());
                    if (upName != null && !Files.isRegularFile(f.resolveSibling(upName))) {
                        problems.add(config.show(f) + " has no migration " + upName);
                    }
                });
            } catch (IOException e) {
                throw new WorkflowException(Reason.IO, dir.toString(), "could not list " + dir + ": " + e.getMessage(), e);
            }
        }
        if (!problems.isEmpty()) {
            throw new WorkflowException(Reason.DOWN_FILE_MISSING, null, String.join("; ", problems) + ". Every migration is"
                    + " committed with the down file generated beside it (rolling back runs it): restore it from version"
                    + " control, or for a hand-written migration write its reverse by hand in that file");
        }
    }

    static void checkInStep(Project config, SnapshotHistory history) {
        Map<Integer, List<Path>> migrations = migrations(config.migrationsDir());
        for (var e : migrations.entrySet()) {
            if (e.getValue().size() > 1) {
                throw new WorkflowException(Reason.FILES_OUT_OF_STEP, config.show(e.getValue().get(0)), "two migrations share the number "
                        + String.format("%04d", e.getKey()) + ": " + e.getValue().stream().map(config::show).toList()
                        + ". This happens when two branches each add a migration; keep one, then generate again so the"
                        + " other branch's changes get the next number");
            }
        }
        for (SnapshotHistory.Entry entry : history.entries()) {
            if (!migrations.containsKey(entry.number())) {
                throw new WorkflowException(Reason.FILES_OUT_OF_STEP, config.show(entry.file()), config.show(entry.file()) + " has no migration "
                        + config.show(config.migrationsDir()) + "/" + String.format("%04d", entry.number())
                        + "_<name>.sql; restore the migration from version control, or remove the snapshot if the migration was never applied");
            }
        }
        for (var e : migrations.entrySet()) {
            boolean known = history.entries().stream().anyMatch(s -> s.number() == e.getKey());
            if (!known) {
                throw new WorkflowException(Reason.FILES_OUT_OF_STEP, config.show(e.getValue().get(0)), config.show(e.getValue().get(0)) + " has no snapshot "
                        + config.show(config.snapshotsDir()) + "/" + String.format("%04d", e.getKey())
                        + "_snapshot.json; restore the snapshot from version control (each migration is committed with its snapshot)");
            }
        }
    }
}
