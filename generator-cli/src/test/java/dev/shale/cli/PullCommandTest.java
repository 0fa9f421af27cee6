package dev.shale.cli;

import dev.shale.introspect.Canonicalizer;
import dev.shale.introspect.Introspector;
import dev.shale.model.SchemaModel;
import dev.shale.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code shale pull} on real databases: the pulled code compiles, loads, and matches the database it came from. */
class PullCommandTest {
    @TempDir
    Path dir;

    private TempProject project() {
        return new TempProject(dir.resolve("project")).write("shale.toml", TempProject.CONFIG);
    }

    /** The model the project's (pulled) code declares, put in PostgreSQL's canonical form, equals the database's. */
    private static void assertCodeMatchesDatabase(TempProject p, TestDatabase db) throws Exception {
        SchemaModel code = SchemaLoader.load(ShaleConfig.load(p.root, ShaleConfig.Overrides.NONE, Map.of())).definition().model();
        try (Connection c = db.connect()) {
            assertEquals(Introspector.read(c, Set.of("public")).model(), Canonicalizer.canonical(code, c));
        }
    }

    @Test
    void supabaseStyleDatabaseWithForeignKeysToAuthUsers() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            db.execute("""
                    create schema auth;
                    create table auth.users (id uuid primary key, email text);
                    create type public.plan as enum ('free', 'pro');
                    create table public.profiles (
                        id uuid primary key references auth.users (id) on delete cascade,
                        handle varchar(40) not null unique,
                        plan public.plan not null default 'free',
                        created_at timestamptz not null default now()
                    );
                    create table public.posts (
                        id bigserial primary key,
                        author_id uuid not null references auth.users (id),
                        profile_id uuid references public.profiles (id) on delete set null,
                        title text not null check (length(title) > 0)
                    );
                    create index posts_author_idx on public.posts (author_id);
                    """);
            TempProject p = project();
            TempProject.Run pull = p.run("pull", "--package", "app.db", "--url", db.url());
            assertEquals(0, pull.code(), pull.toString());
            String auth = p.read("src/app/db/AuthUsers.java");
            assertTrue(auth.contains("extends ExternalTable"), auth);
            assertTrue(p.read("src/app/db/Posts.java").contains("references(() -> Schema.AUTH_USERS.id)"), p.read("src/app/db/Posts.java"));
            assertTrue(Files.exists(p.root.resolve("snapshots/0000_snapshot.json")));
            String profiles = p.read("src/app/db/Profiles.java");
            assertTrue(profiles.contains("column(\"plan\", Enums.PLAN).notNull().defaultValue(\"free\")"), profiles);

            TempProject.Run check = p.run("check");
            assertEquals(0, check.code(), "the pulled code loads to the pulled model: " + check);
            assertCodeMatchesDatabase(p, db);

            TempProject.Run again = p.run("pull", "--package", "app.db", "--url", db.url());
            assertEquals(1, again.code(), again.toString());
            assertTrue(again.err().contains("already exists"), again.toString());
        }
    }

    @Test
    void bundledExample() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            try (Stream<Path> files = Files.list(Path.of("..", "migrations"))) {
                for (Path f : files.filter(f -> f.toString().endsWith(".sql") && !f.toString().endsWith(".down.sql")).sorted().toList()) {
                    db.execute(Files.readString(f));
                }
            }
            TempProject p = project();
            TempProject.Run pull = p.run("pull", "--package", "app.db", "--url", db.url());
            assertEquals(0, pull.code(), pull.toString());
            assertTrue(pull.out().contains("Pulled 4 tables, 7 enums"), pull.toString());
            TempProject.Run check = p.run("check");
            assertEquals(0, check.code(), check.toString());
            assertCodeMatchesDatabase(p, db);
        }
    }
}
