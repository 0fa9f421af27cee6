package dev.shale.migrator;

import dev.shale.testing.TestDatabase;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Helpers for migrator tests: a builder on a test database, migration folders, the example's migrations. */
final class TestSupport {
    private TestSupport() {}

    static Migrator.Builder builder(TestDatabase db, Path dir) {
        return Migrator.builder().url(db.url()).location(dir).lockWait(Duration.ofSeconds(20));
    }

    static Path write(Path dir, String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    /** The repository's first two example migrations (../migrations) copied into {@code dir}, with hand-written down files. */
    static Path example(Path dir) throws IOException {
        Path source = Path.of("..", "migrations");
        try (var files = Files.list(source)) {
            // the example's first two migrations (0000, 0001), whose down files these tests carry; later ones
            // (RLS, triggers, a view) are the CLI tests' to apply
            for (Path p : files.filter(f -> f.getFileName().toString().matches("000[01]_[^.]*\\.sql")).toList()) {
                Files.copy(p, dir.resolve(p.getFileName()));
            }
        }
        for (String down : List.of("0000_initial_schema.down.sql", "0001_evolve_onboarding.down.sql")) {
            try (var in = TestSupport.class.getResourceAsStream("/example-down/" + down)) {
                Files.write(dir.resolve(down), in.readAllBytes());
            }
        }
        return dir;
    }

    /** A DataSource that hands out {@code c} every time and never closes it, like a pool. */
    static javax.sql.DataSource keepOpen(java.sql.Connection c) {
        java.sql.Connection unclosable = (java.sql.Connection) java.lang.reflect.Proxy.newProxyInstance(TestSupport.class.getClassLoader(),
                new Class<?>[] {java.sql.Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    try {
                        return method.invoke(c, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return (javax.sql.DataSource) java.lang.reflect.Proxy.newProxyInstance(TestSupport.class.getClassLoader(),
                new Class<?>[] {javax.sql.DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        return unclosable;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
