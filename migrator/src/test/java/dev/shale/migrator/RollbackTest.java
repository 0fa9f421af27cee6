package dev.shale.migrator;

import dev.shale.testing.CatalogFingerprint;
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

/** Rollback: down files newest first, history rows removed, refusals before anything runs. */
class RollbackTest {
    @TempDir
    Path dir;

    @Test
    void exampleRollsBackOneAndAllThenForwardToTheSameSchema() throws Exception {
        TestSupport.example(dir);
        try (var db = TestDatabase.create()) {
            String empty = CatalogFingerprint.of(db, "shale_migrations");
            builder(db, dir).target(0).build().migrate();
            String at0 = CatalogFingerprint.of(db, "shale_migrations");
            builder(db, dir).build().migrate();
            String at1 = CatalogFingerprint.of(db, "shale_migrations");

            MigrateResult one = builder(db, dir).build().rollback(1);
            assertEquals(List.of(1), one.applied().stream().map(AppliedMigration::version).toList());
            assertEquals(1, one.alreadyApplied());
            assertEquals(at0, CatalogFingerprint.of(db, "shale_migrations"), "rolling back 0001 restores the schema of 0000");
            assertEquals(List.of("0"), db.strings("SELECT version FROM shale_migrations"));

            builder(db, dir).build().migrate();
            assertEquals(at1, CatalogFingerprint.of(db, "shale_migrations"));

            MigrateResult all = builder(db, dir).build().rollback(2);
            assertEquals(List.of(1, 0), all.applied().stream().map(AppliedMigration::version).toList(), "newest first");
            assertEquals(empty, CatalogFingerprint.of(db, "shale_migrations"));
            assertEquals(List.of(), db.strings("SELECT version FROM shale_migrations"));

            assertEquals(2, builder(db, dir).build().migrate().applied().size());
            assertEquals(at1, CatalogFingerprint.of(db, "shale_migrations"), "forward again reaches the same schema");
        }
    }

    @Test
    void missingOrIrreversibleDownFileRefusesBeforeAnythingRuns() throws Exception {
        write(dir, "0001_a.sql", "CREATE TABLE a (id int);\n");
        write(dir, "0001_a.down.sql", "DROP TABLE a;\n");
        write(dir, "0002_b.sql", "CREATE TABLE b (id int);\n");
        write(dir, "0003_c.sql", "CREATE TABLE c (id int);\n");
        write(dir, "0003_c.down.sql", "DROP TABLE c;\n");
        try (var db = TestDatabase.create()) {
            builder(db, dir).build().migrate();
            var e = assertThrows(MigrationException.class, () -> builder(db, dir).build().rollback(2));
            assertEquals(MigrationException.Reason.IRREVERSIBLE, e.reason());
            assertEquals(dir.resolve("0002_b.down.sql").toString(), e.file());
            assertTrue(e.getMessage().contains(dir.resolve("0002_b.down.sql") + " does not exist"), e.getMessage());
            assertEquals(List.of("1", "2", "3"), db.strings("SELECT version FROM shale_migrations ORDER BY 1"), "0003 was not rolled back");
            assertEquals(List.of("a", "b", "c", "shale_migrations"), MigratorTest.tables(db));

            write(dir, "0002_b.down.sql", "-- shale:irreversible\n-- dropping b loses its rows\nDROP TABLE b;\n");
            var irreversible = assertThrows(MigrationException.class, () -> builder(db, dir).build().rollback(2));
            assertTrue(irreversible.getMessage().contains("is marked -- shale:irreversible"), irreversible.getMessage());
            assertEquals(List.of("a", "b", "c", "shale_migrations"), MigratorTest.tables(db));

            var tooMany = assertThrows(MigrationException.class, () -> builder(db, dir).build().rollback(4));
            assertTrue(tooMany.getMessage().contains("only 3 are recorded"), tooMany.getMessage());
        }
    }

    @Test
    void failingDownFileKeepsItsHistoryRowAndSchema() throws Exception {
        write(dir, "0001_a.sql", "CREATE TABLE a (id int);\n");
        write(dir, "0001_a.down.sql", "DROP TABLE a;\nDROP TABLE does_not_exist;\n");
        try (var db = TestDatabase.create()) {
            builder(db, dir).build().migrate();
            var e = assertThrows(MigrationException.class, () -> builder(db, dir).build().rollback(1));
            assertEquals(2, e.statementIndex());
            assertEquals(2, e.line());
            assertTrue(e.getMessage().startsWith(dir.resolve("0001_a.down.sql") + ", statement 2 (line 2): ERROR:"), e.getMessage());
            assertEquals(List.of("a", "shale_migrations"), MigratorTest.tables(db));
            assertEquals(List.of("1"), db.strings("SELECT version FROM shale_migrations"));

            Files.writeString(dir.resolve("0001_a.down.sql"), "DROP TABLE a;\n");
            builder(db, dir).build().rollback(1);
            assertEquals(List.of("shale_migrations"), MigratorTest.tables(db));
        }
    }

    @Test
    void thePlanNamesTheDataLossOfItsDownFilesBeforeAnythingRuns() throws Exception {
        write(dir, "0001_a.sql", "CREATE TABLE a (id int, note text);\n");
        write(dir, "0001_a.down.sql", "DROP TABLE a;\n"); // hand-written: no header
        write(dir, "0002_b.sql", "ALTER TABLE a ADD COLUMN extra text;\n");
        write(dir, "0002_b.down.sql", """
                -- 0002_b (down)
                -- Generated by Shale. Review before applying.
                -- Reverses the migration of the same number; `shale rollback` runs it.
                --
                -- WARNING data loss: drops column "public"."a"."extra" and its values
                -- WARNING table rewrite: rewrites "public"."a"

                -- drop column "public"."a"."extra"
                ALTER TABLE "public"."a" DROP COLUMN "extra";
                """);
        write(dir, "0003_c.sql", "CREATE INDEX a_idx ON a (id);\nALTER TABLE a ADD CONSTRAINT a_id_positive CHECK (id > 0);\n");
        write(dir, "0003_c.down.sql", "ALTER TABLE a DROP CONSTRAINT a_id_positive;\nALTER TABLE a ALTER COLUMN note DROP DEFAULT;\nDROP INDEX a_idx;\n");
        try (var db = TestDatabase.create()) {
            builder(db, dir).build().migrate();
            RollbackPlan plan = builder(db, dir).build().rollbackPlan(3);
            assertEquals(List.of(3, 2, 1), plan.steps().stream().map(s -> s.applied().version()).toList());
            assertEquals(List.of(), plan.steps().get(0).dataLoss(), "dropping a constraint, a default or an index loses no rows");
            assertEquals(List.of("drops column \"public\".\"a\".\"extra\" and its values"), plan.steps().get(1).dataLoss());
            assertEquals(List.of("statement 1 (line 1) drops a table and its rows: DROP TABLE a"), plan.steps().get(2).dataLoss());
            assertTrue(plan.losesData());
            assertEquals(0, plan.remaining());
            assertEquals(List.of("1", "2", "3"), db.strings("SELECT version FROM shale_migrations ORDER BY 1"), "planning runs nothing");
            assertEquals(List.of("a", "shale_migrations"), MigratorTest.tables(db));
        }
    }
}
