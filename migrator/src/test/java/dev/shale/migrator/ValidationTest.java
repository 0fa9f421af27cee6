package dev.shale.migrator;

import dev.shale.testing.CatalogFingerprint;
import dev.shale.migrator.MigrationException.Reason;
import dev.shale.migrator.MigrationStatus.State;
import dev.shale.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.shale.migrator.TestSupport.builder;
import static dev.shale.migrator.TestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tamper cases: each refused before anything runs, naming the file and the overriding flag. */
class ValidationTest {
    @TempDir
    Path dir;

    private static List<State> states(Migrator m) {
        return m.status().entries().stream().map(MigrationStatus.Entry::state).toList();
    }

    @Test
    void changedFileIsRefusedUnlessAllowed() throws Exception {
        write(dir, "0001_a.sql", "CREATE TABLE a (id int);\n");
        try (var db = TestDatabase.create()) {
            builder(db, dir).build().migrate();
            write(dir, "0001_a.sql", "CREATE TABLE a (id bigint);\n");
            write(dir, "0002_b.sql", "CREATE TABLE b (id int);\n");
            String before = CatalogFingerprint.of(db, "shale_migrations");

            var e = assertThrows(MigrationException.class, () -> builder(db, dir).build().migrate());
            assertEquals(Reason.CHANGED, e.reason());
            assertEquals(dir.resolve("0001_a.sql").toString(), e.file());
            assertTrue(e.getMessage().contains(dir.resolve("0001_a.sql") + " has changed since it was applied"), e.getMessage());
            assertTrue(e.getMessage().contains("allowChanged(true)") && !e.getMessage().contains("--"), e.getMessage());
            assertEquals(before, CatalogFingerprint.of(db, "shale_migrations"), "nothing ran");
            assertEquals(List.of(State.CHANGED, State.PENDING), states(builder(db, dir).build()));
            assertTrue(builder(db, dir).build().status().hasProblems());
            assertThrows(MigrationException.class, () -> builder(db, dir).build().dryRun());

            assertEquals(1, builder(db, dir).allowChanged(true).build().migrate().applied().size());
        }
    }

    @Test
    void crlfAndBomAreNotAChange() throws Exception {
        write(dir, "0001_a.sql", "-- a\nCREATE TABLE a (id int);\n");
        try (var db = TestDatabase.create()) {
            builder(db, dir).build().migrate();
            write(dir, "0001_a.sql", "\uFEFF-- a\r\nCREATE TABLE a (id int);\r\n");
            assertEquals(List.of(State.APPLIED), states(builder(db, dir).build()));
            assertEquals(0, builder(db, dir).build().migrate().applied().size());
        }
    }

    @Test
    void missingFileIsRefusedUnlessAllowed() throws Exception {
        write(dir, "0001_a.sql", "CREATE TABLE a (id int);\n");
        write(dir, "0002_b.sql", "CREATE TABLE b (id int);\n");
        try (var db = TestDatabase.create()) {
            builder(db, dir).build().migrate();
            Files.delete(dir.resolve("0002_b.sql"));
            write(dir, "0003_c.sql", "CREATE TABLE c (id int);\n");

            var e = assertThrows(MigrationException.class, () -> builder(db, dir).build().migrate());
            assertEquals(Reason.MISSING, e.reason());
            assertTrue(e.getMessage().contains(dir.resolve("0002_b.sql") + " is missing"), e.getMessage());
            assertTrue(e.getMessage().contains("allowMissing(true)") && !e.getMessage().contains("--"), e.getMessage());
            assertEquals(List.of("a", "b", "shale_migrations"), MigratorTest.tables(db));
            assertEquals(List.of(State.APPLIED, State.MISSING, State.PENDING), states(builder(db, dir).build()));

            assertEquals(1, builder(db, dir).allowMissing(true).build().migrate().applied().size());
            assertEquals(List.of("a", "b", "c", "shale_migrations"), MigratorTest.tables(db));
        }
    }

    @Test
    void outOfOrderIsRefusedUnlessAllowed() throws Exception {
        write(dir, "0001_a.sql", "CREATE TABLE a (id int);\n");
        write(dir, "0003_c.sql", "CREATE TABLE c (id int);\n");
        try (var db = TestDatabase.create()) {
            builder(db, dir).build().migrate();
            write(dir, "0002_b.sql", "CREATE TABLE b (id int);\n");

            var e = assertThrows(MigrationException.class, () -> builder(db, dir).build().migrate());
            assertEquals(Reason.OUT_OF_ORDER, e.reason());
            assertEquals(dir.resolve("0002_b.sql").toString(), e.file());
            assertTrue(e.getMessage().contains(dir.resolve("0002_b.sql") + " is not applied but is numbered below the newest applied migration "
                    + dir.resolve("0003_c.sql")), e.getMessage());
            assertTrue(e.getMessage().contains("allowOutOfOrder(true)") && !e.getMessage().contains("--"), e.getMessage());
            assertEquals(List.of("a", "c", "shale_migrations"), MigratorTest.tables(db));
            assertEquals(List.of(State.APPLIED, State.OUT_OF_ORDER, State.APPLIED), states(builder(db, dir).build()));

            assertEquals(List.of(2), builder(db, dir).allowOutOfOrder(true).build().migrate().applied().stream()
                    .map(AppliedMigration::version).toList());
        }
    }

    @Test
    void sameVersionDifferentNameIsAConflict() throws Exception {
        write(dir, "0001_a.sql", "CREATE TABLE a (id int);\n");
        try (var db = TestDatabase.create()) {
            builder(db, dir).build().migrate();
            Files.delete(dir.resolve("0001_a.sql"));
            write(dir, "0001_other.sql", "CREATE TABLE other (id int);\n");
            var e = assertThrows(MigrationException.class, () -> builder(db, dir).allowMissing(true).build().migrate());
            assertEquals(Reason.CONFLICT, e.reason());
            assertTrue(e.getMessage().contains("records version 1 as \"a\""), e.getMessage());
            assertEquals(List.of("a", "shale_migrations"), MigratorTest.tables(db));
            // status shows one entry in conflict (not "missing" plus "pending"/"out of order", whose overrides migrate refuses)
            MigrationStatus status = builder(db, dir).build().status();
            assertEquals(List.of(State.CONFLICT), states(builder(db, dir).build()));
            assertEquals("other", status.entries().get(0).name());
            assertEquals("a", status.entries().get(0).applied().name());
            assertTrue(status.hasProblems());
            var refused = assertThrows(MigrationException.class, () -> builder(db, dir).allowMissing(true).allowOutOfOrder(true).build().migrate());
            assertEquals(Reason.CONFLICT, refused.reason());
        }
    }

    @Test
    void duplicateVersionNamesBothFiles() throws Exception {
        write(dir, "0001_a.sql", "CREATE TABLE a (id int);\n");
        write(dir, "0001_b.sql", "CREATE TABLE b (id int);\n");
        try (var db = TestDatabase.create()) {
            var e = assertThrows(MigrationException.class, () -> builder(db, dir).build().migrate());
            assertEquals(Reason.FILES, e.reason());
            assertTrue(e.getMessage().contains(dir.resolve("0001_a.sql") + " and " + dir.resolve("0001_b.sql") + " both have version 1"),
                    e.getMessage());
            assertEquals(List.of(), MigratorTest.tables(db));
        }
    }
}
