package dev.shale.workflow;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileBatchTest {
    @TempDir
    Path dir;

    @Test
    void writesAllFilesAndCreatesFolders() throws IOException {
        FileBatch.commit(List.of(new FileBatch.Entry(dir.resolve("m/0000_a.sql"), "select 1;\n"),
                new FileBatch.Entry(dir.resolve("s/0000_snapshot.json"), "{}\n")));
        assertEquals("select 1;\n", Files.readString(dir.resolve("m/0000_a.sql")));
        assertEquals("{}\n", Files.readString(dir.resolve("s/0000_snapshot.json")));
        assertEquals(List.of("0000_a.sql"), list(dir.resolve("m")), "no temporary files left");
    }

    @Test
    void failureOnALaterMoveLeavesFoldersAsTheyWere() throws IOException {
        write("migrations/0000_init.sql", "select 1;\n");
        Map<String, String> before = state();
        List<FileBatch.Entry> entries = List.of(new FileBatch.Entry(dir.resolve("migrations/0001_next.sql"), "select 2;\n"),
                new FileBatch.Entry(dir.resolve("snapshots/0001_snapshot.json"), "{}\n"));
        WorkflowException e = assertThrows(WorkflowException.class, () -> FileBatch.commit(entries, target -> {
            if (target.getFileName().toString().endsWith(".json")) {
                throw new IllegalStateException("disk full");
            }
        }));
        assertTrue(e.getMessage().contains("disk full"), e.getMessage());
        assertTrue(e.getMessage().contains("nothing was written"), e.getMessage());
        assertEquals(before, state());
        assertFalse(Files.exists(dir.resolve("snapshots")), "the folder it created is removed again");
    }

    @Test
    void neverOverwrites() throws IOException {
        write("migrations/0000_init.sql", "select 1;\n");
        WorkflowException e = assertThrows(WorkflowException.class, () -> FileBatch.commit(List.of(
                new FileBatch.Entry(dir.resolve("migrations/0000_other.sql"), "x"),
                new FileBatch.Entry(dir.resolve("migrations/0000_init.sql"), "y"))));
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
        assertEquals("select 1;\n", Files.readString(dir.resolve("migrations/0000_init.sql")));
        assertEquals(WorkflowException.Reason.FILE_EXISTS, e.reason());
        assertFalse(Files.exists(dir.resolve("migrations/0000_other.sql")));
    }

    private void write(String relative, String content) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    /** Every file under the folder, by relative path, with its content. */
    private Map<String, String> state() throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(f).toString(), Files.readString(f));
            }
        }
        return out;
    }

    static List<String> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
