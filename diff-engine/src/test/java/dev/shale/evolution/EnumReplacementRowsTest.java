package dev.shale.evolution;

import dev.shale.diff.DiffStep;
import dev.shale.diff.Differ;
import dev.shale.diff.Hazard;
import dev.shale.diff.Hazards;
import dev.shale.diff.RenameDecisions;
import dev.shale.model.SchemaModel;
import dev.shale.render.PostgresRenderer;
import dev.shale.render.Statement;
import dev.shale.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import static dev.shale.testing.Models.NOT_NULL;
import static dev.shale.testing.Models.enumOf;
import static dev.shale.testing.Models.key;
import static dev.shale.testing.Models.schema;
import static dev.shale.testing.Models.str;
import static dev.shale.testing.Models.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Removing an enum value that rows still hold: the plan warns of data loss naming the value and the
 * columns, and applying it fails with PostgreSQL's own message naming the value, leaving the database
 * (one transaction) as it was.
 */
class EnumReplacementRowsTest {
    static final SchemaModel A = schema(enumOf("status", "open", "archived", "closed"), table("tickets")
            .col("id", "integer").pk("id").col("status", "enum:public.status", NOT_NULL, str("open"))
            .index("tickets_status_idx", key("status")));
    static final SchemaModel B = schema(enumOf("status", "open", "closed"), table("tickets")
            .col("id", "integer").pk("id").col("status", "enum:public.status", NOT_NULL, str("open"))
            .index("tickets_status_idx", key("status")));

    @Test
    void rowsHoldingARemovedValueMakeTheMigrationFailAndChangeNothing() throws SQLException {
        List<DiffStep> plan = Differ.plan(A, B, RenameDecisions.NONE);
        List<Hazard> loss = Hazards.of(plan.get(0).changes()).stream().filter(h -> h.kind() == Hazard.Kind.DATA_LOSS).toList();
        assertEquals(1, loss.size(), loss.toString());
        assertTrue(loss.get(0).message().contains("'archived'") && loss.get(0).message().contains("\"public\".\"tickets\".\"status\"")
                && loss.get(0).message().contains("update those rows first"), loss.get(0).message());
        try (TestDatabase db = TestDatabase.create()) {
            EvolutionRunner.apply(db, Differ.plan(SchemaModel.EMPTY, A, RenameDecisions.NONE), "EMPTY -> A", "");
            db.execute("INSERT INTO public.tickets (id, status) VALUES (1, 'open'), (2, 'archived')");
            String before = dev.shale.testing.CatalogFingerprint.of(db);
            SQLException e = assertThrows(SQLException.class, () -> applyInOneTransaction(db, plan));
            assertTrue(e.getMessage().contains("invalid input value for enum") && e.getMessage().contains("\"archived\""), e.getMessage());
            assertEquals(before, dev.shale.testing.CatalogFingerprint.of(db), "rolled back: the database is as it was");
            assertEquals(List.of("open", "archived"), db.strings("SELECT status::text FROM public.tickets ORDER BY id"));

            db.execute("UPDATE public.tickets SET status = 'closed' WHERE status = 'archived'");
            applyInOneTransaction(db, plan);
            assertEquals(List.of("open", "closed"), db.strings("SELECT status::text FROM public.tickets ORDER BY id"));
            assertEquals(List.of("open,closed"), db.strings("SELECT string_agg(v::text, ',' ORDER BY v) FROM"
                    + " unnest(enum_range(NULL::public.status)) v"));
        }
    }

    private static void applyInOneTransaction(TestDatabase db, List<DiffStep> plan) throws SQLException {
        PostgresRenderer renderer = new PostgresRenderer();
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (java.sql.Statement st = c.createStatement()) {
                for (DiffStep step : plan) {
                    for (Statement s : renderer.render(step.changes())) {
                        st.execute(s.sql());
                    }
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
    }
}
