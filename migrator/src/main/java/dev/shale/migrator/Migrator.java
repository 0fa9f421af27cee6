package dev.shale.migrator;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Applies migration files to a PostgreSQL database: history table, advisory lock, checksums, one
 * transaction per migration. Build one with {@link #builder()}. TEMPORARY SIGNATURES: owned by the
 * migrator work, which may add methods; the CLI and tests use these.
 */
public final class Migrator {
    private Migrator() {}

    public static Builder builder() {
        return new Builder();
    }

    /** Applies every pending migration (up to the target, if set), each in its own transaction. */
    public MigrateResult migrate() {
        throw new UnsupportedOperationException("owned by the migrator work");
    }

    /** What {@link #migrate()} would apply, with nothing executed. */
    public MigrateResult dryRun() {
        throw new UnsupportedOperationException("owned by the migrator work");
    }

    /** Applied, pending, changed and missing migrations. */
    public MigrationStatus status() {
        throw new UnsupportedOperationException("owned by the migrator work");
    }

    /** Applies the down files of the newest {@code steps} applied migrations, newest first, and removes their history rows. */
    public MigrateResult rollback(int steps) {
        throw new UnsupportedOperationException("owned by the migrator work");
    }

    /** Records migrations up to {@code version} as applied without running them (adopting an existing database). */
    public MigrateResult baseline(int version) {
        throw new UnsupportedOperationException("owned by the migrator work");
    }

    /** Options; every one has a safe default. */
    public static final class Builder {
        Builder() {}

        /** Where connections come from (required, or {@link #url}). */
        public Builder dataSource(DataSource dataSource) {
            return this;
        }

        /**
         * A database URL as users have them: {@code jdbc:postgresql://}, {@code postgres://} or
         * {@code postgresql://} (with {@code sslmode} and other query options). The password is never printed.
         */
        public Builder url(String url) {
            return this;
        }

        /** Migration files in a folder ({@code migrations/}). */
        public Builder location(Path directory) {
            return this;
        }

        /** Migration files as classpath resources under {@code prefix}, for applications that ship them in their jar. */
        public Builder classpathLocation(String prefix) {
            return this;
        }

        /** The history table; default {@code public.shale_migrations}. */
        public Builder historyTable(String schema, String table) {
            return this;
        }

        /** How long a second runner waits for the migration lock; default 60 s. */
        public Builder lockWait(Duration wait) {
            return this;
        }

        /** {@code lock_timeout} for migration statements; default 10 s. */
        public Builder lockTimeout(Duration timeout) {
            return this;
        }

        /** {@code statement_timeout} for migration statements; default none. */
        public Builder statementTimeout(Duration timeout) {
            return this;
        }

        /** Apply only up to and including this version. */
        public Builder target(int version) {
            return this;
        }

        public Migrator build() {
            throw new UnsupportedOperationException("owned by the migrator work");
        }
    }
}
