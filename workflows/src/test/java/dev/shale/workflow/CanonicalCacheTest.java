package dev.shale.workflow;

import dev.shale.introspect.Canonicalizer;
import dev.shale.model.SchemaModel;
import dev.shale.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Push onto an empty database creates what the code declares without canonicalising it first; a push of
 * unchanged code reads the canonical form the previous comparison kept and sends no DDL at all; changed
 * code, another server state or a damaged cache file canonicalise on the server again. What the server
 * runs is counted by an event trigger that bumps a sequence on every DDL command: a sequence does not roll
 * back with the canonicalising transaction.
 */
class CanonicalCacheTest {
    private static final String USERS = """
            package app.db;

            import dev.shale.dsl.Column;
            import dev.shale.dsl.Table;
            import java.time.OffsetDateTime;
            import java.util.UUID;

            public final class Users extends Table {
                public final Column<UUID> id = uuid("id").primaryKey().defaultRandom();
                public final Column<String> email = varchar("email", 255).notNull();
                public final Column<Integer> logins = integer("logins").notNull().defaultValue(0);
                public final Column<OffsetDateTime> createdAt = timestamptz("created_at").notNull().defaultNow();
                // EXTRA

                Users() {
                    super("users");
                    uniqueIndex("users_email_lower_key").on(dev.shale.dsl.IndexKeySpec.expression("lower(email)"));
                    check("users_logins_nonneg", "logins>=0");
                }
            }
            """;

    @TempDir
    Path dir;

    private Project project(String url, String extra) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("src/app/db"));
        Files.writeString(folder.resolve("Users.java"), USERS.replace("// EXTRA", extra), StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("Schema.java"), """
                package app.db;

                public final class Schema {
                    public static final Users USERS = new Users();
                }
                """, StandardCharsets.UTF_8);
        return Project.at(dir).withSchema(SchemaLocation.sourcePackage(List.of(dir.resolve("src")), "app.db")).withDatabaseUrl(url);
    }

    private static void countDdl(TestDatabase db) throws Exception {
        db.execute("CREATE SCHEMA audit");
        db.execute("CREATE SEQUENCE audit.ddl");
        db.execute("CREATE FUNCTION audit.count_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$"
                + " BEGIN PERFORM nextval('audit.ddl'); END $$");
        db.execute("CREATE EVENT TRIGGER count_ddl ON ddl_command_start EXECUTE FUNCTION audit.count_ddl()");
    }

    /** DDL commands run since the last call. */
    private static long ddlSince(TestDatabase db) throws Exception {
        long last = Long.parseLong(db.strings("SELECT last_value - (CASE WHEN is_called THEN 0 ELSE 1 END) FROM audit.ddl").get(0));
        db.execute("SELECT setval('audit.ddl', 1, false)");
        return last;
    }

    private List<Path> cached() throws IOException {
        Path folder = dir.resolve(CanonicalCache.FOLDER);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    @Test
    void unchangedCodeIsComparedWithoutServerWork() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            countDdl(db);
            Project project = project(db.url(), "");

            Pusher.Result onto = Pusher.push(project, Pusher.Request.DEFAULT, Questions.NONE);
            assertTrue(onto.applied() > 0);
            assertEquals(onto.applied(), ddlSince(db), "onto an empty database: the plan's statements and nothing else");
            assertEquals(List.of(), cached(), "nothing was canonicalised, so nothing is kept");

            assertTrue(Pusher.push(project, Pusher.Request.DEFAULT, Questions.NONE).plan().isEmpty());
            assertTrue(ddlSince(db) > onto.applied(), "the first comparison builds the schema on the server");
            assertEquals(1, cached().size());

            assertTrue(Pusher.push(project, Pusher.Request.DEFAULT, Questions.NONE).plan().isEmpty());
            assertEquals(0, ddlSince(db), "unchanged code: the kept form, no DDL");
            Generator.generate(project, Generator.Request.DEFAULT, Questions.NONE); // the snapshot holds what the code does
            assertEquals(List.of(), DriftCheck.check(project).differences(), "drift reads the same form");
            assertEquals(0, ddlSince(db));

            // a damaged file is no form: the server canonicalises again and the file is written anew
            Files.writeString(cached().get(0), "{\"version\": 2, \"tables\": ");
            assertTrue(Pusher.push(project, Pusher.Request.DEFAULT, Questions.NONE).plan().isEmpty());
            assertTrue(ddlSince(db) > 0);
            assertTrue(Pusher.push(project, Pusher.Request.DEFAULT, Questions.NONE).plan().isEmpty());
            assertEquals(0, ddlSince(db));

            // changed code is canonicalised again, and its plan is the one change
            Project changed = project(db.url(), "public final Column<String> nickname = text(\"nickname\").defaultValue(\"x\");");
            Pusher.Result added = Pusher.push(changed, Pusher.Request.DEFAULT, Questions.NONE);
            assertEquals(1, added.applied(), added.plan().sql().text());
            assertTrue(added.plan().sql().text().contains("ADD COLUMN \"nickname\" text DEFAULT 'x'"), added.plan().sql().text());
            assertTrue(ddlSince(db) > 1);
            assertTrue(Pusher.push(changed, Pusher.Request.DEFAULT, Questions.NONE).plan().isEmpty());
            assertEquals(0, ddlSince(db));
            assertEquals(2, cached().size());
        }
    }

    @Test
    void theKeyFollowsTheCodeAndWhatTheServerResolvesNamesAgainst() throws Exception {
        try (TestDatabase db = TestDatabase.create(); Connection c = db.connect()) {
            SchemaModel declared = SchemaLoader.load(project(db.url(), "")).definition().model();
            SchemaModel other = SchemaLoader.load(project(db.url(), "public final Column<String> n = text(\"n\");")).definition().model();
            String key = Canonicalizer.key(declared, c);
            assertEquals(key, Canonicalizer.key(declared, c));
            assertNotEquals(key, Canonicalizer.key(other, c), "other code");

            db.execute("CREATE TABLE public.unrelated (x int)");
            assertEquals(key, Canonicalizer.key(declared, c), "objects of the declared schemas are compared, not resolved against");

            db.execute("CREATE DOMAIN public.handle AS text");
            assertNotEquals(key, Canonicalizer.key(declared, c), "a type the code may name, in a declared schema");
            db.execute("DROP DOMAIN public.handle");
            assertEquals(key, Canonicalizer.key(declared, c));

            db.execute("CREATE SCHEMA ext");
            db.execute("CREATE TYPE ext.mood AS ENUM ('ok')");
            String withType = Canonicalizer.key(declared, c);
            assertNotEquals(key, withType, "a type outside the declared schemas may be what a name resolves to");
            db.execute("CREATE EXTENSION citext SCHEMA ext");
            assertNotEquals(withType, Canonicalizer.key(declared, c), "an extension");
            String withExtension = Canonicalizer.key(declared, c);
            try (Connection other2 = db.connect()) {
                other2.createStatement().execute("SET search_path = ext, public");
                assertNotEquals(withExtension, Canonicalizer.key(declared, other2), "another search path");
            }
        }
    }

    @Test
    void keepsTheNewestForms() throws Exception {
        CanonicalCache cache = new CanonicalCache(dir.resolve("forms"));
        SchemaModel model = SchemaModel.EMPTY;
        for (int i = 0; i < CanonicalCache.KEPT + 2; i++) {
            cache.keep("k" + i, model);
            Files.setLastModifiedTime(dir.resolve("forms/k" + i + ".json"), java.nio.file.attribute.FileTime.fromMillis(1_000_000L * (i + 1)));
        }
        cache.keep("newest", model);
        try (Stream<Path> s = Files.list(dir.resolve("forms"))) {
            assertEquals(CanonicalCache.KEPT, s.filter(p -> p.toString().endsWith(".json")).count());
        }
        assertTrue(cache.find("newest").isPresent());
        assertTrue(cache.find("k0").isEmpty(), "the oldest went");
        assertEquals("# Shale's cache of canonical schema forms: safe to delete, never to commit\n*\n",
                Files.readString(dir.resolve("forms/.gitignore")));
    }

    @Test
    void pushCanonicalisesOnASecondConnectionBesideTheCatalogRead() throws Exception {
        try (TestDatabase db = TestDatabase.create(); Connection connection = LiveDatabase.connect(db.url())) {
            countDdl(db);
            Project project = project(db.url(), "");
            var code = SchemaLoader.load(project).definition();
            java.util.concurrent.atomic.AtomicInteger opened = new java.util.concurrent.atomic.AtomicInteger();
            java.util.function.Supplier<Connection> second = () -> {
                opened.incrementAndGet();
                return LiveDatabase.connect(db.url());
            };

            Pusher.Plan onto = Pusher.plan(connection, second, project, code, Pusher.Request.DEFAULT, Questions.NONE);
            assertEquals(0, opened.get(), "onto an empty database nothing is canonicalised, beside the read or after it");
            assertEquals(0, ddlSince(db));
            Pusher.apply(connection, onto);
            ddlSince(db);

            assertTrue(Pusher.plan(connection, second, project, code, Pusher.Request.DEFAULT, Questions.NONE).isEmpty());
            assertEquals(1, opened.get(), "the code is canonicalised on a connection of its own");
            assertTrue(ddlSince(db) > 0, "on the server");
            assertEquals(1, cached().size(), "and kept, as on one connection");

            // no second connection to be had (a connection limit): the same comparison on the first, after the read
            Files.delete(cached().get(0));
            java.util.function.Supplier<Connection> none = () -> {
                opened.incrementAndGet();
                throw new WorkflowException(WorkflowException.Reason.CONNECTION_FAILED, "db", "too many connections");
            };
            assertTrue(Pusher.plan(connection, none, project, code, Pusher.Request.DEFAULT, Questions.NONE).isEmpty());
            assertEquals(2, opened.get());
            assertTrue(ddlSince(db) > 0);
            assertEquals(1, cached().size());

            // a change planned with the work beside the read is the plan of the work after it
            Project changed = project(db.url(), "public final Column<String> nickname = text(\"nickname\").defaultValue(\"x\");");
            var changedCode = SchemaLoader.load(changed).definition();
            String beside = Pusher.plan(connection, second, changed, changedCode, Pusher.Request.DEFAULT, Questions.NONE).sql().text();
            assertEquals(Pusher.plan(connection, null, changed, changedCode, Pusher.Request.DEFAULT, Questions.NONE).sql().text(), beside);
            assertTrue(beside.contains("ADD COLUMN \"nickname\" text DEFAULT 'x'"), beside);
        }
    }
}
