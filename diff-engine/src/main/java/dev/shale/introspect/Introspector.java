package dev.shale.introspect;

import dev.shale.model.SchemaModel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

/**
 * Reads a live PostgreSQL database into the schema model the DSL builds, in a fixed number of catalog
 * queries whatever the number of tables: one each for enums, tables with their columns, constraints,
 * indexes, views and materialized views, the options of tables, constraints and indexes, exclusion constraints,
 * schemas with extensions, standalone sequences, comments, routines (functions, procedures, aggregates), triggers,
 * policies with row-level security, privileges, roles and the objects the model cannot express, plus two that switch the search path to
 * {@code pg_catalog} and back (so deparsed expressions qualify user types the same way every time).
 */
public final class Introspector {
    private Introspector() {}

    /**
     * The owned objects of {@code schemas} (tables, enums, constraints, indexes), plus, as external
     * tables, tables of other schemas that their foreign keys reference (with the referenced columns).
     * Expressions (defaults, checks, index predicates and expressions) are PostgreSQL's own deparsed text.
     */
    public static Introspection read(Connection connection, Set<String> schemas) throws SQLException {
        var schemaArray = connection.createArrayOf("text", schemas.stream().sorted().toArray());
        int queries = 0;
        String previousPath;
        String previousJit;
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(CatalogQueries.SWITCH_PATH)) {
            queries++;
            rs.next();
            previousPath = rs.getString(1);
            previousJit = rs.getString(2);
        }
        ModelAssembler assembler = new ModelAssembler(schemas);
        SQLException failure = null;
        try {
            try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(CatalogQueries.ENUMS)) {
                queries++;
                assembler.enums(rs);
            }
            try (PreparedStatement ps = prepare(connection, CatalogQueries.DOMAINS, schemaArray, 1);
                 ResultSet rs = ps.executeQuery()) {
                queries++;
                assembler.types().domains(rs);
            }
            try (PreparedStatement ps = prepare(connection, CatalogQueries.COMPOSITES, schemaArray, 1);
                 ResultSet rs = ps.executeQuery()) {
                queries++;
                assembler.types().composites(rs);
            }
            try (PreparedStatement ps = prepare(connection, CatalogQueries.COLUMNS, schemaArray, 1);
                 ResultSet rs = ps.executeQuery()) {
                queries++;
                assembler.columns(rs);
            }
            try (PreparedStatement ps = prepare(connection, CatalogQueries.VIEWS, schemaArray, 1);
                 ResultSet rs = ps.executeQuery()) {
                queries++;
                assembler.views(rs);
            }
            try (PreparedStatement ps = prepare(connection, CatalogQueries.COLUMN_FEATURES, schemaArray, 1);
                 ResultSet rs = ps.executeQuery()) {
                queries++;
                assembler.columnFeatures(rs);
            }
            try (PreparedStatement ps = prepare(connection, CatalogQueries.PARTITIONS, schemaArray, 1);
                 ResultSet rs = ps.executeQuery()) {
                queries++;
                assembler.partitions(rs);
            }
            try (PreparedStatement ps = prepare(connection, CatalogQueries.CONSTRAINTS, schemaArray, 1);
                 ResultSet rs = ps.executeQuery()) {
                queries++;
                assembler.constraints(rs);
            }
            try (PreparedStatement ps = prepare(connection, CatalogQueries.INDEXES, schemaArray, 1);
                 ResultSet rs = ps.executeQuery()) {
                queries++;
                assembler.indexes(rs);
            }
            try (PreparedStatement ps = prepare(connection, CatalogQueries.TABLE_OPTIONS, schemaArray, 1);
                 ResultSet rs = ps.executeQuery()) {
                queries++;
                assembler.options().tableOptions(rs);
            }
            try (PreparedStatement ps = prepare(connection, CatalogQueries.CONSTRAINT_OPTIONS, schemaArray, 1);
                 ResultSet rs = ps.executeQuery()) {
                queries++;
                assembler.options().constraintOptions(rs);
            }
            try (PreparedStatement ps = prepare(connection, CatalogQueries.EXCLUSIONS, schemaArray, 1);
                 ResultSet rs = ps.executeQuery()) {
                queries++;
                assembler.options().exclusions(rs);
            }
            try (PreparedStatement ps = prepare(connection, CatalogQueries.INDEX_OPTIONS, schemaArray, 1);
                 ResultSet rs = ps.executeQuery()) {
                queries++;
                assembler.options().indexOptions(rs);
            }
            try (PreparedStatement ps = prepare(connection, CatalogQueries.OBJECTS, schemaArray,
                    CatalogQueries.OBJECTS_PARAMETERS); ResultSet rs = ps.executeQuery()) {
                queries++;
                assembler.objects(rs);
            }
            try (PreparedStatement ps = prepare(connection, CatalogQueries.SEQUENCES, schemaArray, 1);
                 ResultSet rs = ps.executeQuery()) {
                queries++;
                assembler.sequences(rs);
            }
            try (PreparedStatement ps = prepare(connection, CatalogQueries.COMMENTS, schemaArray,
                    CatalogQueries.COMMENTS_PARAMETERS); ResultSet rs = ps.executeQuery()) {
                queries++;
                assembler.comments(rs);
            }
            try (PreparedStatement ps = prepare(connection, CatalogQueries.ROUTINES, schemaArray, 1);
                 ResultSet rs = ps.executeQuery()) {
                queries++;
                assembler.routines().routines(rs);
            }
            try (PreparedStatement ps = prepare(connection, CatalogQueries.TRIGGERS, schemaArray, 1);
                 ResultSet rs = ps.executeQuery()) {
                queries++;
                assembler.routines().triggers(rs);
            }
            try (PreparedStatement ps = prepare(connection, CatalogQueries.POLICIES, schemaArray,
                    CatalogQueries.POLICIES_PARAMETERS); ResultSet rs = ps.executeQuery()) {
                queries++;
                assembler.access().policies(rs);
            }
            try (PreparedStatement ps = prepare(connection, CatalogQueries.PRIVILEGES, schemaArray,
                    CatalogQueries.PRIVILEGES_PARAMETERS); ResultSet rs = ps.executeQuery()) {
                queries++;
                assembler.access().privileges(rs);
            }
            try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(CatalogQueries.ROLES)) {
                queries++;
                assembler.access().roles(rs);
            }
            try (PreparedStatement ps = prepare(connection, CatalogQueries.NOT_MANAGED, schemaArray,
                    CatalogQueries.NOT_MANAGED_PARAMETERS); ResultSet rs = ps.executeQuery()) {
                queries++;
                while (rs.next()) {
                    assembler.notManaged(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            failure = e;
            throw e;
        } finally {
            try (PreparedStatement ps = connection.prepareStatement(CatalogQueries.RESTORE_PATH)) {
                ps.setString(1, previousPath);
                ps.setString(2, previousJit);
                ps.executeQuery().close();
                queries++;
            } catch (SQLException e) {
                if (failure == null) {
                    throw e;
                }
                failure.addSuppressed(e);
            }
        }
        SchemaModel model = assembler.model();
        return new Introspection(model, queries, assembler.notManaged(), assembler.access().clusterRoles(),
                assembler.access().byDefault());
    }

    private static PreparedStatement prepare(Connection connection, String sql, java.sql.Array schemas, int times)
            throws SQLException {
        PreparedStatement ps = connection.prepareStatement(sql);
        for (int i = 1; i <= times; i++) {
            ps.setArray(i, schemas);
        }
        return ps;
    }

    /**
     * The model and what reading it cost.
     *
     * @param model the schema as the database has it
     * @param queries how many catalog queries were sent (does not grow with the number of tables)
     * @param notManaged objects found that the model cannot express yet (a trigger on a view, a C function, foreign
     *                   tables, inherited tables...), as "kind schema.name", sorted
     * @param clusterRoles every role of the cluster but PostgreSQL's own, as if owned, with its attributes
     *                     (see {@link DeclaredRoles})
     * @param byDefault the grants of the model that default privileges account for (see {@link DefaultPrivileges})
     */
    public record Introspection(SchemaModel model, int queries, List<String> notManaged, List<dev.shale.model.Role> clusterRoles,
                                List<dev.shale.model.Grant> byDefault) {
        public Introspection(SchemaModel model, int queries, List<String> notManaged) {
            this(model, queries, notManaged, List.of(), List.of());
        }

        /** The model as a comparison with {@code declared} sees it (see {@link Introspector#asDeclared}). */
        public SchemaModel asDeclared(SchemaModel declared) {
            return Introspector.asDeclared(model, clusterRoles, byDefault, declared);
        }
    }

    /**
     * {@code live} as a comparison with the code {@code declared} sees it: only the extensions the code names
     * ({@link DeclaredExtensions}); the grants default privileges gave, and the grants on a schema the code
     * neither declares nor grants anything on (a platform's: Supabase grants USAGE on {@code public} to its
     * roles), only where declared ({@link DefaultPrivileges}); and the roles as the code has them
     * ({@link DeclaredRoles}).
     */
    public static SchemaModel asDeclared(SchemaModel live, List<dev.shale.model.Role> clusterRoles,
                                         List<dev.shale.model.Grant> byDefault, SchemaModel declared) {
        SchemaModel model = DeclaredExtensions.only(live, declared);
        model = DefaultPrivileges.only(model, byDefault, declared);
        return DeclaredRoles.only(model, clusterRoles, declared);
    }
}
