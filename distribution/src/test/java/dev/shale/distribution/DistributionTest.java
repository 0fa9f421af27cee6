package dev.shale.distribution;

import dev.shale.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The archive this build made, as a user gets it: unpacked into a temporary folder, its {@code bin/shale}
 * run (through a link, from a project folder outside the repository, with a clean environment: a JDK and
 * nothing else) on a sample project of its own ({@code shale.toml}, schema sources), to generate, migrate
 * against the local PostgreSQL and check. The class-data-sharing archive lands in the user's cache folder
 * and later runs map it.
 */
class DistributionTest {
    static final String VERSION = System.getProperty("shale.version");
    static final Path ARCHIVES = Path.of(System.getProperty("shale.archives", "target"));
    static final String BASE = "shale-" + VERSION;

    static final String CONFIG = """
            dialect = "postgresql"

            [schema]
            source = "src/main/java"
            package = "com.acme.db"

            [database]
            url = "${DATABASE_URL}"
            """;

    static final String CUSTOMERS = """
            package com.acme.db;

            import dev.shale.dsl.Column;
            import dev.shale.dsl.Table;
            import java.time.OffsetDateTime;

            public final class Customers extends Table {
                public static final Customers CUSTOMERS = new Customers();
                public final Column<Long> id = bigserial("id").primaryKey();
                public final Column<String> email = varchar("email", 255).notNull();
                public final Column<OffsetDateTime> createdAt = timestamptz("created_at").notNull().defaultNow();

                Customers() {
                    super("customers");
                    uniqueIndex("customers_email_key").on(email);
                }
            }
            """;

    static final String ORDERS = """
            package com.acme.db;

            import dev.shale.dsl.Column;
            import dev.shale.dsl.Table;
            import dev.shale.model.ReferentialAction;

            public final class Orders extends Table {
                public static final Orders ORDERS = new Orders();
                public final Column<Long> id = bigserial("id").primaryKey();
                public final Column<Long> customerId = bigint("customer_id").notNull()
                        .references(() -> Customers.CUSTOMERS.id, ReferentialAction.CASCADE);

                Orders() {
                    super("orders");
                    index("orders_customer_idx").on(customerId);
                }
            }
            """;

    @TempDir
    Path dir;

    /** The outcome of one run of the launcher. */
    record Run(int code, String out) {}

    @Test
    void theUnpackedArchiveGeneratesMigratesAndChecksASampleProject() throws Exception {
        Path tarGz = ARCHIVES.resolve(BASE + ".tar.gz");
        Path zip = ARCHIVES.resolve(BASE + ".zip");
        assertTrue(Files.isRegularFile(tarGz) && Files.isRegularFile(zip), "the build made " + tarGz + " and " + zip);

        Path install = dir.resolve("opt");
        Files.createDirectories(install);
        exec(install, List.of("tar", "-xzf", tarGz.toAbsolutePath().toString()), Map.of());
        Path home = install.resolve(BASE);
        Path launcher = home.resolve("bin/shale");
        assertTrue(Files.getPosixFilePermissions(launcher).contains(PosixFilePermission.OWNER_EXECUTE), "bin/shale is executable");
        assertTrue(Files.isRegularFile(home.resolve("bin/shale.cmd")));
        assertTrue(Files.readString(home.resolve("README.md")).contains("# Shale " + VERSION));
        assertEquals(Files.readString(Path.of("..", "LICENSE").toAbsolutePath()), Files.readString(home.resolve("LICENSE")),
                "the root LICENSE, as it is");
        assertTrue(Files.readString(home.resolve("LICENSE")).contains("Apache License\n                           Version 2.0"));
        assertEquals(entries(install), zipEntries(zip), "the zip holds what the tar.gz holds");
        assertEquals(shaleModulesOnTheClassPath(), jars(home.resolve("lib"), VERSION), "lib/ holds every Shale module the CLI runs on");
        assertTrue(jars(home.resolve("lib"), "").stream().anyMatch(j -> j.startsWith("postgresql-")), "and the third-party jars");

        // A user's machine: a link to the launcher in their own bin folder, a project far from the repository.
        Path userBin = dir.resolve("user/bin");
        Files.createDirectories(userBin);
        Files.createSymbolicLink(userBin.resolve("shale"), launcher);
        Path project = dir.resolve("work/acme");
        write(project.resolve("shale.toml"), CONFIG);
        write(project.resolve("src/main/java/com/acme/db/Customers.java"), CUSTOMERS);
        write(project.resolve("src/main/java/com/acme/db/Orders.java"), ORDERS);
        Path userHome = dir.resolve("user/home");
        Files.createDirectories(userHome);

        try (TestDatabase db = TestDatabase.create()) {
            Map<String, String> env = new HashMap<>();
            env.put("PATH", "/usr/bin:/bin");
            env.put("HOME", userHome.toString());
            env.put("JAVA_HOME", System.getProperty("java.home"));
            env.put("DATABASE_URL", db.url());
            String shale = userBin.resolve("shale").toString();

            Run generate = exec(project, List.of(shale, "generate"), env);
            assertEquals(0, generate.code(), generate.out());
            assertTrue(Files.isRegularFile(project.resolve("migrations/0000_create_customers_orders.sql")), generate.out());
            assertTrue(Files.isRegularFile(project.resolve("snapshots/0000_snapshot.json")));
            List<Path> archives = cdsArchives(userHome.resolve(".cache/shale"));
            assertEquals(1, archives.size(), "the first generate recorded a class-data-sharing archive: " + archives);
            assertTrue(archives.get(0).getFileName().toString().startsWith(VERSION + "-"), archives.toString());

            Run help = exec(project, List.of(shale, "migrate", "--help"), env);
            assertEquals(0, help.code(), help.out());
            assertEquals(archives, cdsArchives(userHome.resolve(".cache/shale")),
                    "a command's --help records no archive (it would hold a few of the command's classes only)");
            Run usage = exec(project, List.of(shale, "migrate", "--no-such-option"), env);
            assertEquals(2, usage.code(), usage.out());
            assertEquals(archives, cdsArchives(userHome.resolve(".cache/shale")), "nor does a run that stopped at a usage error");
            Run migrate = exec(project, List.of(shale, "migrate", "--url", db.url()), env);
            assertEquals(0, migrate.code(), migrate.out());
            assertEquals(2, cdsArchives(userHome.resolve(".cache/shale")).size(), "migrate's first real run records its own");
            assertEquals(List.of("customers", "orders"), db.strings(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'shale_migrations' ORDER BY 1"));
            assertEquals(List.of("0"), db.strings("SELECT version::text FROM public.shale_migrations"));

            // -Xshare:on makes the JVM fail unless it maps the recorded archive: start-up speed is kept.
            Map<String, String> mapped = new HashMap<>(env);
            mapped.put("SHALE_JAVA_OPTS", "-Xshare:on");
            Run check = exec(project, List.of(shale, "check"), mapped);
            assertEquals(0, check.code(), check.out());
            assertTrue(check.out().contains("Schema code matches snapshots/0000_snapshot.json"), check.out());

            Run status = exec(dir, List.of(launcher.toString(), "status", "--config", project.resolve("shale.toml").toString()), env);
            assertEquals(0, status.code(), "runs from any folder: " + status.out());
            assertTrue(status.out().contains("applied"), status.out());
        }

        // A cache folder that cannot be written costs the archive, never the run.
        Map<String, String> noCache = Map.of("PATH", "/usr/bin:/bin", "JAVA_HOME", System.getProperty("java.home"),
                "XDG_CACHE_HOME", "/proc/shale-cache-cannot-be-here", "HOME", userHome.toString(),
                "DATABASE_URL", "jdbc:postgresql://127.0.0.1:1/unused");
        Run unwritable = exec(project, List.of(launcher.toString(), "check"), noCache);
        assertEquals(0, unwritable.code(), unwritable.out());
    }

    private static Run exec(Path cwd, List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true);
        if (!env.isEmpty()) {
            pb.environment().clear();
            pb.environment().putAll(env);
        }
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command + " did not finish: " + out);
        }
        Run run = new Run(p.exitValue(), out);
        if (command.get(0).equals("tar") && run.code() != 0) {
            throw new AssertionError("tar failed: " + out);
        }
        return run;
    }

    /** Every file and folder under {@code root}, as archive entry names ({@code shale-V/bin/shale}). */
    private static Set<String> entries(Path root) throws IOException {
        Set<String> out = new TreeSet<>();
        try (Stream<Path> s = Files.walk(root)) {
            s.filter(p -> !p.equals(root)).forEach(p -> out.add(root.relativize(p).toString().replace(File.separatorChar, '/')));
        }
        return out;
    }

    private static Set<String> zipEntries(Path zip) throws IOException {
        Set<String> out = new TreeSet<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            z.stream().forEach(e -> out.add(e.getName().replaceAll("/$", "")));
        }
        return out;
    }

    /** The jar names in {@code lib} that contain {@code marker}. */
    private static Set<String> jars(Path lib, String marker) throws IOException {
        Set<String> out = new TreeSet<>();
        try (Stream<Path> s = Files.list(lib)) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jar") && n.contains(marker)).forEach(out::add);
        }
        return out;
    }

    /**
     * The Shale modules on this test's class path, which Maven resolved from the CLI's runtime dependencies
     * (plus test-support, the test's own): as reactor folders ({@code workflows/target/classes}) or jars.
     */
    private static Set<String> shaleModulesOnTheClassPath() {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Set<String> out = new TreeSet<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            Path p = Path.of(entry).toAbsolutePath().normalize();
            String module = null;
            if (p.endsWith(Path.of("target", "classes")) && Files.isRegularFile(p.getParent().getParent().resolve("pom.xml"))) {
                module = p.getParent().getParent().getFileName().toString();
            } else if (p.toString().contains("/dev/shale/") && p.getFileName().toString().endsWith("-" + VERSION + ".jar")) {
                module = p.getParent().getParent().getFileName().toString();
            }
            if (module != null && !module.equals("test-support") && !module.equals("distribution")) {
                out.add(module + "-" + VERSION + ".jar");
            }
        }
        return out;
    }

    private static List<Path> cdsArchives(Path cache) throws IOException {
        List<Path> out = new ArrayList<>();
        if (Files.isDirectory(cache)) {
            try (Stream<Path> s = Files.list(cache)) {
                s.filter(p -> p.getFileName().toString().endsWith(".jsa")).sorted().forEach(out::add);
            }
        }
        return out;
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
