package dev.shale.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A database's {@code pg_dump --schema-only --no-owner --no-privileges} output, normalised for comparing two
 * databases: {@code --} comment lines, blank lines, {@code SET} lines, {@code SELECT pg_catalog.set_config}
 * and <code>&#92;restrict</code>/<code>&#92;unrestrict</code> lines (their keys differ per run) are dropped, and the tables
 * named are excluded (the migration history table, which only one side may have).
 */
public final class SchemaDump {
    private SchemaDump() {}

    /**
     * @param db the database to dump
     * @param excludedTables tables left out, as {@code schema.table} ({@code public.shale_migrations})
     * @return the remaining lines, in pg_dump's order
     */
    public static List<String> normalized(TestDatabase db, String... excludedTables) throws IOException, InterruptedException {
        return normalize(raw(db, excludedTables));
    }

    /** The dump as pg_dump prints it. */
    public static String raw(TestDatabase db, String... excludedTables) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("pg_dump", "--schema-only", "--no-owner", "--no-privileges"));
        for (String t : excludedTables) {
            command.add("--exclude-table=" + t);
        }
        // libpq reads the JDBC URL without its "jdbc:" prefix (user and password are query parameters it knows)
        command.add("--dbname=" + db.url().replaceFirst("^jdbc:", ""));
        Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
        p.getOutputStream().close();
        byte[] err;
        String out;
        try (var stdout = p.getInputStream(); var stderr = p.getErrorStream()) {
            out = new String(stdout.readAllBytes(), StandardCharsets.UTF_8);
            err = stderr.readAllBytes();
        }
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("pg_dump of " + db.name() + " failed: " + new String(err, StandardCharsets.UTF_8));
        }
        return out;
    }

    /** The lines of a dump that say something about the schema. */
    public static List<String> normalize(String dump) {
        List<String> out = new ArrayList<>();
        for (String line : dump.split("\n")) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("--") || t.startsWith("SET ") || t.startsWith("SELECT pg_catalog.set_config")
                    || t.startsWith("\\restrict") || t.startsWith("\\unrestrict")) {
                continue;
            }
            out.add(line);
        }
        return out;
    }
}
