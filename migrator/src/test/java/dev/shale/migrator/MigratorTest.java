package dev.shale.migrator;

import dev.shale.testing.CatalogFingerprint;
import dev.shale.migrator.MigrationStatus.State;
import dev.shale.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.shale.migrator.TestSupport.builder;
import static dev.shale.migrator.TestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Applying, re-running, status, target and baseline on the real PostgreSQL. */
class MigratorTest {
    @TempDir
    Path dir;

    @Test
    void appliesTheExampleMigrationsOnceAndReportsStatusBeforeAndAfter() throws Exception {
        TestSupport.example(dir);
        try (var db = TestDatabase.create()) {
            Migrator migrator = builder(db, dir).build();

            MigrationStatus before = migrator.status();
            assertEquals(List.of(State.PENDING, State.PENDING), before.entries().stream().map(MigrationStatus.Entry::state).toList());
            assertEquals(List.of(), db.strings("SELECT to_regclass('public.shale_migrations')::text").stream()
                    .filter(s -> s != null).toList(), "status creates nothing");

            MigrateResult first = migrator.migrate();
            assertEquals(List.of(0, 1), first.applied().stream().map(AppliedMigration::version).toList());
            assertEquals(0, first.alreadyApplied());
            assertEquals(List.of("preferred_name"), db.strings("SELECT column_name FROM information_schema.columns "
                    + "WHERE table_name = 'users' AND column_name LIKE '%_name' ORDER BY 1"));
            assertEquals(List.of("0|initial_schema|1|postgres", "1|evolve_onboarding|1|postgres"), db.strings(
                    "SELECT version || '|' || name || '|' || checksum_version || '|' || applied_by FROM shale_migrations ORDER BY version"));
            assertEquals(List.of(Checksums.sha256(java.nio.file.Files.readString(dir.resolve("0000_initial_schema.sql")))),
                    db.strings("SELECT checksum FROM shale_migrations WHERE version = 0"));

            String schema = CatalogFingerprint.of(db, "shale_migrations");
            MigrateResult again = migrator.migrate();
            assertEquals(List.of(), again.applied());
            assertEquals(2, again.alreadyApplied());
            assertEquals(schema, CatalogFingerprint.of(db, "shale_migrations"));

            MigrationStatus after = migrator.status();
            assertEquals(List.of(State.APPLIED, State.APPLIED), after.entries().stream().map(MigrationStatus.Entry::state).toList());
            assertNotNull(after.entries().get(1).applied().appliedAt());
            assertFalse(after.hasProblems());
        }
    }

    @Test
    void progressIsToldOfEachMigrationAsItIsAppliedAndOfNoneAfterAFailure() throws Exception {
        write(dir, "0000_a.sql", "CREATE TABLE a (id int);");
        write(dir, "0001_b.sql", "CREATE TABLE b (id int);");
        write(dir, "0002_c.sql", "CREATE TABLE c (id int REFERENCES missing (id));");
        try (var db = TestDatabase.create()) {
            List<String> told = new java.util.ArrayList<>();
            Migrator migrator = builder(db, dir).progress((n, total, m) -> {
                try {
                    told.add(n + "/" + total + " " + m.version() + " "
                            + db.strings("SELECT count(*) FROM shale_migrations WHERE version = " + m.version()));
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            }).build();
            assertThrows(MigrationException.class, migrator::migrate);
            // told after each commit (its history row is there when told), never of the failed one
            assertEquals(List.of("1/3 0 [1]", "2/3 1 [1]"), told);
        }
    }

    @Test
    void targetStopsAfterTheGivenVersionAndDryRunExecutesNothing() throws Exception {
        write(dir, "0001_a.sql", "CREATE TABLE a (id int);\n");
        write(dir, "0002_b.sql", "CREATE TABLE b (id int);\n");
        write(dir, "0003_c.sql", "CREATE TABLE c (id int);\n");
        write(dir, "README.md", "not a migration\n");
        write(dir, "notes.sql", "not a migration either;\n");
        try (var db = TestDatabase.create()) {
            MigrateResult dry = builder(db, dir).target(2).build().dryRun();
            assertTrue(dry.dryRun());
            assertEquals(List.of(1, 2), dry.applied().stream().map(AppliedMigration::version).toList());
            assertEquals(List.of("a", "b"), builder(db, dir).target(2).build().pending().stream().map(Migration::name).toList());
            assertEquals(List.of(), tables(db));

            assertEquals(List.of(1, 2), builder(db, dir).target(2).build().migrate().applied().stream().map(AppliedMigration::version).toList());
            assertEquals(List.of("a", "b", "shale_migrations"), tables(db));
            assertEquals(State.PENDING, builder(db, dir).build().status().entries().get(2).state());

            assertEquals(List.of(3), builder(db, dir).build().migrate().applied().stream().map(AppliedMigration::version).toList());
            assertEquals(List.of("a", "b", "c", "shale_migrations"), tables(db));
        }
    }

    @Test
    void baselineRecordsWithoutRunningAndRefusesOverExistingHistory() throws Exception {
        write(dir, "0001_a.sql", "CREATE TABLE a (id int);\n");
        write(dir, "0002_b.sql", "CREATE TABLE b (id int);\n");
        write(dir, "0003_c.sql", "CREATE TABLE c (id int);\n");
        try (var db = TestDatabase.create()) {
            db.execute("CREATE TABLE a (id int); CREATE TABLE b (id int)");
            MigrateResult baseline = builder(db, dir).build().baseline(2);
            assertEquals(List.of(1, 2), baseline.applied().stream().map(AppliedMigration::version).toList());
            assertEquals(List.of("1|0", "2|0"), db.strings("SELECT version || '|' || duration_ms FROM shale_migrations ORDER BY 1"));

            var refused = assertThrows(MigrationException.class, () -> builder(db, dir).build().baseline(3));
            assertEquals(MigrationException.Reason.REFUSED, refused.reason());
            assertTrue(refused.getMessage().contains("already records 2 applied migrations"), refused.getMessage());

            assertEquals(List.of(3), builder(db, dir).build().migrate().applied().stream().map(AppliedMigration::version).toList());
            assertEquals(List.of("a", "b", "c", "shale_migrations"), tables(db));
        }
    }

    @Test
    void baselineRefusesAVersionWithoutAFile() throws Exception {
        write(dir, "0001_a.sql", "CREATE TABLE a (id int);\n");
        try (var db = TestDatabase.create()) {
            var e = assertThrows(MigrationException.class, () -> builder(db, dir).build().baseline(7));
            assertTrue(e.getMessage().contains("no migration file in " + dir + " has that number"), e.getMessage());
            assertEquals(List.of(), tables(db));
        }
    }

    @Test
    void customHistoryTableInItsOwnSchema() throws Exception {
        write(dir, "0001_a.sql", "CREATE TABLE a (id int);\n");
        try (var db = TestDatabase.create()) {
            builder(db, dir).historyTable("ops", "Schema History").build().migrate();
            assertEquals(List.of("1"), db.strings("SELECT version FROM ops.\"Schema History\""));
            assertEquals(State.APPLIED, builder(db, dir).historyTable("ops", "Schema History").build().status().entries().get(0).state());
            assertEquals(State.PENDING, builder(db, dir).build().status().entries().get(0).state());
        }
    }

    @Test
    void noTransactionFileRunsOutsideATransaction() throws Exception {
        write(dir, "0001_a.sql", "CREATE TABLE a (id int);\n");
        write(dir, "0002_idx.sql", "-- 0002_idx\n-- shale:no-transaction\n\nCREATE INDEX CONCURRENTLY a_id_idx ON a (id);\n");
        try (var db = TestDatabase.create(); var pooled = db.connect()) {
            // a pool that keeps its one connection open, as a real pool would: a leaked session lock would stay
            assertEquals(2, builder(db, dir).dataSource(TestSupport.keepOpen(pooled)).build().migrate().applied().size());
            assertEquals(List.of("a_id_idx"), db.strings("SELECT indexname FROM pg_indexes WHERE tablename = 'a'"));
            assertEquals(List.of("0"), db.strings("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND database = "
                    + "(SELECT oid FROM pg_database WHERE datname = current_database())"), "the session-level lock is released");
            try (var st = pooled.createStatement(); var rs = st.executeQuery("SHOW lock_timeout")) {
                rs.next();
                assertEquals("0", rs.getString(1), "the session's lock_timeout is reset");
            }
        }
    }

    @Test
    void classpathLocationReadsTheTestResources() throws Exception {
        try (var db = TestDatabase.create()) {
            MigrateResult r = Migrator.builder().url(db.url()).classpathLocation("/classpath-migrations/")
                    .build().migrate();
            assertEquals(List.of("first", "second"), r.applied().stream().map(AppliedMigration::name).toList());
            assertEquals(List.of("cp_one", "cp_two"), tables(db).subList(0, 2));
        }
    }

    static List<String> tables(TestDatabase db) throws Exception {
        return db.strings("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1");
    }
}
