package dev.shale.cli;

import dev.shale.migrator.MigrationException;
import dev.shale.migrator.Migrator;
import picocli.CommandLine.Mixin;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.concurrent.Callable;

/**
 * What {@code migrate}, {@code status} and {@code rollback} share: the config and URL, a migrator built
 * from them, an unreachable database explained, and no password in anything they print.
 */
abstract class DatabaseCommand implements Callable<Integer> {
    private static final String CONNECT = "could not connect to ";
    final Session session;

    @Mixin
    DatabaseOptions options;

    /** The URL of this run, once known: what {@link #scrub} removes the password of. */
    private DatabaseUrl url;

    DatabaseCommand(Session session) {
        this.session = session;
    }

    /** Runs the command with the config loaded and the migrator built. */
    abstract int run(ShaleConfig config, Migrator.Builder builder);

    @Override
    public final Integer call() {
        ShaleConfig config = options.load(session);
        String raw = DatabaseOptions.url(config);
        url = DatabaseUrl.parse(raw);
        try {
            return run(config, options.builder(config));
        } catch (RuntimeException e) {
            if (unreachable(e)) {
                String reason = scrub(rootMessage(e)).strip();
                throw new ShaleException("could not connect to PostgreSQL at " + url.host() + ":" + url.port()
                        + (url.database().isEmpty() ? "" : ", database \"" + url.database() + "\"")
                        + " (" + DatabaseUrl.redact(raw) + "): " + reason + (reason.endsWith(".") ? "" : ".")
                        + " Check that the server is running and accepts connections on that host and port, that the"
                        + " database exists, and the user and password; the URL comes from --url, else [database]"
                        + " migrations_url, else url in shale.toml");
            }
            throw e;
        }
    }

    /** {@code text} with the password of this run's URL replaced by {@code ***}. */
    String scrub(String text) {
        return url == null ? DatabaseUrl.redact(text) : url.scrub(text);
    }

    private static boolean unreachable(Throwable e) {
        if (e instanceof MigrationException m && m.reason() == MigrationException.Reason.DATABASE
                && m.getMessage().startsWith(CONNECT)) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException) {
                return true;
            }
            if (t instanceof SQLException s && s.getSQLState() != null
                    && (s.getSQLState().startsWith("08") || s.getSQLState().equals("3D000") || s.getSQLState().startsWith("28"))) {
                return true;
            }
        }
        return false;
    }

    /** The server's reason: the migrator's message without its "could not connect to URL: " prefix and advice. */
    private static String rootMessage(Throwable e) {
        if (e instanceof MigrationException m && m.getMessage().startsWith(CONNECT)) {
            String text = m.getMessage();
            int colon = text.indexOf(": ");
            text = colon < 0 ? text : text.substring(colon + 2);
            int advice = text.indexOf(" Check ");  // the driver's and the migrator's advice: ours replaces both
            return advice < 0 ? text : text.substring(0, advice);
        }
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            if (t instanceof SQLException) {
                break;
            }
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
