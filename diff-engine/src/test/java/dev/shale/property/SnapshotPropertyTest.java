package dev.shale.property;

import dev.shale.model.SchemaModel;
import dev.shale.snapshot.Snapshot;
import dev.shale.snapshot.SnapshotJson;
import dev.shale.testing.RandomObjects;
import dev.shale.testing.RandomRoutines;
import dev.shale.testing.RandomSchemas;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The snapshot property, with no database: for the random schemas of the round-trip property (a
 * {@link RandomSchemas} schema with its views, decorated by {@link RandomObjects} with schemas, extensions,
 * sequences, comments, policies, grants and roles, then by {@link RandomRoutines}; and a random mutation of
 * it), reading what was written gives the identical model, writing it again gives the same bytes, and the
 * older format 1 reads to the same model with the same id.
 *
 * <p>300 cases run in the normal suite; {@code -Dshale.property.cases=N -Dshale.property.seed=S} as for
 * {@link RoundTripPropertyTest} (case {@code i} uses seed {@code S + i}, and the same seed gives the same A).
 */
class SnapshotPropertyTest {
    static final int CASES = Integer.getInteger("shale.property.cases", 300);
    static final long SEED = Long.getLong("shale.property.seed", 20261122L);

    @Test
    void everyRandomSchemaReadsBackIdenticalFromEitherFormat() {
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < CASES && failures.size() < 5; i++) {
            long seed = SEED + i;
            RandomSchemas g = new RandomSchemas(new Random(seed));
            SchemaModel a = new RandomObjects(new Random(~seed)).decorate(g.schema());
            RandomMutations.Mutated m = RandomMutations.mutate(g, a);
            RandomRoutines routines = new RandomRoutines(new Random(seed * 7919));
            a = routines.decorate(a);
            SchemaModel b = routines.mutate(a, m.to(), m.decisions().renames());
            for (SchemaModel model : List.of(a, b)) {
                String problem = problem(model);
                if (problem != null) {
                    failures.add("seed " + seed + " (rerun alone with -Dshale.property.seed=" + seed
                            + " -Dshale.property.cases=1): " + problem);
                    break;
                }
            }
        }
        if (!failures.isEmpty()) {
            fail(String.join("\n\n", failures));
        }
    }

    /** What breaks the property for {@code model}, or null. */
    static String problem(SchemaModel model) {
        Snapshot s = Snapshot.next(null, model);
        String text = SnapshotJson.write(s);
        try {
            Snapshot back = SnapshotJson.read(text, "0000_snapshot.json");
            if (!back.equals(s)) {
                return "format " + Snapshot.FORMAT_VERSION + " read back a different model:\n" + text;
            }
            if (!SnapshotJson.write(back).equals(text)) {
                return "writing what was read changed the text:\n" + text;
            }
            Snapshot one = new Snapshot(1, s.dialect(), s.id(), s.prevId(), model);
            Snapshot oneBack = SnapshotJson.read(SnapshotJson.write(one), "0000_snapshot.json");
            if (!oneBack.equals(one)) {
                return "format 1 read back a different model:\n" + SnapshotJson.write(one);
            }
            if (!SnapshotJson.idFor(oneBack.prevId(), oneBack.model()).equals(s.id())) {
                return "the id differs between the formats:\n" + text;
            }
            return null;
        } catch (RuntimeException e) {
            return "reading failed: " + e.getMessage() + "\n" + text;
        }
    }
}
