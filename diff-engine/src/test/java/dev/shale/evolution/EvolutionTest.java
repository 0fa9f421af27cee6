package dev.shale.evolution;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hand-picked evolutions A → B applied to real PostgreSQL: A built from nothing, rows inserted, the
 * A → B migration applied a step per transaction, then compared with a database built from B
 * directly. See {@link EvolutionRunner} for what each case asserts.
 */
class EvolutionTest {

    @TestFactory
    Stream<DynamicTest> domainsCompositesAndEnumReplacement() {
        return tests(TypeEvolutions.cases());
    }

    @TestFactory
    Stream<DynamicTest> enums() {
        return tests(EnumEvolutions.cases());
    }

    @TestFactory
    Stream<DynamicTest> tablesAndColumns() {
        return tests(TableEvolutions.cases());
    }

    @TestFactory
    Stream<DynamicTest> columnAlterations() {
        return tests(ColumnEvolutions.cases());
    }

    @TestFactory
    Stream<DynamicTest> typeConversions() {
        return tests(ConversionEvolutions.cases());
    }

    @TestFactory
    Stream<DynamicTest> constraints() {
        return tests(ConstraintEvolutions.cases());
    }

    @TestFactory
    Stream<DynamicTest> dependencyOrder() {
        return tests(DependencyEvolutions.cases());
    }

    @TestFactory
    Stream<DynamicTest> indexes() {
        return tests(IndexEvolutions.cases());
    }

    @TestFactory
    Stream<DynamicTest> namespacesExternalsAndQuoting() {
        return tests(NamespaceEvolutions.cases());
    }

    @TestFactory
    Stream<DynamicTest> interplay() {
        return tests(InterplayEvolutions.cases());
    }

    @TestFactory
    Stream<DynamicTest> compound() {
        return tests(CompoundEvolutions.cases());
    }

    @TestFactory
    Stream<DynamicTest> options() {
        return tests(OptionEvolutions.cases());
    }

    @TestFactory
    Stream<DynamicTest> columnFeatures() {
        return tests(ColumnFeatureEvolutions.cases());
    }

    @TestFactory
    Stream<DynamicTest> objectsAndComments() {
        return tests(ObjectEvolutions.cases());
    }

    @TestFactory
    Stream<DynamicTest> partitions() {
        return tests(PartitionEvolutions.cases());
    }

    @TestFactory
    Stream<DynamicTest> routinesAndTriggers() {
        return tests(RoutineEvolutions.cases());
    }

    @TestFactory
    Stream<DynamicTest> rowSecurityPoliciesAndGrants() {
        return tests(AccessEvolutions.cases());
    }

    @TestFactory
    Stream<DynamicTest> viewsAndDependents() {
        return tests(ViewEvolutions.cases());
    }

    /** The case list itself: enough cases, one name each, and every case really changes something. */
    @Test
    void casesAreDistinctAndEnough() {
        List<Evolution> all = new ArrayList<>();
        all.addAll(EnumEvolutions.cases());
        all.addAll(TableEvolutions.cases());
        all.addAll(ColumnEvolutions.cases());
        all.addAll(ConversionEvolutions.cases());
        all.addAll(ConstraintEvolutions.cases());
        all.addAll(DependencyEvolutions.cases());
        all.addAll(IndexEvolutions.cases());
        all.addAll(NamespaceEvolutions.cases());
        all.addAll(InterplayEvolutions.cases());
        all.addAll(CompoundEvolutions.cases());
        all.addAll(OptionEvolutions.cases());
        all.addAll(ColumnFeatureEvolutions.cases());
        all.addAll(ObjectEvolutions.cases());
        all.addAll(PartitionEvolutions.cases());
        all.addAll(RoutineEvolutions.cases());
        all.addAll(AccessEvolutions.cases());
        all.addAll(ViewEvolutions.cases());
        assertTrue(all.size() >= 30, "at least 30 evolutions, got " + all.size());
        Set<String> names = new HashSet<>();
        for (Evolution e : all) {
            assertTrue(names.add(e.name()), "two cases are named " + e.name());
            assertNotEquals(e.from(), e.to(), "case " + e.name() + ": A and B are equal");
        }
    }

    private static Stream<DynamicTest> tests(List<Evolution> cases) {
        return cases.stream().map(e -> DynamicTest.dynamicTest(e.name(), () -> EvolutionRunner.run(e)));
    }
}
