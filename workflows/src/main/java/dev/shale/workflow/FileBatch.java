package dev.shale.workflow;

import dev.shale.workflow.WorkflowException.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Writes a set of new files all or nothing: every file goes to a temporary file beside its target, and
 * only when all are written are they moved into place (atomic renames). A failure removes the
 * temporaries, the files already moved and the folders it created, so the folders are left exactly as
 * they were.
 */
public final class FileBatch {
    private FileBatch() {}

    /**
     * A file to write.
     *
     * @param target where it goes; must not exist yet unless {@code replace}
     * @param content its text, written as UTF-8
     * @param replace whether an existing file is replaced (the integrity file, which every generate rewrites);
     *                a failure puts the old content back
     */
    public record Entry(Path target, String content, boolean replace) {
        /** A new file, which must not exist yet. */
        public Entry(Path target, String content) {
            this(target, content, false);
        }
    }

    public static void commit(List<Entry> entries) {
        commit(entries, p -> { });
    }

    /** @param beforeMove called before each move, so tests can make one fail */
    static void commit(List<Entry> entries, Consumer<Path> beforeMove) {
        for (Entry e : entries) {
            if (!e.replace() && Files.exists(e.target())) {
                throw new WorkflowException(Reason.FILE_EXISTS, e.target().toString(), e.target() + " already exists; Shale never overwrites a migration or snapshot."
                        + " Remove it if it is a leftover, or check that migrations/ and snapshots/ are in step");
            }
        }
        List<Path> createdDirs = new ArrayList<>();
        List<Path> temps = new ArrayList<>();
        List<Path> moved = new ArrayList<>();
        Map<Path, byte[]> replaced = new LinkedHashMap<>();
        try {
            for (Entry e : entries) {
                createDirectories(e.target().getParent(), createdDirs);
                // Not createTempFile: it makes the file 0600, and the migration and snapshot would keep that mode.
                // createFile applies the umask like any file the user writes, and fails rather than overwrite.
                Path temp = Files.createFile(e.target().resolveSibling("." + e.target().getFileName() + "." + ProcessHandle.current().pid() + ".tmp"));
                temps.add(temp);
                Files.writeString(temp, e.content(), StandardCharsets.UTF_8);
            }
            for (int i = 0; i < entries.size(); i++) {
                Path target = entries.get(i).target();
                beforeMove.accept(target);
                if (entries.get(i).replace() && Files.exists(target)) {
                    replaced.put(target, Files.readAllBytes(target));
                }
                move(temps.get(i), target, entries.get(i).replace());
                moved.add(target);
            }
        } catch (IOException | RuntimeException e) {
            rollBack(temps, moved, createdDirs, e);
            restore(replaced, e);
            String reason = e instanceof IOException ? e.toString() : e.getMessage();
            throw new WorkflowException(Reason.IO, null, "writing the files failed (" + reason + "); nothing was written", e);
        }
    }

    private static void move(Path temp, Path target, boolean replace) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            if (replace) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.move(temp, target);
            }
        }
    }

    /** Puts back the files a failed batch had replaced (after {@link #rollBack} removed what it moved in). */
    private static void restore(Map<Path, byte[]> replaced, Exception cause) {
        replaced.forEach((file, bytes) -> {
            try {
                Files.write(file, bytes);
            } catch (IOException suppressed) {
                cause.addSuppressed(suppressed);
            }
        });
    }

    private static void createDirectories(Path dir, List<Path> created) throws IOException {
        List<Path> missing = new ArrayList<>();
        for (Path p = dir.toAbsolutePath(); p != null && !Files.exists(p); p = p.getParent()) {
            missing.add(0, p);
        }
        for (Path p : missing) {
            Files.createDirectory(p);
            created.add(0, p);
        }
    }

    private static void rollBack(List<Path> temps, List<Path> moved, List<Path> createdDirs, Exception cause) {
        List<Path> all = new ArrayList<>(temps);
        all.addAll(moved);
        all.addAll(createdDirs); // deepest first
        for (Path p : all) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException suppressed) {
                cause.addSuppressed(suppressed);
            }
        }
    }
}
