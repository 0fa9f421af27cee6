package dev.shale.cli.pull;

import dev.shale.model.Column;
import dev.shale.model.ColumnType;
import dev.shale.model.DefaultValue;
import dev.shale.model.PgType;
import dev.shale.model.PrimaryKey;
import dev.shale.model.QualifiedName;
import dev.shale.model.Routine;
import dev.shale.model.SchemaModel;
import dev.shale.model.Table;
import dev.shale.model.Trigger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pulled functions, procedures, aggregates and triggers compile and give the model back; the updated_at trigger is one line. */
class RoutinePullTest {
    private static final String PKG = "com.example.pulled";

    @TempDir
    Path dir;

    @Test
    void routinesAndTriggers() throws Exception {
        QualifiedName notes = QualifiedName.of("app", "notes");
        Table table = Table.builder(notes)
                .columns(List.of(new Column("id", ColumnType.Builtin.of(PgType.INTEGER), true, null),
                        new Column("body", ColumnType.Builtin.of(PgType.TEXT), false, null),
                        new Column("updated_at", ColumnType.Builtin.of(PgType.TIMESTAMPTZ), true, DefaultValue.expression("now()"))))
                .primaryKey(new PrimaryKey("notes_pkey", List.of("id"))).build();
        Routine touch = Routine.function(QualifiedName.of("app", "set_updated_at"), List.of(), "trigger", "plpgsql",
                "\nBEGIN\n  NEW.updated_at = now();\n  RETURN NEW;\nEND\n").withComment("Stamps \"updated_at\"");
        Routine add = new Routine(QualifiedName.of("add"), Routine.Kind.FUNCTION,
                List.of(Routine.Argument.in("a", "integer"), new Routine.Argument("b", "integer", Routine.Mode.IN, "0"),
                        new Routine.Argument("c", "integer", Routine.Mode.OUT, null)),
                "integer", "sql", "SELECT a + b", Routine.Volatility.IMMUTABLE, true, true, Routine.Parallel.RESTRICTED,
                Map.of("search_path", "pg_catalog, pg_temp", "work_mem", "64MB"), null, null);
        Routine addText = Routine.function(QualifiedName.of("add"), List.of(Routine.Argument.in("a", "text")), "text", "sql", "SELECT a");
        Routine archive = new Routine(QualifiedName.of("app", "archive"), Routine.Kind.PROCEDURE,
                List.of(new Routine.Argument("keep", "integer", Routine.Mode.INOUT, "1")), null, "plpgsql", "BEGIN END",
                null, false, false, null, Map.of(), null, null);
        Routine total = new Routine(QualifiedName.of("total"), Routine.Kind.AGGREGATE,
                List.of(new Routine.Argument(null, "integer", Routine.Mode.IN, null)), null, null, null, null, false, false,
                Routine.Parallel.SAFE, Map.of(), new Routine.Aggregate("int4pl", "integer", null, "0", "int4pl"), "A sum");
        Trigger updatedAt = Trigger.of(notes, "notes_set_updated_at", Trigger.Timing.BEFORE, Set.of(Trigger.Event.UPDATE),
                true, touch.name());
        Trigger audit = new Trigger(notes, "notes_audit", Trigger.Timing.AFTER, Set.of(Trigger.Event.INSERT, Trigger.Event.UPDATE),
                List.of("updated_at", "body"), true, "(new.body IS NOT NULL)", touch.name(), List.of("a", "it's"), null, null, "Audit");
        Trigger batch = new Trigger(notes, "notes_batch", Trigger.Timing.AFTER, Set.of(Trigger.Event.DELETE), List.of(), false,
                null, QualifiedName.of("audit", "log_delete"), List.of(), "gone", null, null);
        SchemaModel model = SchemaModel.builder().tables(List.of(table)).routines(List.of(touch, add, addText, archive, total))
                .triggers(List.of(updatedAt, audit, batch)).build();
        Map<String, String> sources = JavaSchemaWriter.write(model, PKG);
        assertEquals(model, PulledCode.load(sources, PKG, dir));
        assertEquals(sources, JavaSchemaWriter.write(model, PKG), "writing twice gives the same text");
        String t = sources.get("com/example/pulled/AppNotes.java");
        assertTrue(t.contains("trigger(Functions.APP_SET_UPDATED_AT).beforeUpdate().forEachRow();"), t);
        assertTrue(t.contains("trigger(\"notes_batch\", QualifiedName.of(\"audit\", \"log_delete\"))"), t);
        String f = sources.get("com/example/pulled/Functions.java");
        assertTrue(f.contains("ADD_2"), f);
    }
}
