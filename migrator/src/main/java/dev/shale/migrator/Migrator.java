package dev.shale.migrator;

import dev.shale.migrator.MigrationException.Reason;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Applies migration files to a PostgreSQL database: history table, advisory lock, checksums, one
 * transaction per migration. Build one with {@link #builder()}; it is immutable and may be reused.
 *
 * <p><b>Exactly once, in order.</b> Each migration's transaction first takes {@code pg_advisory_xact_lock} on
 * a key derived from the history table's name (its non-blocking form, polled until {@code lockWait}), then
 * re-reads the history table, validates it again (changed, missing, out of order: what another runner did
 * while this one waited counts) and runs the migration only if it is still the next one pending
 * ({@link MigrateRun}). Runners take turns per migration, and a second runner finds the work done. A
 * transaction-level lock ends with COMMIT or ROLLBACK on the server connection that runs the transaction, so
 * it holds behind a transaction-pooling PgBouncer and a killed runner never leaves it behind. A rollback
 * holds the same lock from its first down file to its last and undoes exactly what it planned, or nothing
 * ({@link #rollback(RollbackPlan)}).
 *
 * <p><b>Files that run outside a transaction.</b> A file whose header holds {@code -- shale:no-transaction}
 * (for {@code CREATE INDEX CONCURRENTLY}) runs its statements one by one in autocommit under the
 * session-level {@code pg_advisory_lock} (same key), with session timeouts reset afterwards; that needs a
 * session that stays on one server connection (the direct URL, or a PgBouncer in session mode). Its
 * history row is written only after the last statement succeeded and no index it builds is INVALID
 * ({@link ConcurrentIndexes}). If a statement fails, the earlier ones stay applied and the next run starts
 * the file again from its first statement.
 *
 * <p><b>Timeouts.</b> Every migration runs with {@code lock_timeout} (default 10 s) so that a statement
 * waiting on a busy table fails instead of queueing all traffic behind it, and {@code statement_timeout}
 * (default none). A lock timeout is retried ({@code lockRetries}, default 3, after 1 s, 2 s and 4 s).
 */
public final class Migrator {
    private final Supplier<Connection> connections;
    private final Supplier<List<Migration>> files;
    private final String location;
    private final HistoryTable history;
    private final Duration lockWait;
    private final Duration lockTimeout;
    private final Duration statementTimeout;
    private final LockRetry lockRetry;
    private final Integer target;
    private final boolean allowChanged;
    private final boolean allowMissing;
    private final boolean allowOutOfOrder;
    private final Progress progress;

    private Migrator(Builder b) {
        this.connections = b.connections;
        this.files = b.files;
        this.location = b.locationDisplay;
        this.history = new HistoryTable(b.schema, b.table);
        this.lockWait = b.lockWait;
        this.lockTimeout = b.lockTimeout;
        this.statementTimeout = b.statementTimeout;
        this.lockRetry = new LockRetry(b.lockRetries, b.lockRetryDelay);
        this.target = b.target;
        this.allowChanged = b.allowChanged;
        this.allowMissing = b.allowMissing;
        this.allowOutOfOrder = b.allowOutOfOrder;
        this.progress = b.progress;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Applies every pending migration (up to the target, if set), each in its own transaction, after
     * checking that no applied migration changed or went missing and none pending is out of order. The
     * checks run before the lock (to refuse early) and again under it, on the history read there, for
     * every migration: what another runner did while this one waited is taken into account.
     *
     * @throws MigrationException when a check refuses, a statement fails, or the lock is not free in time
     */
    public MigrateResult migrate() {
        try (Connection c = connect()) {
            Plan plan = plan(c);
            MigrateRun run = new MigrateRun(history, runner(), target, allowChanged, allowMissing, allowOutOfOrder, progress);
            run.validate(plan);
            List<Migration> todo = plan.pending(target);
            if (todo.isEmpty()) {
                return new MigrateResult(List.of(), plan.rows().size(), false);
            }
            Map<Integer, List<SqlStatement>> statements = new HashMap<>();
            for (Migration m : todo) {
                statements.put(m.version(), MigrationRunner.split(m.file(), m.sql()));
            }
            ensureHistoryTable(c);
            return run.run(c, plan, statements);
        } catch (SQLException e) {
            throw closeFailure(e);
        }
    }

    /** What {@link #migrate()} would apply, with nothing executed (the same checks refuse first). */
    public MigrateResult dryRun() {
        try (Connection c = connect()) {
            Plan plan = plan(c);
            plan.validate(allowChanged, allowMissing, allowOutOfOrder);
            return new MigrateResult(plan.pending(target).stream().map(m -> new AppliedMigration(m.version(), m.name(), m.checksum(),
                    Checksums.VERSION, null, 0, null)).toList(), plan.rows().size(), true);
        } catch (SQLException e) {
            throw closeFailure(e);
        }
    }

    /**
     * The migrations {@link #migrate()} would apply, in order, with their SQL (for {@code migrate --dry-run}
     * to print); the same checks refuse first. Nothing is executed or created.
     */
    public List<Migration> pending() {
        try (Connection c = connect()) {
            Plan plan = plan(c);
            plan.validate(allowChanged, allowMissing, allowOutOfOrder);
            return List.copyOf(plan.pending(target));
        } catch (SQLException e) {
            throw closeFailure(e);
        }
    }

    /** Every migration file found, by version, with its SQL and down file (no database needed). */
    public List<Migration> migrations() {
        return files.get();
    }

    /** Applied, pending, changed, missing and out-of-order migrations. Creates nothing. */
    public MigrationStatus status() {
        try (Connection c = connect()) {
            return plan(c).status();
        } catch (SQLException e) {
            throw closeFailure(e);
        }
    }

    /**
     * What {@link #rollback(int) rollback(steps)} would undo: the newest {@code steps} applied migrations,
     * newest first, with their down files and the data loss those declare ({@link RollbackPlan.Step#dataLoss()}),
     * so that a front end can show it and ask first. Nothing is executed or locked. Refuses when fewer are
     * applied, or one of them has no down file or its down file says {@code -- shale:irreversible}.
     */
    public RollbackPlan rollbackPlan(int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("rollback steps must be at least 1, got " + steps);
        }
        try (Connection c = connect()) {
            return new RollbackRun(history, runner()).plan(plan(c), steps);
        } catch (SQLException e) {
            throw closeFailure(e);
        }
    }

    /**
     * Applies the down files of the newest {@code steps} applied migrations, newest first, and removes
     * their history rows: {@code rollback(rollbackPlan(steps))}.
     */
    public MigrateResult rollback(int steps) {
        return rollback(rollbackPlan(steps));
    }

    /**
     * Runs a plan from {@link #rollbackPlan}: its down files, newest first, and removes their history rows,
     * holding the migration lock from the first to the last. Under the lock it first checks that the
     * newest applied migrations are still exactly the planned ones; when a migrate or another rollback
     * changed them meanwhile, it refuses ({@link MigrationException.Reason#HISTORY_CHANGED}) with nothing
     * rolled back. When every down file may run in a transaction, they run in one: all are undone, or
     * (on a failure) none.
     *
     * @return the migrations rolled back, newest first, as their history rows were; {@code alreadyApplied}
     *         is how many stay applied
     */
    public MigrateResult rollback(RollbackPlan plan) {
        Objects.requireNonNull(plan, "plan");
        try (Connection c = connect()) {
            return new RollbackRun(history, runner()).run(c, plan);
        } catch (SQLException e) {
            throw closeFailure(e);
        }
    }

    /**
     * Records migrations up to {@code version} as applied without running them, to adopt an existing
     * database whose schema already matches migration {@code version}. Refuses when the history table
     * already has rows, or no file has that version.
     */
    public MigrateResult baseline(int version) {
        List<Migration> all = files.get();
        if (all.stream().noneMatch(m -> m.version() == version)) {
            throw MigrationException.of(Reason.REFUSED, null, "cannot baseline at version " + version + ": no migration file in "
                    + location + " has that number. Give the number of the migration the database's schema already matches.");
        }
        try (Connection c = connect()) {
            ensureHistoryTable(c);
            List<AppliedMigration> recorded = runner().inLockedTransaction(c, tx -> {
                List<AppliedMigration> rows = history.rows(tx);
                if (!rows.isEmpty()) {
                    throw MigrationException.of(Reason.REFUSED, null, "cannot baseline: " + history + " already records " + rows.size()
                            + " applied migration" + (rows.size() == 1 ? "" : "s") + " (newest: version " + rows.get(rows.size() - 1).version()
                            + "). Baseline adopts a database with no history; on this one, run migrate.");
                }
                List<AppliedMigration> out = new ArrayList<>();
                for (Migration m : all) {
                    if (m.version() <= version) {
                        out.add(history.insert(tx, m, 0));
                    }
                }
                return out;
            });
            return new MigrateResult(recorded, 0, false);
        } catch (SQLException e) {
            throw closeFailure(e);
        }
    }

    private Plan plan(Connection c) throws SQLException {
        List<AppliedMigration> rows;
        try {
            rows = history.rows(c);
        } catch (SQLException e) {
            throw MigrationException.of(Reason.DATABASE, null, "could not read the history table " + history + ": "
                    + StatementFailure.serverMessage(e.getMessage()) + " Check that the user may read it, or configure another one.", e);
        }
        return new Plan(files.get(), rows, history, (v, name) -> location + "/" + String.format("%04d_%s.sql", v, name));
    }

    private void ensureHistoryTable(Connection c) throws SQLException {
        if (!history.exists(c)) {
            runner().inLockedTransaction(c, tx -> {
                history.create(tx);
                return null;
            });
        }
    }

    private MigrationRunner runner() {
        return new MigrationRunner(new MigrationLock(history.lockKey(), history, lockWait), lockTimeout, statementTimeout, lockRetry);
    }

    /** A connection in autocommit (a pool may hand one out with autocommit off). */
    private Connection connect() {
        Connection c = connections.get();
        try {
            c.setAutoCommit(true);
        } catch (SQLException e) {
            MigrationRunner.rollbackQuietly(c, e);
            try {
                c.close();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw closeFailure(e);
        }
        return c;
    }

    private static MigrationException closeFailure(SQLException e) {
        return MigrationException.of(Reason.DATABASE, null, "database error: " + StatementFailure.serverMessage(e.getMessage()), e);
    }

    /** Options; every one has a safe default except where the database is. */
    public static final class Builder {
        private Supplier<Connection> connections;
        private Supplier<List<Migration>> files;
        private String locationDisplay;
        private String schema = "public";
        private String table = "shale_migrations";
        private Duration lockWait = Duration.ofSeconds(60);
        private Duration lockTimeout = Duration.ofSeconds(10);
        private Duration statementTimeout = Duration.ZERO;
        private int lockRetries = LockRetry.DEFAULT.retries();
        private Duration lockRetryDelay = LockRetry.DEFAULT.delay();
        private Integer target;
        private boolean allowChanged;
        private boolean allowMissing;
        private boolean allowOutOfOrder;
        private Progress progress = Progress.NONE;

        Builder() {
            location(Path.of("migrations"));
        }

        /** Told of each migration {@link #migrate} applies, as it is applied (default: nobody). */
        public Builder progress(Progress value) {
            progress = Objects.requireNonNull(value, "progress");
            return this;
        }

        /** Where connections come from (required, or {@link #url}); one connection is used per call and closed after. */
        public Builder dataSource(DataSource dataSource) {
            Objects.requireNonNull(dataSource, "dataSource");
            this.connections = () -> {
                try {
                    return dataSource.getConnection();
                } catch (SQLException e) {
                    ConnectionException failure = ConnectionException.ofDataSource(e);
                    throw MigrationException.of(Reason.DATABASE, null, failure.getMessage(), failure);
                }
            };
            return this;
        }

        /**
         * A database URL as users have them: {@code jdbc:postgresql://}, {@code postgres://} or
         * {@code postgresql://} (with {@code sslmode} and other query options; see {@link DatabaseUrl}).
         * Connections come from {@link java.sql.DriverManager}, so the PostgreSQL driver must be on the
         * application's classpath. The password is never printed. A failure to connect is a
         * {@link MigrationException} of reason {@link Reason#DATABASE} whose cause is the
         * {@link ConnectionException} that says why.
         *
         * @throws IllegalArgumentException when the URL is not a PostgreSQL URL (the message masks the password)
         */
        public Builder url(String url) {
            DatabaseUrl parsed = DatabaseUrl.parse(url);
            this.connections = () -> {
                try {
                    return parsed.connect();
                } catch (ConnectionException e) {
                    throw MigrationException.of(Reason.DATABASE, null, e.getMessage(), e);
                }
            };
            return this;
        }

        /** Migration files in a folder; default {@code migrations} (relative to the working directory). */
        public Builder location(Path directory) {
            Objects.requireNonNull(directory, "directory");
            this.files = () -> MigrationFiles.fromDirectory(directory);
            this.locationDisplay = directory.toString();
            return this;
        }

        /**
         * Migration files as classpath resources under {@code prefix}, for applications that ship them in
         * their jar. The folder is listed in every directory and jar of the context class loader (or this
         * class's loader) that holds it (a jar must contain the folder's directory entry, as jars built by
         * Maven and Gradle do); resources inside other kinds of archives cannot be listed.
         */
        public Builder classpathLocation(String prefix) {
            Objects.requireNonNull(prefix, "prefix");
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            ClassLoader loader = context != null ? context : Migrator.class.getClassLoader();
            String dir = prefix.replaceAll("^/+|/+$", "");
            this.files = () -> MigrationFiles.fromClasspath(dir, loader);
            this.locationDisplay = "classpath:" + dir;
            return this;
        }

        /** The history table; default {@code public.shale_migrations}. */
        public Builder historyTable(String schema, String table) {
            if (schema == null || schema.isBlank() || table == null || table.isBlank()) {
                throw new IllegalArgumentException("historyTable: schema and table must not be blank");
            }
            this.schema = schema;
            this.table = table;
            return this;
        }

        /** How long a second runner waits for the migration lock; default 60 s. */
        public Builder lockWait(Duration wait) {
            this.lockWait = nonNegative(wait, "lockWait");
            return this;
        }

        /** {@code lock_timeout} for migration statements; default 10 s; zero means wait forever. */
        public Builder lockTimeout(Duration timeout) {
            this.lockTimeout = nonNegative(timeout, "lockTimeout");
            return this;
        }

        /** {@code statement_timeout} for migration statements; default none (zero). */
        public Builder statementTimeout(Duration timeout) {
            this.statementTimeout = nonNegative(timeout, "statementTimeout");
            return this;
        }

        /**
         * How many times a statement that failed on {@code lock_timeout} (SQLState 55P03) is tried again;
         * default 3. A transactional file is retried as a whole, a {@code -- shale:no-transaction} file from
         * the failing statement. Zero fails at the first timeout.
         */
        public Builder lockRetries(int retries) {
            if (retries < 0) {
                throw new IllegalArgumentException("lockRetries must be zero or more, got " + retries);
            }
            this.lockRetries = retries;
            return this;
        }

        /** The pause before the first retry after a lock timeout; each further pause doubles it; default 1 s. */
        public Builder lockRetryDelay(Duration delay) {
            this.lockRetryDelay = nonNegative(delay, "lockRetryDelay");
            return this;
        }

        /** Apply only up to and including this version. */
        public Builder target(int version) {
            this.target = version;
            return this;
        }

        /** Run even though an applied migration's file changed (CLI {@code --allow-changed}); default false. */
        public Builder allowChanged(boolean allow) {
            this.allowChanged = allow;
            return this;
        }

        /** Run even though an applied migration's file is missing (CLI {@code --allow-missing}); default false. */
        public Builder allowMissing(boolean allow) {
            this.allowMissing = allow;
            return this;
        }

        /** Apply pending migrations numbered below the newest applied one (CLI {@code --out-of-order}); default false. */
        public Builder allowOutOfOrder(boolean allow) {
            this.allowOutOfOrder = allow;
            return this;
        }

        /** @throws IllegalStateException when neither {@link #dataSource} nor {@link #url} was given */
        public Migrator build() {
            if (connections == null) {
                throw new IllegalStateException("Migrator: no database given: call dataSource(...) or url(...) before build()");
            }
            return new Migrator(this);
        }

        private static Duration nonNegative(Duration d, String what) {
            if (d == null || d.isNegative()) {
                throw new IllegalArgumentException(what + " must be zero or positive, got " + d);
            }
            return d;
        }
    }
}
