package dev.shale.workflow;

import dev.shale.snapshot.Snapshot;
import dev.shale.snapshot.SnapshotHistory;
import dev.shale.snapshot.SnapshotJson;
import dev.shale.workflow.WorkflowException.Reason;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.stream.Stream;

/**
 * Finds the marks a merge of two branches that each generated migrations leaves in a project, before
 * anything else reads the files, so the user is told "two branches each generated 0007" rather than a
 * JSON parse error or a broken chain: two migrations of one number, a snapshot holding git's conflict
 * markers, two snapshots that follow the same one, and an integrity file holding conflict markers.
 * One paragraph per problem, naming both files.
 */
final class BranchConflicts {
    private BranchConflicts() {}

    /** Throws {@link Reason#BRANCH_CONFLICT} with every problem found; returns when the history does not fork. */
    static void check(Project project) {
        List<Problem> problems = problems(project);
        if (!problems.isEmpty()) {
            throw new WorkflowException(Reason.BRANCH_CONFLICT, problems.get(0).file(),
                    String.join("\n", problems.stream().map(Problem::paragraph).toList()));
        }
    }

    /**
     * One problem.
     *
     * @param file the first file it names
     * @param paragraph what is wrong and what the fix is
     */
    record Problem(String file, String paragraph) {}

    /** The problems, one paragraph each; empty when the history is one chain. */
    static List<Problem> problems(Project project) {
        List<Problem> out = new ArrayList<>();
        Map<Integer, List<Path>> migrations = ProjectFiles.migrations(project.migrationsDir());
        Map<Integer, Path> snapshots = snapshots(project.snapshotsDir());
        for (var e : migrations.entrySet()) {
            if (e.getValue().size() < 2) {
                continue;
            }
            String number = String.format("%04d", e.getKey());
            Path snapshot = snapshots.get(e.getKey());
            String files = and(e.getValue().stream().map(project::show).toList());
            String snapshotPart;
            if (snapshot == null) {
                snapshotPart = "Neither snapshot " + number + "_snapshot.json is there any more";
            } else if (hasConflictMarkers(snapshot)) {
                snapshotPart = "Each wrote its own " + project.show(snapshot) + ", and git left both versions in it between conflict markers";
            } else {
                snapshotPart = "Each wrote its own " + project.show(snapshot) + "; only one of the two is left, so the other"
                        + " migration has no snapshot of its own";
            }
            out.add(new Problem(project.show(e.getValue().get(0)), "Two branches each generated migration " + number + ": " + files + ". " + snapshotPart + ". A history is one"
                    + " chain, so one branch's migrations must follow the other's: keep the migrations of the branch merged in as"
                    + " they are, and regenerate this branch's after them from the merged snapshot, renumbered."));
        }
        for (var e : snapshots.entrySet()) {
            boolean counted = migrations.getOrDefault(e.getKey(), List.of()).size() > 1;
            if (!counted && hasConflictMarkers(e.getValue())) {
                out.add(new Problem(project.show(e.getValue()), project.show(e.getValue()) + " holds git's conflict markers: two branches each generated migration "
                        + String.format("%04d", e.getKey()) + " (under the same name, so git merged their files into one). Keep"
                        + " the migrations of the branch merged in as they are, and regenerate this branch's after them from the"
                        + " merged snapshot, renumbered."));
            }
        }
        Map<String, Path> byPrevious = new LinkedHashMap<>();
        for (var e : snapshots.entrySet()) {
            String prevId = prevId(e.getValue());
            if (prevId == null) {
                continue;
            }
            Path sibling = byPrevious.putIfAbsent(prevId, e.getValue());
            if (sibling != null) {
                out.add(new Problem(project.show(sibling), project.show(sibling) + " and " + project.show(e.getValue()) + " both follow the same snapshot (prevId "
                        + prevId + "): two branches each generated the next migration (" + and(migrationsOf(project, migrations,
                        number(sibling), number(e.getValue()))) + "), and one was renumbered without being generated again on top"
                        + " of the other, so it does not contain the other's changes. Regenerate it after the other from the"
                        + " merged snapshot."));
            }
        }
        Path sum = Integrity.file(project);
        if (!out.isEmpty() || hasConflictMarkers(sum)) {
            if (hasConflictMarkers(sum)) {
                out.add(new Problem(project.show(sum), project.show(sum) + " holds git's conflict markers: both branches added migrations, so it vouches for"
                        + " neither history. This is a half-merged history, and migrating it would fail or apply both"
                        + " branches' migrations in an order nobody reviewed. Never merge its lines by hand: it is written again"
                        + " from the files once the migrations form one chain."));
            }
        }
        return out;
    }

    private static List<String> migrationsOf(Project project, Map<Integer, List<Path>> migrations, int... numbers) {
        List<String> out = new ArrayList<>();
        for (int n : numbers) {
            migrations.getOrDefault(n, List.of()).forEach(p -> out.add(project.show(p)));
        }
        return out;
    }

    private static int number(Path snapshot) {
        Matcher m = SnapshotHistory.FILE_NAME.matcher(snapshot.getFileName().toString());
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }

    private static String and(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    private static Map<Integer, Path> snapshots(Path dir) {
        Map<Integer, Path> out = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.sorted().forEach(f -> {
                Matcher m = SnapshotHistory.FILE_NAME.matcher(f.getFileName().toString());
                if (m.matches()) {
                    out.putIfAbsent(Integer.parseInt(m.group(1)), f);
                }
            });
        } catch (IOException e) {
            throw new WorkflowException(Reason.IO, dir.toString(), "could not list " + dir + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** The snapshot's prevId, or null when it cannot be read (the snapshot history then says why). */
    private static String prevId(Path snapshot) {
        try {
            Snapshot s = SnapshotJson.read(Files.readString(snapshot, StandardCharsets.UTF_8), snapshot.toString());
            return s.prevId();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Whether a file holds a line git writes around a conflict. */
    static boolean hasConflictMarkers(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try {
            return hasConflictMarkers(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return false;
        }
    }

    static boolean hasConflictMarkers(String text) {
        for (String line : text.split("\n")) {
            if (line.startsWith("<<<<<<< ") || line.equals("<<<<<<<") || line.startsWith(">>>>>>> ") || line.equals("=======")) {
                return true;
            }
        }
        return false;
    }
}
