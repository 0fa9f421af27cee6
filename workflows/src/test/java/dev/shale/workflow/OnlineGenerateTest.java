package dev.shale.workflow;

import dev.shale.migrator.Migrator;
import dev.shale.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Online mode of generate ({@code [generate] online = true}): the files it writes, pinned by golden files in
 * {@code src/test/resources/golden/online} (rewrite with {@code -Dshale.updateGoldens=true}, then review the
 * diff), applied by the migrator to PostgreSQL, with the end state the code's.
 */
class OnlineGenerateTest {
    private static final Path GOLDEN = Path.of(System.getProperty("basedir", ".")).resolve("src/test/resources/golden/online");

    @TempDir
    Path dir;

    @Test
    void writesATransactionalAConcurrentAndANotNullMigrationThatApplyToTheCodesState() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            OnlineProject files = new OnlineProject(dir).first();
            Project project = files.project(db.url()).withOnline(OnlineSettings.ON);
            Generator.generate(project, Generator.Request.DEFAULT, Questions.NONE);
            files.second(true);
            Generator.Result result = Generator.generate(project, Generator.Request.DEFAULT, Questions.NONE);

            assertEquals(List.of("0001_alter_refunds_orders.sql", "0001_alter_refunds_orders.down.sql", "0001_snapshot.json",
                            "0002_alter_refunds_orders_concurrent.sql", "0002_alter_refunds_orders_concurrent.down.sql", "0002_snapshot.json",
                            "0003_alter_refunds_orders_not_null.sql", "0003_alter_refunds_orders_not_null.down.sql", "0003_snapshot.json", "shale.sum"),
                    result.files().stream().map(p -> p.getFileName().toString()).toList());
            for (Path file : result.files()) {
                if (file.getFileName().toString().endsWith(".sql")) {
                    assertGolden(file);
                }
            }
            assertTrue(Checker.check(project).clean(), "the snapshot chain holds and the code has nothing left to generate");
            assertTrue(Checker.check(project.withOnline(OnlineSettings.OFF)).clean(), "whatever the mode");

            OnlineProject.migrate(project, Migrator.builder().url(db.url()));
            assertEquals(List.of(), DriftCheck.check(project).differences(), "the database is the code's");
            assertEquals(List.of("orders_account_id_fkey true", "orders_amount_check true", "orders_pkey true"),
                    db.strings("SELECT conname || ' ' || convalidated FROM pg_constraint WHERE conrelid = 'orders'::regclass ORDER BY 1"),
                    "every constraint validated, the NOT NULL proof gone");
            assertEquals(List.of("t"), db.strings("SELECT attnotnull FROM pg_attribute WHERE attrelid = 'orders'::regclass AND attname = 'amount'"));
            assertEquals(List.of(), db.strings("SELECT indexrelid::regclass::text FROM pg_index WHERE NOT indisvalid"));

            // and back: every down file runs, newest first
            Migrator.builder().url(db.url()).location(project.migrationsDir()).build().rollback(3);
            assertEquals(List.of("orders_pkey"), db.strings("SELECT conname FROM pg_constraint WHERE conrelid = 'orders'::regclass"));
        }
    }

    @Test
    void withOnlineModeOffTheSameChangeIsOneTransactionalMigration() throws Exception {
        OnlineProject files = new OnlineProject(dir).first();
        Project project = files.project(null);
        Generator.generate(project, Generator.Request.DEFAULT, Questions.NONE);
        files.second(true);
        Generator.Result result = Generator.generate(project, Generator.Request.DEFAULT, Questions.NONE);
        assertEquals(1, result.plan().migrations().size());
        String sql = result.plan().migrations().get(0).sql();
        assertTrue(!sql.contains("CONCURRENTLY") && !sql.contains("NOT VALID") && !sql.contains("lock_timeout"), sql);
    }

    @Test
    void anIndexOnlyChangeIsOneConcurrentMigration() throws Exception {
        OnlineProject files = new OnlineProject(dir).first();
        Project project = files.project(null).withOnline(new OnlineSettings(true, java.time.Duration.ofMillis(1500)));
        Generator.generate(project, Generator.Request.DEFAULT, Questions.NONE);
        Path orders = dir.resolve("src/app/db/Orders.java");
        Files.writeString(orders, Files.readString(orders).replace("/*INDEX*/", "index(\"orders_note_idx\").on(note);"));
        Generator.Result result = Generator.generate(project, Generator.Request.DEFAULT, Questions.NONE);
        assertEquals(List.of("0001_add_orders_note_idx_concurrent"), result.plan().migrations().stream().map(MigrationPlan.Planned::title).toList());
        assertEquals("""
                -- 0001_add_orders_note_idx_concurrent
                -- Generated by Shale. Review before applying.
                -- shale:no-transaction
                -- Online: each statement commits on its own, and the file can run again from its first statement.

                -- give up on a lock after 1500ms rather than queue the table's traffic behind it
                SET lock_timeout = '1500ms';

                -- create concurrently index "orders_note_idx" on "public"."orders"
                CREATE INDEX CONCURRENTLY IF NOT EXISTS "orders_note_idx" ON "public"."orders" ("note");

                -- back to the session's own lock_timeout
                RESET lock_timeout;
                """, result.plan().migrations().get(0).sql());
    }

    private static void assertGolden(Path file) throws IOException {
        String actual = Files.readString(file, StandardCharsets.UTF_8);
        Path golden = GOLDEN.resolve(file.getFileName());
        if (Boolean.getBoolean("shale.updateGoldens")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(golden)) {
            fail("golden file " + golden + " does not exist; run with -Dshale.updateGoldens=true and review it. The output was:\n" + actual);
        }
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual, "differs from " + golden
                + "; if intended, rerun with -Dshale.updateGoldens=true and review the diff");
    }
}
