package dev.shale.migrator;

import dev.shale.testing.TestDatabase;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Helpers for migrator tests: a builder on a test database, migration folders, the example's migrations. */
final class TestSupport {
    private TestSupport() {}

    static Migrator.Builder builder(TestDatabase db, Path dir) {
        return Migrator.builder().url(db.url()).location(dir).splitter(splitter()).lockWait(Duration.ofSeconds(20));
    }

    static Path write(Path dir, String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    /** The repository's example migrations (../migrations) copied into {@code dir}, with hand-written down files. */
    static Path example(Path dir) throws IOException {
        Path source = Path.of("..", "migrations");
        try (var files = Files.list(source)) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".sql")).toList()) {
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

    /** The real splitter once it has landed; until then a stand-in that ends statements at a line-final semicolon. */
    static Function<String, List<SqlStatement>> splitter() {
        try {
            SqlSplitter.split("SELECT 1");
            return SqlSplitter::split;
        } catch (UnsupportedOperationException e) {
            return TestSupport::standIn;
        }
    }

    private static List<SqlStatement> standIn(String script) {
        List<SqlStatement> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int start = 0;
        String[] lines = script.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (current.length() == 0 && (line.isBlank() || line.strip().startsWith("--"))) {
                continue;
            }
            if (current.length() == 0) {
                start = i + 1;
            }
            current.append(line).append('\n');
            if (line.stripTrailing().endsWith(";")) {
                String sql = current.toString().stripTrailing();
                out.add(new SqlStatement(sql.substring(0, sql.length() - 1), start));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(new SqlStatement(current.toString().strip(), start));
        }
        return out;
    }
}
