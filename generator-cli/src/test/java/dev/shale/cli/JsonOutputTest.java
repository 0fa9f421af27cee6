package dev.shale.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shale.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every {@code --json} output, parsed and held to the shape README.md documents ("JSON output"): exactly
 * one JSON object on one line of standard output, with exactly the documented fields and types.
 */
class JsonOutputTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    /** The one line of standard output, parsed; its fields must be exactly {@code fields}. */
    private static JsonNode parse(TempProject.Run run, String... fields) throws Exception {
        String out = run.out();
        assertTrue(out.endsWith("\n") && out.indexOf('\n') == out.length() - 1, "one line on standard output: " + run);
        JsonNode node = MAPPER.readTree(out);
        assertTrue(node.isObject(), run.toString());
        assertEquals(new TreeSet<>(Set.of(fields)), names(node), run.toString());
        return node;
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    private static void assertMigrationRow(JsonNode row) {
        assertEquals(new TreeSet<>(Set.of("version", "name", "file", "appliedAt", "durationMillis")), names(row), row.toString());
        assertTrue(row.get("version").isInt() && row.get("name").isTextual() && row.get("file").isTextual(), row.toString());
        assertTrue(row.get("durationMillis").isNumber(), row.toString());
    }

    private static void assertHazard(JsonNode h) {
        assertEquals(new TreeSet<>(Set.of("kind", "subject", "consequence", "message")), names(h), h.toString());
        assertTrue(h.get("kind").isTextual() && h.get("message").isTextual(), h.toString());
    }

    @Test
    void generateCheckAndDiff() throws Exception {
        TempProject p = TempProject.standard(dir);
        JsonNode dirty = parse(p.run("check", "--json"), "clean", "against", "pending", "warnings", "questions");
        assertFalse(dirty.get("clean").asBoolean());
        assertTrue(dirty.get("against").isNull(), "no snapshot yet");
        assertEquals(1, dirty.get("pending").size());
        assertEquals(Set.of("file", "sql"), names(dirty.get("pending").get(0)));
        assertTrue(dirty.get("pending").get(0).get("sql").asText().contains("CREATE TABLE"));

        TempProject.Run first = p.run("generate", "--json");
        assertEquals(0, first.code(), first.toString());
        JsonNode generated = parse(first, "written", "migration", "warnings");
        assertEquals(4, generated.get("written").size(), "migration, down file, snapshot and shale.sum: " + generated);
        assertTrue(generated.get("migration").asText().startsWith("0000_"), generated.toString());

        JsonNode clean = parse(p.run("check", "--json"), "clean", "against", "pending", "warnings", "questions");
        assertTrue(clean.get("clean").asBoolean());
        assertEquals("snapshots/0000_snapshot.json", clean.get("against").asText());

        JsonNode none = parse(p.run("generate", "--json"), "written", "migration", "warnings");
        assertEquals(0, none.get("written").size());
        assertTrue(none.get("migration").isNull());

        // a column drop: a data-loss warning, in generate's and diff's shapes
        p.write("src/app/db/Posts.java", TempProject.POSTS.replace(
                "    public final Column<String> title = text(\"title\").notNull();\n", ""));
        TempProject.Run diff = p.run("diff", "--from", "snapshots/0000_snapshot.json", "--to", "code", "--json");
        assertEquals(0, diff.code(), diff.toString());
        JsonNode d = parse(diff, "statements", "warnings", "notes", "notManaged", "unexpressed");
        assertEquals(1, d.get("statements").size(), d.toString());
        assertTrue(d.get("statements").get(0).asText().contains("DROP COLUMN"), d.toString());
        assertHazard(d.get("warnings").get(0));
        assertEquals(Set.of("from", "to"), names(d.get("notManaged")));

        JsonNode second = parse(p.run("generate", "--json"), "written", "migration", "warnings");
        assertEquals("data loss", second.get("warnings").get(0).get("kind").asText(), second.toString());
        assertHazard(second.get("warnings").get(0));
    }

    @Test
    void migrateStatusRollbackPushPullAndDrift() throws Exception {
        TempProject p = TempProject.standard(dir);
        try (TestDatabase db = TestDatabase.create()) {
            assertEquals(0, p.run("generate").code());
            p.usersWith("public final Column<String> nick = text(\"nick\");");
            assertEquals(0, p.run("generate").code());

            JsonNode dry = parse(p.run("migrate", "--dry-run", "--json", "--url", db.url()),
                    "applied", "alreadyApplied", "dryRun", "baseline");
            assertTrue(dry.get("dryRun").asBoolean());
            assertEquals(2, dry.get("applied").size());

            TempProject.Run migrate = p.run("migrate", "--json", "--url", db.url());
            assertEquals(0, migrate.code(), migrate.toString());
            JsonNode m = parse(migrate, "applied", "alreadyApplied", "dryRun", "baseline");
            assertEquals(2, m.get("applied").size());
            m.get("applied").forEach(JsonOutputTest::assertMigrationRow);
            assertTrue(m.get("baseline").isNull());
            assertTrue(migrate.err().contains("1/2 applied 0000_") && migrate.err().contains("2/2 applied 0001_"),
                    "progress goes to standard error when the output is JSON: " + migrate);

            JsonNode status = parse(p.run("status", "--json", "--url", db.url()), "migrations", "problems");
            assertEquals(2, status.get("migrations").size());
            assertFalse(status.get("problems").asBoolean());

            JsonNode drift = parse(p.run("check", "--url", db.url(), "--json"), "drift", "against", "differences", "notManaged");
            assertFalse(drift.get("drift").asBoolean(), drift.toString());

            TempProject.Run rollback = p.run("rollback", "--json", "--force", "--url", db.url());
            assertEquals(0, rollback.code(), rollback.toString());
            JsonNode r = parse(rollback, "rolledBack", "stillApplied");
            assertEquals(1, r.get("rolledBack").size());
            assertEquals(1, r.get("stillApplied").asInt());

            TempProject.Run push = p.run("push", "--json", "--url", db.url());
            assertEquals(0, push.code(), push.toString());
            JsonNode pushed = parse(push, "statements", "warnings", "notManaged", "applied", "dryRun");
            assertEquals(1, pushed.get("statements").size(), pushed.toString());
            assertEquals(1, pushed.get("applied").asInt());

            TempProject pulled = new TempProject(dir.resolve("pulled")).write("shale.toml", TempProject.CONFIG);
            TempProject.Run pull = pulled.run("pull", "--package", "app.pulled", "--json", "--url", db.url());
            assertEquals(0, pull.code(), pull.toString());
            JsonNode pl = parse(pull, "tables", "enums", "externalTables", "files", "notManaged");
            assertEquals(2, pl.get("tables").asInt(), pl.toString());
        }
    }

    @Test
    void aFailureIsOneJsonErrorAndSaysWhatWasAppliedBeforeIt() throws Exception {
        TempProject p = TempProject.standard(dir);
        try (TestDatabase db = TestDatabase.create()) {
            assertEquals(0, p.run("generate").code());
            assertEquals(0, p.run("generate", "--custom", "--name", "broken").code());
            p.write("migrations/0001_broken.sql", "SELECT * FROM no_such_table;\n");
            assertEquals(0, p.run("hash").code());
            TempProject.Run run = p.run("migrate", "--json", "--url", db.url());
            assertEquals(1, run.code(), run.toString());
            JsonNode error = parse(run, "error");
            assertTrue(error.get("error").get("message").asText().contains("no_such_table"), run.toString());
            assertTrue(run.err().contains("Applied 1 migration before the failure; they stay applied: 0000_"), run.toString());
        }
    }
    @Test
    void lint() throws Exception {
        TempProject p = TempProject.standard(dir);
        assertEquals(0, p.run("generate").code());
        TempProject.Run run = p.run("lint", "--json");
        assertEquals(0, run.code(), run.toString());
        JsonNode root = parse(run, "migrations", "counts", "failOn", "failed", "sized");
        JsonNode m = root.get("migrations").get(0);
        assertEquals(new TreeSet<>(Set.of("version", "file", "findings", "ignored")), names(m), m.toString());
        JsonNode f = m.get("findings").get(0);
        assertEquals(new TreeSet<>(Set.of("code", "rule", "severity", "line", "statement", "message")), names(f), f.toString());
        assertTrue(f.get("line").isInt() && f.get("code").asText().matches("SH\\d{3}"), f.toString());
        assertEquals(new TreeSet<>(Set.of("error", "warning", "info")), names(root.get("counts")), root.toString());
        assertEquals("error", root.get("failOn").asText());
        assertFalse(root.get("failed").asBoolean());
        assertFalse(root.get("sized").asBoolean());
    }
}
