package dev.shale.migrator;

import dev.shale.migrator.ConnectionException.Reason;
import dev.shale.testing.PgBouncer;
import dev.shale.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every way a connection fails, each against something real (the test server, a closed port, a name
 * under {@code .invalid}, a socket that never answers, PgBouncer checking a password): one reason and
 * one message each, with host, port and database named and the password nowhere.
 */
class ConnectionTest {
    private static final String SECRET = "Pw-9f3kQz";

    @TempDir
    Path dir;

    @Test
    void aClosedPortIsUnreachableNotAMissingDriver() throws Exception {
        int port = closedPort();
        ConnectionException e = fail("postgres://u:" + SECRET + "@127.0.0.1:" + port + "/app");
        assertEquals(Reason.UNREACHABLE, e.reason());
        assertEquals("127.0.0.1", e.host());
        assertEquals(port, e.port());
        assertEquals("app", e.database());
        assertEquals("08001", e.sqlState());
        assertEquals("postgres://u:****@127.0.0.1:" + port + "/app", e.redactedUrl());
        assertEquals("could not connect to postgres://u:****@127.0.0.1:" + port + "/app: nothing accepts connections on 127.0.0.1 port "
                + port + ": Connection to 127.0.0.1:" + port + " refused. Check that the server is running there and listens on that"
                + " port, and that no firewall is in the way.", e.getMessage());
    }

    @Test
    void aPortThatIsNotANumberIsRefusedByParseNotBlamedOnTheDriver() {
        var e = assertThrows(IllegalArgumentException.class, () -> DatabaseUrl.parse("postgres://u:" + SECRET + "@127.0.0.1:54x2/app"));
        assertTrue(e.getMessage().contains("has a port that is not a number from 1 to 65535"), e.getMessage());
        assertFalse(e.getMessage().contains("driver"), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
    }

    @Test
    void anUnresolvableHostIsNamed() {
        ConnectionException e = fail("postgres://u:" + SECRET + "@db-" + UUID.randomUUID() + ".invalid:5432/app");
        assertEquals(Reason.UNKNOWN_HOST, e.reason());
        assertTrue(e.getMessage().contains("the host name \"" + e.host() + "\" could not be resolved"), e.getMessage());
        assertFalse(e.getMessage().contains("The connection attempt failed"), e.getMessage());
    }

    @Test
    void aMissingDatabaseIsNamed() throws Exception {
        DatabaseUrl server = server();
        ConnectionException e = fail("postgres://" + server.user() + ":" + SECRET + "@" + server.host() + ":" + server.port()
                + "/no_such_db_" + UUID.randomUUID().toString().substring(0, 8));
        assertEquals(Reason.DATABASE_DOES_NOT_EXIST, e.reason());
        assertEquals("3D000", e.sqlState());
        assertTrue(e.getMessage().contains("the server has no database \"" + e.database() + "\""), e.getMessage());
    }

    @Test
    void anUnknownRoleIsAnAuthenticationFailure() throws Exception {
        DatabaseUrl server = server();
        ConnectionException e = fail("postgres://nobody_" + UUID.randomUUID().toString().substring(0, 8) + ":" + SECRET + "@"
                + server.host() + ":" + server.port() + "/postgres");
        assertEquals(Reason.AUTHENTICATION_FAILED, e.reason());
        assertTrue(e.getMessage().contains("the login of user \"nobody_"), e.getMessage());
        assertTrue(e.getMessage().contains("percent-encoded"), e.getMessage());
    }

    /** A wrong password, checked for real: PgBouncer with an md5 auth file, in front of the test server. */
    @Test
    void aWrongPasswordIsAnAuthenticationFailureAndTheDriverTextAfterTheMaskIsKept() throws Exception {
        assumeTrue(PgBouncer.binary().isPresent(), "pgbouncer is not installed (apt-get install -y pgbouncer; .ci/run installs it)");
        DatabaseUrl server = server();
        try (PgBouncer bouncer = PgBouncer.start(server.host(), server.port(), PgBouncer.PoolMode.TRANSACTION, 1, server.user(),
                "right-password")) {
            String url = "jdbc:postgresql://127.0.0.1:" + bouncer.port() + "/postgres?user=" + server.user() + "&password=" + SECRET;
            ConnectionException e = fail(url);
            assertEquals(Reason.AUTHENTICATION_FAILED, e.reason());
            assertTrue(e.getMessage().startsWith("could not connect to jdbc:postgresql://127.0.0.1:" + bouncer.port() + "/postgres?user="
                    + server.user() + "&password=****: the login of user \"" + server.user() + "\" was refused (FATAL: password"
                    + " authentication failed)."), e.getMessage());
        }
    }

    @Test
    void sslRequiredByTheClientAndNotOfferedByTheServer() throws Exception {
        DatabaseUrl server = server();
        try (TestDatabase db = TestDatabase.create(); Connection c = db.connect(); var st = c.createStatement();
             var rs = st.executeQuery("SHOW ssl")) {
            rs.next();
            assumeTrue(rs.getString(1).equals("off"), "the test server offers SSL");
        }
        ConnectionException e = fail("postgres://" + server.user() + ":" + SECRET + "@" + server.host() + ":" + server.port()
                + "/postgres?sslmode=require");
        assertEquals(Reason.SSL, e.reason());
        assertTrue(e.getMessage().contains("The server does not support SSL"), e.getMessage());
        assertTrue(e.getMessage().contains("sslmode=disable"), e.getMessage());
    }

    /** A server that takes the TCP connection and never answers: pgJDBC alone would wait forever. */
    @Test
    void aServerThatNeverAnswersTimesOut() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            long start = System.nanoTime();
            ConnectionException e = fail("postgres://u:" + SECRET + "@127.0.0.1:" + silent.getLocalPort() + "/app?connect_timeout=1");
            assertEquals(Reason.TIMEOUT, e.reason());
            assertTrue(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start) < 10, "bounded by connect_timeout");
            assertTrue(e.getMessage().contains("did not complete the connection in time"), e.getMessage());
        }
    }

    @Test
    void aRoleWithoutFreeConnectionSlots() throws Exception {
        DatabaseUrl server = server();
        String role = "shale_test_role_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try (TestDatabase db = TestDatabase.create()) {
            db.execute("CREATE ROLE " + role + " LOGIN CONNECTION LIMIT 0");
            try {
                ConnectionException e = fail("postgres://" + role + ":" + SECRET + "@" + server.host() + ":" + server.port() + "/" + db.name());
                assertEquals(Reason.TOO_MANY_CONNECTIONS, e.reason());
                assertEquals("53300", e.sqlState());
            } finally {
                db.execute("DROP ROLE " + role);
            }
        }
    }

    @Test
    void theMigratorCarriesTheReasonAsItsCause() throws Exception {
        int port = closedPort();
        var e = assertThrows(MigrationException.class, () -> Migrator.builder().url("postgres://u:" + SECRET + "@127.0.0.1:" + port + "/app")
                .location(dir).build().status());
        assertEquals(MigrationException.Reason.DATABASE, e.reason());
        ConnectionException cause = assertInstanceOf(ConnectionException.class, e.getCause());
        assertEquals(Reason.UNREACHABLE, cause.reason());
        assertEquals(cause.getMessage(), e.getMessage());

        javax.sql.DataSource ds = (javax.sql.DataSource) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {javax.sql.DataSource.class}, (proxy, method, args) -> java.sql.DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:" + port + "/app?user=u&password=" + SECRET));
        var fromPool = assertThrows(MigrationException.class, () -> Migrator.builder().dataSource(ds).location(dir).build().status());
        ConnectionException poolCause = assertInstanceOf(ConnectionException.class, fromPool.getCause());
        assertEquals(Reason.UNREACHABLE, poolCause.reason());
        assertNull(poolCause.host());
        assertTrue(fromPool.getMessage().startsWith("could not get a connection from the DataSource: nothing accepts connections"),
                fromPool.getMessage());
    }

    /** An application that embeds the migrator without the PostgreSQL driver: a JVM without its jar. */
    @Test
    void noDriverOnTheClasspath() throws Exception {
        // the migrator's own classes and this test's, nothing else (no driver, no other JDBC drivers either)
        List<String> cp = new ArrayList<>();
        cp.add(Path.of(DatabaseUrl.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        cp.add(Path.of(NoDriverChild.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        Path out = dir.resolve("out.txt");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", String.join(java.io.File.pathSeparator, cp), NoDriverChild.class.getName(), "postgres://u:" + SECRET + "@h/db")
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String text = Files.readString(out);
        assertTrue(text.startsWith("NO_DRIVER could not connect to postgres://u:****@h/db: no JDBC driver for it is on the classpath"), text);
        assertFalse(text.contains(SECRET), text);
    }

    /** The child of {@link #noDriverOnTheClasspath}: prints the reason and the message. */
    public static final class NoDriverChild {
        public static void main(String[] args) {
            try {
                DatabaseUrl.parse(args[0]).connect();
                System.out.println("connected?");
            } catch (ConnectionException e) {
                System.out.println(e.reason() + " " + e.getMessage());
            }
        }
    }

    /** Every message of this class: no password, no front end's flags. */
    private static ConnectionException fail(String url) {
        ConnectionException e = assertThrows(ConnectionException.class, () -> DatabaseUrl.parse(url).connect().close());
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
        assertFalse(e.getMessage().contains(" --"), "a library message names no CLI flag: " + e.getMessage());
        assertFalse(e.getMessage().contains("no JDBC driver"), e.getMessage());
        return e;
    }

    /** The test server, as a parsed URL (host, port, user). */
    private static DatabaseUrl server() {
        try (TestDatabase db = TestDatabase.create()) {
            return DatabaseUrl.parse(db.url());
        }
    }

    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }
}
