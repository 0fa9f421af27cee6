package dev.shale.cli.pull;

import dev.shale.model.PgType;
import dev.shale.model.PrimaryKey;
import dev.shale.model.QualifiedName;
import dev.shale.model.SchemaModel;
import dev.shale.model.Table;
import dev.shale.snapshot.SnapshotJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.shale.cli.pull.JavaSchemaWriterTest.col;
import static dev.shale.cli.pull.JavaSchemaWriterTest.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What pull writes besides the code: a baseline snapshot and migration, only when the project has no snapshot. */
class PullFilesTest {
    private static final SchemaModel MODEL = new SchemaModel(List.of(), List.of(new Table(QualifiedName.of("users"),
            List.of(col("id", t(PgType.UUID), true, null)), new PrimaryKey("users_pkey", List.of("id")),
            List.of(), List.of(), List.of(), List.of())), List.of());

    @TempDir
    Path root;

    @Test
    void aNewProjectGetsTheCodeAndABaseline() {
        Map<Path, String> files = byPath(PullFiles.files(MODEL, "com.example.db", root.resolve("src"),
                root.resolve("snapshots"), root.resolve("migrations")));
        assertEquals(List.of(root.resolve("migrations/0000_baseline.down.sql"), root.resolve("migrations/0000_baseline.sql"),
                        root.resolve("migrations/shale.sum"), root.resolve("snapshots/0000_snapshot.json"), root.resolve("src/com/example/db/Enums.java"),
                        root.resolve("src/com/example/db/Schema.java"), root.resolve("src/com/example/db/Users.java")),
                files.keySet().stream().sorted().toList());
        String snapshot = files.get(root.resolve("snapshots/0000_snapshot.json"));
        assertEquals(MODEL, SnapshotJson.read(snapshot, "0000_snapshot.json").model());
        String baseline = files.get(root.resolve("migrations/0000_baseline.sql"));
        assertTrue(baseline.lines().allMatch(l -> l.startsWith("--")), "the baseline runs nothing: " + baseline);
    }

    @Test
    void aProjectWithSnapshotsGetsOnlyTheCode() throws Exception {
        Files.createDirectories(root.resolve("snapshots"));
        Files.writeString(root.resolve("snapshots/0003_snapshot.json"), "{}");
        Map<Path, String> files = byPath(PullFiles.files(MODEL, "com.example.db", root.resolve("src"),
                root.resolve("snapshots"), root.resolve("migrations")));
        assertEquals(3, files.size(), files.keySet().toString());
        assertFalse(files.keySet().stream().anyMatch(p -> p.startsWith(root.resolve("snapshots"))));
    }

    private static Map<Path, String> byPath(List<PullFiles.PulledFile> files) {
        return files.stream().collect(Collectors.toMap(PullFiles.PulledFile::target, PullFiles.PulledFile::content));
    }
}
