package dev.shale.workflow;

import dev.shale.change.Change;
import dev.shale.diff.Differ;
import dev.shale.diff.Hazards;
import dev.shale.diff.RenameDecisions;
import dev.shale.diff.UnsupportedChangeException;
import dev.shale.model.SchemaModel;
import dev.shale.render.MigrationScript;
import dev.shale.render.PostgresRenderer;
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
     * @param notManaged objects the model cannot express, not pulled ("trigger public.t.x")
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
     * The baseline, when the project has no snapshot yet: {@code 0000_snapshot.json} with {@code model}, and a
     * {@code 0000_baseline} migration holding the full DDL of {@code model} (the diff from the empty schema,
     * rendered as {@code generate} renders it), so a fresh database can be built from the migrations. The
     * database it was read from already has that schema: there it is recorded as applied without running
     * (the migrator's baseline). Its down file is an irreversible marker: rolling the baseline back would
     * drop the schema that existed before Shale managed it. Empty when a snapshot exists.
     */
    public static List<FileBatch.Entry> baseline(Path snapshotsDir, Path migrationsDir, SchemaModel model) {
        return baseline(snapshotsDir, migrationsDir, model, MigrationLayout.SHALE);
    }

    /** The baseline with its migration files named in {@code layout} ({@code V0__baseline.sql} in Flyway's). */
    public static List<FileBatch.Entry> baseline(Path snapshotsDir, Path migrationsDir, SchemaModel model, MigrationLayout layout) {
        List<FileBatch.Entry> out = new ArrayList<>();
        if (hasSnapshot(snapshotsDir)) {
            return out;
        }
        Snapshot baseline = Snapshot.next(null, model);
        out.add(new FileBatch.Entry(snapshotsDir.resolve("0000_snapshot.json"), SnapshotJson.write(baseline)));
        String name = BASELINE.substring(BASELINE.indexOf('_') + 1);
        out.add(new FileBatch.Entry(layout.upFile(migrationsDir, 0, name), baselineSql(model)));
        out.add(new FileBatch.Entry(layout.downFile(migrationsDir, 0, name), MigrationScript.renderIrreversible(BASELINE,
                "the baseline is the schema the database had before Shale managed it; rolling it back would drop all of it."
                + " `shale rollback` refuses this file")));
        out.add(Integrity.after(migrationsDir, snapshotsDir, out));
        return out;
    }

    /** The baseline migration's text: a note on how it is used, then the DDL that builds {@code model} from nothing. */
    static String baselineSql(SchemaModel model) {
        List<Change> changes;
        try {
            changes = Differ.plan(SchemaModel.EMPTY, model, RenameDecisions.NONE).stream()
                    .flatMap(step -> step.changes().stream()).toList();
        } catch (UnsupportedChangeException e) {
            throw Generator.unsupported(e);
        }
        String script = MigrationScript.render(BASELINE, new PostgresRenderer().render(changes), Hazards.of(changes));
        int afterHeader = script.indexOf('\n', script.indexOf(MigrationScript.GENERATED)) + 1;
        return script.substring(0, afterHeader) + """
                -- Baseline: the schema as `shale pull` read it from the database (snapshot 0000_snapshot.json).
                -- On that database, record it as applied without running it (migrate with baseline version 0);
                -- a fresh database is built by running it. Later migrations, from `shale generate`, start from here.
                """ + script.substring(afterHeader);
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
