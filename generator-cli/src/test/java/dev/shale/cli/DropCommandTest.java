package dev.shale.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shale.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 13: {@code shale drop [N]} removes a migration with its down file and snapshot, never one a database has applied. */
class DropCommandTest {
    @TempDir
    Path dir;

    /** Migrations 0000 (users, posts), 0001 (users.bio) and 0002 (users.age). */
    private TempProject threeMigrations() {
        TempProject p = TempProject.standard(dir);
        assertEquals(0, p.run("generate").code());
        p.usersWith("public final Column<String> bio = text(\"bio\");");
        assertEquals(0, p.run("generate").code());
        p.usersWith("public final Column<String> bio = text(\"bio\");\n    public final Column<Integer> age = integer(\"age\");");
        assertEquals(0, p.run("generate").code());
        assertTrue(Files.exists(dir.resolve("migrations/0002_add_users_age.sql")));
        return p;
    }

    @Test
    void dropRemovesTheNewestMigrationItsDownFileAndSnapshotAndRewritesTheSum() {
        TempProject p = threeMigrations();
        String sumBefore = p.read("migrations/shale.sum");
        TempProject.Run drop = p.run("drop");
        assertEquals(0, drop.code(), drop.toString());
        assertEquals("""
                removed migrations/0002_add_users_age.sql
                removed migrations/0002_add_users_age.down.sql
                removed snapshots/0002_snapshot.json
                wrote migrations/shale.sum
                No database is configured, so none was checked: make sure no environment has applied it.
                """, drop.out());
        for (String gone : new String[] {"migrations/0002_add_users_age.sql", "migrations/0002_add_users_age.down.sql", "snapshots/0002_snapshot.json"}) {
            assertFalse(Files.exists(dir.resolve(gone)), gone);
        }
        String sum = p.read("migrations/shale.sum");
        assertFalse(sum.equals(sumBefore));
        assertFalse(sum.contains("0002_"), sum);
        assertEquals(0, p.run("hash").code());
        assertEquals(sum, p.read("migrations/shale.sum"), "the sum drop wrote is the one the files give");

        TempProject.Run check = p.run("check");
        assertEquals(1, check.code(), "the code still has the column: " + check);
        assertTrue(check.out().contains("ADD COLUMN \"age\""), check.toString());
        TempProject.Run again = p.run("generate");
        assertEquals(0, again.code(), again.toString());
        assertTrue(again.out().contains("wrote migrations/0002_add_users_age.sql"), again.out());
        assertEquals(sumBefore, p.read("migrations/shale.sum"), "generating again gives back the same files");
    }

    @Test
    void aMigrationInTheMiddleIsRefusedWithoutForceAndRemovedWithTheLaterOnesWithIt() throws Exception {
        TempProject p = threeMigrations();
        Map<String, String> before = p.outputState();
        TempProject.Run refused = p.run("drop", "1");
        assertEquals(1, refused.code(), refused.toString());
        assertEquals("error: migrations/0001_add_users_bio.sql is not the newest migration: migrations/0002_add_users_age.sql came"
                + " after it, and their snapshots build on its snapshot, so removing it alone would break the chain. Nothing was"
                + " removed. `shale drop <N> --force` removes it with every later one; `shale drop` alone removes the newest.\n",
                refused.err());
        assertEquals(before, p.outputState());

        TempProject.Run missing = p.run("drop", "7");
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("there is no migration 0007 in migrations (the migrations are 0000 to 0002)"), missing.err());

        TempProject.Run forced = p.run("drop", "1", "--force", "--json");
        assertEquals(0, forced.code(), forced.toString());
        JsonNode json = new ObjectMapper().readTree(forced.out());
        assertEquals("[\"0002_add_users_age\",\"0001_add_users_bio\"]", json.get("dropped").toString());
        assertEquals(6, json.get("removed").size());
        assertTrue(json.get("database").isNull());
        assertTrue(Files.exists(dir.resolve("migrations/0000_create_users_posts.sql")));
        assertFalse(Files.exists(dir.resolve("snapshots/0001_snapshot.json")));
        assertEquals(0, p.run("hash").code());
        TempProject.Run generate = p.run("generate");
        assertTrue(generate.out().contains("wrote migrations/0001_add_users_bio_age.sql")
                || generate.out().contains("wrote migrations/0001_"), generate.toString());
    }

    @Test
    void aMigrationAppliedOnTheDatabaseIsNeverDroppedAndThePasswordIsNotShown() throws Exception {
        TempProject p = threeMigrations();
        try (TestDatabase db = TestDatabase.create()) {
            String url = db.url() + (db.url().contains("?") ? "&" : "?") + "password=s3cretpw";
            assertEquals(0, p.run("migrate", "--url", url).code());
            Map<String, String> before = p.outputState();

            TempProject.Run drop = p.run("drop", "--url", url);
            assertEquals(1, drop.code(), drop.toString());
            assertTrue(drop.err().startsWith("error: migrations/0002_add_users_age.sql is applied on the database "), drop.err());
            assertTrue(drop.err().contains("recorded in \"public\".\"shale_migrations\"): removing its file would leave that database with a"
                    + " change no migration describes. Nothing was removed. Roll it back there first (`shale rollback`)"), drop.err());
            assertTrue(drop.err().contains(db.name()), "names the database: " + drop.err());
            assertFalse(drop.err().contains("s3cretpw") || drop.out().contains("s3cretpw"), drop.toString());
            assertEquals(before, p.outputState());

            // the configured database counts as much as --url
            p.write("shale.toml", TempProject.CONFIG + "\n[database]\nurl = \"" + url + "\"\n");
            TempProject.Run configured = p.run("drop", "--json");
            assertEquals(1, configured.code(), configured.toString());
            assertTrue(configured.out().contains("is applied on the database"), configured.out());
            assertEquals(before, p.outputState());

            // rolled back there, it may go
            assertEquals(0, p.run("rollback", "--force").code());
            TempProject.Run dropped = p.run("drop");
            assertEquals(0, dropped.code(), dropped.toString());
            assertTrue(dropped.out().contains("Checked ") && dropped.out().contains(": not applied there."), dropped.out());
            assertFalse(dropped.out().contains("s3cretpw"), dropped.out());
            assertEquals(1, p.run("check").code(), "the code still declares age, so check asks to generate it");
        }
    }

    @Test
    void dropRefusesAHistoryThatDoesNotMatchItsSum() {
        TempProject p = threeMigrations();
        p.write("migrations/0001_add_users_bio.sql", p.read("migrations/0001_add_users_bio.sql") + "-- edited\n");
        Map<String, String> before = p.outputState();
        TempProject.Run drop = p.run("drop");
        assertEquals(1, drop.code(), drop.toString());
        assertTrue(drop.err().contains("migrations/shale.sum does not match the files"), drop.err());
        assertEquals(before, p.outputState());
    }
}
