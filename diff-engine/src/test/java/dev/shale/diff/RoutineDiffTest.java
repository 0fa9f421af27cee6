package dev.shale.diff;

import dev.shale.change.AlterRoutine;
import dev.shale.change.Change;
import dev.shale.change.CommentOnRoutine;
import dev.shale.change.CommentOnTrigger;
import dev.shale.change.CreateRoutine;
import dev.shale.change.CreateTable;
import dev.shale.change.CreateTrigger;
import dev.shale.change.DropRoutine;
import dev.shale.change.DropTable;
import dev.shale.change.DropTrigger;
import dev.shale.change.RenameTable;
import dev.shale.model.QualifiedName;
import dev.shale.model.Routine;
import dev.shale.model.SchemaModel;
import dev.shale.model.Table;
import dev.shale.model.Trigger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static dev.shale.testing.Models.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Table-driven diff cases for routines and triggers: name, before, after, the changes expected in order. */
class RoutineDiffTest {
    static final QualifiedName NOTES = QualifiedName.of("notes");
    static final Table NOTES_TABLE = Table.builder(NOTES).columns(List.of(col("id", "integer"), col("updated_at", "timestamptz")))
            .build();
    static final Routine TOUCH = Routine.function(QualifiedName.of("touch"), List.of(), "trigger", "plpgsql",
            "BEGIN NEW.updated_at = now(); RETURN NEW; END");
    static final Routine ADD = Routine.function(QualifiedName.of("add"),
            List.of(Routine.Argument.in("a", "integer"), Routine.Argument.in("b", "integer")), "integer", "sql", "SELECT a + b");
    static final Routine ADD_TEXT = Routine.function(QualifiedName.of("add"),
            List.of(Routine.Argument.in("a", "text"), Routine.Argument.in("b", "text")), "text", "sql", "SELECT a || b");
    static final Trigger NOTES_TOUCH = Trigger.of(NOTES, "notes_touch", Trigger.Timing.BEFORE, Set.of(Trigger.Event.UPDATE),
            true, TOUCH.name());

    static SchemaModel model(List<Routine> routines, List<Trigger> triggers) {
        return SchemaModel.builder().tables(List.of(NOTES_TABLE)).routines(routines).triggers(triggers).build();
    }

    static Routine stable(Routine r) {
        return new Routine(r.name(), r.kind(), r.arguments(), r.returns(), r.language(), r.body(), Routine.Volatility.STABLE,
                r.strict(), r.securityDefiner(), r.parallel(), Map.of("search_path", "public"), r.aggregate(), r.comment());
    }

    static Stream<Arguments> cases() {
        SchemaModel empty = SchemaModel.EMPTY;
        SchemaModel withTouch = model(List.of(TOUCH), List.of(NOTES_TOUCH));
        Routine touchBigint = TOUCH.withBody("BEGIN NEW.updated_at = clock_timestamp(); RETURN NEW; END");
        Routine addBigint = ADD.withReturns("bigint");
        return Stream.of(
                arguments("a new trigger function and its trigger come after the table (function first, before tables)",
                        empty, withTouch,
                        List.of(new CreateRoutine(TOUCH), new CreateTable(NOTES_TABLE), new CreateTrigger(NOTES_TOUCH))),
                arguments("everything goes: the trigger first, then the table, then the function",
                        withTouch, empty,
                        List.of(new DropTrigger(NOTES_TOUCH), new DropTable(NOTES_TABLE), new DropRoutine(TOUCH))),
                arguments("a new body is CREATE OR REPLACE and leaves the trigger alone",
                        withTouch, model(List.of(touchBigint), List.of(NOTES_TOUCH)),
                        List.of(new AlterRoutine(TOUCH, touchBigint))),
                arguments("new attributes alone are an AlterRoutine too",
                        model(List.of(ADD), List.of()), model(List.of(stable(ADD)), List.of()),
                        List.of(new AlterRoutine(ADD, stable(ADD)))),
                arguments("a new return type is a drop and a create",
                        model(List.of(ADD), List.of()), model(List.of(addBigint), List.of()),
                        List.of(new DropRoutine(ADD), new CreateRoutine(addBigint))),
                arguments("renamed arguments are a drop and a create",
                        model(List.of(ADD), List.of()), model(List.of(ADD.withArguments(List.of(Routine.Argument.in("x", "integer"),
                                Routine.Argument.in("y", "integer")))), List.of()),
                        List.of(new DropRoutine(ADD), new CreateRoutine(ADD.withArguments(List.of(Routine.Argument.in("x", "integer"),
                                Routine.Argument.in("y", "integer")))))),
                arguments("an overload is another routine",
                        model(List.of(ADD), List.of()), model(List.of(ADD, ADD_TEXT), List.of()),
                        List.of(new CreateRoutine(ADD_TEXT))),
                arguments("a new body and a comment: CREATE OR REPLACE and COMMENT, the trigger untouched",
                        withTouch, model(List.of(TOUCH.withReturns("trigger ").withArguments(List.of()).withBody("BEGIN RETURN NULL; END")
                                .withComment("x")), List.of(NOTES_TOUCH)),
                        List.of(new AlterRoutine(TOUCH, TOUCH.withBody("BEGIN RETURN NULL; END").withComment("x")),
                                new CommentOnRoutine(TOUCH.withBody("BEGIN RETURN NULL; END").withComment("x"), "x"))),
                arguments("a changed trigger is dropped and created; a comment alone is a COMMENT",
                        withTouch, model(List.of(TOUCH), List.of(NOTES_TOUCH.withWhen("NEW.id > 0").withComment("c"))),
                        List.of(new DropTrigger(NOTES_TOUCH), new CreateTrigger(NOTES_TOUCH.withWhen("NEW.id > 0").withComment("c")),
                                new CommentOnTrigger(NOTES_TOUCH.withWhen("NEW.id > 0").withComment("c"), "c"))),
                arguments("a trigger comment alone",
                        withTouch, model(List.of(TOUCH), List.of(NOTES_TOUCH.withComment("c"))),
                        List.of(new CommentOnTrigger(NOTES_TOUCH.withComment("c"), "c"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void diff(String name, SchemaModel from, SchemaModel to, List<Change> expected) {
        assertEquals(expected, Differ.changes(from, to, RenameDecisions.NONE));
        assertEquals(List.of(), Differ.changes(to, to, RenameDecisions.NONE), "diff(s, s) is empty");
    }

    @org.junit.jupiter.api.Test
    void aProcedureBecomingAFunctionRecreatesTheTriggersOfThatName() {
        Routine asProcedure = new Routine(TOUCH.name(), Routine.Kind.PROCEDURE, List.of(), null, "plpgsql", "BEGIN END",
                null, false, false, null, Map.of(), null, null);
        SchemaModel before = SchemaModel.builder().tables(List.of(NOTES_TABLE)).routines(List.of(asProcedure)).build();
        assertEquals(List.of(new DropRoutine(asProcedure), new CreateRoutine(TOUCH), new CreateTrigger(NOTES_TOUCH)),
                Differ.changes(before, model(List.of(TOUCH), List.of(NOTES_TOUCH)), RenameDecisions.NONE));
    }

    @org.junit.jupiter.api.Test
    void aTriggerFunctionDroppedAndCreatedTakesItsTriggersWithItAndBack() {
        Routine shouted = TOUCH.withReturns("TRIGGER");
        assertEquals(List.of(new DropTrigger(NOTES_TOUCH), new DropRoutine(shouted), new CreateRoutine(TOUCH),
                        new CreateTrigger(NOTES_TOUCH)),
                Differ.changes(model(List.of(shouted), List.of(NOTES_TOUCH)), model(List.of(TOUCH), List.of(NOTES_TOUCH)),
                        RenameDecisions.NONE));
    }

    @org.junit.jupiter.api.Test
    void aRenamedTableKeepsItsTriggers() {
        QualifiedName memos = QualifiedName.of("memos");
        SchemaModel before = model(List.of(TOUCH), List.of(NOTES_TOUCH));
        SchemaModel after = SchemaModel.builder().tables(List.of(NOTES_TABLE.toBuilder().name(memos).build()))
                .routines(List.of(TOUCH)).triggers(List.of(NOTES_TOUCH.withTable(memos))).build();
        RenameDecisions decisions = RenameDecisions.of(List.of(dev.shale.model.Rename.table(NOTES, "memos")));
        assertEquals(List.of(new RenameTable(NOTES, memos)), Differ.changes(before, after, decisions));
    }
}
