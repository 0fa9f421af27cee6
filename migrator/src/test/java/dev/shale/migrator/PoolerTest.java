package dev.shale.migrator;

import dev.shale.testing.PgBouncer;
import dev.shale.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Shale's own connections behind a real PgBouncer in transaction mode (the Debian package; {@code .ci/run}
 * installs it): consecutive transactions of one client run on whichever server connection is free, so
 * a server-side prepared statement made in one is missing, or taken, in the next.
 */
class PoolerTest {
    private static final int RUNNERS = 6;
    private static final int MIGRATIONS = 20;

    @TempDir
    Path dir;

    @BeforeAll
    static void pgBouncerInstalled() {
        assumeTrue(PgBouncer.binary().isPresent(), "pgbouncer is not installed (apt-get install -y pgbouncer; .ci/run installs it):"
                + " the transaction-pooler tests need the real thing");
    }

    /** Six runners, each its own client connection through a pool of two server connections: every migration once. */
    @Test
    void concurrentMigrateThroughATransactionPoolerAppliesEveryMigrationOnce() throws Exception {
        write(dir);
        try (TestDatabase db = TestDatabase.create(); PgBouncer bouncer = start(db, 2)) {
            String url = bouncer.jdbcUrl(db.name(), user(db));
            CyclicBarrier start = new CyclicBarrier(RUNNERS);
            ExecutorService pool = Executors.newFixedThreadPool(RUNNERS);
            List<Future<MigrateResult>> runs = new ArrayList<>();
            for (int i = 0; i < RUNNERS; i++) {
                runs.add(pool.submit(() -> {
                    Migrator m = Migrator.builder().url(url).location(dir).lockWait(Duration.ofSeconds(90)).build();
                    start.await();
                    return m.migrate();
                }));
            }
            pool.shutdown();
            assertTrue(pool.awaitTermination(150, TimeUnit.SECONDS), "runners did not finish in time");
            List<String> failures = new ArrayList<>();
            Map<Integer, Integer> appliedTimes = new TreeMap<>();
            for (Future<MigrateResult> run : runs) {
                try {
                    for (AppliedMigration a : run.get().applied()) {
                        appliedTimes.merge(a.version(), 1, Integer::sum);
                    }
                } catch (java.util.concurrent.ExecutionException e) {
                    failures.add(e.getCause().getMessage());
                }
            }
            assertEquals(List.of(), failures, () -> "runners failed behind the pooler; pgbouncer log:\n" + bouncer.log());
            Map<Integer, Integer> once = IntStream.rangeClosed(0, MIGRATIONS).boxed().collect(Collectors.toMap(v -> v, v -> 1, (a, b) -> a,
                    TreeMap::new));
            assertEquals(once, appliedTimes, "version -> how many runners applied it");
            // Read directly, not through the pooler: each migration ran once and is recorded once.
            assertEquals(IntStream.rangeClosed(0, MIGRATIONS).mapToObj(String::valueOf).toList(),
                    db.strings("SELECT version::text FROM shale_migrations ORDER BY shale_migrations.version"));
            assertEquals(IntStream.rangeClosed(1, MIGRATIONS).mapToObj(String::valueOf).toList(),
                    db.strings("SELECT v::text FROM ran ORDER BY ran.v"));
        }
    }

    /**
     * An application's own DataSource with pgJDBC's default (server-side prepared statements after five
     * uses) behind the pooler: the failure names the pooler and what to do, instead of blaming the SQL.
     */
    @Test
    void aPreparedStatementLostByThePoolerIsNamedAsSuch() throws Exception {
        TestSupport.write(dir, "0000_a.sql", "CREATE TABLE a (id int);\n");
        try (TestDatabase db = TestDatabase.create(); PgBouncer bouncer = start(db, 1)) {
            String url = bouncer.jdbcUrl(db.name(), user(db)) + "&prepareThreshold=1";
            // Another client of the single server connection leaves pgJDBC's first named statement, S_1, on it.
            try (Connection other = DriverManager.getConnection(url); PreparedStatement ps = other.prepareStatement("SELECT 1")) {
                ps.execute();
                ps.execute();
                var e = assertThrows(MigrationException.class, () -> Migrator.builder().dataSource(direct(url)).location(dir)
                        .build().migrate());
                assertTrue(e.getMessage().contains("behind a transaction-pooling connection pooler"), e.getMessage());
                assertTrue(e.getMessage().contains("Use the direct (not pooled) database URL"), e.getMessage());
                assertTrue(e.getMessage().contains("S_1"), "the server's own words are kept: " + e.getMessage());
            }
        }
    }

    private static PgBouncer start(TestDatabase db, int poolSize) throws Exception {
        URI upstream = URI.create(db.url().substring("jdbc:".length()));
        return PgBouncer.start(upstream.getHost(), upstream.getPort() < 0 ? 5432 : upstream.getPort(), PgBouncer.PoolMode.TRANSACTION,
                poolSize, user(db), null);
    }

    private static String user(TestDatabase db) {
        String query = URI.create(db.url().substring("jdbc:".length())).getQuery();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            if (pair.startsWith("user=")) {
                return pair.substring(5);
            }
        }
        return System.getProperty("user.name");
    }

    /** A DataSource the way an application configures one: the URL straight to pgJDBC, its defaults untouched. */
    private static javax.sql.DataSource direct(String url) {
        return (javax.sql.DataSource) java.lang.reflect.Proxy.newProxyInstance(PoolerTest.class.getClassLoader(),
                new Class<?>[] {javax.sql.DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        return DriverManager.getConnection(url);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    /** 0000 makes the log table; each later migration makes a table and logs its own run (a second run would fail on the key). */
    private static void write(Path dir) throws Exception {
        TestSupport.write(dir, "0000_ran.sql", "CREATE TABLE ran (v int PRIMARY KEY);\n");
        for (int v = 1; v <= MIGRATIONS; v++) {
            TestSupport.write(dir, "%04d_t%d.sql".formatted(v, v), """
                    CREATE TABLE t%1$d (id int PRIMARY KEY, label text NOT NULL);
                    INSERT INTO t%1$d VALUES (1, 'one');
                    INSERT INTO ran VALUES (%1$d);
                    """.formatted(v));
        }
    }
}
