package dev.shale.workflow;

import dev.shale.introspect.DeclaredExtensions;
import dev.shale.model.SchemaModel;
import dev.shale.snapshot.SnapshotHistory;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Drift check: a live database compared with the newest snapshot. */
public final class DriftCheck {
    private DriftCheck() {}

    /**
     * The outcome.
     *
     * @param latest the newest snapshot file, or null when there is none (the database is then expected empty)
     * @param differences one line per difference; empty when the database matches
     * @param notManaged objects of the database the model cannot express, not compared ("trigger public.t.x")
     */
    public record Result(Path latest, List<String> differences, List<String> notManaged) {
        public Result {
            differences = List.copyOf(differences);
            notManaged = List.copyOf(notManaged);
        }
    }

    /** Compares the project's database (its direct URL, else its URL) with the newest snapshot. */
    public static Result check(Project project) {
        return check(project, LiveDatabase.databaseUrl(project));
    }

    public static Result check(Project project, String url) {
        SnapshotHistory history = SnapshotHistory.load(project.snapshotsDir());
        Path latest = history.entries().isEmpty() ? null : history.entries().get(history.entries().size() - 1).file();
        SchemaFilter filter = project.schemaFilter();
        SchemaModel expected = filter.apply(history.latest() == null ? SchemaModel.EMPTY : history.latest().model());
        try (Connection connection = LiveDatabase.connect(url)) {
            LiveDatabase.Read live = LiveDatabase.filtered(LiveDatabase.read(connection,
                    filter.schemas(LiveDatabase.schemasOf(expected)), project.historyTable()), filter);
            SchemaModel canonical = LiveDatabase.canonical(expected, connection);
            return new Result(latest, Drift.of(DeclaredExtensions.only(live.model(), expected), canonical), live.notManaged());
        } catch (SQLException e) {
            throw LiveDatabase.lost(e);
        }
    }
}
