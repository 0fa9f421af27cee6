package dev.shale.cli;

import dev.shale.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 8, findings 5, 8 and 10: what a comparison cannot express is named, never reported as "no
 * differences"; Shale's own history table is nobody's schema; a change the diff cannot express is a
 * clear error, not an internal one.
 */
class HonestComparisonTest {
    @TempDir
    Path dir;

    @Test
    void diffBetweenDatabasesThatDifferOnlyByAnUnmanagedTableSaysSoAndExitsThree() throws Exception {
        TempProject p = TempProject.standard(dir);
        try (TestDatabase a = TestDatabase.create(); TestDatabase b = TestDatabase.create()) {
            for (TestDatabase db : new TestDatabase[] {a, b}) {
                assertEquals(0, p.run("push", "--url", db.url()).code());
            }
            b.execute("CREATE FUNCTION public.one(text) RETURNS integer LANGUAGE internal IMMUTABLE STRICT AS 'textlen'");
            TempProject.Run run = p.run("diff", "--from", a.url(), "--to", b.url());
            assertEquals(Main.UNEXPRESSED, run.code(), run.toString());
            assertTrue(run.out().contains("-- not managed in --to: function \"public\".\"one\"(text)"), run.toString());
            assertTrue(run.out().contains("No differences in what Shale models."), run.toString());
            assertFalse(run.out().contains("No differences.\n"), run.toString());
            assertTrue(run.err().contains("function \"public\".\"one\"(text)"), run.toString());

            TempProject.Run same = p.run("diff", "--from", b.url(), "--to", b.url());
            assertEquals(0, same.code(), "the same objects on both sides are not a difference: " + same);
            assertTrue(same.out().contains("-- not managed in --from: function \"public\".\"one\"(text)"), same.toString());
        }
    }

    @Test
    void checkUrlAndPushNameWhatTheyDoNotCompare() throws Exception {
        TempProject p = TempProject.standard(dir);
        try (TestDatabase db = TestDatabase.create()) {
            assertEquals(0, p.run("generate").code());
            assertEquals(0, p.run("migrate", "--url", db.url()).code());
            db.execute("CREATE FUNCTION public.recent_posts(text) RETURNS integer LANGUAGE internal IMMUTABLE STRICT AS 'textlen'");
            TempProject.Run drift = p.run("check", "--url", db.url());
            assertEquals(0, drift.code(), drift.toString());
            assertTrue(drift.out().contains("not managed: function \"public\".\"recent_posts\"(text) (LANGUAGE internal) \u2014 not compared"), drift.toString());
            TempProject.Run push = p.run("push", "--url", db.url());
            assertTrue(push.out().contains("not managed: function \"public\".\"recent_posts\"(text) (LANGUAGE internal) \u2014 left alone"), push.toString());
        }
    }

    @Test
    void pullLeavesOutTheMigrationHistoryTable() throws Exception {
        TempProject p = TempProject.standard(dir);
        try (TestDatabase db = TestDatabase.create()) {
            assertEquals(0, p.run("generate").code());
            assertEquals(0, p.run("migrate", "--url", db.url()).code());
            assertEquals("1", db.strings("SELECT count(*) FROM public.shale_migrations").get(0));

            TempProject pulled = new TempProject(dir.resolve("pulled"));
            pulled.write("shale.toml", TempProject.CONFIG);
            TempProject.Run run = pulled.run("pull", "--package", "app.db", "--out", "src", "--url", db.url());
            assertEquals(0, run.code(), run.toString());
            assertTrue(run.out().contains("Pulled 2 tables"), run.toString());
            Map<String, String> files = pulled.outputState();
            assertFalse(files.toString().contains("shale_migrations"), "the history table is not the user's schema");
            assertFalse(pulled.read("src/app/db/Schema.java").contains("SHALE_MIGRATIONS"));
            assertEquals(0, pulled.run("check").code(), "the pulled project is clean");
        }
    }

    @Test
    void removingAnEnumValueReplacesTheTypeAndAChangeWithoutACastIsExplained() {
        TempProject p = TempProject.standard(dir);
        p.write("src/app/db/Enums.java", """
                package app.db;

                import dev.shale.dsl.PgEnum;

                public final class Enums {
                    public static final PgEnum<String> ROLE = PgEnum.of("role", "reader", "writer", "admin");
                }
                """);
        p.usersWith("public final Column<String> role = column(\"role\", Enums.ROLE);\n"
                + "    public final Column<Boolean> flag = bool(\"flag\");");
        assertEquals(0, p.run("generate").code());
        p.write("src/app/db/Enums.java", p.read("src/app/db/Enums.java").replace(", \"writer\"", ""));
        TempProject.Run removed = p.run("generate");
        assertEquals(0, removed.code(), removed.toString());
        assertTrue(removed.out().contains("removes value 'writer'"), "the data loss is named: " + removed);

        // boolean -> date: PostgreSQL has no cast, so generate refuses and says how to convert
        p.usersWith("public final Column<String> role = column(\"role\", Enums.ROLE);\n"
                + "    public final Column<java.time.LocalDate> flag = date(\"flag\");");
        Map<String, String> before = p.outputState();
        TempProject.Run run = p.run("generate");
        assertEquals(1, run.code(), run.toString());
        assertFalse(run.err().contains("internal error"), run.toString());
        assertTrue(run.err().contains("flag"), "the column is named: " + run);
        assertTrue(run.err().contains("using("), "the remedy is named: " + run);
        assertEquals(before, p.outputState(), "nothing written");
    }

}
