package dev.shale.cli.pull;

import dev.shale.model.Check;
import dev.shale.model.Column;
import dev.shale.model.ColumnType;
import dev.shale.model.Deferral;
import dev.shale.model.Exclusion;
import dev.shale.model.ForeignKey;
import dev.shale.model.Index;
import dev.shale.model.IndexKey;
import dev.shale.model.IndexMethod;
import dev.shale.model.NullsOrder;
import dev.shale.model.PgType;
import dev.shale.model.PrimaryKey;
import dev.shale.model.QualifiedName;
import dev.shale.model.ReplicaIdentity;
import dev.shale.model.SchemaModel;
import dev.shale.model.Table;
import dev.shale.model.Unique;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Constraint, index and table options are pulled as DSL calls that compile and give back the same model. */
class PullOptionsTest {
    private static final String PKG = "com.example.pulled";

    @TempDir
    Path dir;

    static Column col(String name, PgType type, boolean notNull) {
        return new Column(name, ColumnType.Builtin.of(type), notNull, null);
    }

    static SchemaModel model() {
        QualifiedName rooms = QualifiedName.of("rooms");
        Table roomsTable = Table.builder(rooms)
                .columns(List.of(col("id", PgType.INTEGER, true), col("code", PgType.TEXT, true), col("note", PgType.TEXT, false),
                        col("doc", PgType.JSONB, false), col("floor", PgType.INTEGER, false)))
                .primaryKey(new PrimaryKey("rooms_pkey", List.of("id")))
                .addUnique(new Unique("rooms_code_key", List.of("code")))
                .addUnique(new Unique("rooms_note_key", List.of("note"), true, Deferral.DEFERRABLE, null))
                .addCheck(new Check("rooms_floor_check", "floor >= 0", true, false, null))
                .addCheck(new Check("rooms_id_check", "id > 0", false, true, null))
                .addIndex(new Index("rooms_code_pattern", false, IndexMethod.BTREE, List.of(
                        new IndexKey("code", null, true, NullsOrder.DEFAULT, "C", "text_pattern_ops"),
                        IndexKey.expression("lower(note)").withCollation("POSIX")), null,
                        List.of("note", "floor"), false, Map.of("fillfactor", "70", "deduplicate_items", "off"), null))
                .addIndex(new Index("rooms_floor_nnd", true, IndexMethod.BTREE, List.of(IndexKey.column("floor")), null,
                        List.of(), true, Map.of(), null))
                .addIndex(new Index("rooms_doc_path", false, IndexMethod.GIN,
                        List.of(IndexKey.column("doc").withOpclass("jsonb_path_ops")), null))
                .addIndex(new Index("rooms_note_spgist", false, IndexMethod.SPGIST, List.of(IndexKey.column("note")), null))
                .storage(Map.of("fillfactor", "80", "autovacuum_enabled", "false"))
                .replicaIdentity(ReplicaIdentity.usingIndex("rooms_code_key"))
                .build();
        Table bookings = Table.builder(QualifiedName.of("app", "bookings"))
                .columns(List.of(col("id", PgType.BIGINT, true), col("room_id", PgType.INTEGER, false),
                        new Column("during", ColumnType.named("tstzrange"), true, null), col("who", PgType.TEXT, false)))
                .primaryKey(new PrimaryKey("bookings_pkey", List.of("id"), Deferral.DEFERRED, null))
                .addForeignKey(new ForeignKey("bookings_room_id_fkey", List.of("room_id"), rooms, List.of("id"), null, null,
                        true, Deferral.DEFERRED, null))
                .addExclusion(new Exclusion("bookings_no_overlap", IndexMethod.GIST, List.of(
                        new Exclusion.Element(IndexKey.column("room_id"), "="),
                        new Exclusion.Element(IndexKey.column("during"), "&&")), List.of("who"), "who IS NOT NULL",
                        Deferral.DEFERRABLE, null))
                .addExclusion(new Exclusion("bookings_who_excl", IndexMethod.HASH, List.of(
                        new Exclusion.Element(IndexKey.expression("lower(who)"), "=")), List.of(), null, null, null))
                .replicaIdentity(new ReplicaIdentity(ReplicaIdentity.Kind.FULL, null))
                .build();
        Table scratch = Table.builder(QualifiedName.of("app", "scratch"))
                .columns(List.of(col("k", PgType.TEXT, false)))
                .unlogged(true)
                .replicaIdentity(new ReplicaIdentity(ReplicaIdentity.Kind.NOTHING, null))
                .build();
        return SchemaModel.builder().tables(List.of(roomsTable, bookings, scratch)).build();
    }

    @Test
    void everyOptionIsWrittenAsADslCallAndReadsBackTheSame() throws Exception {
        SchemaModel model = model();
        Map<String, String> sources = JavaSchemaWriter.write(model, PKG);
        assertEquals(model, PulledCode.load(sources, PKG, dir));
        assertEquals(sources, JavaSchemaWriter.write(model, PKG), "writing twice gives the same text");
        String rooms = sources.get("com/example/pulled/Rooms.java");
        String bookings = sources.get("com/example/pulled/AppBookings.java");
        String scratch = sources.get("com/example/pulled/AppScratch.java");
        assertTrue(rooms != null && bookings != null && scratch != null, sources.keySet().toString());
        for (String expected : List.of(
                "unique(\"rooms_note_key\", note).nullsNotDistinct().deferrable();",
                "check(\"rooms_floor_check\", \"floor >= 0\").notValid();",
                "check(\"rooms_id_check\", \"id > 0\").noInherit();",
                "index(\"rooms_code_pattern\").on(code.desc().collate(\"C\").opclass(\"text_pattern_ops\"), "
                        + "expression(\"lower(note)\").collate(\"POSIX\")).include(note, floor)"
                        + ".with(\"deduplicate_items\", \"off\").with(\"fillfactor\", 70);",
                "uniqueIndex(\"rooms_floor_nnd\").on(floor).nullsNotDistinct();",
                "with(\"autovacuum_enabled\", \"false\");",
                "replicaIdentityUsing(\"rooms_code_key\");")) {
            assertTrue(rooms.contains(expected), expected + "\n" + rooms);
        }
        for (String expected : List.of(
                "primaryKey(id).initiallyDeferred();",
                ".initiallyDeferred().notValid();",
                "exclude(\"bookings_no_overlap\").element(roomId, \"=\").element(during, \"&&\").include(who)"
                        + ".where(\"who IS NOT NULL\").deferrable();",
                "exclude(\"bookings_who_excl\").using(HASH).element(expression(\"lower(who)\"), \"=\");",
                "replicaIdentityFull();")) {
            assertTrue(bookings.contains(expected), expected + "\n" + bookings);
        }
        assertTrue(scratch.contains("unlogged();") && scratch.contains("replicaIdentityNothing();"), scratch);
    }
}
