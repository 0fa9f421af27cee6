package dev.shale.cli;

import dev.shale.workflow.SchemaLoader;
import dev.shale.introspect.Canonicalizer;
import dev.shale.introspect.Introspector;
import dev.shale.model.SchemaModel;
import dev.shale.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code shale pull} on a table whose columns have types outside the model's own list: built-in ones
 * with their typed factories ({@code money("price")}), extension types with {@code custom(name, type)},
 * domains and composite types of the schema as {@code Types} constants; the pulled code compiles, and
 * nothing is left to generate.
 */
class PullNamedTypesTest {
    @TempDir
    Path dir;

    @Test
    void columnsOfAnyTypeArePulledWithTheEscapeHatch() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            db.execute("""
                    create extension citext;
                    create schema app;
                    create domain app.positive_amount as numeric(12,2) check (value > 0);
                    create domain public.short_code as varchar(8);
                    create type public.mood as enum ('happy', 'sad');
                    create domain public.email as citext default 'x@y' not null constraint email_check check (value ~ '@');
                    create type public.address as (street text, zip varchar(10) collate "C", mood public.mood, email public.email);
                    create domain public.home as public.address;
                    create table public.docs (
                        id integer primary key,
                        email citext not null unique default 'nobody@example.com',
                        body tsvector,
                        spot point,
                        price money,
                        amount app.positive_amount,
                        code short_code,
                        aliases citext[] not null default '{}',
                        flags bit varying(8),
                        at timestamp(3) with time zone,
                        span interval day to second(3),
                        during tstzrange,
                        net cidr,
                        contact public.email,
                        address public.address,
                        addresses public.address[],
                        home public.home
                    );
                    create index docs_body_idx on public.docs using gin (body);
                    """);
            TempProject p = new TempProject(dir.resolve("project")).write("shale.toml", TempProject.CONFIG);
            TempProject.Run pull = p.run("pull", "--package", "app.db", "--url", db.url());
            assertEquals(0, pull.code(), pull.toString());
            String docs = p.read("src/app/db/Docs.java");
            for (String call : List.of("custom(\"email\", \"citext\").notNull().unique().defaultValue(\"nobody@example.com\")",
                    "tsvector(\"body\")", "point(\"spot\")", "money(\"price\")",
                    "custom(\"amount\", \"app.positive_amount\")", "column(\"code\", Types.SHORT_CODE)",
                    "Column<List<String>> aliases = custom(\"aliases\", \"citext\").array().notNull()",
                    "varbit(\"flags\", 8)", "timestamptz(\"at\", 3)", "interval(\"span\", \"day to second(3)\")",
                    "tstzrange(\"during\")", "cidr(\"net\")", "column(\"contact\", Types.EMAIL)",
                    "column(\"address\", Types.ADDRESS)", "column(\"addresses\", Types.ADDRESS).array()", "column(\"home\", Types.HOME)")) {
                assertTrue(docs.contains(call), call + " in\n" + docs);
            }
            String types = p.read("src/app/db/Types.java");
            for (String call : List.of("PgDomain.inSchema(\"public\", \"email\", \"citext\")", ".check(\"email_check\", ",
                    "PgComposite.inSchema(\"public\", \"address\")", ".attribute(\"zip\", \"varchar(10)\", \"C\")",
                    ".attribute(\"mood\", Enums.MOOD)", ".attribute(\"email\", Types.EMAIL)",
                    "PgDomain.inSchema(\"public\", \"home\", Types.ADDRESS)")) {
                assertTrue(types.contains(call), call + " in\n" + types);
            }
            assertTrue(types.indexOf("EMAIL =") < types.indexOf("ADDRESS =") && types.indexOf("ADDRESS =") < types.indexOf("HOME ="),
                    "each type after the ones it uses:\n" + types);
            assertFalse((pull.out() + pull.err()).contains("\"public\".\"docs\"."), "no column is left out: " + pull);

            TempProject.Run check = p.run("check");
            assertEquals(0, check.code(), "the pulled code compiles and has nothing left to generate: " + check);
            try (Connection c = db.connect()) {
                SchemaModel code = SchemaLoader.load(ShaleConfig.load(p.root, ShaleConfig.Overrides.NONE, Map.of()).project()).definition().model();
                assertEquals(Introspector.read(c, Set.of("public")).model(), Canonicalizer.canonical(code, c));
            }
            TempProject.Run push = p.run("push", "--dry-run", "--url", db.url());
            assertEquals(0, push.code(), push.toString());
            assertFalse(push.out().contains("ADD COLUMN"), "push plans nothing for the carried columns: " + push);
        }
    }
}
