package dev.shale.maven;

import dev.shale.migrator.Migrator;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

import java.time.Duration;
import java.util.function.Consumer;

/** A goal that runs the migrator ({@code migrate}, {@code status}): the migrations folder, URL, history table and timeouts. */
abstract class MigratorMojo extends AbstractShaleMojo {
    /** {@code lock_timeout} of migration statements: seconds, or with a unit ({@code 500ms}, {@code 10s}, {@code 2min}); default 10s. */
    @Parameter(property = "shale.lockTimeout")
    String lockTimeout;

    /** {@code statement_timeout} of migration statements (default: none). */
    @Parameter(property = "shale.statementTimeout")
    String statementTimeout;

    /** How long a second runner waits for the migration lock (default 60s). */
    @Parameter(property = "shale.lockWait")
    String lockWait;

    /** A migrator for the project's migrations folder, history table and timeouts. */
    Migrator.Builder migrator() throws MojoFailureException {
        Migrator.Builder b = Migrator.builder().url(databaseUrl()).location(migrationsDirectory.toPath())
                .historyTable(historySchema, historyTable);
        set(lockWait, "lockWait", b::lockWait);
        set(lockTimeout, "lockTimeout", b::lockTimeout);
        set(statementTimeout, "statementTimeout", b::statementTimeout);
        return b;
    }

    private static void set(String value, String parameter, Consumer<Duration> setter) throws MojoFailureException {
        try {
            Duration d = Durations.parse(value, parameter);
            if (d != null) {
                setter.accept(d);
            }
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }
}
