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

/**
 * Rewrites a set of project files all or nothing, removals included ({@link FileBatch} only adds): the
 * new content goes to temporary files first; only when all are written are they moved into place and the
 * removed files deleted. On a failure every file touched gets its old bytes back, so the folders are left
 * as they were. Used where a workflow renumbers or removes migrations ({@code rebase}, {@code drop}).
 */
final class FileEdits {
    private FileEdits() {}

    /**
     * One file's new state.
     *
     * @param target the file
     * @param content its new text (UTF-8), or null to remove it
     */
    record Edit(Path target, String content) {
        static Edit write(Path target, String content) {
            return new Edit(target, content);
        }

        static Edit remove(Path target) {
            return new Edit(target, null);
        }
    }

    static void apply(List<Edit> edits) {
        Map<Path, byte[]> before = new LinkedHashMap<>();
        List<Path> temps = new ArrayList<>();
        List<Path> createdDirs = new ArrayList<>();
        try {
            for (Edit e : edits) {
                if (Files.exists(e.target())) {
                    before.put(e.target(), Files.readAllBytes(e.target()));
                }
            }
            for (Edit e : edits) {
                if (e.content() == null) {
                    temps.add(null);
                    continue;
                }
                Path dir = e.target().toAbsolutePath().getParent();
                if (!Files.isDirectory(dir)) {
                    Files.createDirectories(dir);
                    createdDirs.add(dir);
                }
                Path temp = e.target().resolveSibling("." + e.target().getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
                Files.deleteIfExists(temp);
                Files.writeString(Files.createFile(temp), e.content(), StandardCharsets.UTF_8);
                temps.add(temp);
            }
            for (int i = 0; i < edits.size(); i++) {
                Edit e = edits.get(i);
                if (e.content() == null) {
                    Files.deleteIfExists(e.target());
                } else {
                    try {
                        Files.move(temps.get(i), e.target(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    } catch (AtomicMoveNotSupportedException x) {
                        Files.move(temps.get(i), e.target(), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            for (Path t : temps) {
                try {
                    if (t != null) {
                        Files.deleteIfExists(t);
                    }
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            for (Edit edit : edits) {
                try {
                    byte[] old = before.get(edit.target());
                    if (old == null) {
                        Files.deleteIfExists(edit.target());
                    } else {
                        Files.write(edit.target(), old);
                    }
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            for (Path d : createdDirs) {
                try {
                    Files.deleteIfExists(d);
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw new WorkflowException(Reason.IO, null, "writing the files failed (" + (e instanceof IOException ? e.toString()
                    : e.getMessage()) + "); every file was put back as it was", e);
        }
    }
}
