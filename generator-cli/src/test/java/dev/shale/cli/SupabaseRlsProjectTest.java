package dev.shale.cli;

import dev.shale.testing.SupabaseFixture;
import dev.shale.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10's must-show 1: a Supabase project (the {@code auth} schema, {@code auth.users}, {@code auth.uid()}
 * and the three roles built as Supabase has them, {@link SupabaseFixture}) whose every table has RLS,
 * owner-only policies using {@code auth.uid()}, grants to {@code authenticated}, a foreign key to
 * {@code auth.users}, one shared {@code updated_at} trigger function with a trigger per table, and a view.
 * Generated, migrated, checked against the database with no drift, pulled back and pushed with nothing left
 * to do; a policy dropped by hand is drift.
 */
class SupabaseRlsProjectTest {
    static final String SCHEMA = """
            package app.db;

            import dev.shale.dsl.GrantBuilder;
            import dev.shale.dsl.PgFunction;
            import dev.shale.dsl.PgRole;
            import dev.shale.dsl.PgView;

            import static dev.shale.model.Grant.Privilege.SELECT;

            public final class Schema {
                public static final PgRole AUTHENTICATED = PgRole.external("authenticated");
                public static final PgFunction SET_UPDATED_AT = PgFunction.of("set_updated_at").returns("trigger")
                        .language("plpgsql").body("BEGIN NEW.updated_at = now(); RETURN NEW; END");
                public static final PgView MY_NOTES = PgView.view("my_notes")
                        .as("select id, body, updated_at from public.notes where user_id = auth.uid()")
                        .securityInvoker().comment("The signed-in user's notes, under the notes policies");
                public static final GrantBuilder READ_MY_NOTES = GrantBuilder.onView("public", "my_notes").grant(SELECT)
                        .to(AUTHENTICATED);
                public static final AuthUsers AUTH_USERS = new AuthUsers();
                public static final Profiles PROFILES = new Profiles();
                public static final Notes NOTES = new Notes();
            }
            """;
    static final String AUTH_USERS = """
            package app.db;

            import dev.shale.dsl.Column;
            import dev.shale.dsl.ExternalTable;
            import java.util.UUID;

            public final class AuthUsers extends ExternalTable {
                public final Column<UUID> id = uuid("id");

                AuthUsers() {
                    super("auth", "users");
                }
            }
            """;
    static final String PROFILES = """
            package app.db;

            import dev.shale.dsl.Column;
            import dev.shale.dsl.Table;
            import dev.shale.model.ReferentialAction;
            import java.time.OffsetDateTime;
            import java.util.UUID;

            import static dev.shale.model.Grant.Privilege.*;

            public final class Profiles extends Table {
                public final Column<UUID> id = uuid("id").primaryKey().references(() -> Schema.AUTH_USERS.id, ReferentialAction.CASCADE);
                public final Column<String> username = text("username").notNull().unique();
                public final Column<OffsetDateTime> updatedAt = timestamptz("updated_at").notNull().defaultNow();

                Profiles() {
                    super("profiles");
                    enableRowLevelSecurity();
                    policy("Profiles are visible to everyone signed in").forSelect().to(Schema.AUTHENTICATED).using("true");
                    policy("Users update their own profile").forUpdate().to(Schema.AUTHENTICATED)
                            .using("auth.uid() = id").withCheck("auth.uid() = id");
                    grant(SELECT).to(Schema.AUTHENTICATED);
                    grant(UPDATE).onColumns(username).to(Schema.AUTHENTICATED);
                    trigger(Schema.SET_UPDATED_AT).beforeUpdate().forEachRow();
                    comment("Public profile of each user");
                }
            }
            """;
    static final String NOTES = """
            package app.db;

            import dev.shale.dsl.Column;
            import dev.shale.dsl.Table;
            import dev.shale.model.ReferentialAction;
            import java.time.OffsetDateTime;
            import java.util.UUID;

            import static dev.shale.model.Grant.Privilege.*;

            public final class Notes extends Table {
                public final Column<UUID> id = uuid("id").primaryKey().defaultRandom();
                public final Column<UUID> userId = uuid("user_id").notNull().references(() -> Schema.AUTH_USERS.id, ReferentialAction.CASCADE);
                public final Column<String> body = text("body").notNull();
                public final Column<OffsetDateTime> updatedAt = timestamptz("updated_at").notNull().defaultNow();

                Notes() {
                    super("notes");
                    enableRowLevelSecurity();
                    policy("Owners manage their notes").to(Schema.AUTHENTICATED)
                            .using("auth.uid() = user_id").withCheck("auth.uid() = user_id")
                            .comment("Only the owner, never anyone else");
                    grant(SELECT, INSERT, UPDATE, DELETE).to(Schema.AUTHENTICATED);
                    trigger(Schema.SET_UPDATED_AT).beforeUpdate().forEachRow();
                }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void generatedMigratedCheckedPulledAndPushedWithNothingLeftAndAPolicyDroppedByHandIsDrift() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            SupabaseFixture.install(db);
            TempProject p = new TempProject(dir.resolve("app"));
            p.write("shale.toml", TempProject.CONFIG);
            p.write("src/app/db/Schema.java", SCHEMA);
            p.write("src/app/db/AuthUsers.java", AUTH_USERS);
            p.write("src/app/db/Profiles.java", PROFILES);
            p.write("src/app/db/Notes.java", NOTES);

            TempProject.Run generate = p.run("generate", "--name", "init");
            assertEquals(0, generate.code(), generate.toString());
            String sql = p.read("migrations/0000_init.sql");
            assertTrue(sql.contains("CREATE POLICY \"Owners manage their notes\" ON \"public\".\"notes\"\n    FOR ALL TO \"authenticated\""), sql);
            assertTrue(sql.contains("ALTER TABLE \"public\".\"profiles\" ENABLE ROW LEVEL SECURITY;"), sql);
            assertTrue(sql.contains("GRANT UPDATE (\"username\") ON TABLE \"public\".\"profiles\" TO \"authenticated\";"), sql);
            assertFalse(sql.contains("CREATE ROLE"), "authenticated is Supabase's: referenced, never created\n" + sql);
            assertTrue(sql.contains("CREATE TRIGGER \"notes_set_updated_at\" BEFORE UPDATE ON \"public\".\"notes\""), sql);
            assertTrue(sql.contains("CREATE TRIGGER \"profiles_set_updated_at\" BEFORE UPDATE ON \"public\".\"profiles\""), sql);
            assertTrue(sql.contains("CREATE VIEW \"public\".\"my_notes\""), sql);

            TempProject.Run migrate = p.run("migrate", "--url", db.url());
            assertEquals(0, migrate.code(), migrate.toString());
            TempProject.Run check = p.run("check", "--url", db.url());
            assertEquals(0, check.code(), check.toString());
            TempProject.Run push = p.run("push", "--url", db.url());
            assertEquals(0, push.code(), push.toString());
            assertTrue(push.out().contains("nothing to do") || push.out().contains("No changes") || push.out().contains("in sync"), push.toString());

            // the policies work: a signed-in user sees their own notes only
            String ann = SupabaseFixture.addUser(db, "ann@example.com");
            String bob = SupabaseFixture.addUser(db, "bob@example.com");
            db.execute("INSERT INTO public.notes (user_id, body) VALUES ('" + ann + "', 'ann''s'), ('" + bob + "', 'bob''s')");
            try (Connection c = db.connect(); var st = c.createStatement()) {
                st.execute(SupabaseFixture.actAs(bob));
                try (ResultSet rs = st.executeQuery("SELECT string_agg(body, ',') FROM public.notes")) {
                    rs.next();
                    assertEquals("bob's", rs.getString(1));
                }
                // the view runs as the caller (security_invoker), under the policies
                try (ResultSet rs = st.executeQuery("SELECT string_agg(body, ',') FROM public.my_notes")) {
                    rs.next();
                    assertEquals("bob's", rs.getString(1));
                }
            }
            // the shared trigger function keeps updated_at current on every table
            db.execute("UPDATE public.notes SET updated_at = '2000-01-01', body = body");
            assertEquals(List.of("0"), db.strings("SELECT count(*) FROM public.notes WHERE updated_at < '2001-01-01'"));

            // pulled back and pushed: nothing left to do
            TempProject pulled = new TempProject(dir.resolve("pulled"));
            pulled.write("shale.toml", TempProject.CONFIG);
            TempProject.Run pull = pulled.run("pull", "--package", "app.db", "--out", "src", "--url", db.url());
            assertEquals(0, pull.code(), pull.toString());
            String notes = pulled.read("src/app/db/Notes.java");
            assertTrue(notes.contains("enableRowLevelSecurity();"), notes);
            assertTrue(notes.contains("policy(\"Owners manage their notes\").to(Roles.AUTHENTICATED)"), notes);
            assertTrue(pulled.read("src/app/db/Roles.java").contains("PgRole.external(\"authenticated\")"));
            assertTrue(notes.contains("trigger("), notes);
            assertTrue(pulled.read("src/app/db/Schema.java").contains("GrantBuilder.onView(\"public\", \"my_notes\")"),
                    pulled.read("src/app/db/Schema.java"));
            TempProject.Run pushPulled = pulled.run("push", "--url", db.url());
            assertEquals(0, pushPulled.code(), pushPulled.toString());
            // The pulled code declares what the database has, Supabase's USAGE on public included (the original
            // code leaves it to the platform, so its push names it as not managed); both have nothing to do.
            assertTrue(pushPulled.out().endsWith("Database matches the schema code; nothing to do.\n")
                    && push.out().endsWith("Database matches the schema code; nothing to do.\n"), pushPulled + "\n" + push);
            assertTrue(push.out().contains("not managed: privilege USAGE on schema public to anon (on a schema the code does not declare)"),
                    push.out());
            assertTrue(pulled.read("src/app/db/Schema.java").contains("onSchema(\"public\")"), pulled.read("src/app/db/Schema.java"));
            TempProject.Run pulledCheck = pulled.run("check");
            assertEquals(0, pulledCheck.code(), "the pulled code matches its baseline snapshot: " + pulledCheck);

            // a policy dropped by hand is drift
            db.execute("DROP POLICY \"Owners manage their notes\" ON public.notes");
            TempProject.Run drift = p.run("check", "--url", db.url());
            assertNotEquals(0, drift.code(), drift.toString());
            assertTrue(drift.out().contains("missing policy \"Owners manage their notes\" on \"public\".\"notes\""), drift.toString());
            assertEquals(List.of("0"), db.strings("SELECT count(*) FROM pg_policy WHERE polname = 'Owners manage their notes'"));
        }
    }
}
