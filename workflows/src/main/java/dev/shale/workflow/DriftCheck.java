package dev.shale.workflow;

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
            Comparison c = compare(connection, project, expected);
            return new Result(latest, c.differences(), c.notManaged());
        } catch (SQLException e) {
            throw LiveDatabase.lost(e);
        }
    }

    /**
     * A database compared with a model by meaning (the model canonicalized on that database): drift's and
     * verification's one comparison.
     *
     * @param differences one line per difference; empty when the database holds exactly {@code expected}
     * @param notManaged objects of the database the model cannot express, not compared
     */
    record Comparison(List<String> differences, List<String> notManaged) {}

    /** The database behind {@code connection} against {@code expected}, through the project's schema filter. */
    static Comparison compare(Connection connection, Project project, SchemaModel expected) {
        SchemaFilter filter = project.schemaFilter();
        SchemaModel wanted = filter.apply(expected);
        LiveDatabase.Read live = LiveDatabase.filtered(LiveDatabase.read(connection,
                filter.schemas(LiveDatabase.schemasOf(wanted)), project.historyTable()), filter);
        SchemaModel canonical = LiveDatabase.canonical(project, wanted, connection);
        return new Comparison(Drift.of(LiveDatabase.onlyDeclared(live, wanted).model(), canonical), live.notManaged());
    }
}
