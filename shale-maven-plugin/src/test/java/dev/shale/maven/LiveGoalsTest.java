package dev.shale.maven;

import dev.shale.testing.TestDatabase;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code push}, {@code diff} and {@code pull} run in-process on a real database, reading the sample
 * project's schema classes compiled into the project's output folder, as Maven's compile would leave them.
 */
class LiveGoalsTest {
    private static final Path MODULE = Path.of(System.getProperty("basedir", "")).toAbsolutePath();

    /** The sample's schema classes, compiled once for all tests. */
    @TempDir
    static Path classes;

    @TempDir
    Path dir;

    private final RecordingLog log = new RecordingLog();

    @BeforeAll
    static void compileTheSampleSchema() throws Exception {
        Path sources = MODULE.resolve("src/test/projects/sample/src/main/java");
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))));
        try (Stream<Path> s = Files.walk(sources)) {
            s.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, args.toArray(String[]::new)));
    }

    @Test
    void pushAppliesTheCodeAndRefusesDataLossWithoutForce() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            push(db.url(), false).execute();
            assertTrue(log.text().contains("CREATE TABLE \"public\".\"customers\""), log.text());
            assertTrue(log.lines.contains("[info] Applied 4 statements in one transaction."), log.text());
            push(db.url(), false).execute();
            assertTrue(log.lines.contains("[info] Database matches the schema code; nothing to do."), log.text());

            db.execute("ALTER TABLE customers ADD COLUMN legacy text");
            MojoFailureException refused = assertThrows(MojoFailureException.class, () -> push(db.url(), false).execute());
            assertTrue(refused.getMessage().contains("DROP COLUMN \"legacy\""), refused.getMessage());
            assertTrue(refused.getMessage().endsWith("Nothing was changed. Set <force>true</force> or pass -Dshale.force to apply them"
                    + " anyway."), refused.getMessage());
            assertEquals(List.of("legacy"), db.strings("SELECT column_name FROM information_schema.columns WHERE column_name = 'legacy'"));
            push(db.url(), true).execute();
            assertEquals(List.of(), db.strings("SELECT column_name FROM information_schema.columns WHERE column_name = 'legacy'"));
        }
    }

    @Test
    void diffPrintsTheSqlFromTheDatabaseToTheCodeAndWritesTheOutputFile() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            db.execute("CREATE TABLE customers (id uuid PRIMARY KEY DEFAULT gen_random_uuid()); CREATE FUNCTION kid(text) RETURNS integer LANGUAGE internal IMMUTABLE STRICT AS 'textlen'");
            DiffMojo diff = configure(new DiffMojo(), db.url());
            diff.from = db.url();
            diff.to = "code";
            diff.outputFile = dir.resolve("target/diff.sql").toFile();
            diff.execute();
            String sql = Files.readString(dir.resolve("target/diff.sql"));
            assertTrue(sql.contains("ALTER TABLE \"public\".\"customers\" ADD COLUMN \"email\" varchar(255) NOT NULL;"), sql);
            assertTrue(sql.contains("CREATE TABLE \"public\".\"orders\""), sql);
            assertTrue(log.lines.contains("[warn] not managed in <from>: function \"public\".\"kid\"(text) (LANGUAGE internal)"), log.text());

            DiffMojo bad = configure(new DiffMojo(), db.url());
            bad.from = "somewhere";
            bad.to = "code";
            String message = assertThrows(MojoFailureException.class, bad::execute).getMessage();
            assertTrue(message.startsWith("<from> (-Dshale.from) somewhere is not a database URL"), message);
        }
    }

    @Test
    void pullWritesJavaClassesAndABaselineAndNeverOverwrites() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            db.execute("CREATE TABLE accounts (id bigint PRIMARY KEY, name text NOT NULL)");
            PullMojo pull = configure(new PullMojo(), db.url());
            pull.packageName = "com.example.pulled";
            pull.sourceDirectory = dir.resolve("src/main/java").toFile();
            pull.execute();
            assertTrue(Files.readString(dir.resolve("src/main/java/com/example/pulled/Accounts.java")).contains("bigint(\"id\")"));
            assertEquals(List.of("0000_snapshot.json"), List.of(dir.resolve("snapshots").toFile().list()));
            assertTrue(Files.isRegularFile(dir.resolve("migrations/0000_baseline.sql")));
            assertTrue(Files.isRegularFile(dir.resolve("migrations/shale.sum")));

            MojoFailureException again = assertThrows(MojoFailureException.class, pull::execute);
            assertTrue(again.getMessage().startsWith("src/main/java/com/example/pulled/Accounts.java already exists; pull never overwrites"),
                    again.getMessage());
            assertNull(again.getCause());
        }
    }

    private PushMojo push(String url, boolean force) {
        PushMojo push = configure(new PushMojo(), url);
        push.force = force;
        return push;
    }

    /** What Maven would inject: the project (its output folder holding the compiled schema) and the defaults. */
    private <T extends AbstractShaleMojo> T configure(T mojo, String url) {
        MavenProject project = new MavenProject();
        project.setFile(dir.resolve("pom.xml").toFile());
        project.getBuild().setOutputDirectory(classes.toString());
        project.addCompileSourceRoot(dir.resolve("src/main/java").toString());
        mojo.project = project;
        mojo.migrationsDirectory = dir.resolve("migrations").toFile();
        mojo.snapshotsDirectory = dir.resolve("snapshots").toFile();
        mojo.url = url;
        mojo.historySchema = "public";
        mojo.historyTable = "shale_migrations";
        if (mojo instanceof SchemaMojo s) {
            s.schemaPackage = "com.example.shop.db";
            PluginDescriptor plugin = new PluginDescriptor();
            plugin.setVersion(System.getProperty("shale.version"));
            s.plugin = plugin;
        }
        mojo.setLog(log);
        return mojo;
    }
}
