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
 * {@code shale pull} on a table whose columns have types the DSL has no method for: each is written
 * with {@code custom(name, type)}, the pulled code compiles, and nothing is left to generate.
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
                    create table public.docs (
                        id integer primary key,
                        email citext not null unique default 'nobody@example.com',
                        body tsvector,
                        spot point,
                        price money,
                        amount app.positive_amount,
                        code short_code,
                        aliases citext[] not null default '{}',
                        flags bit varying(8)
                    );
                    create index docs_body_idx on public.docs using gin (body);
                    """);
            TempProject p = new TempProject(dir.resolve("project")).write("shale.toml", TempProject.CONFIG);
            TempProject.Run pull = p.run("pull", "--package", "app.db", "--url", db.url());
            assertEquals(0, pull.code(), pull.toString());
            String docs = p.read("src/app/db/Docs.java");
            for (String call : List.of("custom(\"email\", \"citext\").notNull().unique().defaultValue(\"nobody@example.com\")",
                    "custom(\"body\", \"tsvector\")", "custom(\"spot\", \"point\")", "custom(\"price\", \"money\")",
                    "custom(\"amount\", \"app.positive_amount\")", "custom(\"code\", \"short_code\")",
                    "Column<List<String>> aliases = custom(\"aliases\", \"citext\").array().notNull()",
                    "custom(\"flags\", \"bit varying(8)\")")) {
                assertTrue(docs.contains(call), call + " in\n" + docs);
            }
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
