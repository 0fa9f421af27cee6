package dev.shale.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A throwaway PostgreSQL database for one test: created empty on {@link #create()}, dropped on
 * {@link #close()}. The server comes from {@code SHALE_TEST_DATABASE_URL} (a JDBC URL of a database
 * the tests may create databases from), else the server on 127.0.0.1:5432, else a Testcontainers
 * PostgreSQL where Docker runs.
 */
public final class TestDatabase implements AutoCloseable {
    private static volatile Server server;

    private final String name;
    private final String url;

    private TestDatabase(String name, String url) {
        this.name = name;
        this.url = url;
    }

    /** A new, empty database with a unique name. */
    public static TestDatabase create() {
        Server s = server();
        String name = "shale_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(s.adminUrl()); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name + " on " + s.describe() + ": " + e.getMessage(), e);
        }
        return new TestDatabase(name, s.urlFor(name));
    }

    /** The JDBC URL of this database, with credentials. */
    public String url() {
        return url;
    }

    public String name() {
        return name;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url);
    }

    /** Runs SQL text (one or many statements) in autocommit mode. */
    public void execute(String sql) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /** Runs SQL text in one transaction: all of it or none. */
    public void executeInTransaction(String sql) throws SQLException {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute(sql);
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** The first column of every row of a query, as strings. */
    public List<String> strings(String query) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    @Override
    public void close() {
        try (Connection c = DriverManager.getConnection(server().adminUrl()); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop test database " + name + ": " + e.getMessage(), e);
        }
    }

    private static Server server() {
        Server s = server;
        if (s == null) {
            synchronized (TestDatabase.class) {
                s = server;
                if (s == null) {
                    s = server = Server.find();
                }
            }
        }
        return s;
    }

    /** Where test databases are created. */
    private record Server(String adminUrl, String describe) {
        static Server find() {
            String env = System.getenv("SHALE_TEST_DATABASE_URL");
            if (env != null && !env.isBlank()) {
                return new Server(env, "SHALE_TEST_DATABASE_URL");
            }
            String local = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
            try (Connection c = DriverManager.getConnection(local)) {
                return new Server(local, "127.0.0.1:5432");
            } catch (SQLException e) {
                return Containers.start(e);
            }
        }

        String urlFor(String database) {
            int q = adminUrl.indexOf('?');
            String base = q < 0 ? adminUrl : adminUrl.substring(0, q);
            String query = q < 0 ? "" : adminUrl.substring(q);
            int slash = base.lastIndexOf('/');
            return base.substring(0, slash + 1) + database.toLowerCase(Locale.ROOT) + query;
        }
    }

    /** The Testcontainers path, kept for machines with Docker and without a local server. */
    private static final class Containers {
        static Server start(SQLException localFailure) {
            try {
                var container = new org.testcontainers.containers.PostgreSQLContainer<>("postgres:15-alpine");
                container.start();
                String url = container.getJdbcUrl() + (container.getJdbcUrl().contains("?") ? "&" : "?")
                        + "user=" + container.getUsername() + "&password=" + container.getPassword();
                return new Server(url, "Testcontainers " + container.getContainerName());
            } catch (RuntimeException | LinkageError e) {
                throw new IllegalStateException("no PostgreSQL for tests: set SHALE_TEST_DATABASE_URL, start a server on "
                        + "127.0.0.1:5432 (" + localFailure.getMessage() + "), or run Docker for Testcontainers (" + e.getMessage() + ")", e);
            }
        }
    }
}
