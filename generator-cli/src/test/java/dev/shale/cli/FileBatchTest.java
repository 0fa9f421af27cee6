package dev.shale.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

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
        assertEquals(List.of("0000_a.sql"), GenerateCommandTest.list(dir.resolve("m")), "no temporary files left");
    }

    @Test
    void failureOnALaterMoveLeavesFoldersAsTheyWere() throws IOException {
        TempProject p = new TempProject(dir);
        p.write("migrations/0000_init.sql", "select 1;\n");
        Map<String, String> before = p.outputState();
        List<FileBatch.Entry> entries = List.of(new FileBatch.Entry(dir.resolve("migrations/0001_next.sql"), "select 2;\n"),
                new FileBatch.Entry(dir.resolve("snapshots/0001_snapshot.json"), "{}\n"));
        ShaleException e = assertThrows(ShaleException.class, () -> FileBatch.commit(entries, target -> {
            if (target.getFileName().toString().endsWith(".json")) {
                throw new IllegalStateException("disk full");
            }
        }));
        assertTrue(e.getMessage().contains("disk full"), e.getMessage());
        assertTrue(e.getMessage().contains("nothing was written"), e.getMessage());
        assertEquals(before, p.outputState());
        assertFalse(Files.exists(dir.resolve("snapshots")), "the folder it created is removed again");
    }

    @Test
    void neverOverwrites() throws IOException {
        TempProject p = new TempProject(dir);
        p.write("migrations/0000_init.sql", "select 1;\n");
        ShaleException e = assertThrows(ShaleException.class, () -> FileBatch.commit(List.of(
                new FileBatch.Entry(dir.resolve("migrations/0000_other.sql"), "x"),
                new FileBatch.Entry(dir.resolve("migrations/0000_init.sql"), "y"))));
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
        assertEquals("select 1;\n", p.read("migrations/0000_init.sql"));
        assertFalse(Files.exists(dir.resolve("migrations/0000_other.sql")));
    }
}
