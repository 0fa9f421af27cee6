package dev.shale.migrator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * A database URL as users have it, turned into a JDBC URL and connection properties:
 * {@code postgres://user:pass@host:port/db?sslmode=require&...} and {@code postgresql://} (as Supabase
 * and Neon hand them out; user and password percent-decoded, query options passed through as
 * properties, {@code application_name} and {@code connect_timeout} under pgJDBC's names), or
 * {@code jdbc:postgresql://...} as is. The password is kept out of {@link #jdbcUrl()}, {@link #toString()}
 * and every message: {@link #redacted()} is the form to display.
 */
public final class DatabaseUrl {
    private static final String MASK = "****";
    private static final Map<String, String> LIBPQ_TO_PGJDBC = Map.of(
            "application_name", "ApplicationName",
            "connect_timeout", "connectTimeout");

    private final String jdbcUrl;
    private final Map<String, String> properties;
    private final String redacted;

    private DatabaseUrl(String jdbcUrl, Map<String, String> properties, String redacted) {
        this.jdbcUrl = jdbcUrl;
        this.properties = Map.copyOf(properties);
        this.redacted = redacted;
    }

    /** Parses a {@code postgres://}, {@code postgresql://} or {@code jdbc:postgresql://} URL. */
    public static DatabaseUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("database URL is empty: give postgres://user:password@host:5432/db or jdbc:postgresql://host:5432/db");
        }
        String u = url.strip();
        if (u.startsWith("jdbc:postgresql:")) {
            return jdbc(u);
        }
        int scheme = u.indexOf("://");
        String prefix = scheme < 0 ? "" : u.substring(0, scheme);
        if (!prefix.equals("postgres") && !prefix.equals("postgresql")) {
            throw new IllegalArgumentException("database URL " + redactUnknown(u) + " is not a PostgreSQL URL: it must start with "
                    + "postgres://, postgresql:// or jdbc:postgresql://");
        }
        return libpq(prefix + "://", u.substring(scheme + 3));
    }

    private static DatabaseUrl libpq(String prefix, String rest) {
        int q = rest.indexOf('?');
        String query = q < 0 ? "" : rest.substring(q + 1);
        String beforeQuery = q < 0 ? rest : rest.substring(0, q);
        int slash = beforeQuery.indexOf('/');
        String authority = slash < 0 ? beforeQuery : beforeQuery.substring(0, slash);
        String database = slash < 0 ? "" : beforeQuery.substring(slash + 1);
        int at = authority.lastIndexOf('@');
        String userInfo = at < 0 ? null : authority.substring(0, at);
        String hosts = at < 0 ? authority : authority.substring(at + 1);
        Map<String, String> props = new LinkedHashMap<>();
        String shownUser = "";
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            String user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            if (!user.isEmpty()) {
                props.put("user", user);
            }
            if (colon >= 0) {
                props.put("password", decode(userInfo.substring(colon + 1)));
            }
            shownUser = (colon < 0 ? userInfo : userInfo.substring(0, colon) + ":" + MASK) + "@";
        }
        StringBuilder shownQuery = new StringBuilder();
        for (String pair : query.isEmpty() ? new String[0] : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            props.put(LIBPQ_TO_PGJDBC.getOrDefault(key, key), value);
            shownQuery.append(shownQuery.length() == 0 ? "?" : "&")
                    .append(isSecret(key) ? pair.substring(0, eq < 0 ? pair.length() : eq) + "=" + MASK : pair);
        }
        if (hosts.isEmpty()) {
            hosts = "localhost";
        }
        String jdbc = "jdbc:postgresql://" + hosts + "/" + database;
        return new DatabaseUrl(jdbc, props, prefix + shownUser + hosts + "/" + database + shownQuery);
    }

    private static DatabaseUrl jdbc(String url) {
        Map<String, String> props = new LinkedHashMap<>();
        int q = url.indexOf('?');
        if (q < 0) {
            return new DatabaseUrl(url, props, url);
        }
        StringBuilder kept = new StringBuilder(url.substring(0, q));
        StringBuilder shown = new StringBuilder(url.substring(0, q));
        for (String pair : url.substring(q + 1).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            char sep = kept.indexOf("?") < 0 ? '?' : '&';
            if (isSecret(decode(key))) {
                props.put(decode(key), eq < 0 ? "" : decode(pair.substring(eq + 1)));
                shown.append(shown.indexOf("?") < 0 ? '?' : '&').append(key).append('=').append(MASK);
            } else {
                kept.append(sep).append(pair);
                shown.append(shown.indexOf("?") < 0 ? '?' : '&').append(pair);
            }
        }
        return new DatabaseUrl(kept.toString(), props, shown.toString());
    }

    private static boolean isSecret(String key) {
        return key.equalsIgnoreCase("password") || key.equalsIgnoreCase("sslpassword");
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String redactUnknown(String url) {
        return url.replaceAll("(://[^:/@?]*:)[^@/?]*@", "$1" + MASK + "@").replaceAll("(?i)(password=)[^&]*", "$1" + MASK);
    }

    /** The JDBC URL without the password (the password travels in {@link #properties()}). */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** Connection properties: {@code user}, {@code password}, {@code sslmode} and the other query options. */
    public Properties properties() {
        Properties p = new Properties();
        p.putAll(properties);
        return p;
    }

    /** The URL for display, with the password replaced by {@code ****}. */
    public String redacted() {
        return redacted;
    }

    /** Same as {@link #redacted()}. */
    @Override
    public String toString() {
        return redacted;
    }

    /** Any text (a message, a URL of any shape) with every password it may hold replaced by {@code ****}. */
    public static String redact(String text) {
        return text == null ? null : redactUnknown(text);
    }

    /** Replaces the password, wherever it appears in {@code text}, with {@code ****}. */
    public String scrub(String text) {
        String password = properties.get("password");
        if (text == null || password == null || password.isEmpty()) {
            return text;
        }
        return text.replace(password, MASK);
    }

    /** Opens a connection through {@link DriverManager}, with a clear error when no driver is on the classpath. */
    Connection connect() {
        try {
            DriverManager.getDriver(jdbcUrl);
        } catch (SQLException e) {
            throw MigrationException.of(MigrationException.Reason.DATABASE, null, "no JDBC driver for " + redacted
                    + " is on the classpath: add the PostgreSQL driver (org.postgresql:postgresql) to the application's dependencies.");
        }
        try {
            return DriverManager.getConnection(jdbcUrl, properties());
        } catch (SQLException e) {
            throw MigrationException.of(MigrationException.Reason.DATABASE, null, "could not connect to " + redacted + ": "
                    + scrub(e.getMessage()) + " Check the host, port, database name and credentials, and that the server accepts connections.");
        }
    }
}
