package dev.shale.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShaleConfigTest {
    @TempDir
    Path dir;

    private ShaleConfig load(String toml, Map<String, String> env) {
        new TempProject(dir).write("shale.toml", toml);
        return ShaleConfig.load(dir, ShaleConfig.Overrides.NONE, env);
    }

    @Test
    void readsEveryKeyWithDefaultsForOutput() {
        ShaleConfig c = load("""
                dialect = "postgresql"
                [schema]
                source = ["src/main/java", "gen"]
                classpath = "lib/a.jar"
                class = "app.db.Schema"
                [database]
                url = "jdbc:postgresql://localhost/app"
                """, Map.of());
        assertEquals(List.of(dir.resolve("src/main/java"), dir.resolve("gen")), c.sources());
        assertEquals(List.of(dir.resolve("lib/a.jar")), c.classpath());
        assertEquals("app.db.Schema", c.schemaClass());
        assertNull(c.schemaPackage());
        assertEquals(dir.resolve("migrations"), c.migrationsDir());
        assertEquals(dir.resolve("snapshots"), c.snapshotsDir());
        assertEquals("jdbc:postgresql://localhost/app", c.databaseUrl());
        assertEquals("jdbc:postgresql://localhost/app", c.migrationsUrl(), "migrations_url defaults to url");
    }

    @Test
    void interpolatesEnvironmentVariablesWithDefaults() {
        ShaleConfig c = load("""
                [schema]
                source = "${SRC:-src}"
                package = "app.${PKG}"
                [output]
                migrations = "db/$${literal}"
                [database]
                url = "jdbc:postgresql://${DB_HOST:-localhost}:${DB_PORT:-5432}/app"
                migrations_url = "${DIRECT_URL:-}"
                """, Map.of("PKG", "db", "DB_HOST", "db.internal"));
        assertEquals(List.of(dir.resolve("src")), c.sources());
        assertEquals("app.db", c.schemaPackage());
        assertEquals(dir.resolve("db/${literal}"), c.migrationsDir());
        assertEquals("jdbc:postgresql://db.internal:5432/app", c.databaseUrl());
        assertEquals(c.databaseUrl(), c.migrationsUrl(), "an empty value falls back to url");
    }

    @Test
    void dotEnvThenDotEnvLocalThenRealEnvironment() {
        TempProject p = new TempProject(dir);
        p.write(".env", "# comment\nexport DB_HOST=from-env-file\nDB_NAME='app'\nDB_USER=env\n");
        p.write(".env.local", "DB_USER=\"local user\"\nDB_PORT=6543 # trailing comment\n");
        ShaleConfig c = load("""
                [schema]
                source = "src"
                package = "app.db"
                [database]
                url = "${DB_HOST}:${DB_PORT}/${DB_NAME}?user=${DB_USER}"
                """, Map.of("DB_HOST", "from-real-env"));
        assertEquals("from-real-env:6543/app?user=local user", c.databaseUrl());
    }

    @Test
    void missingVariableIsExplainedWhenTheSettingIsUsed() {
        ShaleConfig c = load("""
                [schema]
                source = "src"
                package = "app.db"
                [database]
                url = "${DATABASE_URL}"
                """, Map.of());
        assertEquals("app.db", c.project().schema().schemaPackage(), "what does not use the URL is not stopped by it");
        ShaleException e = assertThrows(ShaleException.class, c::migrationsUrl);
        assertTrue(e.getMessage().contains("database.url in shale.toml uses ${DATABASE_URL}"), e.getMessage());
        assertTrue(e.getMessage().contains(".env"), e.getMessage());
    }

    @Test
    void flagsOverrideTheFile() {
        new TempProject(dir).write("shale.toml", """
                [schema]
                source = "src"
                class = "app.db.Schema"
                [output]
                migrations = "m"
                """);
        ShaleConfig c = ShaleConfig.load(dir, new ShaleConfig.Overrides(null, List.of(Path.of("other")), null, "app.other",
                null, Path.of("out/m"), Path.of("out/s"), "jdbc:x"), Map.of());
        assertEquals(List.of(dir.resolve("other")), c.sources());
        assertEquals("app.other", c.schemaPackage());
        assertNull(c.schemaClass(), "--schema-package replaces the file's class");
        assertEquals(dir.resolve("out/m"), c.migrationsDir());
        assertEquals(dir.resolve("out/s"), c.snapshotsDir());
        assertEquals("jdbc:x", c.databaseUrl());
    }

    @Test
    void missingConfigSaysHowToCreateOne() {
        ShaleException e = assertThrows(ShaleException.class, () -> ShaleConfig.load(dir, ShaleConfig.Overrides.NONE, Map.of()));
        assertTrue(e.getMessage().contains("no config file at " + dir.resolve("shale.toml")), e.getMessage());
        assertTrue(e.getMessage().contains("[schema]"), e.getMessage());
        TempProject.Run run = new TempProject(dir).run("generate");
        assertEquals(1, run.code());
        assertTrue(run.err().contains("Create shale.toml"), run.err());
    }

    @Test
    void flagsAloneNeedNoConfigFile() {
        ShaleConfig c = ShaleConfig.load(dir, new ShaleConfig.Overrides(null, List.of(Path.of("src")), null, "app.db",
                null, null, null, null), Map.of());
        assertNull(c.file());
        assertEquals(dir.resolve("migrations"), c.migrationsDir());
    }

    @Test
    void unknownKeysAndBadTomlAreNamed() {
        ShaleException unknown = assertThrows(ShaleException.class, () -> load("""
                [schema]
                source = "src"
                pakage = "app.db"
                """, Map.of()));
        assertTrue(unknown.getMessage().contains("unknown key \"schema.pakage\""), unknown.getMessage());
        ShaleException bad = assertThrows(ShaleException.class, () -> load("[schema\nsource = 1\n", Map.of()));
        assertTrue(bad.getMessage().contains("shale.toml:1"), bad.getMessage());
        assertTrue(bad.getMessage().contains("not valid TOML"), bad.getMessage());
        ShaleException both = assertThrows(ShaleException.class, () -> load("""
                [schema]
                source = "src"
                package = "a"
                class = "a.B"
                """, Map.of()));
        assertTrue(both.getMessage().contains("both package"), both.getMessage());
    }

    @Test
    void outputLayoutIsShaleUnlessFlywayIsNamed() {
        String base = """
                [schema]
                source = "src"
                package = "app.db"
                """;
        assertEquals(dev.shale.workflow.MigrationLayout.SHALE, load(base, Map.of()).project().layout());
        assertEquals(dev.shale.workflow.MigrationLayout.FLYWAY, load(base + "[output]\nlayout = \"flyway\"\n", Map.of()).project().layout());
        ShaleException wrong = assertThrows(ShaleException.class, () -> load(base + "[output]\nlayout = \"liquibase\"\n", Map.of()));
        assertTrue(wrong.getMessage().contains("\"flyway\" (V1__name.sql and U1__name.sql)"), wrong.getMessage());
    }
}
