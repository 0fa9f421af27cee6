package dev.shale.model;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link ColumnType#spec()} and {@link ColumnType#parse(String)}: a round trip for every type, and bad specs rejected. */
class ColumnTypeTest {

    /** One type of every kind: each builtin bare, the modifier forms, an enum, and arrays of all of them. */
    private static List<ColumnType> everyType() {
        List<ColumnType> types = new ArrayList<>();
        for (PgType t : PgType.values()) {
            types.add(ColumnType.Builtin.of(t));
        }
        types.add(new ColumnType.Builtin(PgType.VARCHAR, 255, null, null));
        types.add(new ColumnType.Builtin(PgType.CHAR, 2, null, null));
        types.add(new ColumnType.Builtin(PgType.NUMERIC, null, 12, 2));
        types.add(new ColumnType.Builtin(PgType.NUMERIC, null, 5, 0));
        types.add(new ColumnType.EnumRef(QualifiedName.of("user_role")));
        types.add(new ColumnType.EnumRef(QualifiedName.of("billing", "plan")));
        List<ColumnType> arrays = new ArrayList<>();
        for (ColumnType t : types) {
            if (!(t instanceof ColumnType.Builtin b && b.type().isSerial())) {
                arrays.add(new ColumnType.ArrayOf(t));
            }
        }
        types.addAll(arrays);
        return types;
    }

    @Test
    void parseOfSpecIsIdentityForEveryType() {
        List<ColumnType> types = everyType();
        assertEquals(2 * (PgType.values().length + 6) - 2, types.size());
        for (ColumnType t : types) {
            assertEquals(t, ColumnType.parse(t.spec()), t.spec());
            assertEquals(t.spec(), ColumnType.parse(t.spec()).spec());
        }
    }

    @Test
    void specsAreCanonical() {
        Map<ColumnType, String> expected = Map.of(
                ColumnType.Builtin.of(PgType.DOUBLE_PRECISION), "double precision",
                ColumnType.Builtin.of(PgType.CHAR), "char(1)",
                new ColumnType.Builtin(PgType.NUMERIC, null, 7, null), "numeric(7,0)",
                new ColumnType.EnumRef(QualifiedName.of("billing", "plan")), "enum:billing.plan",
                new ColumnType.ArrayOf(new ColumnType.Builtin(PgType.VARCHAR, 8, null, null)), "varchar(8)[]");
        expected.forEach((type, spec) -> assertEquals(spec, type.spec()));
        assertEquals(new ColumnType.Builtin(PgType.NUMERIC, null, 7, 0), ColumnType.parse("numeric(7)"));
    }

    @Test
    void invalidSpecsAreRejectedNamingTheText() {
        Map<String, String> cases = Map.ofEntries(
                Map.entry("", "type is required"),
                Map.entry("varchr(10)", "not a supported type"),
                Map.entry("integer(4)", "not a supported type"),
                Map.entry("VARCHAR(10)", "not a supported type"),
                Map.entry("varchar(0)", "length must be between 1 and 10485760"),
                Map.entry("varchar(10,2)", "not a supported type"),
                Map.entry("numeric(3,5)", "scale must be between 0 and the precision 3"),
                Map.entry("numeric(0,0)", "precision must be between 1 and 1000"),
                Map.entry("text[][]", "only one-dimensional arrays are supported"),
                Map.entry("serial[]", "serial types cannot be array elements"),
                Map.entry("enum:role", "an enum type is written enum:<schema>.<name>"),
                Map.entry("enum:public.", "an enum type is written enum:<schema>.<name>"));
        cases.forEach((spec, reason) -> {
            var e = assertThrows(InvalidModelException.class, () -> ColumnType.parse(spec), spec);
            assertTrue(e.getMessage().contains(reason), "«" + spec + "» should fail with «" + reason + "»: " + e.getMessage());
        });
        var unknown = assertThrows(InvalidModelException.class, () -> ColumnType.parse("money"));
        assertEquals("column type \"money\"", unknown.object());
    }

    @Test
    void builtinModifiersAreChecked() {
        assertThrows(InvalidModelException.class, () -> new ColumnType.Builtin(PgType.TEXT, 10, null, null));
        assertThrows(InvalidModelException.class, () -> new ColumnType.Builtin(PgType.INTEGER, null, 10, 2));
        assertThrows(InvalidModelException.class, () -> new ColumnType.Builtin(PgType.VARCHAR, 10_485_761, null, null));
        assertThrows(InvalidModelException.class, () -> new ColumnType.ArrayOf(ColumnType.Builtin.of(PgType.BIGSERIAL)));
    }

    @Test
    void namedTypesKeepTheirSqlTextAndRoundTrip() {
        for (String sql : List.of("citext", "money", "tsvector", "point", "bit varying(8)", "geometry(Point,4326)",
                "time(3) with time zone", "interval day to second(3)", "app.positive_amount", "\"My Schema\".\"My \"\"Type\"\"\"",
                "\"char\"", "bpchar", "ext.hstore")) {
            ColumnType named = ColumnType.named(sql);
            assertEquals(sql, named.sql());
            assertEquals("named:" + sql, named.spec());
            assertEquals(named, ColumnType.parse(named.spec()));
            ColumnType array = new ColumnType.ArrayOf(named);
            assertEquals("named:" + sql + "[]", array.spec());
            assertEquals(sql + "[]", array.sql());
            assertEquals(array, ColumnType.parse(array.spec()));
        }
    }

    @Test
    void namedTypesMustBeTypeNamesAndNotTheModelsOwn() {
        for (String bad : List.of("", " ", "citext[]", "text; DROP TABLE users", "citext -- x", "a.b.c", "x(1)(2", "'citext'",
                "geometry(Point,4326) x(1--2)", "\"unterminated", "citext ", "bad\nname")) {
            var e = assertThrows(InvalidModelException.class, () -> ColumnType.named(bad), bad);
            assertTrue(e.getMessage().contains(bad.isBlank() ? "required" : "not a type name as SQL writes one"), e.getMessage());
        }
        for (String builtin : List.of("integer", "varchar(20)", "numeric(12,2)", "timestamptz", "double precision")) {
            var e = assertThrows(InvalidModelException.class, () -> ColumnType.named(builtin), builtin);
            assertTrue(e.getMessage().contains("built in to the model"), e.getMessage());
        }
    }
}
