package dev.shale.workflow;

import dev.shale.model.SchemaModel;
import dev.shale.snapshot.Snapshot;
import dev.shale.snapshot.SnapshotJson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Pull's reading side: what a database holds (without the project's migration history table), and
 * the baseline files that let the next generate start from that state. Writing the schema as Java is a
 * front end's job; the files it writes go through {@link FileBatch} with these.
 */
public final class Puller {
    /** The baseline migration's name. */
    public static final String BASELINE = "0000_baseline";

    private Puller() {}

    /**
     * What was read.
     *
     * @param model the schemas read, history table left out
     * @param notManaged objects the model cannot express, not pulled ("view public.x")
     * @param source the database as messages show it (password masked)
     */
    public record Pulled(SchemaModel model, List<String> notManaged, String source) {
        public Pulled {
            notManaged = List.copyOf(notManaged);
        }
    }

    /**
     * Reads {@code schemas} of the project's database, those the project's schema filter looks at; a
     * filter pattern with {@code *} adds every schema of the database it matches.
     */
    public static Pulled read(Project project, Set<String> schemas) {
        String url = LiveDatabase.databaseUrl(project);
        try (Connection c = LiveDatabase.connect(url)) {
            SchemaFilter filter = project.schemaFilter();
            Set<String> names = new java.util.TreeSet<>(schemas);
            if (filter.include().stream().anyMatch(p -> p.contains("*"))) {
                names.addAll(LiveDatabase.userSchemas(c));
            }
            LiveDatabase.Read read = LiveDatabase.filtered(LiveDatabase.read(c, filter.schemas(names), project.historyTable()), filter);
            return new Pulled(read.model(), read.notManaged(), LiveDatabase.redacted(url));
        } catch (SQLException e) {
            throw LiveDatabase.lost(e);
        }
    }

    /**
     * The baseline, when the project has no snapshot yet: {@code 0000_snapshot.json} with {@code model},
     * and a {@code 0000_baseline} migration (with its down file) that only comments, since the database
     * already has the schema; migrating records it and runs nothing. Empty when a snapshot exists.
     */
    public static List<FileBatch.Entry> baseline(Path snapshotsDir, Path migrationsDir, SchemaModel model) {
        List<FileBatch.Entry> out = new ArrayList<>();
        if (hasSnapshot(snapshotsDir)) {
            return out;
        }
        Snapshot baseline = Snapshot.next(null, model);
        out.add(new FileBatch.Entry(snapshotsDir.resolve("0000_snapshot.json"), SnapshotJson.write(baseline)));
        out.add(new FileBatch.Entry(migrationsDir.resolve(BASELINE + ".sql"), """
                -- Baseline: the schema as `shale pull` read it from the database (snapshot 0000_snapshot.json).
                -- The database already has it, so this migration runs nothing; `shale migrate` only records it.
                -- Later migrations, from `shale generate`, start from this state.
                """));
        out.add(new FileBatch.Entry(migrationsDir.resolve(BASELINE + ".down.sql"), """
                -- Rolling back the baseline removes nothing: the schema existed before Shale managed it.
                """));
        out.add(Integrity.after(migrationsDir, snapshotsDir, out));
        return out;
    }

    /** Whether {@code dir} holds a {@code NNNN_snapshot.json}. */
    public static boolean hasSnapshot(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.getFileName().toString().matches("\\d{4,}_snapshot\\.json"));
        } catch (IOException e) {
            throw new WorkflowException(WorkflowException.Reason.IO, dir.toString(), "could not list " + dir + ": " + e.getMessage(), e);
        }
    }
}
