package dev.shale.migrator.process;

import dev.shale.migrator.MigrationStatus;
import dev.shale.migrator.Migrator;
import dev.shale.migrator.process.ChildJvm.ChildResult;
import dev.shale.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Eight application instances start together: eight separate JVMs run {@code migrate} against one empty
 * database at the same moment. Every one must exit 0, and every migration must be applied by exactly one
 * of them (the others wait for the lock, then find the work done).
 */
class ConcurrentMigrateTest {
    private static final int PROCESSES = 8;
    private static final int MIGRATIONS = 20;
    /** Bounds the whole run: JVM start-up of eight children on two cores, plus the migrations. */
    private static final Duration TIME_LIMIT = Duration.ofSeconds(150);

    @Test
    void eightProcessesApplyEveryMigrationExactlyOnce(@TempDir Path dir) throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        writeMigrations(migrations, false);
        try (TestDatabase db = TestDatabase.create()) {
            runEight(db, migrations, dir);
            assertSchemaComplete(db, false);
        }
    }

    /**
     * The same race when one migration runs outside a transaction ({@code CREATE INDEX CONCURRENTLY}):
     * the lock must hold across it, and the runners waiting for the lock must not deadlock with it
     * (the concurrent build waits for every transaction with an older snapshot).
     */
    @Test
    void eightProcessesWithAMigrationOutsideATransaction(@TempDir Path dir) throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        writeMigrations(migrations, true);
        try (TestDatabase db = TestDatabase.create()) {
            runEight(db, migrations, dir);
            assertSchemaComplete(db, true);
        }
    }

    private static void runEight(TestDatabase db, Path migrations, Path dir) throws Exception {
        Path gate = Files.createDirectories(dir.resolve("gate"));
        long deadline = System.nanoTime() + TIME_LIMIT.toNanos();
        List<ChildJvm> children = new ArrayList<>();
        try {
            for (int i = 1; i <= PROCESSES; i++) {
                children.add(ChildJvm.start(dir.resolve("logs"), "p" + i, db.url(), migrations.toString(), gate.toString()));
            }
            // Release all eight at once, after their JVMs are up, so that they really race for the lock.
            awaitReady(gate, children, deadline);
            Files.createFile(gate.resolve("go"));

            for (ChildJvm child : children) {
                assertTrue(child.awaitOrKill(deadline), () -> "did not finish within " + TIME_LIMIT + " (killed): " + child.describe());
            }
            Map<Integer, List<String>> appliedBy = new TreeMap<>();
            int totalApplied = 0;
            for (ChildJvm child : children) {
                assertEquals(0, child.process().exitValue(), () -> "a migrate process failed: " + child.describe());
                ChildResult result = child.result().orElseThrow(() -> new AssertionError("no result line: " + child.describe()));
                assertEquals(result.versions().size(), result.applied(), () -> child.describe());
                assertEquals(MIGRATIONS, result.applied() + result.alreadyApplied(),
                        () -> "each process sees every migration, applied by itself or already: " + child.describe());
                totalApplied += result.applied();
                for (int v : result.versions()) {
                    appliedBy.computeIfAbsent(v, k -> new ArrayList<>()).add(child.tag());
                }
            }
            String who = appliedBy.toString();
            assertEquals(MIGRATIONS, totalApplied, () -> "applied across all processes (version=[process]): " + who);
            assertEquals(versions(), List.copyOf(appliedBy.keySet()), () -> "version=[process]: " + who);
            appliedBy.forEach((v, by) -> assertEquals(1, by.size(), () -> "version " + v + " applied by " + by));
        } finally {
            children.forEach(ChildJvm::kill);
        }

        // The history table, read with plain SQL: each version exactly once.
        assertEquals(versions().stream().map(String::valueOf).collect(Collectors.toList()),
                db.strings("SELECT version::text AS v FROM public.shale_migrations ORDER BY version"));
        // And through the API: nothing pending, changed or missing.
        MigrationStatus status = Migrator.builder().url(db.url()).location(migrations).build().status();
        assertEquals(MIGRATIONS, status.entries().size(), status::toString);
        assertTrue(status.entries().stream().allMatch(e -> e.state() == MigrationStatus.State.APPLIED), status::toString);
    }

    private static void awaitReady(Path gate, List<ChildJvm> children, long deadline) throws Exception {
        while (true) {
            long ready;
            try (Stream<Path> files = Files.list(gate)) {
                ready = files.filter(p -> p.getFileName().toString().startsWith("ready-")).count();
            }
            if (ready == children.size()) {
                return;
            }
            for (ChildJvm child : children) {
                if (!child.process().isAlive()) {
                    fail("a child exited before the start: " + child.describe());
                }
            }
            if (System.nanoTime() > deadline) {
                fail("only " + ready + " of " + children.size() + " children started within " + TIME_LIMIT);
            }
            Thread.sleep(20);
        }
    }

    private static List<Integer> versions() {
        return IntStream.rangeClosed(1, MIGRATIONS).boxed().collect(Collectors.toList());
    }

    /**
     * Twenty small migrations: tables, a foreign key, indexes, inserts (a second insert of the same
     * primary key would fail, so a double apply cannot go unnoticed) and one slow one, so that the
     * lock is held long enough for the others to queue behind it.
     */
    private static void writeMigrations(Path dir, boolean withConcurrentIndex) throws Exception {
        write(dir, 1, "create_authors", """
                CREATE TABLE "public"."authors" ("id" integer PRIMARY KEY, "name" text NOT NULL);
                """);
        write(dir, 2, "create_books", """
                CREATE TABLE "public"."books" (
                    "id" integer PRIMARY KEY,
                    "author_id" integer NOT NULL REFERENCES "public"."authors" ("id"),
                    "title" text NOT NULL
                );
                """);
        write(dir, 3, "index_books_author", withConcurrentIndex ? """
                -- shale:no-transaction
                CREATE INDEX CONCURRENTLY "books_author_idx" ON "public"."books" ("author_id");
                """ : """
                CREATE INDEX "books_author_idx" ON "public"."books" ("author_id");
                """);
        write(dir, 4, "seed_authors", """
                INSERT INTO "public"."authors" ("id", "name") VALUES (1, 'Ursula'), (2, 'Italo');
                INSERT INTO "public"."books" ("id", "author_id", "title") VALUES (1, 1, 'The Dispossessed');
                """);
        write(dir, 5, "slow", """
                CREATE TABLE "public"."slow_marker" ("id" integer PRIMARY KEY);
                SELECT pg_sleep(0.3);
                INSERT INTO "public"."slow_marker" ("id") VALUES (1);
                """);
        for (int v = 6; v <= MIGRATIONS; v++) {
            if (v % 2 == 0) {
                String table = "item_" + v;
                write(dir, v, "create_" + table, """
                        CREATE TABLE "public"."%1$s" ("id" integer PRIMARY KEY, "label" text NOT NULL);
                        CREATE INDEX "%1$s_label_idx" ON "public"."%1$s" ("label");
                        """.formatted(table));
            } else {
                write(dir, v, "seed_item_" + (v - 1), """
                        INSERT INTO "public"."item_%d" ("id", "label") VALUES (1, 'from %04d');
                        """.formatted(v - 1, v));
            }
        }
    }

    private static void write(Path dir, int version, String name, String sql) throws Exception {
        Files.writeString(dir.resolve("%04d_%s.sql".formatted(version, name)), sql);
    }

    private static void assertSchemaComplete(TestDatabase db, boolean concurrentIndex) throws Exception {
        List<String> tables = new ArrayList<>(List.of("authors", "books", "slow_marker"));
        List<String> indexes = new ArrayList<>(List.of("books_author_idx"));
        List<String> counts = new ArrayList<>(List.of("authors=2", "books=1", "slow_marker=1"));
        for (int v = 6; v <= MIGRATIONS; v += 2) {
            tables.add("item_" + v);
            indexes.add("item_" + v + "_label_idx");
            // Migration v + 1 seeds item_v with one row; the last table, if nothing follows it, stays empty.
            counts.add("item_" + v + "=" + (v + 1 <= MIGRATIONS ? 1 : 0));
        }
        tables.sort(null);
        indexes.sort(null);
        assertEquals(tables, db.strings("""
                SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'
                  AND table_name NOT LIKE 'shale\\_%' ORDER BY table_name"""));
        assertEquals(indexes, db.strings("""
                SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND indexname NOT LIKE '%pkey'
                  AND tablename NOT LIKE 'shale\\_%' ORDER BY indexname"""));
        // A concurrent build that failed half-way leaves an INVALID index behind; this one must be valid.
        assertEquals(List.of("true"), db.strings("""
                SELECT indisvalid::text FROM pg_index WHERE indexrelid = '"public"."books_author_idx"'::regclass"""));
        String union = counts.stream()
                .map(c -> c.substring(0, c.indexOf('=')))
                .map(t -> "SELECT '" + t + "=' || count(*) FROM \"public\".\"" + t + "\"")
                .collect(Collectors.joining(" UNION ALL "));
        List<String> actual = new ArrayList<>(db.strings(union));
        actual.sort(null);
        counts.sort(null);
        assertEquals(counts, actual, concurrentIndex ? "row counts (with the concurrent index)" : "row counts");
    }
}
