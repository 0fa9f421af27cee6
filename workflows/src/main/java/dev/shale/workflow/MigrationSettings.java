package dev.shale.workflow;

import dev.shale.model.QualifiedName;

import java.time.Duration;

/**
 * Where the migration history table lives and the timeouts migrations run with. A null duration means
 * the migrator's default.
 *
 * @param schema the history table's schema
 * @param table the history table's name
 * @param lockTimeout {@code lock_timeout} of migration statements, or null
 * @param statementTimeout {@code statement_timeout} of migration statements, or null
 * @param lockWait how long a second runner waits for the migration lock, or null
 * @param lockRetries how many times a statement that hit lock_timeout is tried again, or null
 * @param lockRetryDelay the pause before the first retry (each further pause doubles), or null
 */
public record MigrationSettings(String schema, String table, Duration lockTimeout, Duration statementTimeout, Duration lockWait,
                                Integer lockRetries, Duration lockRetryDelay) {
    public static final MigrationSettings DEFAULT = new MigrationSettings("public", "shale_migrations", null, null, null, null, null);

    public QualifiedName historyTable() {
        return QualifiedName.of(schema, table);
    }
}
