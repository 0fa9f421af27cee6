package dev.shale.cli;

import dev.shale.workflow.MigrationSettings;
import dev.shale.migrator.Migrator;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;

/** The flags of the commands that talk to the database: where the config and migrations are, the URL, the timeouts. */
final class DatabaseOptions {
    @Option(names = "--config", paramLabel = "FILE", description = "The config file (default: ./shale.toml).")
    Path config;

    @Option(names = "--url", paramLabel = "URL",
            description = "The database: jdbc:postgresql://, postgres:// or postgresql:// (overrides [database] migrations_url and url).")
    String url;

    @Option(names = "--migrations-dir", paramLabel = "DIR", description = "Where the migrations are (overrides [output] migrations).")
    Path migrationsDir;

    @Option(names = "--lock-wait", paramLabel = "S",
            description = "How long to wait for another runner's migration lock, in seconds or with a unit (10s, 2min; default 60s).")
    String lockWait;

    @Option(names = "--lock-timeout", paramLabel = "S",
            description = "lock_timeout for migration statements (default 10s; overrides [migrations] lock_timeout).")
    String lockTimeout;

    @Option(names = "--statement-timeout", paramLabel = "S",
            description = "statement_timeout for migration statements (default none; overrides [migrations] statement_timeout).")
    String statementTimeout;

    @Option(names = "--lock-retries", paramLabel = "N",
            description = "How many times a statement that hit lock_timeout is tried again (default 3; overrides [migrations] lock_retries).")
    Integer lockRetries;

    @Option(names = "--lock-retry-delay", paramLabel = "S",
            description = "The pause before the first such retry, doubling after (default 1s; overrides [migrations] lock_retry_delay).")
    String lockRetryDelay;

    @Option(names = {"-v", "--verbose"}, description = "Print the stack trace on failure.")
    boolean verbose;

    /** For the commands that take no lock and run no migration ({@code status}): its lock options are a usage error. */
    void refuseLockOptions(DatabaseCommand command) {
        ConfigOptions.refuse(command.spec, "--lock-wait", "--lock-timeout", "--statement-timeout", "--lock-retries",
                "--lock-retry-delay");
    }

    ShaleConfig load(Session session) {
        return ShaleConfig.load(session.workingDir(), new ShaleConfig.Overrides(config, null, null, null, null,
                migrationsDir, null, url), session.environment(), false);
    }

    /** The URL migrations run through; explains where to set one when there is none. */
    static String url(ShaleConfig config) {
        String url = config.migrationsUrl();
        if (url == null || url.isBlank()) {
            throw new ShaleException("no database URL: pass --url postgres://user@host:5432/db, or set [database] migrations_url"
                    + " (or url) in " + (config.file() == null ? ShaleConfig.FILE_NAME : config.show(config.file())));
        }
        return url;
    }

    /** A migrator for the project's migrations folder, history table and timeouts (flags over config). */
    Migrator.Builder builder(ShaleConfig config) {
        MigrationSettings s = config.migrations();
        Migrator.Builder b = Migrator.builder().url(url(config)).location(config.migrationsDir()).historyTable(s.schema(), s.table());
        Duration wait = lockWait != null ? Durations.parse(lockWait, "--lock-wait") : s.lockWait();
        Duration lock = lockTimeout != null ? Durations.parse(lockTimeout, "--lock-timeout") : s.lockTimeout();
        Duration statement = statementTimeout != null ? Durations.parse(statementTimeout, "--statement-timeout") : s.statementTimeout();
        if (wait != null) {
            b.lockWait(wait);
        }
        if (lock != null) {
            b.lockTimeout(lock);
        }
        if (statement != null) {
            b.statementTimeout(statement);
        }
        Integer retries = lockRetries != null ? lockRetries : s.lockRetries();
        Duration retryDelay = lockRetryDelay != null ? Durations.parse(lockRetryDelay, "--lock-retry-delay") : s.lockRetryDelay();
        if (retries != null) {
            if (retries < 0) {
                throw new ShaleException("--lock-retries: " + retries + " is not a whole number of zero or more");
            }
            b.lockRetries(retries);
        }
        if (retryDelay != null) {
            b.lockRetryDelay(retryDelay);
        }
        return b;
    }
}
