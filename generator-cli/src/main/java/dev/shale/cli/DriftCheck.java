package dev.shale.cli;

import dev.shale.model.QualifiedName;
import dev.shale.model.SchemaModel;
import dev.shale.snapshot.SnapshotHistory;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** {@code shale check --url U}: the live database compared with the newest snapshot. */
final class DriftCheck {
    private DriftCheck() {}

    /**
     * The outcome.
     *
     * @param latest the newest snapshot file, or null when there is none (the database is then expected empty)
     * @param differences one line per difference; empty when the database matches
     */
    record Result(Path latest, List<String> differences) {
        Result {
            differences = List.copyOf(differences);
        }
    }

    static Result check(ShaleConfig config, String url) throws SQLException {
        SnapshotHistory history = SnapshotHistory.load(config.snapshotsDir());
        Path latest = history.entries().isEmpty() ? null : history.entries().get(history.entries().size() - 1).file();
        SchemaModel expected = history.latest() == null ? SchemaModel.EMPTY : history.latest().model();
        QualifiedName table = QualifiedName.of(config.migrations().schema(), config.migrations().table());
        try (Connection connection = LiveDatabase.connect(url)) {
            LiveDatabase.Read live = LiveDatabase.read(connection, LiveDatabase.schemasOf(expected), table);
            SchemaModel canonical = LiveDatabase.canonical(expected, connection);
            return new Result(latest, Drift.of(live.model(), canonical));
        }
    }
}
