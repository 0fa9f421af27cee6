package dev.shale.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shale.testing.CatalogFingerprint;
import dev.shale.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code shale migrate}, {@code status} and {@code rollback} on the real PostgreSQL, driven through {@link Main}. */
class MigrateCommandTest {
    @TempDir
    Path dir;

    /** A project with three migrations: create users and posts, add users.timezone, rename users.email. */
    private TempProject threeMigrations() {
        TempProject p = TempProject.standard(dir);
        assertEquals(0, p.run("generate").code());
        p.usersWith("public final Column<String> timezone = text(\"timezone\").notNull().defaultValue(\"UTC\");");
        assertEquals(0, p.run("generate").code());
        p.write("src/app/db/Users.java", TempProject.USERS.replace("varchar(\"email\", 255)", "varchar(\"mail\", 255)")
                .replace("// EXTRA", "public final Column<String> timezone = text(\"timezone\").notNull().defaultValue(\"UTC\");"));
        assertEquals(0, p.run("generate", "--rename", "public.users.email=mail").code());
        return p;
    }

    private static List<String> states(TempProject p, String url) throws Exception {
        TempProject.Run run = p.run("status", "--json", "--url", url);
        JsonNode root = new ObjectMapper().readTree(run.out());
        List<String> out = new ArrayList<>();
        root.get("migrations").forEach(m -> out.add(m.get("version").asInt() + ":" + m.get("state").asText()));
        return out;
    }

    @Test
    void migrateRollbackAndMigrateAgainLeaveTheSameCatalog() throws Exception {
        TempProject p = threeMigrations();
        try (TestDatabase db = TestDatabase.create()) {
            TempProject.Run run = p.run("migrate", "--url", db.url());
            assertEquals(0, run.code(), run.toString());
            assertTrue(run.out().contains("applied 0000_create_users_posts"), run.toString());
            assertTrue(run.out().contains("applied 0002_rename_users_email_to_mail"), run.toString());
            List<String> full = CatalogFingerprint.lines(db, "shale_migrations");
            assertTrue(full.stream().anyMatch(l -> l.startsWith("column public.users.mail ")), full.toString());

            TempProject.Run again = p.run("migrate", "--url", db.url());
            assertEquals(0, again.code(), again.toString());
            assertTrue(again.out().contains("Nothing to migrate: 3 migrations already applied."), again.toString());

            TempProject.Run back = p.run("rollback", "--url", db.url());
            assertEquals(0, back.code(), back.toString());
            assertTrue(back.out().contains("rolled back 0002_rename_users_email_to_mail"), back.toString());
            assertEquals(List.of("0:applied", "1:applied", "2:pending"), states(p, db.url()));
            assertTrue(CatalogFingerprint.lines(db, "shale_migrations").stream().anyMatch(l -> l.startsWith("column public.users.email ")));

            assertEquals(0, p.run("migrate", "--url", db.url()).code());
            assertEquals(full, CatalogFingerprint.lines(db, "shale_migrations"));

            TempProject.Run all = p.run("rollback", "--steps", "3", "--force", "--url", db.url());
            assertEquals(0, all.code(), all.toString());
            assertEquals(List.of(), CatalogFingerprint.lines(db, "shale_migrations"), "rolling back every step leaves an empty schema");
            assertEquals(List.of("0:pending", "1:pending", "2:pending"), states(p, db.url()));

            assertEquals(0, p.run("migrate", "--url", db.url()).code());
            assertEquals(full, CatalogFingerprint.lines(db, "shale_migrations"));
        }
    }

    /** Issue 8, finding 6: rollback treats data loss as push does. */
    @Test
    void aRollbackThatLosesDataAsksOnATerminalAndIsRefusedOffOneWithoutForce() throws Exception {
        TempProject p = threeMigrations();
        try (TestDatabase db = TestDatabase.create()) {
            assertEquals(0, p.run("migrate", "--target", "1", "--url", db.url()).code());
            db.execute("INSERT INTO users (email, timezone) SELECT 'u' || g || '@example.com', 'Europe/Zurich'"
                    + " FROM generate_series(1, 1000) g");
            String values = "SELECT count(timezone)::text FROM users WHERE timezone = 'Europe/Zurich'";

            TempProject.Run refused = p.run("rollback", "--url", db.url());
            assertEquals(1, refused.code(), refused.toString());
            assertTrue(refused.err().contains("error: this rollback loses data, and there is no terminal to confirm it on"), refused.toString());
            assertTrue(refused.err().contains("  0001_add_users_timezone.down.sql: drops column \"public\".\"users\".\"timezone\""),
                    refused.toString());
            assertTrue(refused.err().contains("Nothing was rolled back. Rerun with --force"), refused.toString());
            assertEquals(List.of("1000"), db.strings(values), "the values are still there");
            assertEquals(List.of("0:applied", "1:applied", "2:pending"), states(p, db.url()));

            TempProject.Run no = p.runWithInput(true, "n\n", "rollback", "--url", db.url());
            assertEquals(1, no.code(), no.toString());
            assertTrue(no.out().contains("This rollback loses data:"), no.toString());
            assertTrue(no.out().contains("Roll back 1 migration? [y/N]: Nothing was rolled back."), no.toString());
            assertEquals(List.of("1000"), db.strings(values));

            TempProject.Run forced = p.run("rollback", "--force", "--url", db.url());
            assertEquals(0, forced.code(), forced.toString());
            assertTrue(forced.out().contains("This rollback loses data (going ahead: --force):"), forced.toString());
            assertTrue(forced.out().contains("rolled back 0001_add_users_timezone"), forced.toString());
            assertEquals(List.of("0:applied", "1:pending", "2:pending"), states(p, db.url()));
            assertEquals(List.of(), db.strings("SELECT column_name FROM information_schema.columns WHERE table_name = 'users'"
                    + " AND column_name = 'timezone'"));

            TempProject.Run yes = p.runWithInput(true, "y\n", "rollback", "--url", db.url());
            assertEquals(0, yes.code(), yes.toString());
            assertTrue(yes.out().contains("drops table \"public\".\"users\""), yes.toString());
            assertTrue(yes.out().contains("Rolled back 1 migration; 0 stay applied."), yes.toString());
            assertEquals(List.of(), CatalogFingerprint.lines(db, "shale_migrations"));
        }
    }

    @Test
    void theExampleMigratesAndRefusesToRollBackItsIrreversibleStep() throws Exception {
        TempProject example = new TempProject(Path.of("..").toAbsolutePath().normalize());
        try (TestDatabase db = TestDatabase.create()) {
            TempProject.Run run = example.run("migrate", "--url", db.url());
            assertEquals(0, run.code(), run.toString());
            assertTrue(run.out().contains("applied 0001_evolve_onboarding"), run.toString());
            assertTrue(run.out().contains("applied 0002_secure_onboarding"), run.toString());
            TempProject.Run reversible = example.run("rollback", "--steps", "1", "--url", db.url());
            assertEquals(0, reversible.code(), "0002's down file reverses it: " + reversible);
            assertEquals(List.of(), db.strings("SELECT polname::text FROM pg_policy"), "its policies are gone");
            assertEquals(List.of(), db.strings("SELECT proname::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
                    + " WHERE n.nspname = 'public'"), "and its functions");
            List<String> catalog = CatalogFingerprint.lines(db, "shale_migrations");
            TempProject.Run back = example.run("rollback", "--steps", "1", "--url", db.url());
            assertEquals(1, back.code(), back.toString());
            assertTrue(back.err().contains("0001_evolve_onboarding"), back.toString());
            assertTrue(back.err().contains("irreversible"), back.toString());
            assertEquals(catalog, CatalogFingerprint.lines(db, "shale_migrations"), "a refused rollback changes nothing");
            assertEquals(List.of("0:applied", "1:applied", "2:pending"), states(example, db.url()));
        }
    }

    @Test
    void statusTableJsonAndExitCodes() throws Exception {
        TempProject p = threeMigrations();
        try (TestDatabase db = TestDatabase.create()) {
            TempProject.Run none = p.run("status", "--url", db.url());
            assertEquals(0, none.code(), none.toString());
            assertTrue(none.out().startsWith("VERSION  NAME"), none.toString());
            assertTrue(none.out().contains("3 migrations: 3 pending."), none.toString());

            assertEquals(0, p.run("migrate", "--target", "1", "--url", db.url()).code());
            TempProject.Run table = p.run("status", "--url", db.url());
            assertEquals(0, table.code(), table.toString());
            assertTrue(table.out().matches("(?s).*0001\\s+add_users_timezone\\s+applied\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ\\s+\\d+ ms\n.*"),
                    table.toString());
            assertTrue(table.out().matches("(?s).*0002\\s+rename_users_email_to_mail\\s+pending\\s+-\\s+-\n.*"), table.toString());

            TempProject.Run json = p.run("status", "--json", "--url", db.url());
            assertEquals(0, json.code(), json.toString());
            JsonNode root = new ObjectMapper().readTree(json.out());
            assertEquals(List.of("migrations", "problems"), fields(root));
            JsonNode first = root.get("migrations").get(0);
            assertEquals(List.of("version", "name", "file", "state", "appliedAt", "durationMillis", "appliedBy", "checksum"), fields(first));
            assertEquals("0000_create_users_posts.sql", first.get("file").asText());
            assertEquals("applied", first.get("state").asText());
            assertTrue(first.get("appliedAt").asText().endsWith("Z"), first.toString());
            assertTrue(first.get("checksum").asText().matches("[0-9a-f]{64}"), first.toString());
            JsonNode pending = root.get("migrations").get(2);
            assertEquals("pending", pending.get("state").asText());
            assertTrue(pending.get("appliedAt").isNull());
            assertFalse(root.get("problems").asBoolean());

            Path applied = dir.resolve("migrations/0001_add_users_timezone.sql");
            Files.writeString(applied, Files.readString(applied) + "\n-- edited after it was applied\nselect 1;\n");
            TempProject.Run changed = p.run("status", "--url", db.url());
            assertEquals(1, changed.code(), changed.toString());
            assertTrue(changed.out().contains("changed: 0001_add_users_timezone.sql"), changed.toString());
            assertTrue(new ObjectMapper().readTree(p.run("status", "--json", "--url", db.url()).out()).get("problems").asBoolean());

            Files.delete(applied);
            Files.delete(dir.resolve("migrations/0001_add_users_timezone.down.sql"));
            TempProject.Run missing = p.run("status", "--url", db.url());
            assertEquals(1, missing.code(), missing.toString());
            assertTrue(missing.out().matches("(?s).*0001\\s+add_users_timezone\\s+missing.*"), missing.toString());
        }
    }

    @Test
    void dryRunPrintsEachPendingFileUnderAHeaderAndRunsNothing() throws Exception {
        TempProject p = threeMigrations();
        try (TestDatabase db = TestDatabase.create()) {
            assertEquals(0, p.run("migrate", "--target", "0", "--url", db.url()).code());
            TempProject.Run run = p.run("migrate", "--dry-run", "--url", db.url());
            assertEquals(0, run.code(), run.toString());
            assertTrue(run.out().contains("-- ==== migrations/0001_add_users_timezone.sql (would run) ====\n"
                    + p.read("migrations/0001_add_users_timezone.sql")), run.toString());
            assertTrue(run.out().contains("-- ==== migrations/0002_rename_users_email_to_mail.sql (would run) ===="), run.toString());
            assertFalse(run.out().contains("0000_create_users_posts.sql (would run)"), run.toString());
            assertTrue(run.out().endsWith("Dry run: 2 migrations would be applied; nothing was run.\n"), run.toString());
            assertEquals(List.of("0:applied", "1:pending", "2:pending"), states(p, db.url()));
        }
    }

    @Test
    void baselineAdoptsADatabaseBuiltByHand() throws Exception {
        TempProject p = threeMigrations();
        try (TestDatabase db = TestDatabase.create()) {
            db.executeInTransaction(p.read("migrations/0000_create_users_posts.sql"));
            db.executeInTransaction(p.read("migrations/0001_add_users_timezone.sql"));
            TempProject.Run run = p.run("migrate", "--baseline", "1", "--url", db.url());
            assertEquals(0, run.code(), run.toString());
            assertEquals(List.of("0:applied", "1:applied", "2:pending"), states(p, db.url()));
            TempProject.Run rest = p.run("migrate", "--url", db.url());
            assertEquals(0, rest.code(), rest.toString());
            assertTrue(rest.out().contains("applied 0002_rename_users_email_to_mail"), rest.toString());
            assertFalse(rest.out().contains("applied 0000"), rest.toString());
        }
    }

    @Test
    void historyTableNameAndUrlComeFromTheConfig() throws Exception {
        TempProject p = threeMigrations();
        try (TestDatabase db = TestDatabase.create()) {
            p.write("shale.toml", TempProject.CONFIG + "\n[database]\nurl = \"${APP_DB}\"\n\n[migrations]\ntable = \"schema_history\"\nlock_timeout = \"5s\"\n");
            p.environment = java.util.Map.of("APP_DB", db.url());
            TempProject.Run run = p.run("migrate");
            assertEquals(0, run.code(), run.toString());
            assertEquals(List.of("3"), db.strings("select count(*) from public.schema_history"));
        }
    }

    @Test
    void lockRetriesComeFromTheConfigAndTheirFlags() throws Exception {
        TempProject p = threeMigrations();
        try (TestDatabase db = TestDatabase.create()) {
            assertEquals(0, p.run("migrate", "--target", "1", "--url", db.url()).code());
            p.write("shale.toml", TempProject.CONFIG + "\n[migrations]\nlock_timeout = \"300ms\"\nlock_retries = 1\nlock_retry_delay = \"100ms\"\n");
            try (java.sql.Connection holder = db.connect()) {
                holder.setAutoCommit(false);
                try (java.sql.Statement st = holder.createStatement()) {
                    st.execute("SELECT * FROM users");
                }
                TempProject.Run run = p.run("migrate", "--url", db.url());
                assertEquals(1, run.code(), run.toString());
                assertTrue(run.err().contains("on each of 2 tries (1 retry, 100 ms after the first)"), run.toString());
                TempProject.Run flags = p.run("migrate", "--lock-retries", "2", "--lock-retry-delay", "50ms", "--url", db.url());
                assertEquals(1, flags.code(), flags.toString());
                assertTrue(flags.err().contains("on each of 3 tries (2 retries, 50 ms and 100 ms apart)"), flags.toString());
                holder.rollback();
            }
            p.write("shale.toml", TempProject.CONFIG + "\n[migrations]\nlock_retries = \"many\"\n");
            TempProject.Run bad = p.run("migrate", "--url", db.url());
            assertEquals(1, bad.code(), bad.toString());
            assertTrue(bad.err().contains("migrations.lock_retries in "), bad.toString());
            assertTrue(bad.err().contains("\"many\" is not a whole number of zero or more"), bad.toString());
            p.write("shale.toml", TempProject.CONFIG);
            TempProject.Run free = p.run("migrate", "--lock-retries", "0", "--url", db.url());
            assertEquals(0, free.code(), free.toString());
        }
    }

    @Test
    void validationRefusalsNameTheFileAndTheirFlagOverridesThem() throws Exception {
        TempProject p = threeMigrations();
        try (TestDatabase db = TestDatabase.create()) {
            assertEquals(0, p.run("migrate", "--target", "1", "--url", db.url()).code());
            Path applied = dir.resolve("migrations/0001_add_users_timezone.sql");
            Files.writeString(applied, Files.readString(applied) + "select 1;\n");
            TempProject.Run refused = p.run("migrate", "--url", db.url());
            assertEquals(1, refused.code(), refused.toString());
            assertTrue(refused.err().contains("0001_add_users_timezone.sql"), refused.toString());
            assertTrue(refused.err().contains("--allow-changed"), refused.toString());
            assertEquals(List.of("0:applied", "1:changed", "2:pending"), states(p, db.url()));
            TempProject.Run allowed = p.run("migrate", "--allow-changed", "--url", db.url());
            assertEquals(0, allowed.code(), allowed.toString());
            assertTrue(allowed.out().contains("applied 0002_rename_users_email_to_mail"), allowed.toString());
        }
    }

    @Test
    void aMigrationMergedLateIsOutOfOrderUntilTheFlagAppliesIt() throws Exception {
        TempProject p = threeMigrations();
        try (TestDatabase db = TestDatabase.create()) {
            // 0001 comes from a branch merged after 0002 was applied
            Path late = dir.resolve("migrations/0001_add_users_timezone.sql");
            Path lateDown = dir.resolve("migrations/0001_add_users_timezone.down.sql");
            Files.move(late, dir.resolve("late.sql"));
            Files.move(lateDown, dir.resolve("late.down.sql"));
            TempProject.Run first = p.run("migrate", "--url", db.url());
            assertEquals(0, first.code(), first.toString());
            Files.move(dir.resolve("late.sql"), late);
            Files.move(dir.resolve("late.down.sql"), lateDown);
            TempProject.Run status = p.run("status", "--url", db.url());
            assertTrue(status.out().matches("(?s).*0001\\s+add_users_timezone\\s+out_of_order.*"), status.toString());
            TempProject.Run refused = p.run("migrate", "--url", db.url());
            assertEquals(1, refused.code(), refused.toString());
            assertTrue(refused.err().contains("0001_add_users_timezone.sql") && refused.err().contains("--out-of-order"), refused.toString());
            TempProject.Run applied = p.run("migrate", "--out-of-order", "--url", db.url());
            assertEquals(0, applied.code(), applied.toString());
            assertTrue(applied.out().contains("applied 0001_add_users_timezone"), applied.toString());
        }
    }

    /** A file renamed after it was applied: status says what works (the old name back), never a flag that migrate refuses. */
    @Test
    void aRenamedAppliedFileIsAConflictWhoseAdviceWorks() throws Exception {
        TempProject p = threeMigrations();
        try (TestDatabase db = TestDatabase.create()) {
            assertEquals(0, p.run("migrate", "--url", db.url()).code());
            Path applied = dir.resolve("migrations/0001_add_users_timezone.sql");
            Path renamed = dir.resolve("migrations/0001_users_timezone.sql");
            Files.move(applied, renamed);
            Files.move(dir.resolve("migrations/0001_add_users_timezone.down.sql"), dir.resolve("migrations/0001_users_timezone.down.sql"));
            TempProject.Run status = p.run("status", "--url", db.url());
            assertEquals(1, status.code(), status.toString());
            assertTrue(status.out().matches("(?s).*0001\\s+users_timezone\\s+conflict.*"), status.toString());
            assertTrue(status.out().contains("conflict: 0001_users_timezone.sql has version 1, which the history table records as"
                    + " 0001_add_users_timezone.sql"), status.toString());
            assertFalse(status.out().contains("--out-of-order"), status.toString());
            assertFalse(status.out().contains("--allow-missing"), status.toString());
            assertFalse(status.out().contains("missing"), "the applied row is not shown as missing as well: " + status);
            assertEquals(List.of("0:applied", "1:conflict", "2:applied"), states(p, db.url()));
            // what status says is refused with any flag is refused; what it advises works
            assertEquals(1, p.run("migrate", "--out-of-order", "--allow-missing", "--url", db.url()).code());
            Files.move(renamed, applied);
            Files.move(dir.resolve("migrations/0001_users_timezone.down.sql"), dir.resolve("migrations/0001_add_users_timezone.down.sql"));
            TempProject.Run fixed = p.run("status", "--url", db.url());
            assertEquals(0, fixed.code(), fixed.toString());
        }
    }

    private static List<String> fields(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
