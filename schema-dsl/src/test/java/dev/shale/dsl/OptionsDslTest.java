package dev.shale.dsl;

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
import dev.shale.model.SchemaModel;
import dev.shale.model.Unique;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.shale.dsl.IndexKeySpec.expression;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Constraint, index and table options as the DSL declares them, and the model they become. */
class OptionsDslTest {

    static final class Rooms extends Table {
        final Column<Integer> id = integer("id");
        final Column<String> code = text("code").notNull();
        final Column<String> note = text("note");
        final Column<String> doc = jsonb("doc");
        final Column<Integer> floor = integer("floor");

        Rooms() {
            super("rooms");
            primaryKey(id).deferrable();
            unique("rooms_code_key", code);
            unique("rooms_note_floor_key", note, floor).nullsNotDistinct().initiallyDeferred();
            check("rooms_floor_check", "floor >= 0").notValid();
            check("rooms_id_check", "id > 0").noInherit();
            index("rooms_code_pattern").on(code.desc().collate("C").opclass("text_pattern_ops"), expression("lower(note)").collate("POSIX"))
                    .include(note, floor).with("fillfactor", 70);
            uniqueIndex("rooms_note_key").on(note).nullsNotDistinct();
            index("rooms_doc_path").on(doc.asc().opclass("jsonb_path_ops")).using(IndexMethod.GIN);
            index("rooms_note_spgist").on(note).using(IndexMethod.SPGIST);
            exclude("rooms_floor_excl").using(IndexMethod.BTREE).element(floor, "=").element(expression("lower(code)"), "=")
                    .include(note).where("floor > 0").deferrable();
            unlogged();
            with("fillfactor", 80);
            with("autovacuum_enabled", false);
            replicaIdentityUsing("rooms_code_key");
        }
    }

    static final class Bookings extends Table {
        final Column<Integer> id = integer("id").primaryKey();
        final Column<Integer> roomId = integer("room_id");
        final Column<Integer> roomNo = integer("room_no");

        Bookings() {
            super("app", "bookings");
            foreignKey("bookings_room_fkey", roomNo).references(() -> Schema.OTHER.id).initiallyDeferred().notValid();
            replicaIdentityFull();
        }
    }

    static final class Other extends Table {
        final Column<Integer> id = integer("id").primaryKey();

        Other() {
            super("app", "other");
            replicaIdentityNothing();
        }
    }

    static final class Schema {
        static final Other OTHER = new Other();
    }

    @Test
    void everyOptionAsTheModelHasIt() {
        SchemaModel model = Dsl.model(new Rooms(), new Bookings(), Schema.OTHER);
        var rooms = Dsl.table(model, "rooms");
        assertEquals(new PrimaryKey("rooms_pkey", List.of("id"), Deferral.DEFERRABLE, null), rooms.primaryKey());
        assertEquals(List.of(new Unique("rooms_code_key", List.of("code")),
                new Unique("rooms_note_floor_key", List.of("note", "floor"), true, Deferral.DEFERRED, null)), rooms.uniques());
        assertEquals(List.of(new Check("rooms_floor_check", "floor >= 0", true, false, null),
                new Check("rooms_id_check", "id > 0", false, true, null)), rooms.checks());
        assertEquals(List.of(
                new Index("rooms_code_pattern", false, IndexMethod.BTREE, List.of(
                        new IndexKey("code", null, true, NullsOrder.DEFAULT, "C", "text_pattern_ops"),
                        new IndexKey(null, "lower(note)", false, NullsOrder.DEFAULT, "POSIX", null)), null,
                        List.of("note", "floor"), false, Map.of("fillfactor", "70"), null),
                new Index("rooms_doc_path", false, IndexMethod.GIN, List.of(IndexKey.column("doc").withOpclass("jsonb_path_ops")), null),
                new Index("rooms_note_key", true, IndexMethod.BTREE, List.of(IndexKey.column("note")), null, List.of(), true, Map.of(), null),
                new Index("rooms_note_spgist", false, IndexMethod.SPGIST, List.of(IndexKey.column("note")), null)), rooms.indexes());
        assertEquals(List.of(new Exclusion("rooms_floor_excl", IndexMethod.BTREE, List.of(
                new Exclusion.Element(IndexKey.column("floor"), "="), new Exclusion.Element(IndexKey.expression("lower(code)"), "=")),
                List.of("note"), "floor > 0", Deferral.DEFERRABLE, null)), rooms.exclusions());
        assertEquals(true, rooms.unlogged());
        assertEquals(Map.of("autovacuum_enabled", "false", "fillfactor", "80"), rooms.storage());
        assertEquals(ReplicaIdentity.usingIndex("rooms_code_key"), rooms.replicaIdentity());

        var bookings = model.table(QualifiedName.of("app", "bookings"));
        assertEquals(List.of(new ForeignKey("bookings_room_fkey", List.of("room_no"), QualifiedName.of("app", "other"), List.of("id"),
                null, null, true, Deferral.DEFERRED, null)), bookings.foreignKeys());
        assertEquals(ReplicaIdentity.Kind.FULL, bookings.replicaIdentity().kind());
        assertEquals(ReplicaIdentity.Kind.NOTHING, model.table(QualifiedName.of("app", "other")).replicaIdentity().kind());
    }

    static final class BadStorage extends Table {
        BadStorage() {
            super("bad");
            with("Fill Factor", 1);
        }
    }

    static final class BadIdentity extends Table {
        final Column<String> email = text("email");

        BadIdentity() {
            super("bad_identity");
            uniqueIndex("bad_email_key").on(email);
            replicaIdentityUsing("bad_email_key");
        }
    }

    @Test
    void badOptionsAreRefusedWithAReason() {
        SchemaDefinitionException storage = assertThrows(SchemaDefinitionException.class, BadStorage::new);
        assertTrue(storage.getMessage().contains("storage parameter name Fill Factor is not one"), storage.getMessage());
        SchemaDefinitionException identity = assertThrows(SchemaDefinitionException.class, () -> Dsl.model(new BadIdentity()));
        assertTrue(identity.getMessage().contains("its column \"email\" may be NULL; make it NOT NULL"), identity.getMessage());
    }
}
