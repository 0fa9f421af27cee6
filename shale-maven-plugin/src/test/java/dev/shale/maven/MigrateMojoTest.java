package dev.shale.maven;

import dev.shale.testing.TestDatabase;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code migrate} and {@code status} run in-process on a real database: what they log, and that a refusal
 * says what to do in the plugin's terms (a parameter and its {@code -Dshale.*} property), never a CLI flag.
 */
class MigrateMojoTest {
    @TempDir
    Path dir;

    private final RecordingLog log = new RecordingLog();

    @Test
    void appliesPendingMigrationsOnceAndStatusListsThem() throws Exception {
        write("0000_first.sql", "CREATE TABLE a (id int);\n");
        write("0001_second.sql", "CREATE TABLE b (id int);\n");
        try (TestDatabase db = TestDatabase.create()) {
            migrate(db.url()).execute();
            assertTrue(log.lines.stream().anyMatch(l -> l.matches("\\[info] 1/2 applied 0000_first \\(\\d+ ms\\)")), log.text());
            assertTrue(log.lines.contains("[info] Applied 2 migrations; 0 were applied before."), log.text());
            migrate(db.url()).execute();
            assertTrue(log.lines.contains("[info] Nothing to migrate: 2 migrations already applied."), log.text());
            status(db.url()).execute();
            assertTrue(log.text().contains("2 migrations: 2 applied."), log.text());
        }
    }

    @Test
    void aChangedAppliedMigrationIsRefusedWithTheParameterThatAllowsIt() throws Exception {
        write("0000_first.sql", "CREATE TABLE a (id int);\n");
        try (TestDatabase db = TestDatabase.create()) {
            migrate(db.url()).execute();
            write("0000_first.sql", "CREATE TABLE a (id bigint);\n");
            write("0001_second.sql", "CREATE TABLE b (id int);\n");
            MojoFailureException refused = assertThrows(MojoFailureException.class, () -> migrate(db.url()).execute());
            // Maven prints every cause's message after the failure's: the migrator's words (its CLI flags) must not follow
            assertNull(refused.getCause());
            String message = refused.getMessage();
            assertTrue(message.startsWith("refusing to migrate: migrations/0000_first.sql has changed since it was applied."), message);
            assertTrue(message.contains("<allowChanged>true</allowChanged> or pass -Dshale.allowChanged"), message);
            assertFalse(message.contains("--"), message);
            assertEquals(java.util.List.of(), db.strings("SELECT table_name FROM information_schema.tables WHERE table_name = 'b'"));

            MojoFailureException status = assertThrows(MojoFailureException.class, () -> status(db.url()).execute());
            assertTrue(log.text().contains("changed: 0000_first.sql differs from what was applied"), log.text());
            assertTrue(status.getMessage().contains("<failOnProblems>false</failOnProblems>"), status.getMessage());

            MigrateMojo allowed = migrate(db.url());
            allowed.allowChanged = true;
            allowed.execute();
            assertEquals(java.util.List.of("b"), db.strings("SELECT table_name FROM information_schema.tables WHERE table_name = 'b'"));
        }
    }

    @Test
    void aMissingAppliedMigrationIsRefusedWithTheParameterThatAllowsIt() throws Exception {
        write("0000_first.sql", "CREATE TABLE a (id int);\n");
        try (TestDatabase db = TestDatabase.create()) {
            migrate(db.url()).execute();
            Files.delete(dir.resolve("migrations/0000_first.sql"));
            String message = assertThrows(MojoFailureException.class, () -> migrate(db.url()).execute()).getMessage();
            assertTrue(message.contains("0000_first.sql was applied but its file is gone"), message);
            assertTrue(message.contains("<allowMissing>true</allowMissing> or pass -Dshale.allowMissing"), message);
            assertFalse(message.contains("--"), message);
        }
    }

    @Test
    void withoutAUrlTheMessageSaysWhereOneComesFrom() {
        String message = assertThrows(MojoFailureException.class, () -> migrate("${env.DATABASE_URL}").execute()).getMessage();
        assertTrue(message.startsWith("shale:migrate needs a database and none is configured."), message);
        assertTrue(message.contains("<url>") && message.contains("-Dshale.url=") && message.contains("DATABASE_URL"), message);
    }

    @Test
    void anUnreachableDatabaseNamesWhereTheUrlCameFromWithoutThePassword() {
        String message = assertThrows(MojoFailureException.class,
                () -> migrate("postgres://someone:s3cret@127.0.0.1:1/nowhere").execute()).getMessage();
        assertTrue(message.startsWith("could not connect to postgres://someone:"), message);
        assertTrue(message.contains("<migrationsUrl> (-Dshale.migrationsUrl), else <url> (-Dshale.url"), message);
        assertFalse(message.contains("s3cret"), message);
        assertFalse(message.contains("--"), message);
    }

    @Test
    void aBadDurationNamesItsParameter() {
        MigrateMojo mojo = migrate("postgres://127.0.0.1:1/x");
        mojo.lockWait = "soon";
        String message = assertThrows(MojoFailureException.class, mojo::execute).getMessage();
        assertEquals("<lockWait> (-Dshale.lockWait): \"soon\" is not a duration; write seconds (10), or a number with a unit:"
                + " 500ms, 10s, 2min, 1h", message);
    }

    @Test
    void aFlywayLayoutFolderMigratesAndAnUnknownLayoutIsRefused() throws Exception {
        write("V0__first.sql", "CREATE TABLE a (id int);\n");
        write("U0__first.sql", "DROP TABLE a;\n");
        write("V1__second.sql", "CREATE TABLE b (id int);\n");
        try (TestDatabase db = TestDatabase.create()) {
            MigrateMojo dryRun = migrate(db.url());
            dryRun.dryRun = true;
            dryRun.execute();
            assertTrue(log.lines.contains("[info] -- ==== migrations/V1__second.sql (would run) ===="), log.text());
            migrate(db.url()).execute();
            assertTrue(log.lines.contains("[info] Applied 2 migrations; 0 were applied before."), log.text());
            assertEquals(java.util.List.of("0|first", "1|second"), db.strings("SELECT version || '|' || name FROM public.shale_migrations ORDER BY 1"));

            MigrateMojo wrong = migrate(db.url());
            wrong.layout = "liquibase";
            String message = assertThrows(MojoFailureException.class, wrong::execute).getMessage();
            assertTrue(message.startsWith("<layout> (-Dshale.layout) is \"liquibase\""), message);
        }
    }

    private MigrateMojo migrate(String url) {
        MigrateMojo mojo = new MigrateMojo();
        configure(mojo, url);
        return mojo;
    }

    private StatusMojo status(String url) {
        StatusMojo mojo = new StatusMojo();
        configure(mojo, url);
        mojo.failOnProblems = true;
        return mojo;
    }

    /** What Maven would inject from the parameters' defaults. */
    private void configure(MigratorMojo mojo, String url) {
        MavenProject project = new MavenProject();
        project.setFile(dir.resolve("pom.xml").toFile());
        mojo.project = project;
        mojo.migrationsDirectory = dir.resolve("migrations").toFile();
        mojo.snapshotsDirectory = dir.resolve("snapshots").toFile();
        mojo.url = url;
        mojo.historySchema = "public";
        mojo.historyTable = "shale_migrations";
        mojo.setLog(log);
    }

    private void write(String name, String sql) throws Exception {
        Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(dir.resolve("migrations").resolve(name), sql);
    }
}
