package dev.shale.migrator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Both file layouts the migrator reads: Shale's {@code 0003_x.sql}/{@code .down.sql}, Flyway's {@code V3__x.sql}/{@code U3__x.sql}. */
class MigrationFileNameTest {
    @TempDir
    Path dir;

    @Test
    void namesOfBothLayouts() {
        assertEquals(new MigrationFileName("0003", "add_index", false), MigrationFileName.parse("0003_add_index.sql"));
        assertEquals(new MigrationFileName("0003", "add_index", true), MigrationFileName.parse("0003_add_index.down.sql"));
        assertEquals(new MigrationFileName("3", "add_index", false), MigrationFileName.parse("V3__add_index.sql"));
        assertEquals(new MigrationFileName("3", "add_index", true), MigrationFileName.parse("U3__add_index.sql"));
        assertNull(MigrationFileName.parse("R__views.sql"), "repeatable migrations are Flyway's alone");
        assertNull(MigrationFileName.parse("V1_1__dotted.sql"), "only integer versions");
        assertNull(MigrationFileName.parse("0003_snapshot.json"));
        assertNull(MigrationFileName.parse("notes.sql"));
    }

    @Test
    void aFlywayFolderReadsAsMigrationsWithTheirUndoFilesAsDownFiles() throws Exception {
        Files.writeString(dir.resolve("V0__create_users.sql"), "CREATE TABLE users (id int);\n");
        Files.writeString(dir.resolve("U0__create_users.sql"), "DROP TABLE users;\n");
        Files.writeString(dir.resolve("V1__add_name.sql"), "ALTER TABLE users ADD COLUMN name text;\n");
        Files.writeString(dir.resolve("R__not_ours.sql"), "SELECT 1;\n");
        List<Migration> found = MigrationFiles.fromDirectory(dir);
        assertEquals(List.of(0, 1), found.stream().map(Migration::version).toList());
        assertEquals(List.of("create_users", "add_name"), found.stream().map(Migration::name).toList());
        assertEquals("DROP TABLE users;\n", found.get(0).downSql());
        assertNull(found.get(1).downSql());
    }

    @Test
    void theSumFileListsFlywayNamesByNumber() throws Exception {
        Files.writeString(dir.resolve("V10__b.sql"), "SELECT 2;\n");
        Files.writeString(dir.resolve("V9__a.sql"), "SELECT 1;\n");
        Files.writeString(dir.resolve("U9__a.sql"), "SELECT 0;\n");
        String text = SumFile.compute(dir, dir.resolve("none")).text();
        assertTrue(text.matches("(?s)shale-sum 1 \\w+\nV9__a\\.sql .*\nU9__a\\.sql .*\nV10__b\\.sql .*"), text);
    }
}
