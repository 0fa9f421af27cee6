package dev.shale.evolution;

import dev.shale.diff.DiffStep;
import dev.shale.diff.Differ;
import dev.shale.diff.RenameDecisions;
import dev.shale.introspect.Canonicalizer;
import dev.shale.introspect.Introspector;
import dev.shale.model.SchemaModel;
import dev.shale.testing.TestDatabase;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.sql.Connection;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Each option evolution, read back: after A → B on rows, the database introspects to a model that
 * equals B's canonical form, with no plan between them either way (the second diff is empty).
 */
class OptionRoundTripTest {
    @TestFactory
    Stream<DynamicTest> evolvedDatabasesIntrospectAsTheirTarget() {
        return OptionEvolutions.cases().stream().map(e -> DynamicTest.dynamicTest(e.name(), () -> {
            try (TestDatabase db = TestDatabase.create()) {
                EvolutionRunner.apply(db, Differ.plan(SchemaModel.EMPTY, e.from(), RenameDecisions.NONE), "EMPTY -> A", e.name());
                if (e.seed() != null) {
                    db.execute(e.seed());
                }
                List<DiffStep> toB = Differ.plan(e.from(), e.to(), e.decisions());
                EvolutionRunner.apply(db, toB, "A -> B", e.name());
                try (Connection c = db.connect()) {
                    SchemaModel read = Introspector.read(c, e.to().schemas()).model();
                    SchemaModel canonical = Canonicalizer.canonical(e.to(), c);
                    assertEquals(canonical.tables(), read.tables(), e.name());
                    assertEquals(List.of(), Differ.plan(read, canonical, RenameDecisions.NONE), e.name());
                    assertEquals(List.of(), Differ.plan(canonical, read, RenameDecisions.NONE), e.name());
                    assertEquals(List.of(), Differ.plan(read, e.to(), RenameDecisions.NONE),
                            e.name() + ": these models are in PostgreSQL's own spelling already");
                }
            }
        }));
    }
}
