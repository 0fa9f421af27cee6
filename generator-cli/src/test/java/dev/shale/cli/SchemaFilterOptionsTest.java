package dev.shale.cli;

import dev.shale.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --schema} and {@code --exclude-schema} on push, check --url, diff and pull. */
class SchemaFilterOptionsTest {
    @TempDir
    Path dir;

    private static final String LEGACY = "CREATE SCHEMA legacy; CREATE TABLE legacy.old (id integer);"
            + " CREATE FUNCTION legacy.f(text) RETURNS integer LANGUAGE internal IMMUTABLE STRICT AS 'textlen'";

    @Test
    void pushAndDriftLeaveOutExcludedSchemas() throws Exception {
        TempProject p = TempProject.standard(dir);
        try (TestDatabase db = TestDatabase.create()) {
            db.execute(LEGACY);
            TempProject.Run run = p.run("push", "--url", db.url(), "--exclude-schema", "legacy", "--dry-run");
            assertEquals(0, run.code(), run.toString());
            assertFalse(run.out().contains("legacy"), run.toString());
            assertTrue(run.out().contains("CREATE TABLE \"public\".\"users\""), run.toString());

            TempProject.Run only = p.run("push", "--url", db.url(), "--schema", "legacy", "--dry-run");
            assertEquals(0, only.code(), only.toString());
            assertFalse(only.out().contains("CREATE TABLE"), "nothing of the code lives in legacy: " + only);

            TempProject.Run pulled = p.run("pull", "--url", db.url(), "--schema", "leg*", "--package", "app.pulled",
                    "--out", "pulled");
            assertEquals(0, pulled.code(), pulled.toString());
            assertTrue(pulled.out().contains("Old.java"), pulled.toString());
            assertTrue(pulled.toString().contains("function \"legacy\".\"f\"(text)"), "not managed, within the filter: " + pulled);
        }
    }

    @Test
    void anEmptyPatternIsAUsageError() {
        TempProject p = TempProject.standard(dir);
        TempProject.Run run = p.run("check", "--schema", "");
        assertEquals(2, run.code(), run.toString());
        assertTrue(run.err().contains("schema pattern is empty"), run.toString());
    }

}
