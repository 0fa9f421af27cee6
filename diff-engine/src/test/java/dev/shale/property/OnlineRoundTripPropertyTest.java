package dev.shale.property;

import dev.shale.diff.DiffStep;
import dev.shale.diff.Differ;
import dev.shale.diff.OnlineSteps;
import dev.shale.diff.RenameDecisions;
import dev.shale.introspect.Canonicalizer;
import dev.shale.introspect.Introspector;
import dev.shale.model.QualifiedName;
import dev.shale.model.SchemaModel;
import dev.shale.render.PostgresRenderer;
import dev.shale.testing.CatalogFingerprint;
import dev.shale.testing.RandomSchemas;
import dev.shale.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The round-trip property in online mode: for random schemas A and mutations B, the online form of
 * {@code plan(A, B)} ({@link OnlineSteps}) applied to a database built from A (transactional steps in a
 * transaction, the others a statement at a time in autocommit, as the migrator runs them) gives the catalog
 * of building B directly, and after every step the database is what that step's schema says (so every
 * snapshot of the chain generate writes is true). 12 cases (each step is introspected, which is slow) from the plain property's seed; more with
 * {@code -Dshale.online.cases=N}.
 */
class OnlineRoundTripPropertyTest {
    static final int CASES = Integer.getInteger("shale.online.cases", 12);

    @Test
    void evolvingAToBOnlineGivesTheCatalogOfBuildingBAndEveryStepItsSchema() throws Exception {
        List<String> failures = new ArrayList<>();
        try (TestDatabase evolvedDb = TestDatabase.create(); TestDatabase freshDb = TestDatabase.create();
             TestDatabase scratchDb = TestDatabase.create();
             Connection evolved = evolvedDb.connect(); Connection fresh = freshDb.connect(); Connection scratch = scratchDb.connect()) {
            for (int i = 0; i < CASES && failures.size() < RoundTripPropertyTest.MAX_REPORTED; i++) {
                long seed = RoundTripPropertyTest.SEED + i;
                String failure = runCase(seed, evolved, fresh, scratch);
                if (failure != null) {
                    failures.add(failure);
                }
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " failing case(s):\n\n" + String.join("\n\n", failures));
        }
    }

    private static String runCase(long seed, Connection evolved, Connection fresh, Connection scratch) {
        RandomSchemas g = new RandomSchemas(new Random(seed));
        SchemaModel a = g.schema();
        RandomMutations.Mutated m = RandomMutations.mutate(g, a);
        SchemaModel b = m.to();
        String context = "seed " + seed + "\nmutations: " + m.log();
        try {
            List<DiffStep> online = OnlineSteps.of(a, Differ.plan(a, b, RoundTripPropertyTest.decline(a, b, m.decisions())));
            context += "\nA -> B online:\n" + script(online);
            RoundTripPropertyTest.reset(evolved);
            RoundTripPropertyTest.reset(fresh);
            RoundTripPropertyTest.apply(evolved, Differ.plan(SchemaModel.EMPTY, a, RenameDecisions.NONE), "EMPTY -> A");
            Set<String> schemas = new TreeSet<>(a.schemas());
            schemas.addAll(b.schemas());
            schemas.add(QualifiedName.DEFAULT_SCHEMA);
            for (int i = 0; i < online.size(); i++) {
                DiffStep step = online.get(i);
                apply(evolved, step, "online step " + (i + 1));
                SchemaModel live = Introspector.read(evolved, schemas).model();
                List<DiffStep> rest = Differ.plan(live, Canonicalizer.canonical(step.after(), scratch), RenameDecisions.NONE);
                if (!rest.isEmpty()) {
                    throw new AssertionError("after online step " + (i + 1) + " the database is not that step's schema; a push"
                            + " would still do:\n" + RoundTripPropertyTest.script(rest));
                }
            }
            RoundTripPropertyTest.apply(fresh, Differ.plan(SchemaModel.EMPTY, b, RenameDecisions.NONE), "EMPTY -> B");
            String expected = CatalogFingerprint.of(fresh);
            String actual = CatalogFingerprint.of(evolved);
            if (!expected.equals(actual)) {
                throw new AssertionError("the evolved database differs from one built from B directly:\n"
                        + CatalogFingerprint.difference(expected, actual));
            }
            return null;
        } catch (AssertionError | RuntimeException | SQLException e) {
            return "FAILED " + context + "\n" + e.getMessage() + "\nA:\n" + RoundTripPropertyTest.json(a)
                    + "\nB:\n" + RoundTripPropertyTest.json(b);
        }
    }

    /** A transactional step in one transaction; a no-transaction step a statement at a time in autocommit. */
    private static void apply(Connection c, DiffStep step, String what) throws SQLException {
        if (!step.noTransaction()) {
            RoundTripPropertyTest.apply(c, List.of(step), what);
            return;
        }
        c.setAutoCommit(true);
        for (var s : new PostgresRenderer().render(step.changes())) {
            try (java.sql.Statement st = c.createStatement()) {
                st.execute(s.sql());
            } catch (SQLException ex) {
                throw new SQLException(what + " (no transaction) failed on\n" + s.sql() + "\nPostgreSQL said: " + ex.getMessage(), ex);
            }
        }
    }

    private static String script(List<DiffStep> plan) {
        PostgresRenderer renderer = new PostgresRenderer();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < plan.size(); i++) {
            out.append("-- step ").append(i + 1).append(plan.get(i).noTransaction() ? " (no transaction)" : "").append('\n');
            renderer.render(plan.get(i).changes()).forEach(s -> out.append(s.sql()).append('\n'));
        }
        return out.toString();
    }
}
