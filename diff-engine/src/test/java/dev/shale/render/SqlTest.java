package dev.shale.render;

import dev.shale.model.ColumnType;
import dev.shale.model.DefaultValue;
import dev.shale.model.QualifiedName;
import dev.shale.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The quoting and formatting vocabulary the renderer writes with. */
class SqlTest {
    @Test
    void quotesIdentifiersAndLiteralsByDoublingTheirQuotes() {
        assertEquals("\"we\"\"ird\"", Sql.ident("we\"ird"));
        assertEquals("\"public\".\"Mixed Case\"", Sql.qualified(QualifiedName.of("Mixed Case")));
        assertEquals("'it''s'", Sql.literal("it's"));
        assertEquals("'C:\\temp'", Sql.literal("C:\\temp"), "backslashes are literal under standard_conforming_strings");
    }

    @Test
    void spellsTypes() {
        assertEquals("\"auth\".\"kind\"[]", Sql.type(ColumnType.parse("enum:auth.kind[]")));
        assertEquals("numeric(12,2)", Sql.type(ColumnType.parse("numeric(12,2)")));
        assertEquals("serial", Sql.type(ColumnType.parse("serial")));
        assertEquals("integer", Sql.typeForAlter(ColumnType.parse("serial")));
        assertEquals("bigint", Sql.typeForAlter(ColumnType.parse("bigserial")));
    }

    @Test
    void knowsAWhollyParenthesizedExpression() {
        assertTrue(Sql.isParenthesized("(a > 1)"));
        assertTrue(Sql.isParenthesized("((a) or (b))"));
        assertTrue(Sql.isParenthesized("(a = ')')"));
        assertFalse(Sql.isParenthesized("(a) or (b)"));
        assertFalse(Sql.isParenthesized("(a = '(') or (b)"));
        assertFalse(Sql.isParenthesized("a > 1"));
        assertFalse(Sql.isParenthesized("($$)$$ = x)"), "dollar quotes are not parsed: err towards parentheses");
        assertEquals("(a > 1)", Sql.parenthesized("  a > 1 "));
        assertEquals("(a > 1)", Sql.parenthesized("(a > 1)"));
        assertEquals("((a) or (b))", Sql.parenthesized("(a) or (b)"));
    }

    @Test
    void parenthesizesOnlyDefaultsTheColumnDefinitionGrammarRejects() {
        assertEquals("now()", Sql.defaultValue(DefaultValue.expression("now()")));
        assertEquals("'{}'::jsonb", Sql.defaultValue(DefaultValue.expression("'{}'::jsonb")));
        assertEquals("now() + interval '1 day'", Sql.defaultValue(DefaultValue.expression("now() + interval '1 day'")));
        assertEquals("coalesce(current_setting('x', true) is null, false)",
                Sql.defaultValue(DefaultValue.expression("coalesce(current_setting('x', true) is null, false)")));
        assertEquals("(now() AT TIME ZONE 'utc')", Sql.defaultValue(DefaultValue.expression("now() AT TIME ZONE 'utc'")));
        assertEquals("(true and false)", Sql.defaultValue(DefaultValue.expression("true and false")));
        assertEquals("'a and b'", Sql.defaultValue(DefaultValue.string("a and b")));
        assertEquals("-1.5", Sql.defaultValue(DefaultValue.number("-1.5")));
        assertEquals("false", Sql.defaultValue(DefaultValue.bool(false)));
    }

    @Test
    void everyRenderedDefaultIsValidInAColumnDefinition() throws SQLException {
        List<String> defaults = List.of("now()", "now() + interval '1 day'", "now() AT TIME ZONE 'utc'", "true and false",
                "'x' is not null", "1 between 0 and 2", "'a' like 'b'", "1 in (1, 2)");
        try (TestDatabase db = TestDatabase.create()) {
            StringBuilder sql = new StringBuilder("CREATE TABLE t (");
            for (int i = 0; i < defaults.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append("c").append(i).append(" text DEFAULT ")
                        .append(Sql.defaultValue(DefaultValue.expression(defaults.get(i)))).append(" NOT NULL");
            }
            db.execute(sql.append(")").toString());
            assertEquals(List.of(String.valueOf(defaults.size())),
                    db.strings("SELECT count(*) FROM pg_attrdef WHERE adrelid = 't'::regclass"));
        }
    }

    @Test
    void castsThroughTextWhereNoDirectCastExists() {
        ColumnType role = ColumnType.parse("enum:public.role");
        assertEquals("\"c\"::\"public\".\"role\"", AlterColumnSql.usingCast("\"c\"", ColumnType.parse("text"), role));
        assertEquals("\"c\"::\"public\".\"role\"", AlterColumnSql.usingCast("\"c\"", ColumnType.parse("varchar(20)"), role));
        assertEquals("\"c\"::text::\"public\".\"role\"", AlterColumnSql.usingCast("\"c\"", ColumnType.parse("char(5)"), role));
        assertEquals("\"c\"::text::\"public\".\"role\"", AlterColumnSql.usingCast("\"c\"", ColumnType.parse("integer"), role));
        assertEquals("\"c\"::text::integer", AlterColumnSql.usingCast("\"c\"", role, ColumnType.parse("integer")));
        assertEquals("\"c\"::integer", AlterColumnSql.usingCast("\"c\"", ColumnType.parse("text"), ColumnType.parse("integer")));
        assertEquals("\"c\"::integer", AlterColumnSql.usingCast("\"c\"", ColumnType.parse("text"), ColumnType.parse("serial")));
    }

    @Test
    void throughTextCastsRunOnPostgres() throws SQLException {
        try (TestDatabase db = TestDatabase.create()) {
            db.execute("""
                    CREATE TYPE "public"."role" AS ENUM ('a', '1');
                    CREATE TABLE t (p char(5), n integer, r "public"."role");
                    INSERT INTO t VALUES ('a', 1, '1');
                    """);
            ColumnType role = ColumnType.parse("enum:public.role");
            db.execute("ALTER TABLE t ALTER COLUMN p TYPE \"public\".\"role\" USING "
                    + AlterColumnSql.usingCast("\"p\"", ColumnType.parse("char(5)"), role));
            db.execute("ALTER TABLE t ALTER COLUMN n TYPE \"public\".\"role\" USING "
                    + AlterColumnSql.usingCast("\"n\"", ColumnType.parse("integer"), role));
            db.execute("ALTER TABLE t ALTER COLUMN r TYPE integer USING "
                    + AlterColumnSql.usingCast("\"r\"", role, ColumnType.parse("integer")));
            assertEquals(List.of("a|1|1"), db.strings("SELECT p || '|' || n || '|' || r FROM t"));
        }
    }

    @Test
    void keepsCommentsOnOneLine() {
        assertEquals("a\\nb\\r\\tc\\u0000", Sql.oneLine("a\nb\r\tc\0"));
        assertEquals("drop \"it's\"", Sql.oneLine("drop \"it's\""));
    }
}
