package dev.shale.cli;

import dev.shale.model.SchemaModel;
import dev.shale.snapshot.Snapshot;
import dev.shale.snapshot.SnapshotJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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

    @Test
    void aMigrationEditedByHandFailsCheck() {
        TempProject p = TempProject.standard(dir);
        assertEquals(0, p.run("generate").code());
        String sql = p.read("migrations/0000_create_users_posts.sql");
        String edited = sql.replaceFirst("\n\\s*\"email\" varchar\\(255\\) NOT NULL,", "");
        assertNotEquals(sql, edited, "the test removes a column line");
        p.write("migrations/0000_create_users_posts.sql", edited);
        TempProject.Run run = p.run("check");
        assertEquals(1, run.code(), run.toString());
        assertTrue(run.err().contains("migrations/shale.sum does not match the files"), run.toString());
        assertTrue(run.err().contains("edited: ") && run.err().contains("0000_create_users_posts.sql"), run.toString());
        assertTrue(run.err().contains("`shale hash` rewrites"), run.toString());

        assertEquals(0, p.run("hash").code(), "a deliberate edit is vouched for again");
        assertEquals(0, p.run("check").code());
    }

    @Test
    void aSnapshotEditedByHandFailsCheckEvenWithItsIdRecomputed() throws Exception {
        TempProject p = TempProject.standard(dir);
        assertEquals(0, p.run("generate").code());
        String text = p.read("snapshots/0000_snapshot.json");
        Snapshot s = SnapshotJson.read(text, "0000_snapshot.json");
        SchemaModel fewer = s.model().withTables(s.model().tables().stream().filter(t -> t.name().name().equals("users")).toList());
        Snapshot forged = new Snapshot(s.version(), s.dialect(), SnapshotJson.idFor(s.prevId(), fewer), s.prevId(), fewer);
        p.write("snapshots/0000_snapshot.json", SnapshotJson.write(forged));
        TempProject.Run run = p.run("check");
        assertEquals(1, run.code(), run.toString());
        assertTrue(run.err().contains("snapshot changed: ") && run.err().contains("0000_snapshot.json"), run.toString());
    }

    @Test
    void aRemovedMigrationFailsCheck() {
        TempProject p = TempProject.standard(dir);
        assertEquals(0, p.run("generate").code());
        p.usersWith("public final Column<String> timezone = text(\"timezone\");");
        assertEquals(0, p.run("generate").code());
        assertTrue(p.root.resolve("migrations/shale.sum").toFile().exists());
        p.delete("migrations/0001_add_users_timezone.sql");
        p.delete("migrations/0001_add_users_timezone.down.sql");
        p.delete("snapshots/0001_snapshot.json");
        TempProject.Run run = p.run("check");
        assertEquals(1, run.code(), run.toString());
        assertTrue(run.err().contains("removed: "), run.toString());
    }
}
