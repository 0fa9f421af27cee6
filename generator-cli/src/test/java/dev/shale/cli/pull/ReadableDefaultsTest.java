package dev.shale.cli.pull;

import dev.shale.model.ColumnType;
import dev.shale.model.DefaultValue;
import dev.shale.model.EnumType;
import dev.shale.model.PgType;
import dev.shale.model.QualifiedName;
import dev.shale.model.SchemaModel;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which expression defaults become literals in pulled code: only plain literals of the column's own type. */
class ReadableDefaultsTest {
    private static final QualifiedName PLAN = QualifiedName.of("plan");
    private static final SchemaModel MODEL = new SchemaModel(List.of(new EnumType(PLAN, List.of("free", "it's"))), List.of(), List.of());

    private record Case(ColumnType type, String expression, DefaultValue expected) {}

    @Test
    void table() {
        ColumnType text = ColumnType.Builtin.of(PgType.TEXT);
        ColumnType integer = ColumnType.Builtin.of(PgType.INTEGER);
        ColumnType dbl = ColumnType.Builtin.of(PgType.DOUBLE_PRECISION);
        ColumnType plan = new ColumnType.EnumRef(PLAN);
        List<Case> cases = List.of(
                new Case(plan, "'free'::public.plan", DefaultValue.string("free")),
                new Case(plan, "'it''s'::plan", DefaultValue.string("it's")),
                new Case(plan, "'gold'::public.plan", null),                       // not a label: the DSL would reject it
                new Case(text, "'x'::text", DefaultValue.string("x")),
                new Case(text, "'x'::character varying", null),                   // a cast to another type keeps its meaning only as SQL
                new Case(new ColumnType.Builtin(PgType.VARCHAR, 10, null, null), "'en'::character varying", DefaultValue.string("en")),
                new Case(ColumnType.Builtin.of(PgType.JSONB), "'{}'::jsonb", DefaultValue.string("{}")),
                new Case(new ColumnType.ArrayOf(text), "'{}'::text[]", DefaultValue.string("{}")),
                new Case(new ColumnType.ArrayOf(text), "'{a,b}'::text[]", null),  // the DSL writes {"a","b"}
                new Case(integer, "0", DefaultValue.number("0")),
                new Case(integer, "'-1'::integer", DefaultValue.number("-1")),
                new Case(integer, "007", null),
                new Case(dbl, "0", null),                                         // Java writes 0.0
                new Case(dbl, "2.5", DefaultValue.number("2.5")),
                new Case(ColumnType.Builtin.of(PgType.BOOLEAN), "true", DefaultValue.bool(true)),
                new Case(ColumnType.Builtin.of(PgType.DATE), "'2024-02-29'::date", DefaultValue.string("2024-02-29")),
                new Case(ColumnType.Builtin.of(PgType.INTERVAL), "'01:00:00'::interval", null),
                new Case(ColumnType.Builtin.of(PgType.TIMESTAMPTZ), "now()", null),
                new Case(text, "lower('X'::text)", null));
        for (Case c : cases) {
            DefaultValue in = DefaultValue.expression(c.expression());
            DefaultValue want = c.expected() == null ? in : c.expected();
            assertEquals(want, ReadableDefaults.readable(c.type(), in, MODEL), c.type().spec() + " default " + c.expression());
        }
    }
}
