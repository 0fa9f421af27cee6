package dev.shale.migrator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static dev.shale.migrator.TestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Finding migration files in a folder, a classpath folder and a jar. */
class MigrationFilesTest {
    @TempDir
    Path dir;

    @Test
    void folderPairsDownFilesAndIgnoresOthers() throws Exception {
        write(dir, "0002_b.sql", "\uFEFFSELECT 2;\r\n");
        write(dir, "0001_a.sql", "SELECT 1;\n");
        write(dir, "0001_a.down.sql", "SELECT -1;\n");
        write(dir, "README.md", "x");
        write(dir, "a_0003.sql", "x");
        write(dir, "0004_.sql", "x");
        Files.createDirectory(dir.resolve("0005_dir.sql"));
        List<Migration> found = MigrationFiles.fromDirectory(dir);
        assertEquals(List.of(1, 2), found.stream().map(Migration::version).toList());
        assertEquals(dir.resolve("0001_a.down.sql").toString(), found.get(0).downFile());
        assertEquals("SELECT -1;\n", found.get(0).downSql());
        assertNull(found.get(1).downFile());
        assertEquals("SELECT 2;\n", found.get(1).sql(), "BOM and CRLF normalized");
        assertEquals(Checksums.sha256("SELECT 2;\n"), found.get(1).checksum());
    }

    @Test
    void mismatchedDownFileAndMissingFolderAreErrors() throws Exception {
        write(dir, "0001_a.sql", "SELECT 1;\n");
        write(dir, "0001_b.down.sql", "SELECT 1;\n");
        var e = assertThrows(MigrationException.class, () -> MigrationFiles.fromDirectory(dir));
        assertTrue(e.getMessage().contains(dir.resolve("0001_b.down.sql") + " does not match its up file"), e.getMessage());
        var missing = assertThrows(MigrationException.class, () -> MigrationFiles.fromDirectory(dir.resolve("nope")));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
    }

    @Test
    void classpathFolderAndJarAreListed() throws Exception {
        Path classes = Files.createDirectories(dir.resolve("classes/db/migrations"));
        write(classes, "0001_from_dir.sql", "SELECT 1;\n");
        Path jar = dir.resolve("app.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("db/"));
            out.putNextEntry(new JarEntry("db/migrations/"));
            put(out, "db/migrations/0002_from_jar.sql", "SELECT 2;\n");
            put(out, "db/migrations/0002_from_jar.down.sql", "SELECT -2;\n");
            put(out, "db/migrations/notes.txt", "x");
            put(out, "db/other/0003_elsewhere.sql", "SELECT 3;\n");
        }
        try (var loader = new URLClassLoader(new URL[] {dir.resolve("classes").toUri().toURL(), jar.toUri().toURL()}, null)) {
            List<Migration> found = MigrationFiles.fromClasspath("db/migrations", loader);
            assertEquals(List.of("from_dir", "from_jar"), found.stream().map(Migration::name).toList());
            assertEquals("classpath:db/migrations/0001_from_dir.sql", found.get(0).file());
            assertEquals("classpath:db/migrations/0002_from_jar.down.sql", found.get(1).downFile());
            assertEquals("SELECT 2;\n", found.get(1).sql());
        }
    }

    private static void put(JarOutputStream out, String name, String text) throws Exception {
        out.putNextEntry(new JarEntry(name));
        OutputStream o = out;
        o.write(text.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }
}
