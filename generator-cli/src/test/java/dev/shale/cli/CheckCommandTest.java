package dev.shale.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckCommandTest {
    @TempDir
    Path dir;

    @Test
    void cleanProjectPasses() {
        TempProject p = TempProject.standard(dir);
        assertEquals(0, p.run("generate").code());
        TempProject.Run run = p.run("check");
        assertEquals(0, run.code(), run.toString());
        assertEquals("Schema code matches snapshots/0000_snapshot.json\n", run.out());
    }

    @Test
    void ungeneratedChangeFailsWithThePendingSqlAndWritesNothing() {
        TempProject p = TempProject.standard(dir);
        assertEquals(0, p.run("generate").code());
        p.usersWith("public final Column<String> timezone = text(\"timezone\");");
        Map<String, String> before = p.outputState();
        TempProject.Run run = p.run("check");
        assertEquals(1, run.code(), run.toString());
        assertTrue(run.out().contains("compared with snapshots/0000_snapshot.json"), run.out());
        assertTrue(run.out().contains("--- migrations/0001_add_users_timezone.sql"), run.out());
        assertTrue(run.out().contains("ADD COLUMN"), run.out());
        assertTrue(run.out().contains("\"timezone\""), run.out());
        assertEquals(before, p.outputState());
    }

    @Test
    void noSnapshotsYetMeansEverythingIsPending() {
        TempProject p = TempProject.standard(dir);
        TempProject.Run run = p.run("check");
        assertEquals(1, run.code(), run.toString());
        assertTrue(run.out().contains("an empty schema"), run.out());
        assertTrue(run.out().contains("CREATE TABLE"), run.out());
        assertEquals("<absent>", p.outputState().get("migrations"));
    }

    @Test
    void openRenameQuestionsArePendingChanges() {
        TempProject p = TempProject.standard(dir);
        assertEquals(0, p.run("generate").code());
        p.write("src/app/db/Users.java", TempProject.USERS.replace("varchar(\"email\", 255)", "varchar(\"email_address\", 255)"));
        TempProject.Run run = p.run("check");
        assertEquals(1, run.code(), run.toString());
        assertTrue(run.out().contains("--rename public.users.email=email_address"), run.out());
    }

    @Test
    void migrationWithoutSnapshotIsCaught() {
        TempProject p = TempProject.standard(dir);
        assertEquals(0, p.run("generate").code());
        p.write("migrations/0001_hand_made.sql", "select 1;\n");
        TempProject.Run run = p.run("check");
        assertEquals(1, run.code(), run.toString());
        assertTrue(run.err().contains("migrations/0001_hand_made.sql has no snapshot"), run.err());
    }
}
