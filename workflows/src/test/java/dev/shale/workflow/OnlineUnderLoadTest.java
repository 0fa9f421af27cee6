package dev.shale.workflow;

import dev.shale.migrator.Migrator;
import dev.shale.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Online mode on a table holding 200,000 rows: the migrations that add an index, a foreign key, a check and a
 * NOT NULL to it apply while a writer keeps committing inserts and updates to that table, and a monitor that
 * samples {@code pg_locks} with {@code pg_stat_activity} throughout never sees the writer waiting on a lock
 * the migration's backend holds while it reads the table's rows (builds the index, validates, proves the
 * NOT NULL). The same change generated without online mode, applied the same way, is seen blocking the
 * writer while it scans: the monitor can tell.
 *
 * <p>What no PostgreSQL DDL avoids: ADD CONSTRAINT ... NOT VALID, SET NOT NULL and DROP CONSTRAINT take their
 * table's ACCESS EXCLUSIVE (or SHARE ROW EXCLUSIVE) lock for the moment they change the catalog, up to their
 * COMMIT; a writer arriving then waits that long, and a fast monitor sees it (a few samples here, against
 * well over a thousand without online mode). Those samples are counted and printed, not failed; the
 * {@code lock_timeout} each migration sets bounds how long the migration itself may queue for such a lock.
 */
class OnlineUnderLoadTest {
    private static final int ROWS = 200_000;

    @TempDir
    Path dir;

    @Test
    void theWriterIsNeverSeenWaitingOnTheOnlineMigration() throws Exception {
        Run run = apply(OnlineSettings.ON);
        assertEquals(List.of(), run.blocked.stream().filter(Sample::whileScanning).toList(),
                "samples in which the writer waited on a lock the migration held while reading the table's rows");
        // What it may be seen waiting behind: the moment a catalog-only statement holds its lock, up to its COMMIT.
        System.out.println("online mode: " + run.samples + " samples, " + run.commitsDuring + " commits during the run, "
                + run.blocked.size() + " samples waiting behind catalog-only statements");
        assertTrue(run.samples > 50, "the monitor sampled throughout: " + run.samples + " samples");
        assertTrue(run.commitsDuring > 20, "the writer kept committing during the run: " + run.commitsDuring + " commits");
    }

    @Test
    void theMonitorSeesTheWriterWaitingOnTheSameChangeGeneratedWithoutOnlineMode() throws Exception {
        Run run = apply(OnlineSettings.OFF);
        assertFalse(run.blocked.stream().filter(Sample::whileScanning).toList().isEmpty(), "a plain CREATE INDEX, ADD FOREIGN KEY,"
                + " ADD CHECK and SET NOT NULL lock writes out while they read the rows; " + run.samples + " samples: " + run.blocked);
        System.out.println("online mode off: " + run.samples + " samples, " + run.commitsDuring + " commits during the run, "
                + run.blocked.size() + " samples waiting behind the migration");
    }

    /** What the writer and the monitor saw while the migrations of the second version applied. */
    private record Run(List<Sample> blocked, int samples, long commitsDuring) {}

    /**
     * A sample in which the writer waited for a lock the migration's backend held.
     *
     * @param mode the lock mode the writer waited for
     * @param relation the relation it waited on
     * @param state the migration backend's state ({@code active}, {@code idle in transaction})
     * @param query the migration backend's statement: running when active, else the last one it ran
     * @param proven whether the relation had, committed, a validated check {@code "col" IS NOT NULL}, which lets
     *               SET NOT NULL skip the scan (PostgreSQL 12 and later)
     */
    private record Sample(String mode, String relation, String state, String query, boolean proven) {
        private static final java.util.regex.Pattern READS_ROWS = java.util.regex.Pattern.compile(
                "(?is)^\\s*(CREATE\\s+(UNIQUE\\s+)?INDEX|.*VALIDATE\\s+CONSTRAINT|.*SET\\s+NOT\\s+NULL"
                        + "|.*ADD\\s+CONSTRAINT(?!.*NOT\\s+VALID)|.*ALTER\\s+COLUMN.*\\sTYPE\\s).*");
        private static final java.util.regex.Pattern SETS_NOT_NULL = java.util.regex.Pattern.compile(
                "(?is)^(\\s*--[^\\n]*\\n)*\\s*ALTER\\s+TABLE\\s+\\S+\\s+ALTER\\s+COLUMN\\s+\\S+\\s+SET\\s+NOT\\s+NULL\\s*;?\\s*$");

        /**
         * Whether the migration was running a statement that reads the table's rows (builds an index,
         * validates a constraint, proves a NOT NULL by scanning) when the writer waited behind it: what online
         * mode exists to avoid. A statement that only changes the catalog (ADD CONSTRAINT ... NOT VALID, DROP
         * CONSTRAINT, a SET NOT NULL a validated check proves) and its COMMIT still hold their lock for a moment,
         * which on a loaded machine the monitor catches now and then.
         */
        boolean whileScanning() {
            return "active".equals(state) && READS_ROWS.matcher(query).matches() && !(proven && SETS_NOT_NULL.matcher(query).matches());
        }

        @Override
        public String toString() {
            return mode + " on " + relation + " behind the migration's " + state + " " + query.strip().replaceAll("\\s+", " ");
        }
    }

    private Run apply(OnlineSettings online) throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            OnlineProject files = new OnlineProject(dir).first();
            Project project = files.project(db.url()).withOnline(online);
            Generator.generate(project, Generator.Request.DEFAULT, Questions.NONE);
            OnlineProject.migrate(project, Migrator.builder().url(db.url()));
            db.execute("INSERT INTO accounts (id, name) SELECT i, 'account ' || i FROM generate_series(1, 100) i;"
                    + " INSERT INTO orders (id, account_id, amount, note) SELECT i, i % 100 + 1, i % 1000, 'order ' || i"
                    + " FROM generate_series(1, " + ROWS + ") i; ANALYZE orders");
            files.second(false);
            List<MigrationPlan.Planned> written = Generator.generate(project, Generator.Request.DEFAULT, Questions.NONE).plan().migrations();
            assertEquals(online.enabled() ? 3 : 1, written.size(), written.toString());

            Set<Integer> migrationPids = ConcurrentHashMap.newKeySet();
            PGSimpleDataSource migrations = new PGSimpleDataSource() {
                @Override
                public Connection getConnection() throws SQLException {
                    Connection c = super.getConnection();
                    migrationPids.add(pid(c));
                    return c;
                }
            };
            migrations.setUrl(db.url());

            try (Connection writerConnection = db.connect(); Connection monitorConnection = db.connect()) {
                Writer writer = new Writer(writerConnection);
                Monitor monitor = new Monitor(monitorConnection, pid(writerConnection), migrationPids);
                Thread w = new Thread(writer, "writer");
                Thread m = new Thread(monitor, "monitor");
                w.start();
                m.start();
                try {
                    writer.awaitCommits(50);
                    long before = writer.commits.get();
                    OnlineProject.migrate(project, Migrator.builder().dataSource(migrations));
                    long during = writer.commits.get() - before;
                    writer.awaitCommits(writer.commits.get() + 20); // and it still commits afterwards
                    writer.stop.set(true);
                    monitor.stop.set(true);
                    w.join();
                    m.join();
                    assertEquals(List.of(), writer.failures, "the writer's statements all committed");
                    assertEquals(List.of(), monitor.failures, "the monitor's queries all ran");
                    assertFalse(migrationPids.isEmpty());

                    assertEquals(List.of(), DriftCheck.check(project).differences(), "the database is the code's");
                    assertEquals(List.of("orders_account_id_fkey true", "orders_amount_check true", "orders_pkey true"),
                            db.strings("SELECT conname || ' ' || convalidated FROM pg_constraint"
                                    + " WHERE conrelid = 'orders'::regclass ORDER BY 1"));
                    assertEquals(List.of(), db.strings("SELECT indexrelid::regclass::text FROM pg_index WHERE NOT indisvalid"));
                    assertEquals(List.of(String.valueOf(ROWS + writer.inserted.get())), db.strings("SELECT count(*) FROM orders"),
                            "every committed insert is there");
                    return new Run(List.copyOf(monitor.blocked), monitor.samples, during);
                } finally {
                    writer.stop.set(true);
                    monitor.stop.set(true);
                    w.join();
                    m.join();
                }
            }
        }
    }

    private static int pid(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Commits one insert and one update after another (autocommit) into orders, with valid rows, until stopped. */
    private static final class Writer implements Runnable {
        final Connection c;
        final AtomicBoolean stop = new AtomicBoolean();
        final AtomicLong commits = new AtomicLong();
        final AtomicLong inserted = new AtomicLong();
        final List<String> failures = new CopyOnWriteArrayList<>();

        Writer(Connection c) {
            this.c = c;
        }

        @Override
        public void run() {
            long id = ROWS + 1;
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO orders (id, account_id, amount, note) VALUES (?, ?, ?, 'written')");
                 PreparedStatement update = c.prepareStatement("UPDATE orders SET note = 'updated', amount = amount + 1 WHERE id = ?")) {
                while (!stop.get()) {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    insert.setLong(1, id++);
                    insert.setLong(2, random.nextLong(1, 101));
                    insert.setInt(3, random.nextInt(0, 1000));
                    insert.executeUpdate();
                    inserted.incrementAndGet();
                    commits.incrementAndGet();
                    update.setLong(1, random.nextLong(1, ROWS + 1));
                    update.executeUpdate();
                    commits.incrementAndGet();
                }
            } catch (SQLException e) {
                failures.add(e.getMessage());
            }
        }

        void awaitCommits(long n) throws InterruptedException {
            while (commits.get() < n && failures.isEmpty()) {
                Thread.sleep(5);
            }
        }
    }

    /**
     * Samples, as fast as it can, the writer's locks not granted, with the backends {@code pg_blocking_pids}
     * names for it, and keeps each sample in which one of them is the migration's.
     */
    private static final class Monitor implements Runnable {
        private static final String SAMPLE = "SELECT l.mode, l.relation::regclass::text, b.pid, b.state, b.query,"
                + " EXISTS (SELECT FROM pg_constraint k WHERE k.conrelid = l.relation AND k.contype = 'c' AND k.convalidated"
                + " AND pg_get_constraintdef(k.oid) ~ '^CHECK \\(\\(\\S+ IS NOT NULL\\)\\)$')"
                + " FROM pg_locks l JOIN pg_stat_activity w ON w.pid = l.pid"
                + " CROSS JOIN LATERAL unnest(pg_blocking_pids(l.pid)) AS blocker(pid)"
                + " JOIN pg_stat_activity b ON b.pid = blocker.pid"
                + " WHERE l.pid = ? AND NOT l.granted";
        final Connection c;
        final int writerPid;
        final Set<Integer> migrationPids;
        final AtomicBoolean stop = new AtomicBoolean();
        final List<Sample> blocked = new ArrayList<>();
        final List<String> failures = new CopyOnWriteArrayList<>();
        volatile int samples;

        Monitor(Connection c, int writerPid, Set<Integer> migrationPids) {
            this.c = c;
            this.writerPid = writerPid;
            this.migrationPids = migrationPids;
        }

        @Override
        public void run() {
            try (PreparedStatement ps = c.prepareStatement(SAMPLE)) {
                ps.setInt(1, writerPid);
                while (!stop.get()) {
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            if (migrationPids.contains(rs.getInt(3))) {
                                blocked.add(new Sample(rs.getString(1), rs.getString(2), rs.getString(4), rs.getString(5), rs.getBoolean(6)));
                            }
                        }
                    }
                    samples++;
                }
            } catch (SQLException e) {
                failures.add(e.getMessage());
            }
        }
    }
}
