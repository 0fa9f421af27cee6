package dev.shale.render;

import dev.shale.change.Change;
import dev.shale.diff.Differ;
import dev.shale.diff.Hazards;
import dev.shale.diff.RenameDecisions;
import dev.shale.dsl.Column;
import dev.shale.dsl.ExternalTable;
import dev.shale.dsl.PgRole;
import dev.shale.dsl.SchemaBuilder;
import dev.shale.dsl.Table;
import dev.shale.introspect.Canonicalizer;
import dev.shale.introspect.Introspector;
import dev.shale.model.SchemaModel;
import dev.shale.testing.SupabaseFixture;
import dev.shale.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static dev.shale.model.ReferentialAction.CASCADE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The migration Supabase teams write by hand for per-user settings, declared in the DSL and generated:
 * the SQL is pinned by the golden file {@code user_settings_migration.sql}, applied to a database as
 * Supabase has it, read back with nothing left to do, and its policy lets each user see and write only
 * their own row.
 */
class UserSettingsMigrationTest {
    static final String GOLDEN = "user_settings_migration";
    static final PgRole AUTHENTICATED = PgRole.external("authenticated");

    static final class AuthUsers extends ExternalTable {
        final Column<UUID> id = uuid("id");

        AuthUsers() {
            super("auth", "users");
        }
    }

    static final AuthUsers AUTH_USERS = new AuthUsers();

    static final class UserSettings extends Table {
        final Column<UUID> id = uuid("id").primaryKey().defaultRandom();
        final Column<UUID> userId = uuid("user_id").notNull().unique().references(() -> AUTH_USERS.id, CASCADE)
                .comment("The auth.users row these settings belong to");
        final Column<String> theme = text("theme").notNull().defaultValue("light");
        final Column<Boolean> emailNotifications = bool("email_notifications").notNull().defaultValue(true);
        final Column<OffsetDateTime> updatedAt = timestamptz("updated_at").notNull().defaultNow();

        UserSettings() {
            super("user_settings");
            check("user_settings_theme_check", "theme in ('light', 'dark')");
            index("user_settings_updated_at_idx").on(updatedAt);
            enableRowLevelSecurity();
            policy("Users can manage their own settings").forAll().to(AUTHENTICATED)
                    .using("auth.uid() = user_id").withCheck("auth.uid() = user_id");
            comment("Per-user preferences of the app");
        }
    }

    static SchemaModel model() {
        return SchemaBuilder.build(List.of(AUTH_USERS, new UserSettings())).model();
    }

    static String migration() {
        List<Change> changes = Differ.changes(SchemaModel.EMPTY, model(), RenameDecisions.NONE);
        return MigrationScript.render("0001_user_settings", new PostgresRenderer().render(changes), Hazards.of(changes));
    }

    @Test
    void theHandWrittenMigrationIsGenerated() {
        GoldenFiles.assertMatches(GOLDEN, migration());
    }

    @Test
    void itAppliesOnSupabaseAndEachUserSeesAndWritesOnlyTheirOwnSettings() throws SQLException {
        try (TestDatabase db = TestDatabase.create()) {
            SupabaseFixture.install(db);
            db.executeInTransaction(migration());
            String ann = SupabaseFixture.addUser(db, "ann@example.com");
            String bob = SupabaseFixture.addUser(db, "bob@example.com");
            db.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON public.user_settings TO authenticated");
            db.execute("INSERT INTO public.user_settings (user_id, theme) VALUES ('" + ann + "', 'dark'), ('" + bob + "', 'light')");

            try (Connection c = db.connect(); var st = c.createStatement()) {
                st.execute(SupabaseFixture.actAs(ann));
                try (ResultSet rs = st.executeQuery("SELECT string_agg(theme, ',') FROM public.user_settings")) {
                    rs.next();
                    assertEquals("dark", rs.getString(1), "ann sees her row only");
                }
                assertEquals(0, st.executeUpdate("UPDATE public.user_settings SET theme = 'dark' WHERE user_id = '" + bob + "'"),
                        "bob's row is invisible to ann, so her update touches nothing");
                SQLException refused = assertThrows(SQLException.class, () -> st.execute(
                        "INSERT INTO public.user_settings (user_id) VALUES ('" + UUID.randomUUID() + "')"));
                assertTrue(refused.getMessage().contains("row-level security"), refused.getMessage());
            }
            SQLException badTheme = assertThrows(SQLException.class, () -> db.execute(
                    "UPDATE public.user_settings SET theme = 'blue'"));
            assertTrue(badTheme.getMessage().contains("user_settings_theme_check"), badTheme.getMessage());
            db.execute("DELETE FROM auth.users WHERE id = '" + bob + "'");
            assertEquals(List.of("1"), db.strings("SELECT count(*) FROM public.user_settings"), "ON DELETE CASCADE");

            try (Connection c = db.connect()) {
                SchemaModel code = model();
                Introspector.Introspection in = Introspector.read(c, Set.of("public"));
                SchemaModel live = in.asDeclared(code);
                SchemaModel canonical = Canonicalizer.canonical(code, c);
                // the code declares no grants, and there is no difference: the grants made by hand above are among
                // those Supabase's default privileges give each new table, and its USAGE on public is on a schema
                // the code does not declare
                assertEquals(List.of(), Differ.changes(live, canonical, RenameDecisions.NONE));
                assertEquals(List.of(), live.grants());
                assertEquals(3 * 7 + 3, in.model().grants().size(), "ALL on the table (7 privileges) and USAGE on public, to 3 roles");
                assertEquals(canonical.policies(), live.policies());
                assertEquals(canonical.tables(), live.tables());
            }
        }
    }
}
