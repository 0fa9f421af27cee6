package dev.shale.testing;

import dev.shale.embedded.EmbeddedPostgres;
import dev.shale.embedded.PostgresBinaries;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The version tests' servers: one embedded PostgreSQL per supported major version (13 to 17), started on first use
 * and kept for the test JVM (stopped, and its folder deleted, when the JVM exits), run as {@code nobody} when the
 * tests run as root. {@code -Dshale.postgres.versions=13,17} narrows the versions a run tests.
 */
public final class PostgresVersions {
    private static final Map<Integer, EmbeddedPostgres> SERVERS = new ConcurrentHashMap<>();

    private PostgresVersions() {}

    /** The major versions to test: {@code shale.postgres.versions}, else every supported one. */
    public static List<Integer> versions() {
        String chosen = System.getProperty("shale.postgres.versions", "");
        if (chosen.isBlank()) {
            return new ArrayList<>(PostgresBinaries.releases().keySet());
        }
        List<Integer> out = new ArrayList<>();
        for (String v : chosen.split(",")) {
            out.add(Integer.parseInt(v.strip()));
        }
        return out;
    }

    /** The server of {@code major}, started when first asked for. */
    public static EmbeddedPostgres server(int major) {
        return SERVERS.computeIfAbsent(major, EmbeddedPostgres::start);
    }

    /**
     * A new, empty database on the server of {@code major}, dropped by {@link Database#close()}.
     *
     * @param url its JDBC URL
     */
    public record Database(int major, String name, String url) implements AutoCloseable {
        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url);
        }

        @Override
        public void close() {
            try (Connection c = DriverManager.getConnection(server(major).jdbcUrl("postgres")); Statement st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (SQLException e) {
                throw new IllegalStateException("could not drop " + name + " on PostgreSQL " + major + ": " + e.getMessage(), e);
            }
        }
    }

    public static Database database(int major) {
        EmbeddedPostgres pg = server(major);
        String name = "shale_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl("postgres")); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create " + name + " on PostgreSQL " + major + ": " + e.getMessage(), e);
        }
        return new Database(major, name, pg.jdbcUrl(name));
    }
}
