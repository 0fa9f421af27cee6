package dev.shale.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input gets one clear error naming the file and place, and changes nothing. */
class BadInputTest {
    @TempDir
    Path dir;

    /** Runs generate and check on a project with one migration already written; both must fail and change nothing. */
    private String failsAndChangesNothing(TempProject p) {
        Map<String, String> before = p.outputState();
        TempProject.Run generate = p.run("generate");
        assertEquals(1, generate.code(), generate.toString());
        assertTrue(generate.err().startsWith("error: "), generate.err());
        assertTrue(generate.err().contains("Nothing was written."), generate.err());
        assertFalse(generate.err().contains("\tat "), "no stack trace without --verbose");
        assertEquals(before, p.outputState());
        TempProject.Run check = p.run("check");
        assertEquals(1, check.code(), check.toString());
        assertEquals(before, p.outputState());
        return generate.err();
    }

    private TempProject generated() {
        TempProject p = TempProject.standard(dir);
        assertEquals(0, p.run("generate").code());
        return p;
    }

    @Test
    void duplicateColumnNamesFileAndLine() {
        TempProject p = generated();
        p.usersWith("public final Column<String> again = text(\"email\");");
        String err = failsAndChangesNothing(p);
        assertTrue(err.contains("src/app/db/Users.java:10"), err);
        assertTrue(err.contains("\"email\" is declared twice"), err);
    }

    @Test
    void foreignKeyToUnknownTableNamesFileAndLine() {
        TempProject p = generated();
        p.write("src/app/other/Orphans.java", """
                package app.other;

                import dev.shale.dsl.Column;
                import dev.shale.dsl.Table;
                import java.util.UUID;

                public final class Orphans extends Table {
                    public static final Orphans INSTANCE = new Orphans();
                    public final Column<UUID> id = uuid("id").primaryKey();
                    Orphans() { super("orphans"); }
                }
                """);
        p.usersWith("public final Column<UUID> orphanId = uuid(\"orphan_id\").references(() -> app.other.Orphans.INSTANCE.id);");
        String err = failsAndChangesNothing(p);
        assertTrue(err.contains("src/app/db/Users.java:10"), err);
        assertTrue(err.contains("\"public\".\"orphans\""), err);
        assertTrue(err.contains("not part of the schema"), err);
    }

    @Test
    void aTableClassNoStaticFieldHoldsIsAnErrorNotAnEmptyDiff() {
        // a new user's first project: table classes in the package, no holder class yet
        TempProject first = new TempProject(dir.resolve("first"));
        first.write("shale.toml", TempProject.CONFIG);
        first.write("src/app/db/Users.java", TempProject.USERS);
        String err = failsAndChangesNothing(first);
        assertTrue(err.contains("src/app/db/Users.java: table class app.db.Users is not held by any static field"), err);
        assertTrue(err.contains("public static final Users USERS = new Users();"), err);

        // a table added to a generated project but not to its holder
        TempProject p = generated();
        p.write("src/app/db/PostComments.java", TempProject.USERS.replace("Users", "PostComments").replace("\"users", "\"post_comments"));
        err = failsAndChangesNothing(p);
        assertTrue(err.contains("src/app/db/PostComments.java: table class app.db.PostComments is not held"), err);
        assertTrue(err.contains("public static final PostComments POST_COMMENTS = new PostComments();"), err);
    }

    @Test
    void identifierOver63BytesNamesFileAndLine() {
        TempProject p = generated();
        String longName = "x".repeat(64);
        p.usersWith("public final Column<String> tooLong = text(\"" + longName + "\");");
        String err = failsAndChangesNothing(p);
        assertTrue(err.contains("src/app/db/Users.java:10"), err);
        assertTrue(err.contains("64 bytes"), err);
    }

    @Test
    void compileErrorNamesFileAndLine() {
        TempProject p = generated();
        p.usersWith("public final Column<String> broken = text(\"broken\")");
        String err = failsAndChangesNothing(p);
        assertTrue(err.contains("does not compile"), err);
        assertTrue(err.contains("';' expected"), err);
        assertTrue(err.contains("src/app/db/Users.java:10"), err);
    }

    @Test
    void malformedSnapshotJsonNamesTheFile() {
        TempProject p = generated();
        p.write("snapshots/0000_snapshot.json", p.read("snapshots/0000_snapshot.json").replaceFirst("\\{", "{ oops"));
        String err = failsAndChangesNothing(p);
        assertTrue(err.contains("snapshots/0000_snapshot.json"), err);
    }

    @Test
    void truncatedSnapshotNamesTheFile() {
        TempProject p = generated();
        String json = p.read("snapshots/0000_snapshot.json");
        p.write("snapshots/0000_snapshot.json", json.substring(0, json.length() / 2));
        String err = failsAndChangesNothing(p);
        assertTrue(err.contains("snapshots/0000_snapshot.json"), err);
    }

    @Test
    void brokenPrevIdChainNamesTheFile() {
        TempProject p = generated();
        p.usersWith("public final Column<String> timezone = text(\"timezone\");");
        assertEquals(0, p.run("generate").code());
        String json = p.read("snapshots/0001_snapshot.json");
        String prev = GenerateCommandTest.field(json, "prevId");
        String broken = json.replace(prev, "11111111-2222-3333-4444-555555555555");
        assertFalse(broken.equals(json));
        p.write("snapshots/0001_snapshot.json", broken);
        p.usersWith("public final Column<String> timezone = text(\"timezone\");\n    public final Column<String> locale = text(\"locale\");");
        String err = failsAndChangesNothing(p);
        assertTrue(err.contains("snapshots/0001_snapshot.json"), err);
        assertTrue(err.contains("prevId"), err);
    }

    @Test
    void verboseAddsTheStackTrace() {
        TempProject p = generated();
        p.usersWith("public final Column<String> again = text(\"email\");");
        TempProject.Run run = p.run("generate", "--verbose");
        assertEquals(1, run.code());
        assertTrue(run.err().contains("\tat "), run.err());
    }
}
