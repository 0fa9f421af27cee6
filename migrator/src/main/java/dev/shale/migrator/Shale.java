package dev.shale.migrator;

import javax.sql.DataSource;

/**
 * The entry point for applications: {@code Shale.migrate(dataSource)} at start-up applies the pending
 * migrations found on the classpath under {@code db/migrations}, exactly once even when several
 * instances start together. For options, use {@link Migrator#builder()}.
 */
public final class Shale {
    private Shale() {}

    /**
     * Applies pending migrations from the classpath folder {@code db/migrations} with default settings.
     *
     * @throws MigrationException when a check refuses, a statement fails, or the lock is not free in time
     */
    public static MigrateResult migrate(DataSource dataSource) {
        return Migrator.builder().dataSource(dataSource).classpathLocation("db/migrations").build().migrate();
    }
}
