package dev.shale.introspect;

import dev.shale.diff.DiffStep;
import dev.shale.diff.Differ;
import dev.shale.diff.RenameDecisions;
import dev.shale.model.SchemaModel;
import dev.shale.render.PostgresRenderer;
import dev.shale.render.Statement;
import dev.shale.snapshot.Snapshot;
import dev.shale.snapshot.SnapshotJson;
import dev.shale.testing.RandomObjects;
import dev.shale.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Random schemas decorated with schemas, extensions, sequences and comments ({@link RandomObjects}):
 * each migrates and introspects equal to its canonical form, and a second decoration of the same
 * schema is reached by one plan, after which the database equals it. {@code -Dshale.objects.cases=N}
 * runs more cases, {@code -Dshale.objects.seed=S} replays one.
 */
class RandomObjectsRoundTripTest {

    @Test
    void decoratedSchemasRoundTripAndEvolve() throws Exception {
        int cases = Integer.getInteger("shale.objects.cases", 8);
        long first = Long.getLong("shale.objects.seed", 1L);
        for (long seed = first; seed < first + cases; seed++) {
            SchemaModel a = RandomObjects.generate(seed, seed * 31);
            SchemaModel b = RandomObjects.generate(seed, seed * 31 + 7);
            try (TestDatabase db = TestDatabase.create()) {
                dev.shale.testing.RandomAccess.ensureRoles(db);
                RoundTrip.migrate(db, a);
                RoundTrip.assertCanonicalEqualsIntrospected(db, a);
                List<DiffStep> plan = Differ.plan(a, b, RenameDecisions.NONE);
                PostgresRenderer renderer = new PostgresRenderer();
                for (DiffStep step : plan) {
                    db.executeInTransaction(renderer.render(step.changes()).stream().map(Statement::sql)
                            .collect(Collectors.joining("\n")));
                }
                RoundTrip.assertCanonicalEqualsIntrospected(db, b);
                try (Connection c = db.connect()) {
                    java.util.Set<String> schemas = new java.util.TreeSet<>(b.schemas());
                    schemas.add("public");
                    Introspector.Introspection in = Introspector.read(c, schemas);
                    SchemaModel read = DeclaredRoles.only(DeclaredExtensions.only(in.model(), b), in.clusterRoles(), b);
                    SchemaModel canonical = Canonicalizer.canonical(b, c);
                    assertEquals(canonical.sequences(), read.sequences());
                    assertEquals(canonical.extensions(), read.extensions());
                    assertEquals(canonical.policies(), read.policies());
                    assertEquals(canonical.grants(), read.grants());
                }
            } catch (Exception | AssertionError e) {
                fail("seed " + seed + " (replay with -Dshale.objects.seed=" + seed + " -Dshale.objects.cases=1): "
                        + e.getMessage() + "\nA:\n" + SnapshotJson.write(Snapshot.next(null, a))
                        + "\nB:\n" + SnapshotJson.write(Snapshot.next(null, b)), e);
            }
        }
    }
}
