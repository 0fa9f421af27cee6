package dev.shale.cli;

import dev.shale.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole way for functions and triggers: generate writes them, migrate applies the file through the
 * migrator's splitter (dollar-quoted bodies), check --url finds no drift, a trigger dropped by hand is
 * drift, push puts it back, and pull writes code that checks clean.
 */
class RoutinesCommandTest {
    @TempDir
    Path dir;

    static final String FUNCTIONS = """
            package app.db;

            import dev.shale.dsl.PgFunction;

            public final class Functions {
                public static final PgFunction SET_UPDATED_AT = PgFunction.of("set_updated_at").returns("trigger")
                        .language("plpgsql").body(\"""

                            BEGIN
                              NEW.updated_at = now();  -- $function$ in a comment
                              RETURN NEW;
                            END
                            \""");
                public static final PgFunction TITLE_LENGTH = PgFunction.of("title_length").argument("t", "text")
                        .returns("int").language("sql").immutable().body("SELECT length(t)");
            }
            """;

    @Test
    void generateMigrateCheckDriftPushAndPull() throws Exception {
        TempProject p = TempProject.standard(dir);
        p.write("src/app/db/Functions.java", FUNCTIONS);
        p.usersWith("""
                public final Column<java.time.OffsetDateTime> updatedAt = timestamptz("updated_at").notNull().defaultNow();
                { trigger(Functions.SET_UPDATED_AT).beforeUpdate().forEachRow(); }
                """);
        TempProject.Run generate = p.run("generate");
        assertEquals(0, generate.code(), generate.toString());
        String sql;
        try (var files = Files.list(dir.resolve("migrations"))) {
            Path first = files.filter(f -> f.getFileName().toString().startsWith("0000_") && !f.getFileName().toString().endsWith(".down.sql")).findFirst().orElseThrow();
            sql = Files.readString(first);
        }
        assertTrue(sql.contains("CREATE TRIGGER \"users_set_updated_at\" BEFORE UPDATE ON \"public\".\"users\""), sql);
        assertTrue(sql.contains("AS $function1$"), sql);
        try (TestDatabase db = TestDatabase.create()) {
            TempProject.Run migrate = p.run("migrate", "--url", db.url());
            assertEquals(0, migrate.code(), migrate.toString());
            db.execute("INSERT INTO public.users (email, updated_at) VALUES ('a@b', '2000-01-01'); UPDATE public.users SET email = 'c@d'");
            assertEquals("t", db.strings("SELECT updated_at > '2001-01-01' FROM public.users").get(0));
            assertEquals("5", db.strings("SELECT public.title_length('hello')").get(0));
            TempProject.Run clean = p.run("check", "--url", db.url());
            assertEquals(0, clean.code(), clean.toString());
            assertTrue(!clean.out().contains("not managed: function") && !clean.out().contains("not managed: trigger"), clean.toString());

            db.execute("DROP TRIGGER users_set_updated_at ON public.users");
            TempProject.Run drift = p.run("check", "--url", db.url());
            assertEquals(1, drift.code(), drift.toString());
            assertTrue(drift.toString().contains("users_set_updated_at"), drift.toString());

            TempProject.Run push = p.run("push", "--url", db.url());
            assertEquals(0, push.code(), push.toString());
            assertEquals(0, p.run("check", "--url", db.url()).code(), "push put the trigger back");

            TempProject pulled = new TempProject(dir.resolve("pulled"));
            pulled.write("shale.toml", TempProject.CONFIG);
            TempProject.Run pull = pulled.run("pull", "--package", "app.db", "--out", "src", "--url", db.url());
            assertEquals(0, pull.code(), pull.toString());
            String users = pulled.read("src/app/db/Users.java");
            assertTrue(users.contains("trigger(Functions.SET_UPDATED_AT).beforeUpdate().forEachRow();"), users);
            TempProject.Run pushPulled = pulled.run("push", "--url", db.url(), "--dry-run");
            assertEquals(0, pushPulled.code(), pushPulled.toString());
        }
    }
}
