package dev.shale.cli;

import dev.shale.testing.SchemaDump;
import dev.shale.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole way round for a database holding everything a table can hold (every built-in base type and
 * arrays of them, extension types, a domain, a composite type, a sequence, identity columns of both
 * kinds, a generated column, range- and list-partitioned tables with default partitions and local
 * indexes, comments, collations, deferrable and NOT VALID constraints, an exclusion constraint and an
 * INCLUDE index): {@code pull} it, compile the pulled code, {@code generate} from an empty history,
 * {@code migrate} a fresh database, and compare both databases' {@code pg_dump --schema-only}. Then
 * {@code push} and {@code check --url} against the original must find nothing to do.
 */
class CatalogRoundTripTest {
    @TempDir
    Path dir;

    @Test
    void pullGenerateMigrateGivesTheSameSchemaDump() throws Exception {
        String fixture = resource("catalog-round-trip.sql");
        try (TestDatabase original = TestDatabase.create(); TestDatabase copy = TestDatabase.create()) {
            original.execute(fixture);
            TempProject p = new TempProject(dir.resolve("project")).write("shale.toml", TempProject.CONFIG);
            TempProject.Run pull = p.run("pull", "--verbose", "--package", "app.db", "--url", original.url(), "--schemas", "app,public");
            assertEquals(0, pull.code(), pull.toString());
            assertFalse(pull.out().contains("not managed") || pull.err().contains("not managed"),
                    "everything in the fixture is modelled: " + pull);
            TempProject.Run check = p.run("check");
            assertEquals(0, check.code(), "the pulled code compiles and loads to the pulled model: " + check);

            // generate from an empty history: the first migration creates everything
            deleteTree(p.root.resolve("migrations"));
            deleteTree(p.root.resolve("snapshots"));
            TempProject.Run generate = p.run("generate", "--name", "everything");
            assertEquals(0, generate.code(), generate.toString());
            TempProject.Run migrate = p.run("migrate", "--url", copy.url());
            assertEquals(0, migrate.code(), migrate.toString());

            assertEquals(String.join("\n", SchemaDump.normalized(original, "public.shale_migrations")),
                    String.join("\n", SchemaDump.normalized(copy, "public.shale_migrations")),
                    "pg_dump --schema-only of the original and the copy");

            TempProject.Run push = p.run("push", "--url", original.url(), "--dry-run");
            assertEquals(0, push.code(), push.toString());
            assertTrue(push.out().contains("nothing to do"), "push finds nothing to do on the original: " + push);
            TempProject.Run drift = p.run("check", "--url", original.url());
            assertEquals(0, drift.code(), "check --url finds no drift on the original: " + drift);
            assertFalse(drift.out().contains("not managed"), drift.toString());
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = CatalogRoundTripTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path f : all.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(f);
            }
        }
    }
}
