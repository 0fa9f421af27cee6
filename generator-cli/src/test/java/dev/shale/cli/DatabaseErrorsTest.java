package dev.shale.cli;

import dev.shale.migrator.DatabaseUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Usage errors, a missing URL, an unreachable database, and never a password in what is printed. */
class DatabaseErrorsTest {
    private static final String SECRET = "s3cr3t-Pw";

    @TempDir
    Path dir;

    @Test
    void urlsAreParsedForMessagesAndRedactedByTheMigratorsOneType() {
        DatabaseUrl u = DatabaseUrl.parse("postgres://app:" + SECRET + "@db.example.com:6543/main?sslmode=require");
        assertEquals(List.of("db.example.com", "6543", "main"), List.of(u.host(), String.valueOf(u.port()), u.database()));
        assertEquals("postgres://app:****@db.example.com:6543/main?sslmode=require",
                DatabaseUrl.redact("postgres://app:" + SECRET + "@db.example.com:6543/main?sslmode=require"));
        assertEquals("jdbc:postgresql://h/db?user=app&password=****&sslmode=require",
                DatabaseUrl.redact("jdbc:postgresql://h/db?user=app&password=" + SECRET + "&sslmode=require"));
        assertEquals("FATAL: password **** rejected", u.scrub("FATAL: password " + SECRET + " rejected"));
    }

    @Test
    void unreachableDatabaseIsNamedWithoutThePassword() {
        TempProject p = TempProject.standard(dir);
        for (String url : new String[] {"postgres://shale_user:" + SECRET + "@127.0.0.1:1/appdb?sslmode=disable",
                "jdbc:postgresql://127.0.0.1:1/appdb?user=shale_user&password=" + SECRET}) {
            for (String command : new String[] {"migrate", "status", "rollback"}) {
                TempProject.Run run = p.run(command, "--verbose", "--url", url);
                assertEquals(1, run.code(), run.toString());
                assertFalse(run.out().contains(SECRET) || run.err().contains(SECRET), "password printed: " + run);
                assertTrue(run.err().contains("could not connect to "), run.toString());
                assertTrue(run.err().contains("127.0.0.1:1") && run.err().contains("appdb"), run.toString());
                assertTrue(run.err().contains("Check that the server is running there and listens on that port"), run.toString());
                assertTrue(run.err().contains("The URL comes from --url, else [database] migrations_url"), run.toString());
                assertTrue(run.err().contains("postgres://shale_user:****@127.0.0.1:1/appdb") || run.err().contains("password=****"), run.toString());
            }
        }
    }

    @Test
    void noUrlSaysWhereToSetOne() {
        TempProject p = TempProject.standard(dir);
        TempProject.Run run = p.run("status");
        assertEquals(1, run.code(), run.toString());
        assertTrue(run.err().contains("no database URL: pass --url"), run.toString());
        assertTrue(run.err().contains("[database] migrations_url"), run.toString());
    }

    @Test
    void noConfigFileIsFineWithAUrlFlag() {
        TempProject.Run run = new TempProject(dir).run("status", "--url", "postgres://u:" + SECRET + "@127.0.0.1:1/x");
        assertEquals(1, run.code(), run.toString());
        assertTrue(run.err().contains("could not connect"), run.toString());
        assertFalse(run.err().contains("no config file"), run.toString());
    }

    @Test
    void usageErrorsExitTwo() {
        TempProject p = TempProject.standard(dir);
        String url = "postgres://u@127.0.0.1:1/x";
        assertEquals(2, p.run("rollback", "--steps", "0", "--url", url).code());
        assertEquals(2, p.run("rollback", "--steps", "many", "--url", url).code());
        assertEquals(2, p.run("migrate", "--target", "x", "--url", url).code());
        assertEquals(2, p.run("migrate", "--baseline", "1", "--dry-run", "--url", url).code());
        assertEquals(2, p.run("status", "--nope").code());
        TempProject.Run badTimeout = p.run("migrate", "--lock-timeout", "soon", "--url", url);
        assertEquals(1, badTimeout.code(), badTimeout.toString());
        assertTrue(badTimeout.err().contains("--lock-timeout: \"soon\" is not a duration"), badTimeout.toString());
    }

    @Test
    void durationsAsPeopleWriteThem() {
        assertEquals(java.time.Duration.ofSeconds(10), Durations.parse("10", "x"));
        assertEquals(java.time.Duration.ofMillis(500), Durations.parse("500ms", "x"));
        assertEquals(java.time.Duration.ofMinutes(2), Durations.parse("2min", "x"));
        assertEquals(java.time.Duration.ofMillis(1500), Durations.parse("1.5s", "x"));
    }
}
