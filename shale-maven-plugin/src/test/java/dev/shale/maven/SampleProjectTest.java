package dev.shale.maven;

import dev.shale.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plugin as a user meets it (issue 11, must show 2): a sample Maven project outside the repository
 * ({@code src/test/projects/sample}), built with {@code mvn} as a separate process against a local
 * repository under {@code target/} ({@link ItRepository}). {@code mvn verify} runs {@code shale:check} and
 * fails while the schema code has ungenerated changes, passes after {@code mvn shale:generate};
 * {@code shale:migrate} and {@code shale:status} work against a throwaway PostgreSQL database.
 */
class SampleProjectTest {
    private static final Path MODULE = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    private static final String VERSION = System.getProperty("shale.version");

    @Test
    void verifyFailsOnUngeneratedChangesUntilGenerateAndMigrateAppliesThem(@TempDir Path tmp) throws Exception {
        ItRepository repo = ItRepository.prepare(MODULE, VERSION);
        Path sample = SampleProject.copy(MODULE, "sample", tmp.resolve("shop"), VERSION);
        try (TestDatabase db = TestDatabase.create()) {
            MavenRun first = MavenRun.run(sample, repo, Map.of(), "verify");
            assertNotEquals(0, first.exitCode(), first.describe());
            assertTrue(first.output().contains("The schema code has changes not generated yet (compared with an empty schema"),
                    first.describe());
            assertTrue(first.output().contains("Run mvn shale:generate and commit what it writes"), first.describe());
            assertTrue(first.output().contains("CREATE TABLE \"public\".\"customers\""), first.describe());
            assertTrue(first.output().contains("shale-maven-plugin:" + VERSION + ":check (default) @ shop"), first.describe());

            MavenRun generate = MavenRun.run(sample, repo, Map.of(), "shale:generate");
            assertEquals(0, generate.exitCode(), generate.describe());
            assertEquals(List.of("0000_create_customers_orders.down.sql", "0000_create_customers_orders.sql", "shale.sum"),
                    files(sample.resolve("migrations")), generate.describe());
            assertEquals(List.of("0000_snapshot.json"), files(sample.resolve("snapshots")));
            assertTrue(generate.output().contains("wrote migrations/0000_create_customers_orders.sql"), generate.describe());

            MavenRun second = MavenRun.run(sample, repo, Map.of(), "verify");
            assertEquals(0, second.exitCode(), second.describe());
            assertTrue(second.output().contains("Schema code matches snapshots/0000_snapshot.json."), second.describe());

            // a generated migration edited afterwards: shale.sum catches it in verify
            Path migration = sample.resolve("migrations/0000_create_customers_orders.sql");
            String generated = Files.readString(migration);
            Files.writeString(migration, generated.replace("NOT NULL", "NULL"));
            MavenRun tampered = MavenRun.run(sample, repo, Map.of(), "verify");
            assertNotEquals(0, tampered.exitCode(), tampered.describe());
            assertTrue(tampered.output().contains("migrations/shale.sum does not match the files (1 problem)"), tampered.describe());
            assertTrue(tampered.output().contains("mvn shale:hash rewrites migrations/shale.sum"), tampered.describe());
            Files.writeString(migration, generated);

            // the URL from the environment, as ${env.DATABASE_URL} is the default of <url>
            MavenRun migrate = MavenRun.run(sample, repo, Map.of("DATABASE_URL", db.url()), "shale:migrate");
            assertEquals(0, migrate.exitCode(), migrate.describe());
            assertTrue(migrate.output().contains("applied 0000_create_customers_orders"), migrate.describe());
            assertEquals(List.of("customers", "orders"), db.strings(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'shale_migrations'"
                            + " ORDER BY 1"));

            // the schema changes again: verify compiles the edit and check sees it
            Path customers = sample.resolve("src/main/java/com/example/shop/db/Customers.java");
            Files.writeString(customers, Files.readString(customers).replace(
                    "    public final Column<OffsetDateTime> createdAt",
                    "    public final Column<String> name = text(\"name\");\n    public final Column<OffsetDateTime> createdAt"));
            MavenRun edited = MavenRun.run(sample, repo, Map.of(), "verify");
            assertNotEquals(0, edited.exitCode(), edited.describe());
            assertTrue(edited.output().contains("ADD COLUMN \"name\""), edited.describe());
            assertTrue(edited.output().contains("compared with snapshots/0000_snapshot.json"), edited.describe());

            // the URL as a user property, and two goals in one run
            MavenRun next = MavenRun.run(sample, repo, Map.of(), "shale:generate", "shale:migrate", "-Dshale.url=" + db.url());
            assertEquals(0, next.exitCode(), next.describe());
            assertTrue(next.output().contains("applied 0001_"), next.describe());
            assertEquals(List.of("name"), db.strings("SELECT column_name FROM information_schema.columns"
                    + " WHERE table_name = 'customers' AND column_name = 'name'"));

            MavenRun status = MavenRun.run(sample, repo, Map.of(), "shale:status", "-Dshale.url=" + db.url());
            assertEquals(0, status.exitCode(), status.describe());
            assertTrue(status.output().matches("(?s).*0000\\s+create_customers_orders\\s+applied.*"), status.describe());
            assertTrue(status.output().contains("2 migrations: 2 applied."), status.describe());
            System.out.printf("sample project: verify %d ms, generate %d ms, verify %d ms, verify %d ms, migrate %d ms, verify %d ms,"
                            + " generate+migrate %d ms, status %d ms%n", first.millis(), generate.millis(), second.millis(),
                    tampered.millis(), migrate.millis(), edited.millis(), next.millis(), status.millis());
        }
    }

    private static List<String> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
