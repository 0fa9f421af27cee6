package dev.shale.cli;

import dev.shale.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GenerateCommandTest {
    @TempDir
    Path dir;

    @Test
    void firstGenerateWritesMigrationAndSnapshotZero() {
        TempProject p = TempProject.standard(dir);
        TempProject.Run run = p.run("generate");
        assertEquals(0, run.code(), run.toString());
        assertTrue(run.out().contains("wrote migrations/0000_create_users_posts.sql"), run.toString());
        assertTrue(run.out().contains("wrote snapshots/0000_snapshot.json"), run.toString());
        String sql = p.read("migrations/0000_create_users_posts.sql");
        assertTrue(sql.contains("\"public\".\"users\""), sql);
        assertTrue(sql.contains("\"public\".\"posts\""), sql);
        assertTrue(sql.endsWith("\n") && !sql.contains("\r"), "\\n line endings and a trailing newline");
        assertTrue(p.read("snapshots/0000_snapshot.json").contains("\"prevId\""));
        assertEquals(List.of("0000_create_users_posts.down.sql", "0000_create_users_posts.sql", "shale.sum"), list(dir.resolve("migrations")));
        assertTrue(run.out().contains("wrote migrations/shale.sum"), run.toString());
        assertEquals(List.of("0000_snapshot.json"), list(dir.resolve("snapshots")));
    }

    @Test
    void secondGenerateWithoutChangesWritesNothing() {
        TempProject p = TempProject.standard(dir);
        assertEquals(0, p.run("generate").code());
        Map<String, String> before = p.outputState();
        TempProject.Run again = p.run("generate");
        assertEquals(0, again.code(), again.toString());
        assertEquals("No schema changes; nothing written.\n", again.out());
        assertEquals(before, p.outputState());
    }

    @Test
    void sameInputGivesByteIdenticalFilesInAnotherFolder(@TempDir Path other) {
        TempProject a = TempProject.standard(dir.resolve("a"));
        TempProject b = TempProject.standard(other.resolve("b"));
        a.usersWith("public final Column<String> timezone = text(\"timezone\").notNull().defaultValue(\"UTC\");");
        b.usersWith("public final Column<String> timezone = text(\"timezone\").notNull().defaultValue(\"UTC\");");
        assertEquals(0, a.run("generate", "--name", "init").code());
        assertEquals(0, b.run("generate", "--name", "init").code());
        assertEquals(a.outputState(), b.outputState());
        assertFalse(a.outputState().isEmpty());
    }

    @Test
    void verboseSaysHowManySchemaFilesWereCompiledAndHowManyCameFromTheCache() {
        TempProject p = TempProject.standard(dir);
        TempProject.Run first = p.run("generate", "--verbose");
        assertEquals(0, first.code(), first.toString());
        assertTrue(first.err().contains("(compiled 3 of 3 files, 0 from the cache in .shale/classes/)"), first.toString());
        p.write("src/app/db/Posts.java", TempProject.POSTS.replace("    Posts() {",
                "    public final Column<String> body = text(\"body\");\n\n    Posts() {"));
        TempProject.Run second = p.run("generate", "--verbose");
        assertEquals(0, second.code(), second.toString());
        // Posts changed and Schema holds a Posts; Users names neither
        assertTrue(second.err().contains("(compiled 2 of 3 files, 1 from the cache in .shale/classes/)"), second.toString());
        assertTrue(second.out().contains("wrote migrations/0001_add_posts_body.sql"), second.toString());
        assertEquals("*", p.read(".shale/classes/.gitignore").lines().reduce((a, b) -> b).orElseThrow());
    }

    @Test
    void addedColumnBecomesMigrationOneNamedAfterIt() {
        TempProject p = TempProject.standard(dir);
        assertEquals(0, p.run("generate").code());
        p.usersWith("public final Column<String> timezone = text(\"timezone\");");
        TempProject.Run run = p.run("generate");
        assertEquals(0, run.code(), run.toString());
        assertTrue(run.out().contains("wrote migrations/0001_add_users_timezone.sql"), run.toString());
        String sql = p.read("migrations/0001_add_users_timezone.sql");
        assertTrue(sql.contains("\"timezone\""), sql);
        assertTrue(p.read("snapshots/0001_snapshot.json").contains("timezone"));
    }

    @Test
    void nameFlagIsSanitised() {
        TempProject p = TempProject.standard(dir);
        TempProject.Run run = p.run("generate", "--name", "Initial Schema!");
        assertEquals(0, run.code(), run.toString());
        assertTrue(Files.exists(dir.resolve("migrations/0000_initial_schema.sql")), run.toString());
    }

    @Test
    void droppedColumnIsAHazardPrintedAndWrittenInTheFile() {
        TempProject p = TempProject.standard(dir);
        p.usersWith("public final Column<String> nickname = text(\"nickname\");");
        assertEquals(0, p.run("generate").code());
        p.usersWith("");
        TempProject.Run run = p.run("generate", "--dropped", "public.users.nickname");
        assertEquals(0, run.code(), run.toString());
        assertTrue(run.out().contains("warning data loss: "), run.toString());
        String sql = p.read("migrations/0001_drop_users_nickname.sql");
        assertTrue(sql.contains("DROP COLUMN"), sql);
        assertTrue(sql.toLowerCase().contains("nickname"), sql);
    }

    @Test
    void customWritesEmptyMigrationAndCarriesTheSnapshotForward() {
        TempProject p = TempProject.standard(dir);
        assertEquals(0, p.run("generate").code());
        TempProject.Run run = p.run("generate", "--custom", "--name", "Backfill emails");
        assertEquals(0, run.code(), run.toString());
        assertTrue(run.out().contains("wrote migrations/0001_backfill_emails.sql"), run.toString());
        String sql = p.read("migrations/0001_backfill_emails.sql");
        assertFalse(sql.contains("CREATE"), sql);
        var first = dev.shale.snapshot.SnapshotJson.read(p.read("snapshots/0000_snapshot.json"), "0000");
        var second = dev.shale.snapshot.SnapshotJson.read(p.read("snapshots/0001_snapshot.json"), "0001");
        assertEquals(first.id(), second.prevId());
        assertEquals(first.model(), second.model(), "the model is carried forward unchanged");
        assertFalse(first.id().equals(second.id()));
        // the chain stays valid and the code still matches
        TempProject.Run check = p.run("check");
        assertEquals(0, check.code(), check.toString());
        assertTrue(check.out().contains("snapshots/0001_snapshot.json"), check.toString());
    }

    @Test
    void renameOffTerminalStopsListingCandidatesAndBothWaysToAnswer() {
        TempProject p = TempProject.standard(dir);
        assertEquals(0, p.run("generate").code());
        p.write("src/app/db/Users.java", TempProject.USERS.replace("varchar(\"email\", 255)", "varchar(\"email_address\", 255)"));
        Map<String, String> before = p.outputState();
        TempProject.Run run = p.run("generate");
        assertEquals(1, run.code(), run.toString());
        assertTrue(run.err().contains("\"email\""), run.err());
        assertTrue(run.err().contains("\"email_address\""), run.err());
        assertTrue(run.err().contains("--rename public.users.email=email_address"), run.err());
        assertTrue(run.err().contains(".renamedFrom(\"email\")"), run.err());
        assertTrue(run.err().contains("--dropped public.users.email"), run.err());
        assertTrue(run.err().contains("no terminal"), run.err());
        assertEquals(before, p.outputState());
    }

    @Test
    void renameFlagResolvesTheQuestion() {
        TempProject p = TempProject.standard(dir);
        assertEquals(0, p.run("generate").code());
        p.write("src/app/db/Users.java", TempProject.USERS.replace("varchar(\"email\", 255)", "varchar(\"email_address\", 255)"));
        TempProject.Run run = p.run("generate", "--rename", "public.users.email=email_address");
        assertEquals(0, run.code(), run.toString());
        assertTrue(run.out().contains("wrote migrations/0001_rename_users_email_to_email_address.sql"), run.toString());
        String sql = p.read("migrations/0001_rename_users_email_to_email_address.sql");
        assertTrue(sql.contains("RENAME COLUMN"), sql);
        assertFalse(sql.contains("DROP COLUMN"), sql);
    }

    @Test
    void renameFlagThatAnswersNothingIsRejected() {
        TempProject p = TempProject.standard(dir);
        assertEquals(0, p.run("generate").code());
        p.write("src/app/db/Users.java", TempProject.USERS.replace("varchar(\"email\", 255)", "varchar(\"email_address\", 255)"));
        Map<String, String> before = p.outputState();
        TempProject.Run typo = p.run("generate", "--rename", "public.users.emial=email_address");
        assertEquals(1, typo.code(), typo.toString());
        assertTrue(typo.err().contains("the rename public.users.emial=email_address answers no rename question")
                && typo.err().contains("It was given as --rename public.users.emial=email_address"), typo.err());
        assertTrue(typo.err().contains("no column \"emial\""), typo.err());
        TempProject.Run wrongTarget = p.run("generate", "--rename", "public.users.email=mail");
        assertEquals(1, wrongTarget.code(), wrongTarget.toString());
        assertTrue(wrongTarget.err().contains("no column \"mail\""), wrongTarget.err());
        TempProject.Run noTable = p.run("generate", "--dropped", "public.teams");
        assertEquals(1, noTable.code(), noTable.toString());
        assertTrue(noTable.err().contains("no table \"public\".\"teams\""), noTable.err());
        assertEquals(before, p.outputState());
    }

    @Test
    void renamedFromHintInCodeResolvesTheQuestion() {
        TempProject p = TempProject.standard(dir);
        assertEquals(0, p.run("generate").code());
        p.write("src/app/db/Users.java", TempProject.USERS.replace("varchar(\"email\", 255)",
                "varchar(\"email_address\", 255).renamedFrom(\"email\")"));
        TempProject.Run run = p.run("generate");
        assertEquals(0, run.code(), run.toString());
        String sql = p.read("migrations/0001_rename_users_email_to_email_address.sql");
        assertTrue(sql.contains("RENAME COLUMN"), sql);
        // the hint stays in the code; once generated it must not ask or change anything again
        TempProject.Run again = p.run("generate");
        assertEquals("No schema changes; nothing written.\n", again.out(), again.toString());
    }

    @Test
    void renameIsAskedOnATerminal() {
        TempProject p = TempProject.standard(dir);
        assertEquals(0, p.run("generate").code());
        p.write("src/app/db/Users.java", TempProject.USERS.replace("varchar(\"email\", 255)", "varchar(\"email_address\", 255)"));
        TempProject.Run run = p.runWithInput(true, "x\n1\n", "generate");
        assertEquals(0, run.code(), run.toString());
        assertTrue(run.out().contains("1) renamed to \"email_address\""), run.out());
        assertTrue(run.out().contains("2) dropped"), run.out());
        assertTrue(run.out().contains("Please type a number"), run.out());
        assertTrue(p.read("migrations/0001_rename_users_email_to_email_address.sql").contains("RENAME COLUMN"));
    }

    @Test
    void generatedMigrationsApplyToPostgres() throws Exception {
        TempProject p = TempProject.standard(dir);
        assertEquals(0, p.run("generate").code());
        p.usersWith("public final Column<String> timezone = text(\"timezone\").notNull().defaultValue(\"UTC\");");
        assertEquals(0, p.run("generate").code());
        try (TestDatabase db = TestDatabase.create()) {
            for (String file : list(dir.resolve("migrations")).stream().filter(f -> f.endsWith(".sql") && !f.endsWith(".down.sql")).toList()) {
                db.execute(p.read("migrations/" + file));
            }
            assertEquals(List.of("posts", "users"), db.strings(
                    "select table_name from information_schema.tables where table_schema = 'public' order by 1"));
            assertEquals(List.of("UTC"), db.strings("select column_default from information_schema.columns"
                    + " where table_name = 'users' and column_name = 'timezone'").stream()
                    .map(d -> d.replaceAll("'(.*)'::text", "$1")).toList());
        }
    }

    static List<String> list(Path folder) {
        try (var s = Files.list(folder)) {
            return s.map(f -> f.getFileName().toString()).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A top-level string field of a snapshot file. */
    static String field(String json, String name) {
        var m = java.util.regex.Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        assertTrue(m.find(), json);
        return m.group(1);
    }
}
