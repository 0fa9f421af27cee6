package dev.shale.introspect;

import dev.shale.model.SchemaModel;
import dev.shale.snapshot.Snapshot;
import dev.shale.snapshot.SnapshotJson;
import dev.shale.testing.RandomSchemas;
import dev.shale.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The canonical-equality property over seeded random schemas: built by its migrations, a schema's
 * database introspects equal to its canonical form. {@code -Dshale.introspect.cases=N} runs more cases
 * and {@code -Dshale.introspect.seed=S} replays one.
 */
class RandomRoundTripTest {

    @Test
    void randomSchemasIntrospectEqualToTheirCanonicalForm() throws Exception {
        int cases = Integer.getInteger("shale.introspect.cases", 15);
        long first = Long.getLong("shale.introspect.seed", 1L);
        for (long seed = first; seed < first + cases; seed++) {
            SchemaModel model = RandomSchemas.generate(seed);
            try (TestDatabase db = TestDatabase.create()) {
                RoundTrip.migrate(db, model);
                RoundTrip.assertCanonicalEqualsIntrospected(db, model);
            } catch (Exception | AssertionError e) {
                fail("seed " + seed + " (replay with -Dshale.introspect.seed=" + seed + " -Dshale.introspect.cases=1): "
                        + e.getMessage() + "\nschema:\n" + SnapshotJson.write(Snapshot.next(null, model)), e);
            }
        }
    }
}
