package dev.shale.workflow;

import java.nio.file.Path;

/**
 * How {@code generate} (and {@code pull}'s baseline) name migration files. Snapshots are
 * {@code NNNN_snapshot.json} in both; the migrator, {@code check} and {@code rollback} read both.
 */
public enum MigrationLayout {
    /** Shale's own: {@code 0003_add_index.sql} and its down file {@code 0003_add_index.down.sql}. */
    SHALE,
    /**
     * Flyway's, for a team that keeps Flyway (or Spring Boot's Flyway support) as its runner with Shale as
     * the generator: {@code V3__add_index.sql} and, for the down file, Flyway's undo name {@code U3__add_index.sql}.
     */
    FLYWAY;

    /** The up file of migration {@code number} named {@code name}. */
    public Path upFile(Path migrationsDir, int number, String name) {
        return migrationsDir.resolve(switch (this) {
            case SHALE -> String.format("%04d_%s.sql", number, name);
            case FLYWAY -> "V" + number + "__" + name + ".sql";
        });
    }

    /** The down file of migration {@code number} named {@code name}. */
    public Path downFile(Path migrationsDir, int number, String name) {
        return migrationsDir.resolve(switch (this) {
            case SHALE -> String.format("%04d_%s.down.sql", number, name);
            case FLYWAY -> "U" + number + "__" + name + ".sql";
        });
    }

    /** The layout named in a configuration ({@code "shale"}, {@code "flyway"}, any case), or null when it names none. */
    public static MigrationLayout named(String name) {
        for (MigrationLayout l : values()) {
            if (l.name().equalsIgnoreCase(name.strip())) {
                return l;
            }
        }
        return null;
    }
}
