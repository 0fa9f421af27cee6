package dev.shale.workflow;

import dev.shale.introspect.CanonicalForms;
import dev.shale.introspect.Canonicalizer;
import dev.shale.introspect.Introspector;
import dev.shale.migrator.ConnectionException;
import dev.shale.migrator.DatabaseUrl;
import dev.shale.model.QualifiedName;
import dev.shale.model.SchemaModel;
import dev.shale.model.Table;
import dev.shale.workflow.WorkflowException.Reason;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The live-database side of push, pull, diff and drift: opening a connection from a user's URL, reading
 * the schema with the introspector (without Shale's own history table), and putting a declared model
 * into the form that database stores it in, so the two compare by meaning.
 */
public final class LiveDatabase {
    private LiveDatabase() {}

    /**
     * What a database holds.
     *
     * @param model the owned objects of the schemas read, history table left out
     * @param notManaged objects the model cannot express ("trigger public.t.x"), sorted
     * @param clusterRoles every role of the cluster with its attributes (see {@link dev.shale.introspect.DeclaredRoles})
     * @param byDefault the grants of the model that default privileges account for
     *                  (see {@link dev.shale.introspect.DefaultPrivileges})
     */
    public record Read(SchemaModel model, List<String> notManaged, List<dev.shale.model.Role> clusterRoles,
                       List<dev.shale.model.Grant> byDefault) {
        public Read {
            notManaged = List.copyOf(notManaged);
            clusterRoles = List.copyOf(clusterRoles);
            byDefault = List.copyOf(byDefault);
        }

        public Read(SchemaModel model, List<String> notManaged) {
            this(model, notManaged, List.of(), List.of());
        }

        /** The same, holding {@code other} as its model. */
        Read withModel(SchemaModel other) {
            return new Read(other, notManaged, clusterRoles, byDefault);
        }
    }

    /** Whether {@code text} is a database URL Shale accepts (rather than a file or the word {@code code}). */
    public static boolean isUrl(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        return t.startsWith("postgres://") || t.startsWith("postgresql://") || t.startsWith("jdbc:postgresql:");
    }

    /** The URL as messages show it, with the password masked. */
    public static String redacted(String url) {
        return DatabaseUrl.redact(url);
    }

    /** The project's database URL (for push, pull, diff and drift: the direct URL when set, else the main one). */
    static String databaseUrl(Project project) {
        String url = project.migrationsUrl();
        if (url == null || url.isBlank()) {
            throw new WorkflowException(Reason.NOT_CONFIGURED, "database URL", "no database URL is configured");
        }
        return url;
    }

    /** Opens a connection; an unreachable database or a bad URL says what to check. */
    public static Connection connect(String url) {
        DatabaseUrl parsed;
        try {
            parsed = DatabaseUrl.parse(url);
        } catch (IllegalArgumentException e) {
            throw new WorkflowException(Reason.CONNECTION_FAILED, DatabaseUrl.redact(url), DatabaseUrl.redact(e.getMessage()), e);
        }
        try {
            return parsed.connect();
        } catch (ConnectionException e) {
            // the migrator's one message per connection failure; its Reason, as the cause, tells a front end what to advise
            throw new WorkflowException(Reason.CONNECTION_FAILED, parsed.redacted(), e.getMessage(), e);
        }
    }

    /** A connection that failed after it was open (the server stopped, the backend was terminated). */
    static WorkflowException lost(SQLException e) {
        return new WorkflowException(Reason.CONNECTION_FAILED, null, "the database connection failed: "
                + DatabaseUrl.redact(String.valueOf(e.getMessage())), e);
    }

    /**
     * Reads {@code schemas} of the database, leaving out the migration history table {@code history}
     * (Shale's bookkeeping, not part of anyone's schema).
     */
    public static Read read(Connection connection, Set<String> schemas, QualifiedName history) {
        try {
            Introspector.Introspection in = Introspector.read(connection, schemas);
            SchemaModel m = in.model();
            List<Table> tables = m.tables().stream().filter(t -> !t.name().equals(history)).toList();
            // its grants (a platform's default privileges give some) go with it
            SchemaModel model = tables.size() == m.tables().size() ? m : m.toBuilder().tables(tables)
                    .grants(m.grants().stream().filter(g -> !(g.on() == dev.shale.model.Grant.On.TABLE && g.object().equals(history))).toList())
                    .policies(m.policies().stream().filter(p -> !p.table().equals(history)).toList())
                    .build();
            return new Read(model, in.notManaged().stream().sorted().toList(), in.clusterRoles(), in.byDefault());
        } catch (SQLException e) {
            throw catalogNotRead(schemas, e);
        }
    }

    /**
     * Whether the database may hold something in {@code schemas} that a comparison with code needs PostgreSQL's
     * spelling of (a relation other than the history table, a type, a routine), or one of the extensions the code
     * declares: one query, asked before the catalog is read so that canonicalising can start beside the read.
     * It errs towards yes; the read decides (see {@code Pusher}).
     */
    static boolean mayHoldObjects(Connection connection, Set<String> schemas, QualifiedName history, SchemaModel declared) {
        String sql = "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                + "   WHERE n.nspname = ANY (?) AND c.relkind NOT IN ('i', 'I', 't') AND NOT (n.nspname = ? AND c.relname = ?))"
                + " OR EXISTS (SELECT 1 FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace"
                + "   WHERE n.nspname = ANY (?) AND t.typtype IN ('e', 'd', 'r', 'm'))"
                + " OR EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace"
                + "   WHERE n.nspname = ANY (?))"
                + " OR EXISTS (SELECT 1 FROM pg_catalog.pg_extension e WHERE e.extname = ANY (?))";
        try (var ps = connection.prepareStatement(sql)) {
            var names = connection.createArrayOf("text", schemas.toArray());
            ps.setArray(1, names);
            ps.setString(2, history.schema());
            ps.setString(3, history.name());
            ps.setArray(4, names);
            ps.setArray(5, names);
            ps.setArray(6, connection.createArrayOf("text", declared.extensions().stream().map(dev.shale.model.Extension::name).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw catalogNotRead(schemas, e);
        }
    }

    private static WorkflowException catalogNotRead(Set<String> schemas, SQLException e) {
        return new WorkflowException(Reason.CATALOG_NOT_READ, String.join(", ", schemas), "could not read the database's schema ("
                + String.join(", ", schemas) + "): " + e.getMessage()
                + ". Check that the user may read the catalog (pg_catalog) of these schemas", e);
    }

    /** {@code live} with only what {@code filter} looks at (extensions in other schemas left out). */
    static Read filtered(Read live, SchemaFilter filter) {
        return filter.isAll() ? live : live.withModel(filter.apply(live.model()));
    }

    /**
     * {@code live} as compared with code (see {@link Introspector#asDeclared}), the privileges on schemas the
     * code does not declare named among what is not managed.
     */
    static Read onlyDeclared(Read live, SchemaModel declared) {
        SchemaModel model = Introspector.asDeclared(live.model(), live.clusterRoles(), live.byDefault(), declared);
        java.util.Set<dev.shale.model.Grant> kept = new java.util.HashSet<>(model.grants());
        List<String> notManaged = new java.util.ArrayList<>(live.notManaged());
        for (dev.shale.model.Grant g : live.model().grants()) {
            // the default privileges themselves are named already ("default privileges of ..."), not each grant they gave
            if (!kept.contains(g) && !live.byDefault().contains(g)) {
                notManaged.add("privilege " + g.privilege() + " on " + g.on().name().toLowerCase(Locale.ROOT) + " "
                        + (g.on() == dev.shale.model.Grant.On.SCHEMA ? g.object().schema() : g.object().display())
                        + (g.column() == null ? "" : " (" + g.column() + ")") + " to " + g.grantee()
                        + " (on a schema the code does not declare)");
            }
        }
        return new Read(model, notManaged.stream().sorted().toList(), live.clusterRoles(), live.byDefault());
    }

    /** {@code declared} as this database would store it (expressions deparsed the way PostgreSQL writes them). */
    public static SchemaModel canonical(SchemaModel declared, Connection connection) {
        return canonical(declared, connection, CanonicalForms.NONE);
    }

    /**
     * {@code declared} as this database would store it, read from the project's cache of canonical forms
     * when unchanged code was compared with this database before.
     */
    static SchemaModel canonical(Project project, SchemaModel declared, Connection connection) {
        return canonical(declared, connection, CanonicalCache.of(project));
    }

    private static SchemaModel canonical(SchemaModel declared, Connection connection, CanonicalForms forms) {
        try {
            return Canonicalizer.canonical(declared, connection, forms);
        } catch (SQLException e) {
            throw new WorkflowException(Reason.NOT_CANONICAL, null, "could not normalise the declared schema on the database"
                    + " (its objects are created in a transaction that is rolled back): " + e.getMessage(), e);
        }
    }

    /** The schemas a comparison with {@code model} reads: the model's own, plus {@code public}. */
    public static Set<String> schemasOf(SchemaModel model) {
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
            throw new WorkflowException(Reason.CATALOG_NOT_READ, null, "could not list the database's schemas: " + e.getMessage(), e);
        }
        return names;
    }
}
