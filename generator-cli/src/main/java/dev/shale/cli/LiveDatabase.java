package dev.shale.cli;

import dev.shale.introspect.Canonicalizer;
import dev.shale.introspect.Introspector;
import dev.shale.migrator.DatabaseUrl;
import dev.shale.model.QualifiedName;
import dev.shale.model.SchemaModel;
import dev.shale.model.Table;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The live-database side of {@code push}, {@code diff} and {@code check --url}: opening a connection from
 * a user's URL, reading the schema with the introspector (without Shale's own history table), and
 * putting a declared model into the form that database stores it in, so the two compare by meaning.
 */
final class LiveDatabase {
    private LiveDatabase() {}

    /**
     * What a database holds.
     *
     * @param model the owned objects of the schemas read, history table left out
     * @param notManaged objects the model cannot express ("view public.x"), sorted
     */
    record Read(SchemaModel model, List<String> notManaged) {
        Read {
            notManaged = List.copyOf(notManaged);
        }
    }

    /** Whether {@code text} is a database URL Shale accepts (rather than a file or the word {@code code}). */
    static boolean isUrl(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        return t.startsWith("postgres://") || t.startsWith("postgresql://") || t.startsWith("jdbc:postgresql:");
    }

    /** The URL as messages show it, with the password masked. */
    static String redacted(String url) {
        try {
            return DatabaseUrl.parse(url).redacted();
        } catch (IllegalArgumentException e) {
            return dev.shale.cli.DatabaseUrl.redact(url);
        }
    }

    /** Opens a connection; an unreachable database or a bad URL is a {@link ShaleException} that says what to check. */
    static Connection connect(String url) {
        DatabaseUrl parsed;
        try {
            parsed = DatabaseUrl.parse(url);
        } catch (IllegalArgumentException e) {
            throw new ShaleException(e.getMessage());
        }
        try {
            return DriverManager.getConnection(parsed.jdbcUrl(), parsed.properties());
        } catch (SQLException e) {
            String reason = dev.shale.cli.DatabaseUrl.parse(url).scrub(String.valueOf(e.getMessage())).strip();
            int advice = reason.indexOf(" Check ");  // the driver's advice: ours replaces it
            reason = advice < 0 ? reason : reason.substring(0, advice);
            reason = reason.endsWith(".") ? reason.substring(0, reason.length() - 1) : reason;
            throw new ShaleException("could not connect to PostgreSQL at " + parsed.redacted() + ": " + reason
                    + ". Check that the server is running and accepts connections on that host and port, that the database"
                    + " exists, and the user and password (the URL comes from --url, else [database] migrations_url, else url"
                    + " in shale.toml)");
        }
    }

    /**
     * Reads {@code schemas} of the database, leaving out the migration history table {@code history}
     * (Shale's bookkeeping, not part of anyone's schema).
     */
    static Read read(Connection connection, Set<String> schemas, QualifiedName history) {
        try {
            Introspector.Introspection in = Introspector.read(connection, schemas);
            SchemaModel m = in.model();
            List<Table> tables = m.tables().stream().filter(t -> !t.name().equals(history)).toList();
            SchemaModel model = tables.size() == m.tables().size() ? m : new SchemaModel(m.enums(), tables, m.externalTables());
            return new Read(model, in.notManaged().stream().sorted().toList());
        } catch (SQLException e) {
            throw new ShaleException("could not read the database's schema (" + String.join(", ", schemas) + "): "
                    + e.getMessage() + ". Check that the user may read the catalog (pg_catalog) of these schemas");
        }
    }

    /** {@code declared} as this database would store it (expressions deparsed the way PostgreSQL writes them). */
    static SchemaModel canonical(SchemaModel declared, Connection connection) {
        try {
            return Canonicalizer.canonical(declared, connection);
        } catch (SQLException e) {
            throw new ShaleException("could not normalise the declared schema on the database (its objects are created"
                    + " in a transaction that is rolled back): " + e.getMessage()
                    + ". The declared schema is probably not valid PostgreSQL there; run `shale check` and fix what it says");
        }
    }

    /** The schemas a comparison with {@code model} reads: the model's own, plus {@code public}. */
    static Set<String> schemasOf(SchemaModel model) {
        Set<String> names = new TreeSet<>(model.schemas());
        names.add(QualifiedName.DEFAULT_SCHEMA);
        return names;
    }

    /** Every schema of the database that is not PostgreSQL's own (for comparing two databases). */
    static Set<String> userSchemas(Connection connection) {
        Set<String> names = new TreeSet<>();
        try (var st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT nspname FROM pg_catalog.pg_namespace"
                     + " WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new ShaleException("could not list the database's schemas: " + e.getMessage());
        }
        return names;
    }
}
