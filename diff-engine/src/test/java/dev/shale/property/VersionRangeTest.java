package dev.shale.property;

import dev.shale.diff.Differ;
import dev.shale.diff.RenameDecisions;
import dev.shale.model.Column;
import dev.shale.model.ColumnType;
import dev.shale.model.QualifiedName;
import dev.shale.model.SchemaModel;
import dev.shale.model.Table;
import dev.shale.model.Unique;
import dev.shale.model.VersionFeatures;
import dev.shale.testing.PostgresVersions;
import dev.shale.testing.RandomSchemas;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The generated SQL on every supported PostgreSQL version (13 to 17), each an embedded server run as an
 * unprivileged user: the round-trip property ({@link RoundTripPropertyTest#runPair}) for 25 random cases per version,
 * drawn by a generator that avoids what the version lacks, and the features {@link VersionFeatures} refuses for an
 * older target are exactly those that version's server rejects.
 *
 * <p>Alone: {@code mvn -B -pl diff-engine -am test -Dtest=VersionRangeTest -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dshale.postgres.versions=13,14} for some versions, {@code -Dshale.versions.cases=100} for more cases).
 */
class VersionRangeTest {
    static final int CASES = Integer.getInteger("shale.versions.cases", 25);
    static final long SEED = Long.getLong("shale.property.seed", 20261122L);

    static List<Integer> versions() {
        return PostgresVersions.versions();
    }

    @ParameterizedTest(name = "PostgreSQL {0}: random schemas evolve as they build")
    @MethodSource("versions")
    void theRoundTripHoldsOnEachVersion(int version) throws Exception {
        List<String> failures = new ArrayList<>();
        long started = System.nanoTime();
        try (PostgresVersions.Database evolvedDb = PostgresVersions.database(version);
             PostgresVersions.Database freshDb = PostgresVersions.database(version);
             Connection evolved = evolvedDb.connect(); Connection fresh = freshDb.connect()) {
            dev.shale.testing.RandomAccess.ensureRoles(evolved);
            dev.shale.testing.RandomAccess.ensureRoles(fresh);
            for (int i = 0; i < CASES && failures.size() < RoundTripPropertyTest.MAX_REPORTED; i++) {
                long seed = SEED + i;
                RandomSchemas g = new RandomSchemas(new Random(seed), version);
                SchemaModel a = g.schema();
                RandomMutations.Mutated m = RandomMutations.mutate(g, a);
                for (SchemaModel s : List.of(a, m.to())) {
                    assertEquals(List.of(), VersionFeatures.missing(s, version), "seed " + seed + ": the generator for PostgreSQL "
                            + version + " drew what it lacks");
                }
                String failure = RoundTripPropertyTest.runPair(a, m.to(), m.decisions(), "PostgreSQL " + version + ", seed " + seed
                        + " (-Dshale.postgres.versions=" + version + " -Dshale.property.seed=" + seed + " -Dshale.versions.cases=1)"
                        + "\nmutations: " + m.log(), evolved, fresh);
                if (failure != null) {
                    failures.add(failure);
                }
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " failing case(s) on PostgreSQL " + version + ":\n\n" + String.join("\n\n", failures));
        }
        System.err.printf("VersionRangeTest: PostgreSQL %d, %d cases in %.1f s%n", version, CASES, (System.nanoTime() - started) / 1e9);
    }

    @ParameterizedTest(name = "PostgreSQL {0}: the refused features are those the server rejects")
    @MethodSource("versions")
    void whatTheTargetCheckRefusesIsWhatTheServerRejects(int version) throws Exception {
        QualifiedName t = QualifiedName.of("t");
        SchemaModel nullsNotDistinct = new SchemaModel(List.of(), List.of(Table.of(t, List.of(
                new Column("a", ColumnType.parse("integer"), false, null))).withUniques(List.of(
                new Unique("t_a_key", List.of("a"), true, null, null)))), List.of());
        SchemaModel multirange = new SchemaModel(List.of(), List.of(Table.of(t, List.of(
                new Column("r", ColumnType.named("int4multirange"), false, null)))), List.of());
        try (PostgresVersions.Database db = PostgresVersions.database(version); Connection c = db.connect()) {
            for (SchemaModel model : List.of(nullsNotDistinct, multirange)) {
                boolean refused = !VersionFeatures.missing(model, version).isEmpty();
                RoundTripPropertyTest.reset(c);
                var plan = Differ.plan(SchemaModel.EMPTY, model, RenameDecisions.NONE);
                if (refused) {
                    SQLException e = assertThrows(SQLException.class, () -> RoundTripPropertyTest.apply(c, plan, "EMPTY -> model"));
                    assertTrue(e.getMessage().contains("syntax error") || e.getMessage().contains("does not exist"), e.getMessage());
                } else {
                    RoundTripPropertyTest.apply(c, plan, "EMPTY -> model");
                }
            }
        }
        assertEquals(version < 15, !VersionFeatures.missing(nullsNotDistinct, version).isEmpty());
        assertEquals(version < 14, !VersionFeatures.missing(multirange, version).isEmpty());
    }
}
