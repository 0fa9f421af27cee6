package dev.shale.migrator;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Table-driven cases for {@link SqlSplitter}: a script in, the exact statements and their lines out. */
class SqlSplitterTest {

    private record Case(String name, String script, List<SqlStatement> expected) {
        Case(String name, String script, SqlStatement... expected) {
            this(name, script, Arrays.asList(expected));
        }
    }

    private static SqlStatement st(int line, String sql) {
        return new SqlStatement(sql, line);
    }

    private static final List<Case> CASES = List.of(
            new Case("plain statements", "SELECT 1;\nSELECT 2;\n", st(1, "SELECT 1"), st(2, "SELECT 2")),
            new Case("trailing statement without semicolon", "SELECT 1;\n  SELECT 2  \n\n", st(1, "SELECT 1"), st(2, "SELECT 2")),
            new Case("empty script", ""),
            new Case("only whitespace, comments and semicolons", " ;\n-- a;\n;/* b; */;\n"),
            new Case("semicolon in a string", "SELECT 'a;b';SELECT 2", st(1, "SELECT 'a;b'"), st(1, "SELECT 2")),
            new Case("doubled quotes in a string", "SELECT 'it''s; fine', '''';SELECT ''';'''",
                    st(1, "SELECT 'it''s; fine', ''''"), st(1, "SELECT ''';'''")),
            new Case("backslash is not an escape in a standard string", "SELECT 'a\\';SELECT 2",
                    st(1, "SELECT 'a\\'"), st(1, "SELECT 2")),
            new Case("E'' string with an escaped quote", "SELECT E'\\'';SELECT E'a\\\\';SELECT e'\\';'",
                    st(1, "SELECT E'\\''"), st(1, "SELECT E'a\\\\'"), st(1, "SELECT e'\\';'")),
            new Case("E'' string with a doubled quote", "SELECT E'x'';y';SELECT 1", st(1, "SELECT E'x'';y'"), st(1, "SELECT 1")),
            new Case("identifier ending in e is not an E'' prefix", "SELECT 1 AS some'\\';SELECT 2",
                    st(1, "SELECT 1 AS some'\\'"), st(1, "SELECT 2")),
            new Case("E'' string continued on the next line stays an E'' string", "SELECT E'a'\n  '\\';x';\nSELECT 2",
                    st(1, "SELECT E'a'\n  '\\';x'"), st(3, "SELECT 2")),
            new Case("E'' string followed by a string on the same line is not continued", "SELECT E'a' '\\';SELECT 2",
                    st(1, "SELECT E'a' '\\'"), st(1, "SELECT 2")),
            new Case("U&'' string and identifier", "SELECT U&'d\\0061;t' AS U&\"a;\"\"b\";SELECT 2",
                    st(1, "SELECT U&'d\\0061;t' AS U&\"a;\"\"b\""), st(1, "SELECT 2")),
            new Case("B'' and X'' strings", "SELECT B'1;0', X'1;F';SELECT 2", st(1, "SELECT B'1;0', X'1;F'"), st(1, "SELECT 2")),
            new Case("quoted identifier with semicolon and doubled quotes", "CREATE TABLE \"a;\"\"b\" (x int);SELECT 2",
                    st(1, "CREATE TABLE \"a;\"\"b\" (x int)"), st(1, "SELECT 2")),
            new Case("line comment hides a semicolon", "SELECT 1 -- no; end\n, 2;\nSELECT 3",
                    st(1, "SELECT 1 -- no; end\n, 2"), st(3, "SELECT 3")),
            new Case("comment before a statement is dropped, its line skipped", "-- header\n/* more */\n\nSELECT 1;",
                    st(4, "SELECT 1")),
            new Case("comment after the last token is dropped", "SELECT 1 /* x */ -- y\n;SELECT 2 -- end\n",
                    st(1, "SELECT 1"), st(2, "SELECT 2")),
            new Case("nested block comments", "SELECT /* a /* b; */ c; */ 1;SELECT 2",
                    st(1, "SELECT /* a /* b; */ c; */ 1"), st(1, "SELECT 2")),
            new Case("block comment start inside an operator", "SELECT 2 */*;*/ 3;SELECT 4", st(1, "SELECT 2 */*;*/ 3"), st(1, "SELECT 4")),
            new Case("line comment start inside an operator", "SELECT 2 +-- ;\n 3;SELECT 4", st(1, "SELECT 2 +-- ;\n 3"), st(2, "SELECT 4")),
            new Case("dollar quotes", "SELECT $$a;'b$$;SELECT $x$ $$; $x$;SELECT $_1$;$_1$",
                    st(1, "SELECT $$a;'b$$"), st(1, "SELECT $x$ $$; $x$"), st(1, "SELECT $_1$;$_1$")),
            new Case("nested dollar quotes with different tags", "SELECT $a$ $b$ ; $a $ab$ $b$ $a$;SELECT 2",
                    st(1, "SELECT $a$ $b$ ; $a $ab$ $b$ $a$"), st(1, "SELECT 2")),
            new Case("dollar tags are case sensitive", "SELECT $T$ $t$; $T$;SELECT 2", st(1, "SELECT $T$ $t$; $T$"), st(1, "SELECT 2")),
            new Case("a parameter is not a dollar quote", "PREPARE p AS SELECT $1;SELECT $2 $$;$$",
                    st(1, "PREPARE p AS SELECT $1"), st(1, "SELECT $2 $$;$$")),
            new Case("dollar inside an identifier is not a dollar quote", "SELECT a$$b, c$d$;SELECT 2",
                    st(1, "SELECT a$$b, c$d$"), st(1, "SELECT 2")),
            new Case("dollar after a number starts a dollar quote", "SELECT 1$$;$$;SELECT 2", st(1, "SELECT 1$$;$$"), st(1, "SELECT 2")),
            new Case("plpgsql function and trigger", """
                    CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $body$
                    BEGIN
                      NEW.updated := now(); -- keep; this
                      RETURN NEW;
                    END;
                    $body$;

                    CREATE TRIGGER t BEFORE UPDATE ON x FOR EACH ROW EXECUTE FUNCTION touch();
                    """,
                    st(1, """
                            CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $body$
                            BEGIN
                              NEW.updated := now(); -- keep; this
                              RETURN NEW;
                            END;
                            $body$"""),
                    st(8, "CREATE TRIGGER t BEFORE UPDATE ON x FOR EACH ROW EXECUTE FUNCTION touch()")),
            new Case("DO block", "DO $$\nBEGIN\n  PERFORM 1;\nEND\n$$;\nSELECT 1;",
                    st(1, "DO $$\nBEGIN\n  PERFORM 1;\nEND\n$$"), st(6, "SELECT 1")),
            new Case("SQL-standard function body (BEGIN ATOMIC) with CASE", """
                    CREATE OR REPLACE FUNCTION f(a int) RETURNS int LANGUAGE sql
                    BEGIN ATOMIC
                      SELECT CASE WHEN a > 0 THEN 1 ELSE 0 END;
                      SELECT 2;
                    END;
                    SELECT f(1);
                    """,
                    st(1, "CREATE OR REPLACE FUNCTION f(a int) RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n"
                            + "  SELECT CASE WHEN a > 0 THEN 1 ELSE 0 END;\n  SELECT 2;\nEND"),
                    st(6, "SELECT f(1)")),
            new Case("plpgsql body in a single-quoted string", "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS 'begin; return 1; end';SELECT 2",
                    st(1, "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS 'begin; return 1; end'"), st(1, "SELECT 2")),
            new Case("CREATE PROCEDURE with BEGIN ATOMIC", "create procedure p() language sql begin atomic insert into t values (1); end; call p()",
                    st(1, "create procedure p() language sql begin atomic insert into t values (1); end"), st(1, "call p()")),
            new Case("BEGIN in a parameter name does not open a body", "CREATE FUNCTION f(begin int) RETURNS int RETURN 1;SELECT 2",
                    st(1, "CREATE FUNCTION f(begin int) RETURNS int RETURN 1"), st(1, "SELECT 2")),
            new Case("trailing comment without a newline", "SELECT 1; -- end", st(1, "SELECT 1")),
            new Case("lone dollar signs", "SELECT $ ; SELECT 2 $", st(1, "SELECT $"), st(1, "SELECT 2 $")),
            new Case("BEGIN outside a function is a transaction statement", "BEGIN;\nSELECT 1;\nEND;",
                    st(1, "BEGIN"), st(2, "SELECT 1"), st(3, "END")),
            new Case("semicolons inside parentheses (rule actions)", "CREATE RULE r AS ON INSERT TO a DO ALSO (INSERT INTO b VALUES (1); INSERT INTO c VALUES (2));SELECT 2",
                    st(1, "CREATE RULE r AS ON INSERT TO a DO ALSO (INSERT INTO b VALUES (1); INSERT INTO c VALUES (2))"), st(1, "SELECT 2")),
            new Case("line numbers after multi-line strings and comments", "SELECT 'a\nb\nc';\n/*\n\n*/ SELECT $$\n$$;\n\n  SELECT 3",
                    st(1, "SELECT 'a\nb\nc'"), st(6, "SELECT $$\n$$"), st(9, "SELECT 3")),
            new Case("CRLF line endings", "-- x\r\nSELECT 1;\r\n\r\nSELECT 'a\r\nb';\r\n",
                    st(2, "SELECT 1"), st(4, "SELECT 'a\r\nb'")),
            new Case("lone CR line endings", "SELECT 1;\rSELECT 2 -- c;\r;", st(1, "SELECT 1"), st(2, "SELECT 2")),
            new Case("byte-order mark at the start", "\uFEFFSELECT 1;\nSELECT 2;", st(1, "SELECT 1"), st(2, "SELECT 2")),
            new Case("non-ASCII identifiers and text", "SELECT 'é;ü' AS ñ$;SELECT 2", st(1, "SELECT 'é;ü' AS ñ$"), st(1, "SELECT 2")));

    @TestFactory
    Stream<DynamicTest> splits() {
        return CASES.stream().map(c -> DynamicTest.dynamicTest(c.name(),
                () -> assertEquals(c.expected(), SqlSplitter.split(c.script()), c.script())));
    }

    private record Bad(String name, String script, int line, String message) {}

    private static final List<Bad> BAD = List.of(
            new Bad("unterminated string", "SELECT 1;\nSELECT 'abc;\n", 2, "unterminated quoted string starting at line 2"),
            new Bad("string closed only by a backslash-escaped quote", "SELECT E'ab\\';", 1, "unterminated E'' string starting at line 1"),
            new Bad("unterminated identifier", "SELECT \"x;", 1, "unterminated quoted identifier starting at line 1"),
            new Bad("unterminated nested comment", "SELECT 1;\n\n/* a /* b */ c;", 3, "unterminated block comment starting at line 3"),
            new Bad("unterminated dollar quote", "SELECT 1;\n\n\nDO $body$ BEGIN END $Body$;", 4,
                    "unterminated dollar-quoted string $body$ starting at line 4"),
            new Bad("unclosed parenthesis", "SELECT (1;\nSELECT 2;", 1, "the '(' at line 1 is never closed"),
            new Bad("BEGIN ATOMIC without END", "CREATE FUNCTION f() RETURNS int LANGUAGE sql\nBEGIN ATOMIC\nSELECT 1;", 2,
                    "BEGIN without END"));

    @TestFactory
    Stream<DynamicTest> refusesUnterminated() {
        return BAD.stream().map(b -> DynamicTest.dynamicTest(b.name(), () -> {
            SqlSyntaxException e = assertThrows(SqlSyntaxException.class, () -> SqlSplitter.split(b.script()));
            assertEquals(b.line(), e.line(), e.getMessage());
            assertTrue(e.getMessage().contains(b.message()), e.getMessage());
        }));
    }

    @Test
    void splittingAStatementAgainGivesItBack() {
        for (Case c : CASES) {
            for (SqlStatement statement : c.expected()) {
                assertEquals(List.of(new SqlStatement(statement.sql(), 1)), SqlSplitter.split(statement.sql()), c.name());
            }
        }
    }
}
