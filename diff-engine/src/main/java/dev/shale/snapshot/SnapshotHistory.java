package dev.shale.snapshot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The snapshots of a project, {@code NNNN_snapshot.json} oldest first, with the chain checked: numbers
 * run 0, 1, 2 without gaps, each file's {@code prevId} is the id of the one before, and each id matches
 * its content. A break means two branches each generated the same number, or a file was edited.
 *
 * @param directory the snapshots folder
 * @param entries the snapshots, oldest first
 */
public record SnapshotHistory(Path directory, List<Entry> entries) {
    /** File names the history reads. */
    public static final Pattern FILE_NAME = Pattern.compile("(\\d{4,})_snapshot\\.json");

    public SnapshotHistory {
        entries = List.copyOf(entries);
    }

    /**
     * One snapshot file.
     *
     * @param number the migration number (0 for {@code 0000})
     * @param file the file
     * @param snapshot its content
     */
    public record Entry(int number, Path file, Snapshot snapshot) {}

    /** The file name for migration {@code number}: {@code 0003_snapshot.json}. */
    public static String fileName(int number) {
        return String.format("%04d_snapshot.json", number);
    }

    /**
     * Reads and checks every snapshot in {@code directory}; a missing folder is an empty history.
     *
     * @throws SnapshotException naming the file when one is unreadable or the chain is broken
     */
    public static SnapshotHistory load(Path directory) {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(directory)) {
            list.filter(p -> FILE_NAME.matcher(p.getFileName().toString()).matches()).sorted().forEach(files::add);
        } catch (NoSuchFileException e) {
            return new SnapshotHistory(directory, List.of());
        } catch (IOException e) {
            throw new SnapshotException(directory.toString(), null, "cannot list the snapshots folder: " + e.getMessage());
        }
        List<Entry> entries = new ArrayList<>();
        String expectedPrev = Snapshot.ROOT_ID;
        Path previousFile = null;
        for (Path file : files) {
            Matcher m = FILE_NAME.matcher(file.getFileName().toString());
            m.matches();
            int number = Integer.parseInt(m.group(1));
            String shown = display(directory, file);
            if (number != entries.size()) {
                throw new SnapshotException(shown, null, number > entries.size()
                        ? "expected " + fileName(entries.size()) + " before it; snapshots must be numbered without gaps. "
                          + "Restore the missing file from version control, or renumber this one and its migration"
                        : "has the same number as another snapshot; keep one and renumber or remove the other");
            }
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new SnapshotException(shown, null, "cannot be read: " + e.getMessage());
            }
            Snapshot snapshot = SnapshotJson.read(text, shown);
            if (!snapshot.prevId().equals(expectedPrev)) {
                throw new SnapshotException(shown, "$.prevId", previousFile == null
                        ? "is " + snapshot.prevId() + " but the first snapshot's prevId must be " + Snapshot.ROOT_ID
                        : "is " + snapshot.prevId() + " but the snapshot before it, " + display(directory, previousFile)
                          + ", has id " + expectedPrev + ". The chain is broken, usually because two branches each generated "
                          + "migration " + String.format("%04d", number) + ". Keep one branch's files, delete the other's "
                          + "migration and snapshot of that number, and generate again on top");
            }
            String actualId = SnapshotJson.idFor(snapshot.prevId(), snapshot.model());
            if (!snapshot.id().equals(actualId)) {
                throw new SnapshotException(shown, "$.id", "does not match the file's content (expected " + actualId
                        + "): the snapshot was edited by hand. Restore it from version control; change the schema in code "
                        + "and generate instead");
            }
            entries.add(new Entry(number, file, snapshot));
            expectedPrev = snapshot.id();
            previousFile = file;
        }
        return new SnapshotHistory(directory, entries);
    }

    /** The newest snapshot, or null when there is none. */
    public Snapshot latest() {
        return entries.isEmpty() ? null : entries.get(entries.size() - 1).snapshot();
    }

    /** The number the next migration gets. */
    public int nextNumber() {
        return entries.size();
    }

    private static String display(Path directory, Path file) {
        Path parent = directory.getFileName();
        return parent == null ? file.getFileName().toString() : parent + "/" + file.getFileName();
    }
}
