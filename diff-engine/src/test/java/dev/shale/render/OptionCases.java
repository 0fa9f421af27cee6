package dev.shale.render;

import dev.shale.change.AddConstraint;
import dev.shale.change.AlterForeignKey;
import dev.shale.change.AlterStorage;
import dev.shale.change.CreateIndex;
import dev.shale.change.CreateTable;
import dev.shale.change.DropConstraint;
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
import dev.shale.model.QualifiedName;
import dev.shale.model.ReplicaIdentity;
import dev.shale.model.Table;
import dev.shale.model.Unique;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.shale.testing.Models.col;

/**
 * The golden cases of constraint, index and table options, a story of its own on two new tables
 * (so that it needs no extension: exclusions use range operators or btree equality only).
 */
final class OptionCases {
    private OptionCases() {}

    static final QualifiedName ROOMS = QualifiedName.of("rooms");
    static final QualifiedName BOOKINGS = QualifiedName.of("bookings");

    static final Exclusion BOOKINGS_NO_OVERLAP = new Exclusion("bookings_no_overlap", IndexMethod.GIST, List.of(
            new Exclusion.Element(IndexKey.column("during"), "&&")), List.of("note"), "note <> 'cancelled'",
            Deferral.DEFERRABLE, null);
    static final Check ROOMS_FLOOR_CHECK = new Check("rooms_floor_check", "floor >= 0", true, false, null);
    static final ForeignKey BOOKINGS_ROOM_FKEY = new ForeignKey("bookings_room_code_fkey", List.of("room_code"), ROOMS,
            List.of("code"), null, null, true, Deferral.DEFERRED, null);

    static final Table ROOMS_TABLE = Table.builder(ROOMS)
            .columns(List.of(col("id", "integer", true, null), col("code", "text", true, null), col("label", "text", false, null),
                    col("floor", "integer", false, null), col("doc", "jsonb", false, null)))
            .primaryKey(new PrimaryKey("rooms_pkey", List.of("id"), Deferral.DEFERRABLE, null))
            .addUnique(new Unique("rooms_code_key", List.of("code")))
            .addUnique(new Unique("rooms_label_floor_key", List.of("label", "floor"), true, Deferral.DEFERRED, null))
            .addCheck(new Check("rooms_id_check", "id > 0", false, true, null))
            .storage(Map.of("fillfactor", "70", "autovacuum_enabled", "false"))
            .build();

    static final Table BOOKINGS_TABLE = Table.builder(BOOKINGS)
            .columns(List.of(col("id", "bigint", true, null), col("room_code", "text", true, null),
                    col("during", "named:tstzrange", true, null), col("note", "text", false, null)))
            .unlogged(true)
            .addExclusion(new Exclusion("bookings_id_excl", IndexMethod.BTREE, List.of(
                    new Exclusion.Element(IndexKey.column("id"), "=")), List.of(), null, Deferral.DEFERRED, null))
            .build();

    static final Index ROOMS_CODE_PATTERN = new Index("rooms_code_pattern_idx", false, IndexMethod.BTREE, List.of(
            new IndexKey("code", null, true, NullsOrder.LAST, "C", "text_pattern_ops")), null,
            List.of("label", "floor"), false, Map.of("fillfactor", "80", "deduplicate_items", "off"), null);

    static List<GoldenCases.Case> cases() {
        List<GoldenCases.Case> all = new ArrayList<>();
        all.add(new GoldenCases.Case("create_table_options", new CreateTable(ROOMS_TABLE)));
        all.add(new GoldenCases.Case("create_table_unlogged_exclusion", new CreateTable(BOOKINGS_TABLE)));
        all.add(new GoldenCases.Case("add_check_not_valid", new AddConstraint(ROOMS, ROOMS_FLOOR_CHECK)));
        all.add(new GoldenCases.Case("add_foreign_key_deferred_not_valid", new AddConstraint(BOOKINGS, BOOKINGS_ROOM_FKEY)));
        all.add(new GoldenCases.Case("add_exclusion", new AddConstraint(BOOKINGS, BOOKINGS_NO_OVERLAP)));
        all.add(new GoldenCases.Case("add_unique_nulls_not_distinct", new AddConstraint(BOOKINGS,
                new Unique("bookings_note_key", List.of("note"), true, Deferral.NOT_DEFERRABLE, null))));
        all.add(new GoldenCases.Case("alter_foreign_key_deferral", new AlterForeignKey(BOOKINGS, BOOKINGS_ROOM_FKEY,
                BOOKINGS_ROOM_FKEY.withDeferral(Deferral.NOT_DEFERRABLE))));
        all.add(new GoldenCases.Case("alter_foreign_key_deferrable", new AlterForeignKey(BOOKINGS,
                BOOKINGS_ROOM_FKEY.withDeferral(Deferral.NOT_DEFERRABLE), BOOKINGS_ROOM_FKEY.withDeferral(Deferral.DEFERRABLE))));
        all.add(new GoldenCases.Case("validate_check", new ValidateConstraint(ROOMS, ROOMS_FLOOR_CHECK.withNotValid(false))));
        all.add(new GoldenCases.Case("validate_foreign_key", new ValidateConstraint(BOOKINGS,
                BOOKINGS_ROOM_FKEY.withDeferral(Deferral.DEFERRABLE).withNotValid(false))));
        all.add(new GoldenCases.Case("create_index_include_collate_opclass", new CreateIndex(ROOMS, ROOMS_CODE_PATTERN)));
        all.add(new GoldenCases.Case("create_index_unique_nulls_not_distinct", new CreateIndex(ROOMS, new Index(
                "rooms_label_key", true, IndexMethod.BTREE, List.of(IndexKey.column("label")), null, List.of(), true, Map.of(), null))));
        all.add(new GoldenCases.Case("create_index_spgist", new CreateIndex(ROOMS, new Index("rooms_label_spgist_idx", false,
                IndexMethod.SPGIST, List.of(IndexKey.column("label")), null))));
        all.add(new GoldenCases.Case("create_index_jsonb_path_ops", new CreateIndex(ROOMS, new Index("rooms_doc_idx", false,
                IndexMethod.GIN, List.of(IndexKey.column("doc").withOpclass("jsonb_path_ops")), null))));
        all.add(new GoldenCases.Case("alter_index_storage", new AlterStorage(ROOMS, ROOMS_CODE_PATTERN.name(),
                ROOMS_CODE_PATTERN.storage(), Map.of("fillfactor", "90"))));
        all.add(new GoldenCases.Case("alter_table_storage", new AlterStorage(ROOMS, null, ROOMS_TABLE.storage(),
                Map.of("fillfactor", "60", "toast.autovacuum_enabled", "false"))));
        all.add(new GoldenCases.Case("alter_table_storage_reset", new AlterStorage(ROOMS, null,
                Map.of("fillfactor", "60", "toast.autovacuum_enabled", "false"), Map.of())));
        all.add(new GoldenCases.Case("set_logged", new SetLogged(BOOKINGS, false)));
        all.add(new GoldenCases.Case("set_unlogged", new SetLogged(BOOKINGS, true)));
        ReplicaIdentity full = new ReplicaIdentity(ReplicaIdentity.Kind.FULL, null);
        all.add(new GoldenCases.Case("replica_identity_full", new SetReplicaIdentity(BOOKINGS, ReplicaIdentity.DEFAULT, full)));
        all.add(new GoldenCases.Case("replica_identity_nothing", new SetReplicaIdentity(BOOKINGS, full,
                new ReplicaIdentity(ReplicaIdentity.Kind.NOTHING, null))));
        all.add(new GoldenCases.Case("replica_identity_using_index", new SetReplicaIdentity(ROOMS, ReplicaIdentity.DEFAULT,
                ReplicaIdentity.usingIndex("rooms_code_key"))));
        all.add(new GoldenCases.Case("replica_identity_default", new SetReplicaIdentity(ROOMS,
                ReplicaIdentity.usingIndex("rooms_code_key"), ReplicaIdentity.DEFAULT)));
        all.add(new GoldenCases.Case("drop_exclusion", new DropConstraint(BOOKINGS, BOOKINGS_NO_OVERLAP)));
        // The story leaves the database as the other cases do.
        all.add(new GoldenCases.Case("drop_table_unlogged", new DropTable(BOOKINGS_TABLE)));
        all.add(new GoldenCases.Case("drop_table_options", new DropTable(ROOMS_TABLE)));
        return all;
    }
}
