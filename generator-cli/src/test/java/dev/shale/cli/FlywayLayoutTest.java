package dev.shale.cli;

import dev.shale.testing.SchemaDump;
import dev.shale.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code [output] layout = "flyway"}: generate writes {@code V<n>__<name>.sql} and {@code U<n>__<name>.sql};
 * Flyway itself applies that folder to the same end state as {@code shale migrate} of the same schema code in
 * Shale's layout, and Shale's migrator reads the Flyway layout too (migrate, rollback), as {@code check} does.
 */
class FlywayLayoutTest {
    static final String FLYWAY_CONFIG = TempProject.CONFIG + """

            [output]
            layout = "flyway"
            """;

    @TempDir
    Path dir;

    @Test
    void flywayAppliesTheFlywayLayoutToTheStateShaleMigrateReaches() throws Exception {
        TempProject flyway = TempProject.standard(dir.resolve("flyway")).write("shale.toml", FLYWAY_CONFIG);
        TempProject shale = TempProject.standard(dir.resolve("shale"));
        for (TempProject p : List.of(flyway, shale)) {
            assertEquals(0, p.run("generate").code());
            p.usersWith("public final Column<String> nickname = text(\"nickname\").defaultValue(\"\");");
            TempProject.Run second = p.run("generate");
            assertEquals(0, second.code(), second.toString());
        }
        assertEquals(List.of("U0__create_users_posts.sql", "U1__add_users_nickname.sql", "V0__create_users_posts.sql",
                "V1__add_users_nickname.sql", "shale.sum"), names(flyway.root.resolve("migrations")));
        assertEquals(names(shale.root.resolve("snapshots")), names(flyway.root.resolve("snapshots")), "snapshots stay as they are");
        assertEquals(shale.read("migrations/0001_add_users_nickname.sql"), flyway.read("migrations/V1__add_users_nickname.sql"));
        assertEquals(shale.read("migrations/0001_add_users_nickname.down.sql"), flyway.read("migrations/U1__add_users_nickname.sql"));
        TempProject.Run check = flyway.run("check");
        assertEquals(0, check.code(), check.toString());

        try (TestDatabase byFlyway = TestDatabase.create(); TestDatabase byShale = TestDatabase.create();
             TestDatabase shaleOnFlywayLayout = TestDatabase.create()) {
            MigrateResult applied = Flyway.configure().dataSource(byFlyway.url(), null, null)
                    .locations("filesystem:" + flyway.root.resolve("migrations")).load().migrate();
            assertEquals(2, applied.migrationsExecuted, "Flyway ran V0 and V1");
            TempProject.Run migrate = shale.run("migrate", "--url", byShale.url());
            assertEquals(0, migrate.code(), migrate.toString());
            TempProject.Run dryRun = flyway.run("migrate", "--dry-run", "--url", shaleOnFlywayLayout.url());
            assertEquals(0, dryRun.code(), dryRun.toString());
            assertTrue(dryRun.out().contains("-- ==== migrations/V1__add_users_nickname.sql (would run) ===="), dryRun.toString());
            TempProject.Run migrateFlywayLayout = flyway.run("migrate", "--url", shaleOnFlywayLayout.url());
            assertEquals(0, migrateFlywayLayout.code(), migrateFlywayLayout.toString());
            assertTrue(migrateFlywayLayout.out().contains("add_users_nickname"), migrateFlywayLayout.toString());

            List<String> expected = SchemaDump.normalized(byShale, "public.shale_migrations");
            assertTrue(expected.stream().anyMatch(l -> l.contains("nickname")), expected::toString);
            assertEquals(String.join("\n", expected), String.join("\n", SchemaDump.normalized(byFlyway, "public.flyway_schema_history")));
            assertEquals(String.join("\n", expected), String.join("\n", SchemaDump.normalized(shaleOnFlywayLayout, "public.shale_migrations")));

            // rollback runs the U file of the newest migration
            TempProject.Run rollback = flyway.run("rollback", "--force", "--url", shaleOnFlywayLayout.url());
            assertEquals(0, rollback.code(), rollback.toString());
            assertEquals(List.of(), shaleOnFlywayLayout.strings(
                    "SELECT column_name FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'nickname'"));
        }
    }

    private static List<String> names(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
