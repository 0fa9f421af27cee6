package dev.shale.migrator;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;

/**
 * A connection that could not be opened, with one message per cause: {@link DatabaseUrl#connect()}
 * throws it, and the migrator carries it as the cause of its {@link MigrationException}. The message is
 * a paragraph without the password and without any front end's flags; the fields let a front end say
 * what to do in its own words.
 */
public final class ConnectionException extends RuntimeException {
    /** Why the connection failed. */
    public enum Reason {
        /** Nothing accepts connections on that host and port (refused, no route): the server is down or elsewhere. */
        UNREACHABLE,
        /** The host name does not resolve (a typo, or a private name this machine's DNS cannot see). */
        UNKNOWN_HOST,
        /** The server did not complete the connection in time ({@code connect_timeout}, default 30 s). */
        TIMEOUT,
        /** The server (or pooler) refused the user or password (SQLState 28000, 28P01). */
        AUTHENTICATION_FAILED,
        /** The server has no database of that name (SQLState 3D000). */
        DATABASE_DOES_NOT_EXIST,
        /** The two sides disagree about SSL: required by one and not offered by the other, or the handshake failed. */
        SSL,
        /** No free connection slot on the server or the pooler (SQLState 53300). */
        TOO_MANY_CONNECTIONS,
        /** No JDBC driver on the classpath accepts the URL (the PostgreSQL driver is missing). */
        NO_DRIVER,
        /** Anything else; the message carries the driver's words. */
        OTHER
    }

    /** The driver's and the server's words for an SSL mismatch ("…, no encryption": no pg_hba.conf line without SSL). */
    private static final java.util.List<String> SSL_PHRASES = java.util.List.of("no encryption", "ssl off", "support ssl",
            "ssl connection", "ssl negotiation", "ssl required", "ssl is not enabled");

    private final Reason reason;
    private final String redactedUrl;
    private final String host;
    private final int port;
    private final String database;
    private final String sqlState;

    private ConnectionException(Reason reason, String message, String redactedUrl, String host, int port, String database,
                                String sqlState, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.redactedUrl = redactedUrl;
        this.host = host;
        this.port = port;
        this.database = database;
        this.sqlState = sqlState;
    }

    public Reason reason() {
        return reason;
    }

    /** The URL with its password masked, or null when the connection came from a DataSource. */
    public String redactedUrl() {
        return redactedUrl;
    }

    /** The (first) host, or null when unknown (a DataSource). */
    public String host() {
        return host;
    }

    /** The port, or 0 when unknown (a DataSource). */
    public int port() {
        return port;
    }

    /** The database name, or null when unknown (a DataSource); empty when the URL names none. */
    public String database() {
        return database;
    }

    /** The driver's SQLState, or null. */
    public String sqlState() {
        return sqlState;
    }

    /** The failure of {@code url.connect()}. */
    static ConnectionException of(DatabaseUrl url, SQLException e) {
        Reason reason = classify(e);
        String driver = url.scrub(driverMessage(e));
        String message = "could not connect to " + url.redacted() + ": " + explain(reason, url.host(), url.port(), url.database(),
                url.user(), driver) + Pooler.hint(e.getSQLState(), e.getMessage());
        return new ConnectionException(reason, message, url.redacted(), url.host(), url.port(), url.database(), e.getSQLState(), e);
    }

    /** {@code DriverManager.getDriver} refused the URL: no PostgreSQL driver, or one that does not take this URL. */
    static ConnectionException noDriver(DatabaseUrl url, SQLException e) {
        boolean registered = DriverManager.drivers().anyMatch(d -> d.getClass().getName().equals("org.postgresql.Driver"));
        String message = registered
                ? "could not connect to " + url.redacted() + ": the PostgreSQL JDBC driver does not accept this URL ("
                        + url.jdbcUrl() + "). Write it as postgres://user:password@host:5432/database or jdbc:postgresql://host:5432/database."
                : "could not connect to " + url.redacted() + ": no JDBC driver for it is on the classpath: add the PostgreSQL"
                        + " driver (org.postgresql:postgresql) to the application's dependencies.";
        return new ConnectionException(registered ? Reason.OTHER : Reason.NO_DRIVER, message, url.redacted(), url.host(), url.port(),
                url.database(), e.getSQLState(), e);
    }

    /** The failure of {@code DataSource.getConnection()}: no URL known, so the driver's message is redacted as any text. */
    static ConnectionException ofDataSource(SQLException e) {
        Reason reason = classify(e);
        String driver = DatabaseUrl.redact(driverMessage(e));
        String message = "could not get a connection from the DataSource: " + explain(reason, null, 0, null, null, driver)
                + Pooler.hint(e.getSQLState(), e.getMessage());
        return new ConnectionException(reason, message, null, null, 0, null, e.getSQLState(), e);
    }

    static Reason classify(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String text = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) {
                return Reason.UNKNOWN_HOST;
            }
            if (t instanceof SocketTimeoutException) {
                return Reason.TIMEOUT;
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return Reason.UNREACHABLE;
            }
            if (t instanceof javax.net.ssl.SSLException) {
                return Reason.SSL;
            }
        }
        if (state.equals("3D000") || text.matches("(?s).*database \".*\" does not exist.*") || text.contains("no such database")) {
            return Reason.DATABASE_DOES_NOT_EXIST;
        }
        if (SSL_PHRASES.stream().anyMatch(text::contains)) {
            return Reason.SSL;
        }
        if (state.startsWith("28") || text.contains("password authentication failed") || text.contains("no such user")
                || text.contains("sasl authentication failed") || text.contains("password-based authentication")) {
            return Reason.AUTHENTICATION_FAILED;
        }
        if (state.equals("53300") || text.contains("too many connections") || text.contains("no more connections allowed")
                || text.contains("remaining connection slots")) {
            return Reason.TOO_MANY_CONNECTIONS;
        }
        if (text.contains("timed out") || text.contains("timeout")) {
            return Reason.TIMEOUT;
        }
        return Reason.OTHER;
    }

    private static String explain(Reason reason, String host, int port, String database, String user, String driver) {
        String where = host == null ? "the server" : host + " port " + port;
        return switch (reason) {
            case UNREACHABLE -> "nothing accepts connections on " + where + ": " + driver + ". Check that the server is running"
                    + " there and listens on that port, and that no firewall is in the way.";
            case UNKNOWN_HOST -> (host == null ? "a host name" : "the host name \"" + host + "\"") + " could not be resolved"
                    + " (no DNS entry). Check the host name for a typo, and that this machine can see it (a private host needs"
                    + " its network or VPN).";
            case TIMEOUT -> where + " did not complete the connection in time (" + driver + "). Check the host and port, that no"
                    + " firewall drops the traffic and that the server is not overloaded; connect_timeout in the URL sets the wait"
                    + " in seconds.";
            case AUTHENTICATION_FAILED -> "the login " + (user == null ? "" : "of user \"" + user + "\" ") + "was refused ("
                    + driver + "). Check the user name and password; in a URL, a password with special characters must be"
                    + " percent-encoded (@ as %40, : as %3A, / as %2F, % as %25).";
            case DATABASE_DOES_NOT_EXIST -> (database == null || database.isEmpty() ? "the database does not exist"
                    : "the server has no database \"" + database + "\"") + " (" + driver + "). Check the database name at the end"
                    + " of the URL, or create the database first.";
            case SSL -> "the connection's SSL setting does not match the server's (" + driver + "). Set sslmode in the URL:"
                    + " sslmode=require when the server requires SSL (a refusal that ends \"no encryption\" can mean that, or"
                    + " that the server does not admit this host, user and database at all), sslmode=disable when it does not"
                    + " offer SSL.";
            case TOO_MANY_CONNECTIONS -> "no connection slot is free (" + driver + "). Close idle sessions or raise the server's"
                    + " (or pooler's) connection limit, then run again.";
            case NO_DRIVER -> "no JDBC driver for it is on the classpath: add the PostgreSQL driver (org.postgresql:postgresql)"
                    + " to the application's dependencies.";
            case OTHER -> driver + ". Check the host, port, database name and credentials, and that the server accepts"
                    + " connections.";
        };
    }

    /** The driver's message on one line, without its own advice (ours replaces it) and ending without a period. */
    private static String driverMessage(SQLException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        m = m.replaceAll("\\s+", " ").strip();
        int advice = m.indexOf(" Check that the hostname");
        m = advice < 0 ? m : m.substring(0, advice);
        if (m.equals("The connection attempt failed.") && e.getCause() != null && e.getCause().getMessage() != null) {
            m = e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage();
        }
        return m.endsWith(".") ? m.substring(0, m.length() - 1) : m;
    }
}
