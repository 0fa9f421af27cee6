package dev.shale.migrator;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * A database URL as users have it, turned into a JDBC URL and connection properties:
 * {@code postgres://user:pass@host:port/db?sslmode=require&...} and {@code postgresql://} (as Supabase
 * and Neon hand them out; user and password percent-decoded, query options passed through as
 * properties, {@code application_name} and {@code connect_timeout} under pgJDBC's names), or
 * {@code jdbc:postgresql://...} as is.
 *
 * <p><b>Secrets.</b> The password is kept out of {@link #jdbcUrl()}, {@link #toString()} and every
 * message: {@link #redacted()} is the form to display, {@link #redact(String)} masks every password in
 * any text (a URL that failed to parse, a driver message), and {@link #scrub(String)} also masks this
 * URL's own password wherever it appears.
 *
 * <p><b>Poolers.</b> The connection properties set pgJDBC's {@code prepareThreshold=0} unless the URL
 * sets it: no server-side prepared statement outlives its transaction, so connections work through a
 * transaction-pooling PgBouncer (or Supabase's port 6543), where consecutive transactions of one client
 * run on different server connections. They also bound the whole connection attempt
 * ({@code loginTimeout}, from {@code connect_timeout}, else 30 s): pgJDBC's own default waits forever
 * for a server that accepts the TCP connection and never answers.
 */
public final class DatabaseUrl {
    /** pgJDBC's wait for the whole connection attempt when the URL names none, in seconds. */
    static final String DEFAULT_LOGIN_TIMEOUT = "30";
    private static final String FORMS = "postgres://user:password@host:5432/database, postgresql://... or jdbc:postgresql://host:5432/database";
    private static final Map<String, String> LIBPQ_TO_PGJDBC = Map.of(
            "application_name", "ApplicationName",
            "connect_timeout", "connectTimeout");

    private final String jdbcUrl;
    private final Map<String, String> properties;
    private final String redacted;
    private final String host;
    private final int port;
    private final String database;

    private DatabaseUrl(String jdbcUrl, Map<String, String> properties, String redacted, String host, int port, String database) {
        this.jdbcUrl = jdbcUrl;
        Map<String, String> p = new LinkedHashMap<>(properties);
        p.putIfAbsent("prepareThreshold", "0");
        p.putIfAbsent("loginTimeout", p.getOrDefault("connectTimeout", DEFAULT_LOGIN_TIMEOUT));
        this.properties = Map.copyOf(p);
        this.redacted = Redaction.redact(redacted);
        this.host = host;
        this.port = port;
        this.database = database;
    }

    /**
     * Parses a {@code postgres://}, {@code postgresql://} or {@code jdbc:postgresql:} URL.
     *
     * @throws IllegalArgumentException when it is none of these or is malformed; the message shows the
     *         URL with every password masked
     */
    public static DatabaseUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("database URL is empty: give " + FORMS);
        }
        String u = url.strip();
        String lower = u.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:postgresql:")) {
            return jdbc(u, u.substring("jdbc:postgresql:".length()));
        }
        for (String prefix : List.of("postgres://", "postgresql://")) {
            if (lower.startsWith(prefix)) {
                return libpq(u, u.substring(0, prefix.length()), u.substring(prefix.length()));
            }
        }
        throw invalid(u, "is not a PostgreSQL URL: it must look like " + FORMS + hint(lower));
    }

    /**
     * {@code text} with every password in it replaced by {@code ****}, whatever holds it: a URL in any
     * shape (malformed, misspelt or foreign scheme, user info with special or percent-encoded
     * characters), a {@code password=} option, a driver message. The rest of the text is kept.
     */
    public static String redact(String text) {
        return Redaction.redact(text);
    }

    /**
     * {@code text} {@linkplain #redact(String) redacted}, and this URL's password (as written and
     * percent-encoded) replaced wherever else it appears, as in a driver message that quotes it.
     */
    public String scrub(String text) {
        if (text == null) {
            return null;
        }
        String out = redact(text);
        for (String secret : List.of("password", "sslpassword")) {
            String value = properties.get(secret);
            if (value == null || value.isEmpty() || Redaction.MASK.contains(value)) {
                continue;
            }
            String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8);
            for (String form : List.of(value, encoded, encoded.replace("+", "%20"))) {
                out = replaceOutsideRedacted(out, form);
            }
        }
        return out;
    }

    /** The JDBC URL without the password (the password travels in {@link #properties()}). */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /**
     * Connection properties: {@code user}, {@code password}, {@code sslmode} and the other query
     * options, plus {@code prepareThreshold=0} and {@code loginTimeout} unless the URL sets them (see
     * the class description). A {@link javax.sql.DataSource} built from this URL should take all of them.
     */
    public Properties properties() {
        Properties p = new Properties();
        p.putAll(properties);
        return p;
    }

    /** The URL for display, with the password replaced by {@code ****}. */
    public String redacted() {
        return redacted;
    }

    /** The first host, as written ({@code localhost} when the URL names none; an IPv6 address keeps its brackets). */
    public String host() {
        return host;
    }

    /** The port of the first host, {@code 5432} by default. */
    public int port() {
        return port;
    }

    /** The database name, decoded, or the empty string when the URL names none (the server then takes the user's name). */
    public String database() {
        return database;
    }

    /** The user, or null when the URL names none. */
    public String user() {
        return properties.get("user");
    }

    /** Same as {@link #redacted()}. */
    @Override
    public String toString() {
        return redacted;
    }

    /**
     * Opens a connection through {@link DriverManager} with {@link #properties()}: the one place Shale
     * connects from a URL.
     *
     * @throws ConnectionException with a {@link ConnectionException.Reason} and a message without the password
     */
    public Connection connect() {
        try {
            DriverManager.getDriver(jdbcUrl);
        } catch (SQLException e) {
            throw ConnectionException.noDriver(this, e);
        }
        try {
            return DriverManager.getConnection(jdbcUrl, properties());
        } catch (SQLException e) {
            throw ConnectionException.of(this, e);
        }
    }

    private static DatabaseUrl libpq(String original, String prefix, String rest) {
        int slash = rest.indexOf('/');
        String head = slash < 0 ? rest : rest.substring(0, slash);
        int at = head.lastIndexOf('@');
        int headQuery = head.indexOf('?');
        if (at >= 0 && headQuery >= 0 && headQuery < at && head.lastIndexOf('@', headQuery) >= 0) {
            at = head.lastIndexOf('@', headQuery); // an @ in an option value, after the user info
        }
        String userInfo = at < 0 ? null : rest.substring(0, at);
        String afterUser = at < 0 ? rest : rest.substring(at + 1);
        int q = afterUser.indexOf('?');
        String beforeQuery = q < 0 ? afterUser : afterUser.substring(0, q);
        String query = q < 0 ? "" : afterUser.substring(q + 1);
        int path = beforeQuery.indexOf('/');
        String hosts = path < 0 ? beforeQuery : beforeQuery.substring(0, path);
        String database = path < 0 ? "" : beforeQuery.substring(path + 1);
        Map<String, String> props = new LinkedHashMap<>();
        String shownUser = "";
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            String user = decode(original, colon < 0 ? userInfo : userInfo.substring(0, colon));
            if (!user.isEmpty()) {
                props.put("user", user);
            }
            if (colon >= 0) {
                props.put("password", decode(original, userInfo.substring(colon + 1)));
            }
            shownUser = (colon < 0 ? userInfo : userInfo.substring(0, colon) + ":" + Redaction.MASK) + "@";
        }
        StringBuilder shownQuery = new StringBuilder();
        for (String pair : query.isEmpty() ? new String[0] : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(original, eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(original, pair.substring(eq + 1));
            props.put(LIBPQ_TO_PGJDBC.getOrDefault(key, key), value);
            shownQuery.append(shownQuery.length() == 0 ? "?" : "&")
                    .append(isSecret(key) ? pair.substring(0, eq < 0 ? pair.length() : eq) + "=" + Redaction.MASK : pair);
        }
        if (hosts.isEmpty()) {
            hosts = "localhost";
        }
        String[] first = firstHost(original, hosts);
        String jdbc = "jdbc:postgresql://" + hosts + "/" + database;
        return new DatabaseUrl(jdbc, props, prefix + shownUser + hosts + "/" + database + shownQuery, first[0],
                Integer.parseInt(first[1]), decode(original, database));
    }

    private static DatabaseUrl jdbc(String original, String rest) {
        int q = rest.indexOf('?');
        String beforeQuery = q < 0 ? rest : rest.substring(0, q);
        String host = "localhost";
        int port = 5432;
        String database = beforeQuery;
        String base = "jdbc:postgresql:" + beforeQuery;
        if (beforeQuery.startsWith("//")) {
            String authority = beforeQuery.substring(2);
            int slash = authority.indexOf('/');
            String hosts = slash < 0 ? authority : authority.substring(0, slash);
            if (hosts.contains("@")) {
                throw invalid(original, "puts a user before the host, which jdbc:postgresql:// URLs do not take: give the user and "
                        + "password as options (jdbc:postgresql://host:5432/database?user=...&password=...), or use a "
                        + "postgres://user:password@host:5432/database URL");
            }
            String[] first = firstHost(original, hosts.isEmpty() ? "localhost" : hosts);
            host = first[0];
            port = Integer.parseInt(first[1]);
            database = slash < 0 ? "" : authority.substring(slash + 1);
            base = "jdbc:postgresql://" + hosts + "/" + database; // pgJDBC refuses a URL without the slash after the host
        }
        Map<String, String> props = new LinkedHashMap<>();
        StringBuilder kept = new StringBuilder(base);
        StringBuilder shown = new StringBuilder(base);
        for (String pair : q < 0 ? new String[0] : rest.substring(q + 1).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String decodedKey = decode(original, key);
            String value = eq < 0 ? "" : decode(original, pair.substring(eq + 1));
            if (isSecret(decodedKey)) {
                props.put(decodedKey, value);
                shown.append(shown.indexOf("?") < 0 ? '?' : '&').append(key).append('=').append(Redaction.MASK);
            } else {
                if (decodedKey.equals("user")) {
                    props.put("user", value);
                }
                kept.append(kept.indexOf("?") < 0 ? '?' : '&').append(pair);
                shown.append(shown.indexOf("?") < 0 ? '?' : '&').append(pair);
            }
        }
        return new DatabaseUrl(kept.toString(), props, shown.toString(), host, port, decode(original, database));
    }

    /** The first of {@code h1:5432,h2,[::1]:5433}: host and port, the port checked to be a number from 1 to 65535. */
    private static String[] firstHost(String original, String hosts) {
        String[] first = null;
        for (String hostPort : hosts.split(",", -1)) {
            int close = hostPort.startsWith("[") ? hostPort.indexOf(']') : -1;
            int colon = hostPort.indexOf(':', Math.max(close, 0));
            String h = colon < 0 ? hostPort : hostPort.substring(0, colon);
            String p = colon < 0 ? "5432" : hostPort.substring(colon + 1);
            if (h.isEmpty() || (hostPort.startsWith("[") && close < 0)) {
                throw invalid(original, "has an empty or malformed host in \"" + Redaction.redact(hosts) + "\"; the form is " + FORMS);
            }
            if (!p.matches("\\d{1,5}") || Integer.parseInt(p) < 1 || Integer.parseInt(p) > 65535) {
                throw invalid(original, "has a port that is not a number from 1 to 65535 after host \"" + Redaction.redact(h)
                        + "\"; the form is " + FORMS + " (a password goes between the user and the @, percent-encoded)");
            }
            if (first == null) {
                first = new String[] {h, p};
            }
        }
        return first;
    }

    private static boolean isSecret(String key) {
        return key.equalsIgnoreCase("password") || key.equalsIgnoreCase("sslpassword");
    }

    private static String decode(String original, String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // URLDecoder's message quotes the text around the bad escape: it may be the password
            throw invalid(original, "has a malformed percent-escape (a % not followed by two hex digits) in its user, password, "
                    + "database or options; write a literal % as %25");
        }
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static IllegalArgumentException invalid(String url, String what) {
        return new IllegalArgumentException("database URL " + Redaction.redact(url) + " " + what + ".");
    }

    /** A nudge for the near misses users type. */
    private static String hint(String lower) {
        if (lower.matches("(?s)(?:jdbc:)?postgres(?:ql)?:(?!//).*")) {
            return " (the scheme needs two slashes: postgres://)";
        }
        if (lower.contains("postgres") || lower.contains("pgsql")) {
            return " (check the spelling of the scheme)";
        }
        if (lower.matches("(?s)(?:jdbc:)?(?:mysql|mariadb|sqlserver|sqlite|oracle|h2|redshift|mongodb(?:\\+srv)?)[:/].*")) {
            return " (Shale works with PostgreSQL only)";
        }
        return "";
    }

    /** Replaces {@code secret} in {@code text}, leaving this URL's redacted form (already safe) as it is. */
    private String replaceOutsideRedacted(String text, String secret) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        while (true) {
            int at = text.indexOf(redacted, from);
            String piece = at < 0 ? text.substring(from) : text.substring(from, at);
            out.append(piece.replace(secret, Redaction.MASK));
            if (at < 0) {
                return out.toString();
            }
            out.append(redacted);
            from = at + redacted.length();
        }
    }
}
