package dev.shale.render;

import dev.shale.change.AlterRoutine;
import dev.shale.change.CommentOnRoutine;
import dev.shale.change.CommentOnTrigger;
import dev.shale.change.CreateRoutine;
import dev.shale.change.CreateTable;
import dev.shale.change.CreateTrigger;
import dev.shale.change.DropRoutine;
import dev.shale.change.DropTable;
import dev.shale.change.DropTrigger;
import dev.shale.model.DefaultValue;
import dev.shale.model.PrimaryKey;
import dev.shale.model.QualifiedName;
import dev.shale.model.Routine;
import dev.shale.model.Table;
import dev.shale.model.Trigger;
import dev.shale.render.GoldenCases.Case;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.shale.testing.Models.col;

/**
 * The golden cases of functions, procedures, aggregates and triggers: a story of its own on a
 * {@code notes} table it creates first and drops last.
 */
final class RoutineGoldenCases {
    private RoutineGoldenCases() {}

    static final QualifiedName NOTES = QualifiedName.of("notes");
    static final Table NOTES_TABLE = Table.builder(NOTES)
            .columns(List.of(col("id", "integer", true, null), col("body", "text", false, null),
                    col("updated_at", "timestamptz", true, DefaultValue.expression("now()"))))
            .primaryKey(new PrimaryKey("notes_pkey", List.of("id"))).build();

    static final Routine TOUCH = Routine.function(QualifiedName.of("touch"), List.of(), "trigger", "plpgsql", """

            BEGIN
              NEW.updated_at = now();
              RETURN NEW;
            END
            """);
    static final Routine ADD = new Routine(QualifiedName.of("add"), Routine.Kind.FUNCTION,
            List.of(Routine.Argument.in("a", "integer"), new Routine.Argument("b", "integer", Routine.Mode.IN, "0")),
            "integer", "sql", "SELECT a + b", Routine.Volatility.IMMUTABLE, true, false, Routine.Parallel.SAFE,
            Map.of(), null, null);
    static final Routine SPLIT = new Routine(QualifiedName.of("split"), Routine.Kind.FUNCTION,
            List.of(Routine.Argument.in("whole", "integer"), new Routine.Argument("half", "integer", Routine.Mode.OUT, null),
                    new Routine.Argument(null, "integer[]", Routine.Mode.VARIADIC, null)),
            "integer", "plpgsql", "BEGIN half := whole / 2; END -- $function$ occurs in the body",
            Routine.Volatility.STABLE, false, true, Routine.Parallel.RESTRICTED,
            Map.of("search_path", "public, pg_temp", "work_mem", "64MB"), null, null);
    static final Routine ARCHIVE = new Routine(QualifiedName.of("archive"), Routine.Kind.PROCEDURE,
            List.of(Routine.Argument.in("keep", "integer")), null, "sql", "DELETE FROM public.notes WHERE id > keep",
            null, false, false, null, Map.of(), null, null);
    static final Routine TOTAL = new Routine(QualifiedName.of("total"), Routine.Kind.AGGREGATE,
            List.of(new Routine.Argument(null, "integer", Routine.Mode.IN, null)), null, null, null, null, false, false,
            Routine.Parallel.SAFE, Map.of(), new Routine.Aggregate("public.add", "integer", null, "0", "public.add"), null);

    static final Trigger NOTES_TOUCH = Trigger.of(NOTES, "notes_touch", Trigger.Timing.BEFORE,
            Set.of(Trigger.Event.UPDATE), true, TOUCH.name());
    static final Trigger NOTES_AUDIT = new Trigger(NOTES, "notes_audit", Trigger.Timing.AFTER,
            Set.of(Trigger.Event.INSERT, Trigger.Event.UPDATE), List.of("body"), true,
            "NEW.body IS NOT NULL", TOUCH.name(), List.of("audit", "it's"), null, null, null);
    static final Trigger NOTES_BATCH = new Trigger(NOTES, "notes_batch", Trigger.Timing.AFTER,
            Set.of(Trigger.Event.INSERT), List.of(), false, null, TOUCH.name(), List.of(), null, "inserted", null);

    static List<Case> cases() {
        List<Case> all = new ArrayList<>();
        all.add(new Case("routines_create_notes", new CreateTable(NOTES_TABLE)));
        all.add(new Case("create_function_trigger", new CreateRoutine(TOUCH)));
        all.add(new Case("create_function_sql", new CreateRoutine(ADD)));
        all.add(new Case("create_function_attributes", new CreateRoutine(SPLIT)));
        all.add(new Case("create_procedure", new CreateRoutine(ARCHIVE)));
        all.add(new Case("create_aggregate", new CreateRoutine(TOTAL)));
        all.add(new Case("replace_function", new AlterRoutine(ADD, ADD.withBody("SELECT b + a"))));
        Routine invoker = new Routine(SPLIT.name(), SPLIT.kind(), SPLIT.arguments(), SPLIT.returns(), SPLIT.language(),
                SPLIT.body(), Routine.Volatility.VOLATILE, true, false, Routine.Parallel.UNSAFE,
                Map.of("search_path", "''"), null, null);
        all.add(new Case("alter_function_attributes", new AlterRoutine(SPLIT, invoker)));
        all.add(new Case("replace_aggregate", new AlterRoutine(TOTAL, TOTAL.withAggregate(
                new Routine.Aggregate("public.add", "integer", null, "10", null)))));
        all.add(new Case("comment_function", new CommentOnRoutine(ADD, "Adds; it's commutative")));
        all.add(new Case("comment_aggregate", new CommentOnRoutine(TOTAL, "A sum")));
        all.add(new Case("create_trigger", new CreateTrigger(NOTES_TOUCH)));
        all.add(new Case("create_trigger_update_of_when_arguments", new CreateTrigger(NOTES_AUDIT)));
        all.add(new Case("create_trigger_statement_transition_table", new CreateTrigger(NOTES_BATCH)));
        all.add(new Case("comment_trigger", new CommentOnTrigger(NOTES_TOUCH, "Keeps updated_at current")));
        all.add(new Case("remove_comment_trigger", new CommentOnTrigger(NOTES_TOUCH, null)));
        all.add(new Case("drop_trigger", new DropTrigger(NOTES_AUDIT)));
        all.add(new Case("drop_aggregate", new DropRoutine(TOTAL)));
        all.add(new Case("drop_procedure", new DropRoutine(ARCHIVE)));
        all.add(new Case("drop_function", new DropRoutine(ADD)));
        all.add(new Case("routines_drop_notes", new DropTable(NOTES_TABLE)));
        all.add(new Case("drop_trigger_function", new DropRoutine(TOUCH)));
        return all;
    }
}
