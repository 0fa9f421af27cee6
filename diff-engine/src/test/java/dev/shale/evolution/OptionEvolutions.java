package dev.shale.evolution;

import dev.shale.change.AddConstraint;
import dev.shale.change.AlterForeignKey;
import dev.shale.change.AlterStorage;
import dev.shale.change.CreateIndex;
import dev.shale.change.DropConstraint;
import dev.shale.change.DropIndex;
import dev.shale.change.DropTable;
import dev.shale.change.SetLogged;
import dev.shale.change.SetReplicaIdentity;
import dev.shale.change.ValidateConstraint;
import dev.shale.model.Check;
import dev.shale.model.Deferral;
import dev.shale.model.Exclusion;
import dev.shale.model.ForeignKey;
import dev.shale.model.Index;
import dev.shale.model.IndexKey;
import dev.shale.model.IndexMethod;
import dev.shale.model.NullsOrder;
import dev.shale.model.PrimaryKey;
import dev.shale.model.ReplicaIdentity;
import dev.shale.model.Table;
import dev.shale.model.Unique;

import java.util.List;
import java.util.Map;

import static dev.shale.testing.Models.NOT_NULL;
import static dev.shale.testing.Models.q;
import static dev.shale.testing.Models.schema;
import static dev.shale.testing.Models.table;

/** Constraint options (deferral, NOT VALID, exclusions), index options and table options, on tables with rows. */
final class OptionEvolutions {
    private OptionEvolutions() {}

    private static Table teams() {
        return table("teams").col("id", "integer").pk("id").col("code", "text", NOT_NULL).unique("teams_code_key", "code")
                .col("name", "text").build();
    }

    private static Table players(ForeignKey fk) {
        Table t = table("players").col("id", "integer").pk("id").col("team_id", "integer").col("team_code", "text").build();
        return fk == null ? t : t.toBuilder().addForeignKey(fk).build();
    }

    private static final ForeignKey TEAM_FK = ForeignKey.of("players_team_id_fkey", List.of("team_id"), q("teams"), List.of("id"));
    private static final ForeignKey CODE_FK = ForeignKey.of("players_team_code_fkey", List.of("team_code"), q("teams"), List.of("code"));

    private static final String TEAMS = "INSERT INTO \"public\".\"teams\" VALUES (1, 'r', 'red'), (2, 'b', 'blue'), (3, 'g', NULL);"
            + " INSERT INTO \"public\".\"players\" VALUES (10, 1, 'r'), (11, 2, 'b'), (12, NULL, NULL)";
    private static final String PLAYERS = "SELECT \"id\" || ':' || coalesce(\"team_id\"::text, '-') FROM \"public\".\"players\" ORDER BY \"id\"";

    private static Table items(Check check) {
        Table t = table("items").col("id", "integer").pk("id").col("sku", "text").col("qty", "integer", NOT_NULL).build();
        return check == null ? t : t.toBuilder().addCheck(check).build();
    }

    private static final String ITEMS = "INSERT INTO \"public\".\"items\" VALUES (1, 'A-1', 3), (2, 'B-2', 0), (3, NULL, 5)";
    private static final String ITEM_ROWS = "SELECT \"id\" || ':' || coalesce(\"sku\", '-') || ':' || \"qty\" FROM \"public\".\"items\" ORDER BY \"id\"";

    private static Table bookings(Exclusion x) {
        Table t = table("bookings").col("id", "integer").pk("id").col("room", "integer", NOT_NULL)
                .col("during", "named:tstzrange", NOT_NULL).col("note", "text").build();
        return x == null ? t : t.toBuilder().addExclusion(x).build();
    }

    private static final Exclusion NO_OVERLAP = new Exclusion("bookings_no_overlap", IndexMethod.GIST, List.of(
            new Exclusion.Element(IndexKey.column("during"), "&&")), List.of(), null, null, null);

    private static final String BOOKINGS = "INSERT INTO \"public\".\"bookings\" VALUES"
            + " (1, 1, '[2026-01-01 10:00+00, 2026-01-01 11:00+00)', 'a'),"
            + " (2, 2, '[2026-01-01 11:00+00, 2026-01-01 12:00+00)', NULL),"
            + " (3, 2, '[2026-01-02 10:00+00, 2026-01-02 12:00+00)', 'cancelled')";
    private static final String BOOKING_ROWS = "SELECT \"id\" || ':' || \"room\" FROM \"public\".\"bookings\" ORDER BY \"id\"";

    private static Table people(List<Index> indexes) {
        return table("people").col("id", "integer").pk("id").col("email", "text").col("name", "text").col("doc", "jsonb")
                .build().withIndexes(indexes);
    }

    private static final String PEOPLE = "INSERT INTO \"public\".\"people\" VALUES (1, 'ada@x.org', 'Ada', '{\"a\": 1}'),"
            + " (2, NULL, 'Bob', NULL), (3, 'cy@x.org', NULL, '{\"b\": [1, 2]}')";
    private static final String PEOPLE_ROWS = "SELECT \"id\" || ':' || coalesce(\"email\", '-') FROM \"public\".\"people\" ORDER BY \"id\"";

    private static Index emailIndex(String collation, String opclass, List<String> include, Map<String, String> storage) {
        return new Index("people_email_idx", false, IndexMethod.BTREE, List.of(
                new IndexKey("email", null, false, NullsOrder.DEFAULT, collation, opclass)), null, include, false, storage, null);
    }

    private static Index uniqueEmail(boolean nullsNotDistinct) {
        return new Index("people_email_key", true, IndexMethod.BTREE, List.of(IndexKey.column("email")), null,
                List.of(), nullsNotDistinct, Map.of(), null);
    }

    static List<Evolution> cases() {
        return List.of(
                Evolution.named("deferred foreign key made immediate, in place")
                        .from(schema(teams(), players(TEAM_FK.withDeferral(Deferral.DEFERRED))))
                        .to(schema(teams(), players(TEAM_FK)))
                        .seed(TEAMS)
                        .keeps(PLAYERS, "10:1", "11:2", "12:-")
                        .expects(AlterForeignKey.class)
                        .forbids(DropConstraint.class, AddConstraint.class)
                        .losesNoData()
                        .build(),
                Evolution.named("immediate foreign key made deferrable, in place")
                        .from(schema(teams(), players(TEAM_FK)))
                        .to(schema(teams(), players(TEAM_FK.withDeferral(Deferral.DEFERRABLE))))
                        .seed(TEAMS)
                        .keeps(PLAYERS, "10:1", "11:2", "12:-")
                        .expects(AlterForeignKey.class)
                        .forbids(DropConstraint.class, AddConstraint.class)
                        .build(),
                Evolution.named("foreign key added NOT VALID and deferred on rows")
                        .from(schema(teams(), players(null)))
                        .to(schema(teams(), players(TEAM_FK.withNotValid(true).withDeferral(Deferral.DEFERRED))))
                        .seed(TEAMS)
                        .keeps(PLAYERS, "10:1", "11:2", "12:-")
                        .expects(AddConstraint.class)
                        .losesNoData()
                        .build(),
                Evolution.named("NOT VALID foreign key validated")
                        .from(schema(teams(), players(CODE_FK.withNotValid(true))))
                        .to(schema(teams(), players(CODE_FK)))
                        .seed(TEAMS)
                        .keeps(PLAYERS, "10:1", "11:2", "12:-")
                        .expects(ValidateConstraint.class)
                        .forbids(DropConstraint.class, AddConstraint.class)
                        .losesNoData()
                        .build(),
                Evolution.named("unique key under a foreign key made NULLS NOT DISTINCT: the foreign key comes back")
                        .from(schema(teams(), players(CODE_FK)))
                        .to(schema(teams().withUniques(List.of(new Unique("teams_code_key", List.of("code"), true,
                                Deferral.NOT_DEFERRABLE, null))), players(CODE_FK)))
                        .seed(TEAMS)
                        .keeps(PLAYERS, "10:1", "11:2", "12:-")
                        .expects(DropConstraint.class, AddConstraint.class)
                        .forbids(DropTable.class)
                        .build(),
                Evolution.named("primary key made deferrable")
                        .from(schema(items(null)))
                        .to(schema(items(null).withPrimaryKey(new PrimaryKey("items_pkey", List.of("id"), Deferral.DEFERRABLE, null))))
                        .seed(ITEMS)
                        .keeps(ITEM_ROWS, "1:A-1:3", "2:B-2:0", "3:-:5")
                        .expects(DropConstraint.class, AddConstraint.class)
                        .build(),
                Evolution.named("check added NOT VALID on rows that violate it")
                        .from(schema(items(null)))
                        .to(schema(items(new Check("items_qty_check", "qty > 0", true, false, null))))
                        .seed(ITEMS)
                        .keeps(ITEM_ROWS, "1:A-1:3", "2:B-2:0", "3:-:5")
                        .expects(AddConstraint.class)
                        .losesNoData()
                        .build(),
                Evolution.named("NOT VALID check validated on rows that satisfy it")
                        .from(schema(items(new Check("items_qty_check", "qty >= 0", true, false, null))))
                        .to(schema(items(new Check("items_qty_check", "qty >= 0"))))
                        .seed(ITEMS)
                        .keeps(ITEM_ROWS, "1:A-1:3", "2:B-2:0", "3:-:5")
                        .expects(ValidateConstraint.class)
                        .forbids(DropConstraint.class, AddConstraint.class)
                        .build(),
                Evolution.named("check made NO INHERIT")
                        .from(schema(items(new Check("items_qty_check", "qty >= 0"))))
                        .to(schema(items(new Check("items_qty_check", "qty >= 0", false, true, null))))
                        .seed(ITEMS)
                        .keeps(ITEM_ROWS, "1:A-1:3", "2:B-2:0", "3:-:5")
                        .expects(DropConstraint.class, AddConstraint.class)
                        .build(),
                Evolution.named("exclusion constraint added on a table with rows")
                        .from(schema(bookings(null)))
                        .to(schema(bookings(NO_OVERLAP)))
                        .seed(BOOKINGS)
                        .keeps(BOOKING_ROWS, "1:1", "2:2", "3:2")
                        .expects(AddConstraint.class)
                        .losesNoData()
                        .build(),
                Evolution.named("exclusion constraint given INCLUDE, WHERE and a deferral")
                        .from(schema(bookings(NO_OVERLAP)))
                        .to(schema(bookings(new Exclusion("bookings_no_overlap", IndexMethod.GIST, NO_OVERLAP.elements(),
                                List.of("room"), "note IS DISTINCT FROM 'cancelled'::text", Deferral.DEFERRED, null))))
                        .seed(BOOKINGS)
                        .keeps(BOOKING_ROWS, "1:1", "2:2", "3:2")
                        .expects(DropConstraint.class, AddConstraint.class)
                        .build(),
                Evolution.named("exclusion constraint dropped")
                        .from(schema(bookings(NO_OVERLAP)))
                        .to(schema(bookings(null)))
                        .seed(BOOKINGS)
                        .keeps(BOOKING_ROWS, "1:1", "2:2", "3:2")
                        .expects(DropConstraint.class)
                        .build(),
                Evolution.named("index with INCLUDE, a collation and an operator class created on rows")
                        .from(schema(people(List.of())))
                        .to(schema(people(List.of(emailIndex("C", "text_pattern_ops", List.of("name"), Map.of()),
                                new Index("people_doc_idx", false, IndexMethod.GIN,
                                        List.of(IndexKey.column("doc").withOpclass("jsonb_path_ops")), null),
                                new Index("people_name_spgist", false, IndexMethod.SPGIST, List.of(IndexKey.column("name")), null)))))
                        .seed(PEOPLE)
                        .keeps(PEOPLE_ROWS, "1:ada@x.org", "2:-", "3:cy@x.org")
                        .expects(CreateIndex.class)
                        .losesNoData()
                        .build(),
                Evolution.named("index operator class, collation and INCLUDE changed")
                        .from(schema(people(List.of(emailIndex(null, null, List.of(), Map.of())))))
                        .to(schema(people(List.of(emailIndex("POSIX", "text_pattern_ops", List.of("name", "id"), Map.of())))))
                        .seed(PEOPLE)
                        .keeps(PEOPLE_ROWS, "1:ada@x.org", "2:-", "3:cy@x.org")
                        .expects(DropIndex.class, CreateIndex.class)
                        .build(),
                Evolution.named("unique index made NULLS NOT DISTINCT over one NULL")
                        .from(schema(people(List.of(uniqueEmail(false)))))
                        .to(schema(people(List.of(uniqueEmail(true)))))
                        .seed(PEOPLE)
                        .keeps(PEOPLE_ROWS, "1:ada@x.org", "2:-", "3:cy@x.org")
                        .expects(DropIndex.class, CreateIndex.class)
                        .build(),
                Evolution.named("index storage parameter set, in place")
                        .from(schema(people(List.of(emailIndex(null, null, List.of(), Map.of())))))
                        .to(schema(people(List.of(emailIndex(null, null, List.of(), Map.of("fillfactor", "70"))))))
                        .seed(PEOPLE)
                        .keeps(PEOPLE_ROWS, "1:ada@x.org", "2:-", "3:cy@x.org")
                        .expects(AlterStorage.class)
                        .forbids(DropIndex.class, CreateIndex.class)
                        .losesNoData()
                        .build(),
                Evolution.named("index storage parameter changed and another reset, in place")
                        .from(schema(people(List.of(emailIndex(null, null, List.of(), Map.of("fillfactor", "70", "deduplicate_items", "off"))))))
                        .to(schema(people(List.of(emailIndex(null, null, List.of(), Map.of("fillfactor", "90"))))))
                        .seed(PEOPLE)
                        .keeps(PEOPLE_ROWS, "1:ada@x.org", "2:-", "3:cy@x.org")
                        .expects(AlterStorage.class)
                        .forbids(DropIndex.class, CreateIndex.class)
                        .build(),
                Evolution.named("table storage parameters set")
                        .from(schema(items(null)))
                        .to(schema(items(null).withStorage(Map.of("fillfactor", "70", "autovacuum_enabled", "false"))))
                        .seed(ITEMS)
                        .keeps(ITEM_ROWS, "1:A-1:3", "2:B-2:0", "3:-:5")
                        .expects(AlterStorage.class)
                        .losesNoData()
                        .build(),
                Evolution.named("table storage parameters reset")
                        .from(schema(items(null).withStorage(Map.of("fillfactor", "70", "toast.autovacuum_enabled", "false"))))
                        .to(schema(items(null).withStorage(Map.of("fillfactor", "80"))))
                        .seed(ITEMS)
                        .keeps(ITEM_ROWS, "1:A-1:3", "2:B-2:0", "3:-:5")
                        .expects(AlterStorage.class)
                        .build(),
                Evolution.named("table made unlogged")
                        .from(schema(items(null)))
                        .to(schema(items(null).withUnlogged(true)))
                        .seed(ITEMS)
                        .keeps(ITEM_ROWS, "1:A-1:3", "2:B-2:0", "3:-:5")
                        .expects(SetLogged.class)
                        .forbids(DropTable.class)
                        .losesNoData()
                        .build(),
                Evolution.named("unlogged table made logged")
                        .from(schema(items(null).withUnlogged(true)))
                        .to(schema(items(null)))
                        .seed(ITEMS)
                        .keeps(ITEM_ROWS, "1:A-1:3", "2:B-2:0", "3:-:5")
                        .expects(SetLogged.class)
                        .forbids(DropTable.class)
                        .build(),
                Evolution.named("replica identity FULL")
                        .from(schema(items(null)))
                        .to(schema(items(null).withReplicaIdentity(new ReplicaIdentity(ReplicaIdentity.Kind.FULL, null))))
                        .seed(ITEMS)
                        .keeps(ITEM_ROWS, "1:A-1:3", "2:B-2:0", "3:-:5")
                        .expects(SetReplicaIdentity.class)
                        .losesNoData()
                        .build(),
                Evolution.named("replica identity using a unique index created in the same migration")
                        .from(schema(teams()))
                        .to(schema(teams().toBuilder().addIndex(new Index("teams_code_idx", true, IndexMethod.BTREE,
                                List.of(IndexKey.column("code")), null)).replicaIdentity(ReplicaIdentity.usingIndex("teams_code_idx")).build()))
                        .seed("INSERT INTO \"public\".\"teams\" VALUES (1, 'r', 'red'), (2, 'b', 'blue')")
                        .keeps("SELECT \"code\" FROM \"public\".\"teams\" ORDER BY 1", "b", "r")
                        .expects(CreateIndex.class, SetReplicaIdentity.class)
                        .build(),
                Evolution.named("replica identity index re-created: the identity is set again")
                        .from(schema(teams().toBuilder().addIndex(new Index("teams_code_idx", true, IndexMethod.BTREE,
                                List.of(IndexKey.column("code")), null)).replicaIdentity(ReplicaIdentity.usingIndex("teams_code_idx")).build()))
                        .to(schema(teams().toBuilder().addIndex(new Index("teams_code_idx", true, IndexMethod.BTREE,
                                List.of(IndexKey.column("code")), null, List.of("id"), false, Map.of(), null))
                                .replicaIdentity(ReplicaIdentity.usingIndex("teams_code_idx")).build()))
                        .seed("INSERT INTO \"public\".\"teams\" VALUES (1, 'r', 'red'), (2, 'b', 'blue')")
                        .keeps("SELECT \"code\" FROM \"public\".\"teams\" ORDER BY 1", "b", "r")
                        .expects(DropIndex.class, CreateIndex.class, SetReplicaIdentity.class)
                        .build(),
                Evolution.named("replica identity back to the default from a unique key")
                        .from(schema(teams().withReplicaIdentity(ReplicaIdentity.usingIndex("teams_code_key"))))
                        .to(schema(teams()))
                        .seed("INSERT INTO \"public\".\"teams\" VALUES (1, 'r', 'red')")
                        .keeps("SELECT \"code\" FROM \"public\".\"teams\"", "r")
                        .expects(SetReplicaIdentity.class)
                        .forbids(DropConstraint.class)
                        .build());
    }
}
