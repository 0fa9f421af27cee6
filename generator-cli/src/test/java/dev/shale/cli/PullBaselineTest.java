package dev.shale.cli;

import dev.shale.cli.pull.PullFiles;
import dev.shale.model.SchemaModel;
import dev.shale.snapshot.SnapshotJson;
import dev.shale.testing.CatalogFingerprint;
import dev.shale.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What {@code pull} leaves in a project works with the other commands: the pulled code matches the
 * baseline snapshot ({@code check} is clean, {@code generate} has nothing to do), and {@code migrate} on
 * the database the schema came from records the baseline without running anything.
 */
class PullBaselineTest {
    @TempDir
    Path dir;

    @Test
    void pulledProjectIsCleanAndItsBaselineIsRecordedWithoutRunning() throws Exception {
        TempProject original = TempProject.standard(dir.resolve("original"));
        assertEquals(0, original.run("generate").code());
        SchemaModel model = SnapshotJson.read(original.read("snapshots/0000_snapshot.json"), "0000_snapshot.json").model();

        TempProject pulled = new TempProject(dir.resolve("pulled"));
        pulled.write("shale.toml", TempProject.CONFIG);
        for (PullFiles.PulledFile f : PullFiles.files(model, "app.db", pulled.root.resolve("src"),
                pulled.root.resolve("snapshots"), pulled.root.resolve("migrations"))) {
            pulled.write(pulled.root.relativize(f.target()).toString(), f.content());
        }
        TempProject.Run check = pulled.run("check");
        assertEquals(0, check.code(), check.toString());
        TempProject.Run generate = pulled.run("generate");
        assertEquals(0, generate.code(), generate.toString());
        assertEquals(1, Files.list(pulled.root.resolve("snapshots")).count(), "generate found nothing to write: " + generate);

        try (TestDatabase db = TestDatabase.create()) {
            // A database built outside Shale (no history table), as pull finds one.
            try (var files = Files.list(original.root.resolve("migrations"))) {
                for (Path f : files.filter(f -> f.toString().endsWith(".sql") && !f.toString().endsWith(".down.sql")).sorted().toList()) {
                    db.execute(Files.readString(f));
                }
            }
            var before = CatalogFingerprint.lines(db, "shale_migrations");
            TempProject.Run migrate = pulled.run("migrate", "--baseline", "0", "--url", db.url());
            assertEquals(0, migrate.code(), migrate.toString());
            assertTrue(migrate.out().contains("0000_baseline"), migrate.toString());
            assertEquals(before.stream().filter(l -> !l.contains("shale")).toList(),
                    CatalogFingerprint.lines(db, "shale_migrations").stream().filter(l -> !l.contains("shale")).toList());
        }
    }
}
