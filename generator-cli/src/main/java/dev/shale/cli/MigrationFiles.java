package dev.shale.cli;

import dev.shale.migrator.AppliedMigration;
import dev.shale.migrator.MigrationStatus;

import java.nio.file.Files;
import java.nio.file.Path;

/** The names of a migration's files as the migrator identifies it: version and name. */
final class MigrationFiles {
    private MigrationFiles() {}

    static String title(int version, String name) {
        return String.format("%04d_%s", version, name);
    }

    static String title(AppliedMigration m) {
        return title(m.version(), m.name());
    }

    static String title(MigrationStatus.Entry e) {
        return title(e.version(), e.name());
    }

    /** The up file: {@code NNNN_<name>.sql}, or in Flyway's layout {@code V<n>__<name>.sql} when only that exists. */
    static Path up(Path dir, AppliedMigration m) {
        Path shale = dir.resolve(title(m) + ".sql");
        Path flyway = dir.resolve("V" + m.version() + "__" + m.name() + ".sql");
        return !Files.exists(shale) && Files.exists(flyway) ? flyway : shale;
    }
}
