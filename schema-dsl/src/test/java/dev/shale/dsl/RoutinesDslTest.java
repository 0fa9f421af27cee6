package dev.shale.dsl;

import dev.shale.model.QualifiedName;
import dev.shale.model.Routine;
import dev.shale.model.SchemaModel;
import dev.shale.model.Trigger;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Functions and triggers in the DSL: the shared updated_at trigger is one line per table; bad declarations name their line. */
class RoutinesDslTest {
    static final PgFunction SET_UPDATED_AT = PgFunction.of("set_updated_at").returns("trigger").language("plpgsql")
            .body("BEGIN NEW.updated_at = now(); RETURN NEW; END");

    static final class Users extends Table {
        final Column<Integer> id = integer("id").primaryKey();
        final Column<OffsetDateTime> updatedAt = timestamptz("updated_at").notNull().defaultNow();

        Users() {
            super("users");
            trigger(SET_UPDATED_AT).beforeUpdate().forEachRow();
        }
    }

    static final class Posts extends Table {
        final Column<Integer> id = integer("id").primaryKey();
        final Column<String> title = text("title");
        final Column<OffsetDateTime> updatedAt = timestamptz("updated_at").notNull().defaultNow();

        Posts() {
            super("app", "posts");
            trigger(SET_UPDATED_AT).beforeUpdate().forEachRow();
            trigger("posts_title", SET_UPDATED_AT).before().of(title).forEachRow().when("NEW.title <> OLD.title");
        }
    }

    @Test
    void oneSharedFunctionOneLinePerTable() {
        SchemaModel model = SchemaBuilder.build(List.of(new Users(), new Posts())).model();
        assertEquals(List.of(SET_UPDATED_AT.toModel()), model.routines(), "collected once, through the triggers");
        assertEquals(List.of(
                        new Trigger(QualifiedName.of("app", "posts"), "posts_set_updated_at", Trigger.Timing.BEFORE,
                                Set.of(Trigger.Event.UPDATE), List.of(), true, null, SET_UPDATED_AT.name(), List.of(), null, null, null),
                        new Trigger(QualifiedName.of("app", "posts"), "posts_title", Trigger.Timing.BEFORE,
                                Set.of(Trigger.Event.UPDATE), List.of("title"), true, "NEW.title <> OLD.title", SET_UPDATED_AT.name(),
                                List.of(), null, null, null),
                        Trigger.of(QualifiedName.of("users"), "users_set_updated_at", Trigger.Timing.BEFORE,
                                Set.of(Trigger.Event.UPDATE), true, SET_UPDATED_AT.name())),
                model.triggers());
    }

    static final class BadTrigger extends Table {
        final Column<Integer> id = integer("id").primaryKey();

        BadTrigger() {
            super("bad_trigger");
            trigger(ADD_ONE).beforeUpdate().forEachRow(); // not a trigger function
        }
    }

    static final PgFunction ADD_ONE = PgFunction.of("add_one").returns("integer").language("sql").body("SELECT 1");
    static final PgFunction NO_BODY = PgFunction.of("no_body").returns("integer").language("sql");
    static final PgFunction OTHER_ADD_ONE = PgFunction.of("add_one").returns("bigint").language("sql").body("SELECT 1");

    @Test
    void badDeclarationsSayWhatIsWrongAndWhere() {
        SchemaDefinitionException e = assertThrows(SchemaDefinitionException.class, () -> SchemaBuilder.build(List.of(NO_BODY)));
        assertTrue(e.getMessage().contains("function \"public\".\"no_body\": a body is required"), e.getMessage());
        assertTrue(e.getMessage().startsWith("RoutinesDslTest.java:"), e.getMessage());
        SchemaDefinitionException t = assertThrows(SchemaDefinitionException.class, () -> SchemaBuilder.build(List.of(new BadTrigger())));
        assertTrue(t.getMessage().contains("which is not a function returning trigger"), t.getMessage());
        SchemaDefinitionException twice = assertThrows(SchemaDefinitionException.class,
                () -> SchemaBuilder.build(List.of(ADD_ONE, OTHER_ADD_ONE)));
        assertTrue(twice.getMessage().contains("declared twice with different definitions"), twice.getMessage());
        assertEquals(Routine.Kind.FUNCTION, ADD_ONE.toModel().kind());
    }
}
