package dev.shale.cli;

import dev.shale.migrator.ConnectionException;
import dev.shale.migrator.DatabaseUrl;
import dev.shale.migrator.Migrator;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/**
 * What {@code migrate}, {@code status} and {@code rollback} share: the config and URL, a migrator built
 * from them, an unreachable database explained, and no password in anything they print.
 */
abstract class DatabaseCommand implements Callable<Integer> {
    final Session session;

    @Mixin
    DatabaseOptions options;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

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
        try {
            url = DatabaseUrl.parse(raw);
        } catch (IllegalArgumentException e) {
            throw new ShaleException(DatabaseUrl.redact(e.getMessage()) + WHERE_FROM, e);
        }
        try {
            return run(config, options.builder(config));
        } catch (RuntimeException e) {
            ConnectionException failure = connectionFailure(e);
            if (failure != null) {
                throw new ShaleException(scrub(failure.getMessage()) + " " + Advice.connection(), e);
            }
            throw e;
        }
    }

    private static final String WHERE_FROM = " (the URL comes from --url, else [database] migrations_url, else url in "
            + ShaleConfig.FILE_NAME + ")";

    /** {@code text} with every password, and this run's URL's own, replaced by a mask. */
    String scrub(String text) {
        return url == null ? DatabaseUrl.redact(text) : url.scrub(text);
    }

    /** The migrator's typed reason a connection could not be opened, if that is what failed. */
    private static ConnectionException connectionFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectionException c) {
                return c;
            }
        }
        return null;
    }
}
