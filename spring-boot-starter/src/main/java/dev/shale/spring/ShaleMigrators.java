package dev.shale.spring;

import dev.shale.migrator.Migrator;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

import javax.sql.DataSource;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Turns {@link ShaleProperties} into a {@link Migrator}: the one place that reads and checks the
 * {@code shale.*} values. A bad value fails start-up with Boot's "invalid configuration property" report,
 * naming the property, except for the connection settings, whose values may be or hold a password: those
 * fail with a {@link ShaleConfigurationException}, which never shows them.
 */
final class ShaleMigrators {
    private static final String CLASSPATH = "classpath:";
    private static final String FILESYSTEM = "filesystem:";

    private ShaleMigrators() {}

    /**
     * The migrator the properties describe, connected through {@code shale.url} when set, else through
     * {@code appDataSource}.
     *
     * @param appDataSource the application's DataSource, or null when it has none (or several, none primary)
     * @throws InvalidConfigurationPropertyValueException when a value is not usable (values that may hold a password excepted)
     * @throws ShaleConfigurationException when shale.url, shale.user or shale.password is not usable, or there is
     *         neither {@code shale.url} nor a DataSource
     */
    static Migrator create(ShaleProperties p, DataSource appDataSource) {
        Migrator.Builder b = Migrator.builder();
        connection(b, p, appDataSource);
        location(b, p.getLocation());
        historyTable(b, p.getHistoryTable());
        b.lockTimeout(duration("shale.lock-timeout", p.getLockTimeout()));
        b.statementTimeout(duration("shale.statement-timeout", p.getStatementTimeout()));
        b.lockWait(duration("shale.lock-wait", p.getLockWait()));
        b.allowChanged(!p.isValidateOnMigrate());
        b.allowMissing(!p.isValidateOnMigrate());
        b.allowOutOfOrder(p.isOutOfOrder());
        return b.build();
    }

    private static void connection(Migrator.Builder b, ShaleProperties p, DataSource appDataSource) {
        if (isBlank(p.getUrl())) {
            if (!isBlank(p.getUser()) || !isBlank(p.getPassword())) {
                throw new ShaleConfigurationException((isBlank(p.getUser()) ? "shale.password is" : "shale.user is")
                        + " set, but shale.url is not: shale.user and shale.password are the login of the separate migration "
                        + "connection, and shale.url is its address.", "Set shale.url too, or remove shale.user and shale.password to "
                        + "migrate through the application's DataSource.");
            }
            if (appDataSource == null) {
                throw new ShaleConfigurationException("Shale has no database to migrate: the application has no single DataSource "
                        + "bean (none, or several and none marked @Primary), and shale.url is not set.", "Mark the DataSource to "
                        + "migrate @Primary, or set shale.url to migrate through a connection of its own.");
            }
            b.dataSource(appDataSource);
            return;
        }
        String url = withCredentials(p.getUrl().strip(), p.getUser(), p.getPassword());
        try {
            b.url(url);
        } catch (IllegalArgumentException e) {
            // the migrator's message shows the URL with its password masked
            throw new ShaleConfigurationException("shale.url is not usable: " + e.getMessage() + ".",
                    "Give the PostgreSQL URL of the database to migrate, or remove shale.url to migrate through the application's DataSource.");
        }
    }

    /** The URL with {@code user} and {@code password} as query options, which {@link dev.shale.migrator.DatabaseUrl} lets win over the URL's own. */
    static String withCredentials(String url, String user, String password) {
        StringBuilder out = new StringBuilder(url);
        for (String[] option : new String[][] {{"user", user}, {"password", password}}) {
            if (!isBlank(option[1])) {
                out.append(out.indexOf("?") < 0 ? '?' : '&').append(option[0]).append('=').append(encode(option[1]));
            }
        }
        return out.toString();
    }

    private static void location(Migrator.Builder b, String location) {
        String value = location == null ? "" : location.strip();
        if (value.startsWith(FILESYSTEM)) {
            String dir = value.substring(FILESYSTEM.length());
            if (dir.isBlank()) {
                throw badLocation(location, "the directory after filesystem: is empty");
            }
            b.location(Path.of(dir));
            return;
        }
        String folder = value.startsWith(CLASSPATH) ? value.substring(CLASSPATH.length()) : value;
        if (folder.matches("[A-Za-z][A-Za-z0-9+.-]+:.*")) {
            throw badLocation(location, "the prefix " + folder.substring(0, folder.indexOf(':') + 1) + " is not known");
        }
        if (folder.replace("/", "").isBlank()) {
            throw badLocation(location, "no folder is given");
        }
        b.classpathLocation(folder);
    }

    private static InvalidConfigurationPropertyValueException badLocation(String location, String problem) {
        return new InvalidConfigurationPropertyValueException("shale.location", location, problem
                + ". Give classpath:<folder> for migrations packaged with the application (default classpath:db/migrations) "
                + "or filesystem:<directory> for a directory on disk.");
    }

    private static void historyTable(Migrator.Builder b, String historyTable) {
        String value = historyTable == null ? "" : historyTable.strip();
        int dot = value.indexOf('.');
        String schema = dot < 0 ? "public" : value.substring(0, dot);
        String table = dot < 0 ? value : value.substring(dot + 1);
        if (schema.isBlank() || table.isBlank() || table.contains(".")) {
            throw new InvalidConfigurationPropertyValueException("shale.history-table", historyTable,
                    "give the history table as schema.table (public.shale_migrations by default), or a table name for the public schema.");
        }
        b.historyTable(schema, table);
    }

    private static Duration duration(String property, Duration value) {
        if (value == null || value.isNegative()) {
            throw new InvalidConfigurationPropertyValueException(property, value, "give zero or a positive duration (10s, 500ms, 2m).");
        }
        return value;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
