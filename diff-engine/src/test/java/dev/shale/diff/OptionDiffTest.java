package dev.shale.diff;

import dev.shale.change.AddConstraint;
import dev.shale.change.AlterForeignKey;
import dev.shale.change.AlterStorage;
import dev.shale.change.Change;
import dev.shale.change.CreateIndex;
import dev.shale.change.CreateTable;
import dev.shale.change.DropConstraint;
import dev.shale.change.DropIndex;
import dev.shale.change.SetLogged;
import dev.shale.change.SetReplicaIdentity;
import dev.shale.change.ValidateConstraint;
import dev.shale.diff.Hazard.Kind;
import dev.shale.model.Check;
import dev.shale.model.Deferral;
import dev.shale.model.Exclusion;
import dev.shale.model.ForeignKey;
import dev.shale.model.Index;
import dev.shale.model.IndexKey;
import dev.shale.model.IndexMethod;
import dev.shale.model.PrimaryKey;
import dev.shale.model.ReplicaIdentity;
import dev.shale.model.SchemaModel;
import dev.shale.model.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.shale.testing.Models.q;
import static dev.shale.testing.Models.schema;
import static dev.shale.testing.Models.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Which option changes PostgreSQL makes in place and which drop and add, table-driven; and their hazards. */
class OptionDiffTest {
    static Table teams() {
        return table("teams").col("id", "integer").pk("id").col("code", "text", dev.shale.testing.Models.NOT_NULL).build();
    }

    static Table players(ForeignKey fk, Check check) {
        Table t = table("players").col("id", "integer").pk("id").col("team_id", "integer").col("qty", "integer").build();
        Table.Builder b = t.toBuilder();
        if (fk != null) {
            b.addForeignKey(fk);
        }
        if (check != null) {
            b.addCheck(check);
        }
        return b.build();
    }

    static final ForeignKey FK = ForeignKey.of("players_team_id_fkey", List.of("team_id"), q("teams"), List.of("id"));
    static final Check CHECK = new Check("players_qty_check", "qty > 0");
    static final Index CODE = new Index("teams_code_idx", true, IndexMethod.BTREE, List.of(IndexKey.column("code")), null);

    static Stream<Arguments> cases() {
        ReplicaIdentity full = new ReplicaIdentity(ReplicaIdentity.Kind.FULL, null);
        return Stream.of(
                arguments("a foreign key's deferral alters in place",
                        schema(teams(), players(FK, null)), schema(teams(), players(FK.withDeferral(Deferral.DEFERRED), null)),
                        List.of(new AlterForeignKey(q("players"), FK, FK.withDeferral(Deferral.DEFERRED)))),
                arguments("a NOT VALID foreign key made valid is validated in place",
                        schema(teams(), players(FK.withNotValid(true), null)), schema(teams(), players(FK, null)),
                        List.of(new ValidateConstraint(q("players"), FK))),
                arguments("deferral and validation change together: both in place",
                        schema(teams(), players(FK.withNotValid(true), null)),
                        schema(teams(), players(FK.withDeferral(Deferral.DEFERRABLE), null)),
                        List.of(new AlterForeignKey(q("players"), FK.withNotValid(true), FK.withNotValid(true).withDeferral(Deferral.DEFERRABLE)),
                                new ValidateConstraint(q("players"), FK.withDeferral(Deferral.DEFERRABLE)))),
                arguments("a validated check satisfies a NOT VALID model: nothing to do",
                        schema(teams(), players(null, CHECK)), schema(teams(), players(null, CHECK.withNotValid(true))), List.of()),
                arguments("a NOT VALID check made valid is validated in place",
                        schema(teams(), players(null, CHECK.withNotValid(true))), schema(teams(), players(null, CHECK)),
                        List.of(new ValidateConstraint(q("players"), CHECK))),
                arguments("a check made NO INHERIT is dropped and added",
                        schema(teams(), players(null, CHECK)), schema(teams(), players(null, CHECK.withNoInherit(true))),
                        List.of(new DropConstraint(q("players"), CHECK), new AddConstraint(q("players"), CHECK.withNoInherit(true)))),
                arguments("a NOT VALID check whose expression changes is added NOT VALID again",
                        schema(teams(), players(null, CHECK.withNotValid(true))),
                        schema(teams(), players(null, CHECK.withExpression("qty >= 0").withNotValid(true))),
                        List.of(new DropConstraint(q("players"), CHECK.withNotValid(true)),
                                new AddConstraint(q("players"), CHECK.withExpression("qty >= 0").withNotValid(true)))),
                arguments("a primary key made deferrable is dropped and added",
                        schema(players(null, null)),
                        schema(players(null, null).withPrimaryKey(new PrimaryKey("players_pkey", List.of("id"), Deferral.DEFERRABLE, null))),
                        List.of(new DropConstraint(q("players"), new PrimaryKey("players_pkey", List.of("id"))),
                                new AddConstraint(q("players"), new PrimaryKey("players_pkey", List.of("id"), Deferral.DEFERRABLE, null)))),
                arguments("index storage alters in place",
                        schema(teams().withIndexes(List.of(CODE))),
                        schema(teams().withIndexes(List.of(CODE.withStorage(Map.of("fillfactor", "70"))))),
                        List.of(new AlterStorage(q("teams"), "teams_code_idx", Map.of(), Map.of("fillfactor", "70")))),
                arguments("an index given INCLUDE is dropped and created",
                        schema(teams().withIndexes(List.of(CODE))),
                        schema(teams().withIndexes(List.of(CODE.withInclude(List.of("id"))))),
                        List.of(new DropIndex(q("teams"), CODE), new CreateIndex(q("teams"), CODE.withInclude(List.of("id"))))),
                arguments("table storage, UNLOGGED and replica identity alter in place",
                        schema(teams()),
                        schema(teams().toBuilder().storage(Map.of("fillfactor", "70")).unlogged(true).replicaIdentity(full).build()),
                        List.of(new AlterStorage(q("teams"), null, Map.of(), Map.of("fillfactor", "70")),
                                new SetLogged(q("teams"), true),
                                new SetReplicaIdentity(q("teams"), ReplicaIdentity.DEFAULT, full))),
                arguments("replica identity on a new index comes after the index",
                        schema(teams()),
                        schema(teams().toBuilder().addIndex(CODE).replicaIdentity(ReplicaIdentity.usingIndex("teams_code_idx")).build()),
                        List.of(new CreateIndex(q("teams"), CODE),
                                new SetReplicaIdentity(q("teams"), ReplicaIdentity.DEFAULT, ReplicaIdentity.usingIndex("teams_code_idx")))),
                arguments("a new table: NOT VALID checks and the replica identity come after CREATE TABLE",
                        SchemaModel.EMPTY,
                        schema(players(null, CHECK.withNotValid(true)).withReplicaIdentity(full)),
                        List.of(new CreateTable(players(null, CHECK.withNotValid(true)).withReplicaIdentity(full)),
                                new AddConstraint(q("players"), CHECK.withNotValid(true)),
                                new SetReplicaIdentity(q("players"), ReplicaIdentity.DEFAULT, full))),
                arguments("an exclusion constraint changed is dropped and added",
                        schema(teams().withExclusions(List.of(excl(null)))), schema(teams().withExclusions(List.of(excl("id > 0")))),
                        List.of(new DropConstraint(q("teams"), excl(null)), new AddConstraint(q("teams"), excl("id > 0")))));
    }

    static Exclusion excl(String where) {
        return new Exclusion("teams_code_excl", IndexMethod.BTREE, List.of(new Exclusion.Element(IndexKey.column("code"), "=")),
                List.of(), where, null, null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void diff(String name, SchemaModel from, SchemaModel to, List<Change> expected) {
        List<Change> changes = Differ.changes(from, to, RenameDecisions.NONE);
        assertEquals(expected, changes);
        if (!changes.isEmpty()) {
            ModelApplier.assertSameSchema(to, ModelApplier.apply(from, changes));
        }
        assertEquals(List.of(), Differ.changes(to, to, RenameDecisions.NONE));
    }

    @Test
    void hazards() {
        assertEquals(List.of(Kind.TABLE_REWRITE), Hazards.of(new SetLogged(q("t"), true)).stream().map(Hazard::kind).toList());
        assertEquals("makes table \"public\".\"t\" logged, which rewrites it under an exclusive lock",
                Hazards.of(new SetLogged(q("t"), false)).get(0).message());
        assertEquals("validates check constraint \"players_qty_check\" of \"public\".\"players\", which fails if existing rows violate it",
                Hazards.of(new ValidateConstraint(q("players"), CHECK)).get(0).message());
        assertEquals(List.of(), Hazards.of(new AddConstraint(q("players"), CHECK.withNotValid(true))),
                "NOT VALID does not look at existing rows");
        assertEquals(List.of(Kind.MAY_FAIL), Hazards.of(new AddConstraint(q("teams"), excl(null))).stream().map(Hazard::kind).toList());
        assertEquals(List.of(), Hazards.of(new AlterForeignKey(q("players"), FK, FK.withDeferral(Deferral.DEFERRED))));
        assertEquals(List.of(), Hazards.of(new AlterStorage(q("players"), null, Map.of(), Map.of("fillfactor", "70"))));
    }
}
