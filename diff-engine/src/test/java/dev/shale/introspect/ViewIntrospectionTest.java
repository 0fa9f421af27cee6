package dev.shale.introspect;

import dev.shale.change.Change;
import dev.shale.change.DropView;
import dev.shale.diff.DiffStep;
import dev.shale.diff.Differ;
import dev.shale.diff.RenameDecisions;
import dev.shale.model.QualifiedName;
import dev.shale.model.SchemaModel;
import dev.shale.model.View;
import dev.shale.render.PostgresRenderer;
import dev.shale.render.Statement;
import dev.shale.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.shale.testing.Models.NOT_NULL;
import static dev.shale.testing.Models.index;
import static dev.shale.testing.Models.schema;
import static dev.shale.testing.Models.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Views read back from PostgreSQL: options, columns, a materialized view's indexes and WITH NO DATA,
 * comments; and compared by meaning, so a query written in another spelling is not a change.
 */
class ViewIntrospectionTest {

    private static SchemaModel declared(String activeQuery) {
        return schema(table("items").col("id", "integer").pk("id").col("name", "text", NOT_NULL).col("price", "integer"),
                View.of(QualifiedName.of("active_items"), activeQuery).withSecurityBarrier(true)
                        .withCheckOption(View.CheckOption.LOCAL).withComment("priced items"),
                View.of(QualifiedName.of("cheap_items"), "select id from active_items where price < 10")
                        .withColumns(List.of(new View.Column("item_id", null))),
                View.materialized(QualifiedName.of("item_counts"), "select name, count(*) as n from items group by name")
                        .withData(false).withStorage(Map.of("fillfactor", "90"))
                        .withIndexes(List.of(index("item_counts_name_idx", "name").withComment("by name")))
                        .withComment("counts"));
    }

    private static final String DECLARED_QUERY = "select id, name, price from items where price is not null";

    @Test
    void viewsReadBackAsDeclaredAndAReformattedQueryIsNoChange() throws SQLException {
        try (TestDatabase db = TestDatabase.create(); Connection c = db.connect()) {
            apply(c, Differ.plan(SchemaModel.EMPTY, declared(DECLARED_QUERY), RenameDecisions.NONE));
            Introspector.Introspection read = Introspector.read(c, Set.of("public"));
            assertEquals(List.of(), read.notManaged());
            SchemaModel live = read.model();
            View counts = live.view(QualifiedName.of("item_counts"));
            assertTrue(counts.materialized() && !counts.withData(), counts.toString());
            assertEquals(Map.of("fillfactor", "90"), counts.storage());
            assertEquals("by name", counts.index("item_counts_name_idx").comment());
            assertEquals("counts", counts.comment());
            View active = live.view(QualifiedName.of("active_items"));
            assertEquals(View.CheckOption.LOCAL, active.checkOption());
            assertTrue(active.securityBarrier());
            assertEquals(List.of(new View.Column("id", "integer"), new View.Column("name", "text"),
                    new View.Column("price", "integer")), active.columns());
            assertEquals(List.of("item_id"), live.view(QualifiedName.of("cheap_items")).columnNames());

            String reformatted = "SELECT items.id,\n       items.name,\n       items.price\n  FROM public.items\n WHERE (items.price IS NOT NULL);";
            SchemaModel canonical = Canonicalizer.canonical(declared(reformatted), c);
            assertEquals(live.views(), canonical.views());
            assertEquals(List.of(), Differ.plan(live, canonical, RenameDecisions.NONE));
            assertNotEquals(declared(DECLARED_QUERY).views(), live.views(), "the declared spelling differs before canonicalization");
        }
    }

    @Test
    void aChangedQueryStillShowsAndIsReplacedInPlace() throws SQLException {
        try (TestDatabase db = TestDatabase.create(); Connection c = db.connect()) {
            apply(c, Differ.plan(SchemaModel.EMPTY, declared(DECLARED_QUERY), RenameDecisions.NONE));
            SchemaModel live = Introspector.read(c, Set.of("public")).model();
            SchemaModel canonical = Canonicalizer.canonical(declared("select id, name, price from items where price > 0"), c);
            List<DiffStep> plan = Differ.plan(live, canonical, RenameDecisions.NONE);
            List<Change> changes = plan.stream().flatMap(s -> s.changes().stream()).toList();
            assertTrue(changes.stream().anyMatch(dev.shale.change.ReplaceView.class::isInstance), changes.toString());
            assertTrue(changes.stream().noneMatch(DropView.class::isInstance), "the types are known, so it is replaced: " + changes);
            apply(c, plan);
            assertEquals(List.of(), Differ.plan(Introspector.read(c, Set.of("public")).model(), canonical, RenameDecisions.NONE));
        }
    }

    private static void apply(Connection c, List<DiffStep> plan) throws SQLException {
        PostgresRenderer renderer = new PostgresRenderer();
        try (java.sql.Statement st = c.createStatement()) {
            for (DiffStep step : plan) {
                for (Statement s : renderer.render(step.changes())) {
                    st.execute(s.sql());
                }
            }
        }
    }
}
