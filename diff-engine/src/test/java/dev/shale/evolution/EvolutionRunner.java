package dev.shale.evolution;

import dev.shale.testing.CatalogFingerprint;
import dev.shale.change.AddColumn;
import dev.shale.change.AddConstraint;
import dev.shale.change.AlterColumn;
import dev.shale.change.Change;
import dev.shale.change.CreateIndex;
import dev.shale.change.CreateTable;
import dev.shale.change.DropColumn;
import dev.shale.change.DropConstraint;
import dev.shale.change.DropIndex;
import dev.shale.change.DropTable;
import dev.shale.change.RenameColumn;
import dev.shale.change.RenameConstraint;
import dev.shale.change.RenameIndex;
import dev.shale.change.RenameTable;
import dev.shale.diff.DiffStep;
import dev.shale.diff.Differ;
import dev.shale.diff.Hazard;
import dev.shale.diff.Hazards;
import dev.shale.diff.RenameDecisions;
import dev.shale.model.QualifiedName;
import dev.shale.model.SchemaModel;
import dev.shale.render.PostgresRenderer;
import dev.shale.render.Statement;
import dev.shale.testing.TestDatabase;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs one {@link Evolution} against real PostgreSQL: builds A in a fresh database from
 * {@code plan(EMPTY -> A)}, seeds it, applies {@code plan(A -> B)} a step per transaction, then
 * checks that the rows survived, that a second database built straight from B has the same catalog
 * fingerprint, and that the plan holds the change kinds and hazards the case names.
 */
final class EvolutionRunner {
    private EvolutionRunner() {}

    static void run(Evolution e) throws SQLException {
        List<DiffStep> toA = Differ.plan(SchemaModel.EMPTY, e.from(), RenameDecisions.NONE);
        List<DiffStep> toB = Differ.plan(e.from(), e.to(), e.decisions(), e.conversions());
        List<DiffStep> direct = Differ.plan(SchemaModel.EMPTY, e.to(), RenameDecisions.NONE);
        String script = script(toB);
        String context = "\n-- case: " + e.name() + "\n-- A -> B migration:\n" + script;
        assertFalse(toB.isEmpty(), "A and B differ, so the plan must not be empty" + context);
        assertEquals(script, script(Differ.plan(e.from(), e.to(), e.decisions(), e.conversions())), "the same diff twice must render the same SQL");

        try (TestDatabase evolved = TestDatabase.create(); TestDatabase fresh = TestDatabase.create()) {
            if (e.setup() != null) {
                evolved.execute(e.setup());
                fresh.execute(e.setup());
            }
            apply(evolved, toA, "EMPTY -> A", context);
            if (e.seed() != null) {
                evolved.execute(e.seed());
            }
            apply(evolved, toB, "A -> B", context);
            for (Evolution.Survivor s : e.survivors()) {
                assertEquals(s.rows(), evolved.strings(s.query()), "rows after the migration of " + s.query() + context);
            }
            apply(fresh, direct, "EMPTY -> B", context);
            assertEquals(CatalogFingerprint.of(fresh), CatalogFingerprint.of(evolved),
                    "the evolved database (right) differs from one built from B directly (left)" + context);
        }

        List<Change> changes = toB.stream().flatMap(s -> s.changes().stream()).toList();
        List<String> kinds = changes.stream().map(c -> c.getClass().getSimpleName()).toList();
        for (Class<? extends Change> k : e.expected()) {
            assertTrue(changes.stream().anyMatch(k::isInstance), "expected a " + k.getSimpleName() + " among " + kinds + context);
        }
        for (Class<? extends Change> k : e.forbidden()) {
            assertTrue(changes.stream().noneMatch(k::isInstance), "expected no " + k.getSimpleName() + " among " + kinds + context);
        }
        if (e.steps() > 0) {
            assertEquals(e.steps(), toB.size(), "number of A -> B steps" + context);
        }
        assertEquals(e.to(), toB.get(toB.size() - 1).after(), "the last step's model must be B" + context);
        assertEquals(List.of(), Differ.plan(e.to(), e.to(), RenameDecisions.NONE), "plan(B -> B) must be empty");
        if (e.dataLoss() != null) {
            List<Hazard> losses = Hazards.of(changes).stream().filter(h -> h.kind() == Hazard.Kind.DATA_LOSS).toList();
            assertEquals(e.dataLoss(), !losses.isEmpty(), "data-loss hazards: " + losses + context);
        }
        for (QualifiedName t : e.untouched()) {
            for (List<DiffStep> plan : List.of(toA, toB, direct)) {
                for (DiffStep step : plan) {
                    for (Change c : step.changes()) {
                        assertNotEquals(t, tableOf(c), "no change may touch " + t.display() + ", but got " + c + context);
                    }
                }
            }
        }
    }

    /** Applies each step in its own transaction, a statement at a time, so a failure names its statement. */
    static void apply(TestDatabase db, List<DiffStep> plan, String what, String context) throws SQLException {
        PostgresRenderer renderer = new PostgresRenderer();
        for (int i = 0; i < plan.size(); i++) {
            List<Statement> statements = renderer.render(plan.get(i).changes());
            try (Connection c = db.connect()) {
                c.setAutoCommit(false);
                for (Statement s : statements) {
                    try (java.sql.Statement st = c.createStatement()) {
                        st.execute(s.sql());
                    } catch (SQLException ex) {
                        c.rollback();
                        fail(what + ", step " + (i + 1) + " of " + plan.size() + " failed on\n" + s.sql()
                                + "\nPostgreSQL said: " + ex.getMessage() + context, ex);
                    }
                }
                c.commit();
            }
        }
    }

    /** The plan's SQL as a reviewer would read it: steps separated, each statement under its comment. */
    static String script(List<DiffStep> plan) {
        PostgresRenderer renderer = new PostgresRenderer();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < plan.size(); i++) {
            out.append("-- step ").append(i + 1).append('\n');
            for (Statement s : renderer.render(plan.get(i).changes())) {
                out.append("-- ").append(s.comment()).append('\n').append(s.sql()).append('\n');
            }
        }
        return out.toString();
    }

    /** The table a change creates, alters or drops, or null for enum and schema changes. */
    static QualifiedName tableOf(Change c) {
        if (c instanceof CreateTable x) {
            return x.table().name();
        } else if (c instanceof DropTable x) {
            return x.table().name();
        } else if (c instanceof RenameTable x) {
            return x.from();
        } else if (c instanceof AddColumn x) {
            return x.table();
        } else if (c instanceof DropColumn x) {
            return x.table();
        } else if (c instanceof RenameColumn x) {
            return x.table();
        } else if (c instanceof AlterColumn x) {
            return x.table();
        } else if (c instanceof AddConstraint x) {
            return x.table();
        } else if (c instanceof DropConstraint x) {
            return x.table();
        } else if (c instanceof CreateIndex x) {
            return x.table();
        } else if (c instanceof DropIndex x) {
            return x.table();
        } else if (c instanceof RenameConstraint x) {
            return x.table();
        } else if (c instanceof RenameIndex x) {
            return x.table();
        } else if (c instanceof dev.shale.change.AlterForeignKey x) {
            return x.table();
        } else if (c instanceof dev.shale.change.ValidateConstraint x) {
            return x.table();
        } else if (c instanceof dev.shale.change.AlterStorage x) {
            return x.table();
        } else if (c instanceof dev.shale.change.SetLogged x) {
            return x.table();
        } else if (c instanceof dev.shale.change.SetReplicaIdentity x) {
            return x.table();
        } else if (c instanceof dev.shale.change.SetComment x) {
            return x.target().name();
        }
        return null;
    }
}
