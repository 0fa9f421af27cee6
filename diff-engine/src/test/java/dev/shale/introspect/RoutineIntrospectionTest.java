package dev.shale.introspect;

import dev.shale.dsl.Column;
import dev.shale.dsl.PgAggregate;
import dev.shale.dsl.PgFunction;
import dev.shale.dsl.SchemaBuilder;
import dev.shale.dsl.Table;
import dev.shale.model.QualifiedName;
import dev.shale.model.Routine;
import dev.shale.model.SchemaModel;
import dev.shale.model.Trigger;
import dev.shale.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Functions, procedures, aggregates and triggers declared in the DSL: migrated, introspected, canonicalized. */
class RoutineIntrospectionTest {
    static final PgFunction SET_UPDATED_AT = PgFunction.inSchema("app", "set_updated_at").returns("trigger").language("plpgsql")
            .body("""

                    BEGIN
                      NEW.updated_at = now();
                      RETURN NEW;
                    END
                    """).comment("Stamps updated_at");
    static final PgFunction ADD = PgFunction.inSchema("app", "add").argument("a", "int").argument("b", "int", "0")
            .returns("int").language("sql").immutable().strict().parallelSafe().body("SELECT a + b");
    static final PgFunction ADD_TEXT = PgFunction.inSchema("app", "add").argument("a", "text").argument("b", "text")
            .returns("text").language("sql").stable().body("SELECT a || b");
    static final PgFunction NOTES_OF = PgFunction.inSchema("app", "notes_of").argument("who", "text")
            .returns("SETOF app.notes").language("sql").stable().securityDefiner().searchPath("app, pg_temp")
            .body("SELECT * FROM app.notes WHERE author = who");
    static final PgFunction PAIRS = PgFunction.inSchema("app", "pairs").argument("n", "integer")
            .returns("TABLE(i integer, twice integer)").language("sql").body("SELECT g, 2 * g FROM generate_series(1, n) g");
    static final PgFunction SPLIT = PgFunction.inSchema("app", "split").argument("whole", "integer").out("half", "integer")
            .out("rest", "integer").returns("record").language("plpgsql")
            .body("BEGIN half := whole / 2; rest := whole % 2; END").set("work_mem", "64MB");
    static final PgFunction TALLY = PgFunction.procedure("app", "tally").argument("amount", "integer")
            .language("plpgsql").body("BEGIN INSERT INTO app.notes (author, body) VALUES ('tally', amount::text); END");
    static final PgAggregate TOTAL = PgAggregate.inSchema("app", "total").input("integer").stateFunction("int4pl")
            .stateType("integer").initialCondition("0").parallelSafe().comment("A sum");

    static final class Notes extends Table {
        final Column<Long> id = bigserial("id").primaryKey();
        final Column<String> author = text("author").notNull();
        final Column<String> body = text("body");
        final Column<OffsetDateTime> updatedAt = timestamptz("updated_at").notNull().defaultNow();

        Notes() {
            super("app", "notes");
            trigger(SET_UPDATED_AT).beforeUpdate().forEachRow();
            trigger("notes_audit", SET_UPDATED_AT).before().of(body, author).forEachRow()
                    .when("NEW.body IS DISTINCT FROM OLD.body").comment("Only real edits");
            trigger("notes_args", SET_UPDATED_AT).after(Trigger.Event.INSERT, Trigger.Event.DELETE).forEachStatement()
                    .arguments("a", "it's");
        }
    }

    static final class Holder {
        static final Notes NOTES = new Notes();
        static final PgFunction ADD_FN = ADD;
        static final PgFunction ADD_TEXT_FN = ADD_TEXT;
        static final PgFunction NOTES_OF_FN = NOTES_OF;
        static final PgFunction PAIRS_FN = PAIRS;
        static final PgFunction SPLIT_FN = SPLIT;
        static final PgFunction TALLY_FN = TALLY;
        static final PgAggregate TOTAL_AGG = TOTAL;
    }

    static SchemaModel model() {
        return SchemaBuilder.fromClasses(List.of(Holder.class)).model();
    }

    @Test
    void theDslCollectsRoutinesAndTriggers() {
        SchemaModel model = model();
        assertEquals(8, model.routines().size(), "the trigger function is collected through its trigger");
        assertEquals(List.of("notes_args", "notes_audit", "notes_set_updated_at"),
                model.triggers().stream().map(Trigger::name).toList());
        assertEquals(2, model.routines().stream().filter(r -> r.name().equals(QualifiedName.of("app", "add"))).count(),
                "overloads are told apart by their argument types");
    }

    @Test
    void routinesAndTriggersRoundTrip() throws Exception {
        SchemaModel model = model();
        try (TestDatabase db = TestDatabase.create()) {
            RoundTrip.migrate(db, model);
            SchemaModel read = RoundTrip.assertCanonicalEqualsIntrospected(db, model);
            Routine add = read.routines().stream().filter(r -> r.signature().equals("app.add(integer, integer)")).findFirst().orElseThrow();
            assertEquals("integer", add.returns());
            assertEquals("0", add.arguments().get(1).defaultExpression());
            assertEquals(Routine.Volatility.IMMUTABLE, add.volatility());
            assertTrue(add.strict());
            Routine notesOf = read.routines().stream().filter(r -> r.name().name().equals("notes_of")).findFirst().orElseThrow();
            assertEquals("SETOF app.notes", notesOf.returns());
            assertEquals(java.util.Map.of("search_path", "app, pg_temp"), notesOf.settings());
            Trigger audit = read.trigger(QualifiedName.of("app", "notes"), "notes_audit");
            assertEquals(List.of("body", "author"), audit.updateColumns());
            assertEquals("Only real edits", audit.comment());
            assertEquals(List.of("a", "it's"), read.trigger(QualifiedName.of("app", "notes"), "notes_args").arguments());
            db.execute("INSERT INTO app.notes (author, body, updated_at) VALUES ('ann', 'x', '2000-01-01')");
            db.execute("UPDATE app.notes SET body = 'y'");
            assertEquals("t", db.strings("SELECT updated_at > '2001-01-01' FROM app.notes").get(0), "the trigger fired");
            assertEquals("3", db.strings("SELECT app.add(1, 2)").get(0));
            assertEquals("6", db.strings("SELECT app.total(x) FROM generate_series(1, 3) x").get(0));
            db.execute("CALL app.tally(5)");
        }
    }
}
