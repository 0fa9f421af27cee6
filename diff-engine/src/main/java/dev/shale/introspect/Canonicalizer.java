package dev.shale.introspect;

import dev.shale.diff.DiffStep;
import dev.shale.diff.Differ;
import dev.shale.diff.RenameDecisions;
import dev.shale.model.SchemaModel;
import dev.shale.model.Table;
import dev.shale.render.PostgresRenderer;
import dev.shale.render.Statement;
import dev.shale.snapshot.SnapshotJson;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Puts a declared model into the form introspection reads back, by letting PostgreSQL itself normalise
 * it: the declared objects are created inside a transaction that is always rolled back, read with
 * {@link Introspector}, and their names mapped back. What PostgreSQL stores exactly as declared (plain
 * foreign keys and plain-column btree indexes of ordinary tables, {@link VerbatimParts}) is set aside
 * and put back unchanged instead of being created. Then a declared model and a live database compare
 * by meaning, not spelling.
 *
 * <p>So as never to collide with what the database already holds, every declared schema is created
 * under a temporary name ({@code shale_canon_<random>_<n>}); foreign keys to external tables keep
 * pointing at the real tables, which must therefore exist in the database. Unqualified names in
 * expressions resolve through a search path with the temporary names in place of the declared ones,
 * and schema qualifiers in expressions ({@code 'a'::public.role}) are rewritten to the temporary names
 * and back. The real schemas follow the temporary ones on the path, so an unqualified name of an
 * object the model does not create (a column type known by name, such as {@code citext} in
 * {@code public}) still resolves as it would in a migration. Extensions are created in the real
 * schemas (an extension named without one in the caller's current schema) and read back with the
 * version and schema they have, so a model that pins neither compares equal to what is installed.
 * Limitation: names inside string literals (a regclass other than {@code nextval('schema.seq')} of a
 * sequence the model declares) and dollar-quoted expressions are not rewritten, so they refer to the
 * real schema.
 */
public final class Canonicalizer {
    private Canonicalizer() {}

    /** {@code declared} as PostgreSQL would store it; nothing is left behind in the database. */
    public static SchemaModel canonical(SchemaModel declared, Connection scratch) throws SQLException {
        return canonical(declared, scratch, CanonicalForms.NONE);
    }

    /**
     * {@code declared} as PostgreSQL would store it, taken from {@code forms} when it was computed before
     * under the same {@link #key} and kept there when it is computed now.
     */
    public static SchemaModel canonical(SchemaModel declared, Connection scratch, CanonicalForms forms) throws SQLException {
        for (Table external : declared.externalTables()) {
            if (!exists(scratch, external)) {
                throw new SQLException("cannot put the schema in canonical form: the external table "
                        + external.name().display() + " does not exist in the database used for it, so foreign"
                        + " keys to it cannot be created; create it there first (it is owned outside the project)");
            }
        }
        DeclaredRoles.requireExternal(declared, scratch);
        String token = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        Map<String, String> forward = new LinkedHashMap<>();
        Map<String, String> reverse = new HashMap<>();
        int n = 0;
        for (String schema : declared.schemas()) {
            String temp = "shale_canon_" + token + "_" + n++;
            forward.put(schema, temp);
            reverse.put(temp, schema);
        }
        if (forward.isEmpty() && declared.extensions().isEmpty()) {
            return SchemaModel.EMPTY.toBuilder().externalTables(declared.externalTables()).grants(declared.grants())
                    .roles(declared.roles()).build();
        }
        String key = forms == CanonicalForms.NONE ? null : key(declared, scratch);
        if (key != null) {
            Optional<SchemaModel> kept = forms.find(key);
            if (kept.isPresent()) {
                return kept.get();
            }
        }
        SchemaModel computed = computed(declared, scratch, forward, reverse);
        if (key != null) {
            forms.keep(key, computed);
        }
        return computed;
    }

    private static SchemaModel computed(SchemaModel declared, Connection scratch, Map<String, String> forward,
                                        Map<String, String> reverse) throws SQLException {
        // Grants need no normalising (and a function they name may live outside the moved schemas): they are
        // set aside and given back as declared, with the roles.
        VerbatimParts parts = VerbatimParts.of(declared.withGrants(List.of()));
        SchemaModel moved = new SchemaRenaming(forward).apply(parts.rest(), forward, declared.externalTables());
        moved = moved.withExtensions(ExtensionsInPlace.withSchemas(scratch, moved.extensions()));

        boolean autoCommit = scratch.getAutoCommit();
        Savepoint savepoint = null;
        if (autoCommit) {
            scratch.setAutoCommit(false);
        } else {
            savepoint = scratch.setSavepoint();
        }
        try {
            searchPath(scratch, forward);
            try (java.sql.Statement st = scratch.createStatement()) {
                for (String temp : forward.values()) {
                    st.execute("CREATE SCHEMA \"" + temp + "\"");
                }
                // One exchange: the driver sends the statements back to back and reads the answers once, where a
                // round trip each was a third of the time at N = 1,000 tables (the server's first error is thrown).
                PostgresRenderer renderer = new PostgresRenderer();
                StringBuilder script = new StringBuilder();
                for (DiffStep step : Differ.plan(SchemaModel.EMPTY, moved, RenameDecisions.NONE)) {
                    for (Statement s : renderer.render(step.changes())) {
                        script.append(s.sql()).append('\n');
                    }
                }
                if (!script.isEmpty()) {
                    st.execute(script.toString());
                }
            }
            SchemaModel read = Introspector.read(scratch, java.util.Set.copyOf(forward.values())).model();
            Map<String, String> quoted = quoted(scratch, forward.keySet());
            Map<String, String> qualifiers = new HashMap<>();
            reverse.forEach((temp, real) -> qualifiers.put(temp, quoted.get(real)));
            return parts.restore(new SchemaRenaming(reverse).apply(read, qualifiers, declared.externalTables()))
                    .withExtensions(ExtensionsInPlace.installed(scratch, declared.extensions()))
                    .toBuilder().grants(declared.grants()).roles(declared.roles()).build();
        } finally {
            if (savepoint == null) {
                scratch.rollback();
                scratch.setAutoCommit(true);
            } else {
                scratch.rollback(savepoint);
                scratch.releaseSavepoint(savepoint);
            }
        }
    }

    /**
     * What the canonical form of {@code declared} on this database depends on, as a SHA-256 in hex: this
     * build of Shale, the declared model, and, in one query, the server's version, the search path and
     * current schema, the installed extensions, the names of the types (but a table's row type, and arrays) outside
     * PostgreSQL's schemas (a type known by name, even in a declared schema), and the names of the relations
     * and routines outside the declared schemas too (an external table, a function a policy calls). Nothing
     * else changes what PostgreSQL's deparsing writes for the declared objects.
     */
    public static String key(SchemaModel declared, Connection c) throws SQLException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
        Consumer<String> add = text -> {
            sha.update(String.valueOf(text).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
        };
        add.accept("shale canonical form 1");
        add.accept(BUILD);
        add.accept(SnapshotJson.idFor("", declared));
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT current_setting('server_version_num'), current_schemas(true)::text, current_schema(),
                  (SELECT string_agg(e.extname || ' ' || e.extversion || ' ' || n.nspname, ',' ORDER BY e.extname)
                     FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace),
                  (SELECT md5(string_agg(o, ',' ORDER BY o)) FROM (
                     SELECT 't ' || n.nspname || '.' || t.typname || ' ' || t.typtype::text AS o FROM pg_catalog.pg_type t
                       JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
                       WHERE NOT n.nspname = ANY ((?::text[])[1:3]) AND (t.typrelid = 0 AND t.typcategory <> 'A' OR NOT n.nspname = ANY (?))
                     UNION ALL SELECT 'r ' || n.nspname || '.' || k.relname || ' ' || k.relkind::text FROM pg_catalog.pg_class k
                       JOIN pg_catalog.pg_namespace n ON n.oid = k.relnamespace WHERE NOT n.nspname = ANY (?)
                     UNION ALL SELECT 'f ' || n.nspname || '.' || p.proname || '(' || p.proargtypes::text || ')'
                       FROM pg_catalog.pg_proc p
                       JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE NOT n.nspname = ANY (?)) x)
                """)) {
            List<String> skipped = new ArrayList<>(List.of("pg_catalog", "information_schema", "pg_toast"));
            skipped.addAll(declared.schemas());
            java.sql.Array array = c.createArrayOf("text", skipped.toArray());
            for (int i = 1; i <= 4; i++) {
                ps.setArray(i, array);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                for (int i = 1; i <= 5; i++) {
                    add.accept(rs.getString(i));
                }
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /**
     * This build of Shale, as far as its class files tell: where the introspection code was loaded from,
     * and when and how large that was written, so that a rebuilt Shale, whose canonical forms may differ,
     * never reads an older one's.
     */
    private static final String BUILD = build();

    private static String build() {
        try {
            Path where = Path.of(Canonicalizer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path self = Files.isDirectory(where) ? where.resolve(Canonicalizer.class.getName().replace('.', '/') + ".class") : where;
            return where + " " + Files.getLastModifiedTime(self).toMillis() + " " + Files.size(self);
        } catch (RuntimeException | URISyntaxException | IOException e) {
            // an origin we cannot read: a key of its own each run, so nothing kept is ever read back
            return UUID.randomUUID().toString();
        }
    }

    private static boolean exists(Connection c, Table table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_class k JOIN pg_namespace n ON n.oid = k.relnamespace"
                + " WHERE n.nspname = ? AND k.relname = ?")) {
            ps.setString(1, table.name().schema());
            ps.setString(2, table.name().name());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The caller's search path, declared schemas replaced by their temporary names, for this transaction only. */
    private static void searchPath(Connection c, Map<String, String> forward) throws SQLException {
        List<String> path = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT unnest(current_schemas(false))");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                path.add(rs.getString(1));
            }
        }
        List<String> mapped = new ArrayList<>();
        for (String schema : path) {
            mapped.add(forward.getOrDefault(schema, schema));
        }
        if (!mapped.contains(forward.getOrDefault("public", "public"))) {
            mapped.add(forward.getOrDefault("public", "public"));
        }
        // The real schemas come last, so that a type known by name (citext in public) resolves as in a migration.
        for (String schema : path) {
            if (forward.containsKey(schema)) {
                mapped.add(schema);
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT set_config('search_path', (SELECT string_agg(quote_ident(s), ', ' ORDER BY o)"
                        + " FROM unnest(?::text[]) WITH ORDINALITY u(s, o)), true)")) {
            ps.setArray(1, c.createArrayOf("text", mapped.toArray()));
            ps.executeQuery().close();
        }
    }

    /** Each name as PostgreSQL's {@code quote_ident} writes it. */
    private static Map<String, String> quoted(Connection c, java.util.Set<String> names) throws SQLException {
        Map<String, String> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT s, quote_ident(s) FROM unnest(?::text[]) u(s)")) {
            ps.setArray(1, c.createArrayOf("text", names.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return out;
    }
}
