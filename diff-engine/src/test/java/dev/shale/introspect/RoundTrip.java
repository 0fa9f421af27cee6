package dev.shale.introspect;

import dev.shale.diff.DiffStep;
import dev.shale.diff.Differ;
import dev.shale.diff.RenameDecisions;
import dev.shale.model.SchemaModel;
import dev.shale.render.PostgresRenderer;
import dev.shale.render.Statement;
import dev.shale.testing.TestDatabase;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Builds a database from a model's migrations and checks it introspects equal to the model's canonical form. */
final class RoundTrip {
    private RoundTrip() {}

    /** Applies Differ.plan(EMPTY, model) the way migrations run: each step in its own transaction. */
    static void migrate(TestDatabase db, SchemaModel model) throws SQLException {
        PostgresRenderer renderer = new PostgresRenderer();
        for (DiffStep step : Differ.plan(SchemaModel.EMPTY, model, RenameDecisions.NONE)) {
            db.executeInTransaction(renderer.render(step.changes()).stream().map(Statement::sql)
                    .collect(Collectors.joining("\n")));
        }
    }

    /**
     * The property: the migrated database introspects equal to the canonical form of the model (enums
     * and tables, column order included), no plan lies between them, and the canonicalizer left nothing behind.
     *
     * @return the introspected model, for further assertions
     */
    static SchemaModel assertCanonicalEqualsIntrospected(TestDatabase db, SchemaModel model) throws SQLException {
        try (Connection c = db.connect()) {
            // as the workflows do, public is read too: an extension named without a schema goes there
            java.util.Set<String> schemas = new java.util.TreeSet<>(model.schemas());
            if (!model.extensions().isEmpty()) {
                schemas.add("public");
            }
            Introspector.Introspection read = Introspector.read(c, schemas);
            SchemaModel introspected = DeclaredRoles.only(DeclaredExtensions.only(read.model(), model), read.clusterRoles(), model);
            SchemaModel canonical = Canonicalizer.canonical(model, c);
            assertEquals(canonical.enums(), introspected.enums());
            assertEquals(canonical.tables(), introspected.tables());
            assertEquals(canonical.domains(), introspected.domains());
            assertEquals(canonical.compositeTypes(), introspected.compositeTypes());
            assertEquals(canonical.routines(), introspected.routines());
            assertEquals(canonical.triggers(), introspected.triggers());
            assertEquals(canonical.policies(), introspected.policies());
            assertEquals(canonical.grants(), introspected.grants());
            assertEquals(canonical.roles(), introspected.roles());
            assertEquals(List.of(), Differ.plan(introspected, canonical, RenameDecisions.NONE));
            assertEquals(List.of(), Differ.plan(canonical, introspected, RenameDecisions.NONE));
            assertEquals(List.of(), db.strings("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'shale\\_canon%'"));
            assertEquals(true, c.getAutoCommit());
            // Idempotent: the introspected model (whose expressions qualify types, 'a'::public.role)
            // is its own canonical form, so pulled code pushes as a no-op.
            SchemaModel again = Canonicalizer.canonical(introspected, c);
            assertEquals(introspected.enums(), again.enums());
            assertEquals(introspected.tables(), again.tables());
            assertEquals(introspected.routines(), again.routines());
            assertEquals(introspected.triggers(), again.triggers());
            return introspected;
        }
    }
}
