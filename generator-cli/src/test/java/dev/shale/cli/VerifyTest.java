package dev.shale.cli;

import dev.shale.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Verified plans (issue 13, must-show 3): with no database configured, {@code generate --verify} starts an embedded
 * PostgreSQL, applies every migration and the new one, and compares the result with the schema code; a hand-edited
 * migration that fails, or that builds something else than the code, is caught and nothing is written; a correct one
 * passes. {@code check --verify} does the same for the committed history, and {@code --verify-url} uses a server.
 */
class VerifyTest {
    private static final String NICKNAME = "public final Column<String> nickname = text(\"nickname\");";

    @TempDir
    Path dir;

    @Test
    void generateVerifyOnAnEmbeddedServerCatchesAFailingHandEditedMigrationAndPassesACorrectOne() {
        TempProject p = TempProject.standard(dir);
        TempProject.Run first = p.run("generate", "--verify");
        assertEquals(0, first.code(), first.toString());
        assertTrue(first.out().startsWith("Verified on an embedded PostgreSQL 17.11: 1 migration(s) applied, the database"
                + " matches the schema code.\n"), first.toString());
        assertTrue(first.out().contains("wrote migrations/0000_create_users_posts.sql"), first.toString());

        // a hand-written migration with a typo, hashed as the user would
        assertEquals(0, p.run("generate", "--custom", "--name", "lower emails").code());
        p.write("migrations/0001_lower_emails.sql", "UPDATE users SET email = lower(emial);\n");
        assertEquals(0, p.run("hash").code());
        p.usersWith(NICKNAME);
        Map<String, String> before = p.outputState();
        TempProject.Run failed = p.run("generate", "--verify");
        assertEquals(1, failed.code(), failed.toString());
        assertTrue(failed.err().contains("verification on an embedded PostgreSQL 17.11 failed: migrations/0001_lower_emails.sql"
                + " does not apply: "), failed.toString());
        assertTrue(failed.err().contains("0001_lower_emails.sql, statement 1 (line 1)"), failed.toString());
        assertTrue(failed.err().contains("column \"emial\" does not exist"), failed.toString());
        assertTrue(failed.err().contains("Nothing was written."), failed.toString());
        assertEquals(before, p.outputState(), "a failed verification writes nothing");

        p.write("migrations/0001_lower_emails.sql", "UPDATE users SET email = lower(email);\n");
        assertEquals(0, p.run("hash").code());
        TempProject.Run passed = p.run("generate", "--verify");
        assertEquals(0, passed.code(), passed.toString());
        assertTrue(passed.out().startsWith("Verified on an embedded PostgreSQL 17.11: 3 migration(s) applied"), passed.toString());
        assertTrue(passed.out().contains("wrote migrations/0002_add_users_nickname.sql"), passed.toString());

        TempProject.Run check = p.run("check", "--verify");
        assertEquals(0, check.code(), check.toString());
        assertTrue(check.out().contains("Verified on an embedded PostgreSQL 17.11: 3 migration(s) applied"), check.toString());
    }

    @Test
    void checkVerifyNamesWhatAHandEditedMigrationBuiltThatTheCodeDoesNotDeclare() {
        TempProject p = TempProject.standard(dir);
        p.write("shale.toml", TempProject.CONFIG + "\n[postgres]\nversion = 13\n");
        assertEquals(0, p.run("generate").code());
        assertEquals(0, p.run("generate", "--custom", "--name", "sneaky column").code());
        p.write("migrations/0001_sneaky_column.sql", "ALTER TABLE users ADD COLUMN nickname text;\n");
        assertEquals(0, p.run("hash").code());
        TempProject.Run check = p.run("check", "--verify");
        assertEquals(1, check.code(), check.toString());
        assertTrue(check.out().contains("but its migrations do not build it.\nVerification on an embedded PostgreSQL 13.23 failed:"
                + " after 2 migration(s) the database differs from the schema code:\n  extra column \"public\".\"users\".\"nickname\" (text).\n"), check.toString());
    }

    @Test
    void aConfiguredServerGetsAThrowawayDatabaseThatIsDroppedAfter() throws Exception {
        try (TestDatabase server = TestDatabase.create()) {
            TempProject p = TempProject.standard(dir);
            p.write("shale.toml", TempProject.CONFIG + "\n[verify]\nurl = \"${VERIFY_URL}\"\n");
            p.write(".env", "VERIFY_URL=" + server.url() + "\n");
            String scratch = "SELECT count(*) FROM pg_database WHERE datname LIKE 'shale\\_verify\\_%'";
            String before = server.strings(scratch).get(0);
            TempProject.Run run = p.run("generate", "--verify");
            assertEquals(0, run.code(), run.toString());
            assertTrue(run.out().startsWith("Verified on " + server.url() + ": 1 migration(s) applied"), run.toString());
            assertEquals(before, server.strings(scratch).get(0), "the throwaway database is dropped");
            assertTrue(Files.exists(dir.resolve("migrations/0000_create_users_posts.sql")));
        }
    }

    @Test
    void aTargetVersionRefusesWhatItLacks() {
        TempProject p = TempProject.standard(dir);
        p.write("shale.toml", TempProject.CONFIG + "\n[postgres]\nversion = 14\n");
        p.write("src/app/db/Users.java", TempProject.USERS.replace("uniqueIndex(\"users_email_key\").on(email);",
                "uniqueIndex(\"users_email_key\").on(email).nullsNotDistinct();"));
        TempProject.Run run = p.run("generate");
        assertEquals(1, run.code(), run.toString());
        assertEquals("error: the schema code uses what PostgreSQL 14 lacks, so its migration would fail there:\n"
                + "  unique index \"users_email_key\" of \"public\".\"users\" uses NULLS NOT DISTINCT, which needs PostgreSQL 15\n"
                + "Remove these from the schema, or raise the target version if every database runs a newer PostgreSQL."
                + " The target is [postgres] version in shale.toml.\nNothing was written.\n", run.err());
        assertFalse(Files.exists(dir.resolve("migrations")), "nothing written");
    }
}
