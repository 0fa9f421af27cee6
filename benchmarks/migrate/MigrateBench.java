import dev.shale.migrator.Migrator;
import org.flywaydb.core.Flyway;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The migrate benchmark: applies N small migrations (each creates a small table and inserts a row) to a
 * fresh, empty database with Shale's Migrator, and the same SQL to another fresh database with Flyway and
 * with plain JDBC (the floor: one transaction per file, no history), R times, rotating which goes first.
 * Prints the median total wall time and the per-migration time (median total / N) for each, as a
 * Markdown table. Not a test: it never fails on a figure, only when a
 * run does not apply all N migrations.
 *
 *   java -cp <migrator classes>:<flyway, postgresql jars> MigrateBench.java [options]
 *
 *   --count N      migrations (default 1000)
 *   --runs R       timed runs per tool (default 5), after one untimed warm-up run per tool
 *   --admin-url U  a JDBC URL of a database to create and drop the benchmark databases from
 *                  (default jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres)
 *   --work DIR     where the migration files are written (default benchmarks/work/migrate)
 */
public final class MigrateBench {
    /** Held here: java.util.logging keeps loggers weakly, and a collected logger forgets its level. */
    private static final Logger FLYWAY_LOGGER = Logger.getLogger("org.flywaydb");

    private interface Tool {
        String name();

        /** Applies every migration to the database at url; returns how many it applied. */
        int migrate(String url) throws Exception;

        /** A query counting the history rows of applied migrations, or null for a runner that keeps none. */
        String historyCount();
    }

    public static void main(String[] args) throws Exception {
        int count = 1000;
        int runs = 5;
        String adminUrl = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
        Path work = Path.of("benchmarks/work/migrate");
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--count" -> count = Integer.parseInt(require(args[i], value));
                case "--runs" -> runs = Integer.parseInt(require(args[i], value));
                case "--admin-url" -> adminUrl = require(args[i], value);
                case "--work" -> work = Path.of(require(args[i], value));
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; see the header of MigrateBench.java");
            }
            i++;
        }
        if (count < 1 || count > 9999 || runs < 1) {
            throw new IllegalArgumentException("--count must be 1..9999 (four-digit versions) and --runs at least 1");
        }

        Path shaleDir = work.resolve("shale-migrations");
        Path flywayDir = work.resolve("flyway-migrations");
        writeMigrations(count, shaleDir, flywayDir);

        Tool shale = new Tool() {
            public String name() { return "Shale"; }
            public int migrate(String url) {
                return Migrator.builder().url(url).location(shaleDir).build().migrate().applied().size();
            }
            public String historyCount() { return "SELECT count(*) FROM public.shale_migrations"; }
        };
        Tool flyway = new Tool() {
            public String name() { return "Flyway " + flywayVersion(); }
            public int migrate(String url) {
                return Flyway.configure()
                        .dataSource(url, null, null)
                        .locations("filesystem:" + flywayDir.toAbsolutePath())
                        .load()
                        .migrate()
                        .migrationsExecuted;
            }
            public String historyCount() { return "SELECT count(*) FROM public.flyway_schema_history WHERE success AND version IS NOT NULL"; }
        };

        // Flyway logs each migration at INFO through java.util.logging; Shale's library prints nothing.
        // Keep Flyway's warnings, drop the per-migration lines, so neither pays for console output.
        FLYWAY_LOGGER.setLevel(Level.WARNING);

        System.out.println("# migrate benchmark: " + count + " migrations, " + runs + " timed runs per tool");
        System.out.println("# " + describeEnvironment(adminUrl));
        System.out.println("# load average at the start: " + loadAverage());
        // The floor: the same files, each in its own transaction, on one connection, with no history,
        // lock or checks. What a tool takes above this is its own overhead.
        Tool plain = new Tool() {
            public String name() { return "plain JDBC"; }
            public int migrate(String url) throws Exception {
                int applied = 0;
                try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
                     Stream<Path> listing = Files.list(shaleDir)) {
                    c.setAutoCommit(false);
                    for (Path file : listing.sorted().toList()) {
                        // The generated files hold statements that each end a line with ";".
                        for (String sql : Files.readString(file).split(";\n")) {
                            if (!sql.isBlank()) {
                                st.execute(sql);
                            }
                        }
                        c.commit();
                        applied++;
                    }
                }
                return applied;
            }
            public String historyCount() { return null; }
        };

        List<Tool> tools = List.of(shale, flyway, plain);
        List<List<Double>> totals = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        List<List<Double>> cpus = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        double[] cold = new double[tools.size()];
        for (int run = 0; run <= runs; run++) {
            // Rotate the order so that no tool always runs first or right after the same other one.
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < tools.size(); i++) {
                order.add((i + run) % tools.size());
            }
            for (int t : order) {
                double[] ms = timeOne(tools.get(t), adminUrl, count);
                String label = run == 0 ? "warm-up" : "run " + run;
                System.out.printf(Locale.ROOT, "# %-16s %-8s %10.1f ms wall %10.1f ms client CPU%n", tools.get(t).name(), label, ms[0], ms[1]);
                if (run == 0) {
                    cold[t] = ms[0];
                } else {
                    totals.get(t).add(ms[0]);
                    cpus.get(t).add(ms[1]);
                }
            }
        }

        System.out.println("# load average at the end: " + loadAverage());
        System.out.println();
        System.out.println("| tool | first run (cold JVM), ms | median total, ms | min–max, ms | per migration (median / N), ms | client CPU per migration (median / N), ms |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        for (int t = 0; t < tools.size(); t++) {
            List<Double> sorted = new ArrayList<>(totals.get(t));
            sorted.sort(Comparator.naturalOrder());
            double median = median(sorted);
            List<Double> cpu = new ArrayList<>(cpus.get(t));
            cpu.sort(Comparator.naturalOrder());
            System.out.printf(Locale.ROOT, "| %s | %.0f | %.0f | %.0f–%.0f | %.2f | %.2f |%n", tools.get(t).name(), cold[t], median,
                    sorted.get(0), sorted.get(sorted.size() - 1), median / count, median(cpu) / count);
        }
    }

    /**
     * Creates a fresh database, times tool.migrate on it, checks that all N were applied, drops it.
     * Returns the wall time and the CPU time this JVM used meanwhile (all its threads, JIT and GC
     * included), both in ms; the CPU time does not count the server's work.
     */
    private static double[] timeOne(Tool tool, String adminUrl, int count) throws Exception {
        String db = "shale_bench_" + tool.name().split(" ")[0].toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "") + "_" + ProcessHandle.current().pid();
        admin(adminUrl, st -> st.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)"));
        admin(adminUrl, st -> st.execute("CREATE DATABASE " + db));
        String url = urlFor(adminUrl, db);
        try {
            long cpuStart = processCpuNanos();
            long start = System.nanoTime();
            int applied = tool.migrate(url);
            double ms = (System.nanoTime() - start) / 1e6;
            double cpuMs = (processCpuNanos() - cpuStart) / 1e6;
            long history = tool.historyCount() == null ? count : single(url, tool.historyCount());
            long tables = single(url, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name ~ '^t[0-9]+$'");
            long rows = single(url, "SELECT count(*) FROM public.t0001");
            if (applied != count || history != count || tables != count || rows != 1) {
                throw new IllegalStateException(tool.name() + " applied " + applied + " migrations, recorded " + history
                        + ", created " + tables + " tables; expected " + count + " of each");
            }
            return new double[] {ms, cpuMs};
        } finally {
            admin(adminUrl, st -> st.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)"));
        }
    }

    /** Identical SQL in both layouts: Shale's 0001_t0001.sql and Flyway's V1__t0001.sql. */
    private static void writeMigrations(int count, Path shaleDir, Path flywayDir) throws IOException {
        for (Path dir : List.of(shaleDir, flywayDir)) {
            if (Files.exists(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path f : (Iterable<Path>) files::iterator) {
                        Files.delete(f);
                    }
                }
            }
            Files.createDirectories(dir);
        }
        for (int v = 1; v <= count; v++) {
            String table = "t%04d".formatted(v);
            String sql = """
                    CREATE TABLE "public"."%1$s" ("id" integer PRIMARY KEY, "note" text NOT NULL);
                    INSERT INTO "public"."%1$s" ("id", "note") VALUES (1, 'migration %2$d');
                    """.formatted(table, v);
            Files.writeString(shaleDir.resolve("%04d_%s.sql".formatted(v, table)), sql);
            Files.writeString(flywayDir.resolve("V%d__%s.sql".formatted(v, table)), sql);
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The 1, 5 and 15 minute load averages (Linux), because other work on the machine moves the figures. */
    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "(unknown)";
        }
    }

    private static String flywayVersion() {
        try (var in = Flyway.class.getResourceAsStream("/META-INF/maven/org.flywaydb/flyway-core/pom.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "(unknown version)");
        } catch (IOException e) {
            return "(unknown version)";
        }
    }

    /** Server version and the settings that decide what a commit costs (the URL's options apply). */
    private static String describeEnvironment(String adminUrl) throws SQLException {
        String server;
        try (Connection c = DriverManager.getConnection(adminUrl); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT current_setting('server_version'), current_setting('fsync'),"
                     + " current_setting('synchronous_commit')")) {
            rs.next();
            server = "PostgreSQL " + rs.getString(1) + " (fsync " + rs.getString(2) + ", synchronous_commit " + rs.getString(3) + ")";
        }
        return server + ", Java " + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors()
                + " cores, " + System.getProperty("os.name") + " " + System.getProperty("os.arch");
    }

    private interface SqlAction {
        void run(Statement st) throws SQLException;
    }

    private static void admin(String adminUrl, SqlAction action) throws SQLException {
        try (Connection c = DriverManager.getConnection(adminUrl); Statement st = c.createStatement()) {
            action.run(st);
        }
    }

    private static long single(String url, String query) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String urlFor(String adminUrl, String db) {
        int q = adminUrl.indexOf('?');
        String base = q < 0 ? adminUrl : adminUrl.substring(0, q);
        return base.substring(0, base.lastIndexOf('/') + 1) + db + (q < 0 ? "" : adminUrl.substring(q));
    }

    private static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String require(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }
}
