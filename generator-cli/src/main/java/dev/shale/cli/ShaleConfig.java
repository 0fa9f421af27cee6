package dev.shale.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.shale.workflow.MigrationLayout;
import dev.shale.workflow.MigrationSettings;
import dev.shale.workflow.OnlineSettings;
import dev.shale.workflow.Project;
import dev.shale.workflow.SchemaLocation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A project's settings: {@code shale.toml} at the project root, with {@code ${ENV}} interpolation from
 * the environment and the root's {@code .env} / {@code .env.local}, then overridden by flags.
 * Relative paths in the file are relative to the project root (the file's folder); relative paths
 * given as flags are relative to the working directory.
 *
 * <pre>
 * dialect = "postgresql"
 * [schema]
 * source = "example/src/main/java"        # .java sources, compiled in memory (string or list)
 * classpath = ["build/classes"]            # or compiled classes: folders or jars (string or list)
 * package = "com.example.onboarding.db"   # every class of the package ...
 * class = "com.example.db.Schema"         # ... or one holder class whose static fields are the tables
 * [output]
 * migrations = "migrations"
 * snapshots = "snapshots"
 * layout = "shale"                        # or "flyway": V1__name.sql and U1__name.sql
 * [database]
 * url = "${DATABASE_URL}"
 * migrations_url = "${DIRECT_DATABASE_URL:-jdbc:postgresql://127.0.0.1:5432/app}"
 * [migrations]                            # the history table and timeouts of migrate / rollback
 * schema = "public"
 * table = "shale_migrations"
 * lock_timeout = "10s"
 * [lint]                                  # shale lint
 * fail_on = "error"                       # or "warning", "info", "none"
 * large_table_rows = 1000000
 * [generate]                              # how generate writes migrations
 * online = true                           # online-safe migrations (CONCURRENTLY, NOT VALID then VALIDATE, ...)
 * lock_timeout = "5s"                     # the lock_timeout each online migration sets first
 * [postgres]
 * version = 13                            # the oldest PostgreSQL the project's databases run
 * [verify]                                # generate --verify and check --verify
 * url = "${VERIFY_DATABASE_URL}"          # a server to create a throwaway database on; default: an embedded PostgreSQL
 * </pre>
 *
 * @param root the project root
 * @param file the config file read, or null when none exists and flags said enough
 * @param dialect the SQL dialect, {@code postgresql}
 * @param sources folders of {@code .java} sources to compile in memory
 * @param classpath folders or jars of compiled schema classes (and what the sources need)
 * @param schemaPackage the package whose classes declare the schema, or null
 * @param schemaClass the holder class whose static fields declare the schema, or null
 * @param migrationsDir where migrations go
 * @param snapshotsDir where snapshots go
 * @param databaseUrl the database URL, or null
 * @param migrationsUrl the URL migrations run through (direct, not pooled); the database URL when unset
 * @param migrations the history table and timeouts of {@code migrate} and {@code rollback}
 * @param unresolved settings whose {@code ${VAR}} could not be resolved, by setting ({@code database.url}), with
 *                   the reason: a command fails on one only when it uses that setting, so a Neon project with only
 *                   {@code DATABASE_URL_UNPOOLED} set can generate, check and migrate
 * @param layout how generate names migration files ({@code [output] layout})
 * @param lintFailOn {@code [lint] fail_on}: the least serious lint severity that fails {@code shale lint}
 *                   ({@code "error"}, {@code "warning"}, {@code "info"}, or {@code "none"}, read as null); {@code "error"} by default
 * @param lintLargeTableRows {@code [lint] large_table_rows}: from how many rows a live table counts as large
 * @param lintExcluded {@code [lint] exclude}: lint rules not applied ({@code ["SH604", "SH601"]})
 * @param online whether generate writes online migrations, and their lock timeout ({@code [generate]})
 * @param postgresVersion the target PostgreSQL major version ({@code [postgres] version}), or null
 * @param verifyUrl the server verification creates its throwaway database on ({@code [verify] url}), or null for an
 *                  embedded PostgreSQL
 */
public record ShaleConfig(Path root, Path file, String dialect, List<Path> sources, List<Path> classpath,
                          String schemaPackage, String schemaClass, Path migrationsDir, Path snapshotsDir,
                          String databaseUrl, String migrationsUrl, MigrationSettings migrations, MigrationLayout layout,
                          Map<String, String> unresolved, dev.shale.workflow.lint.Severity lintFailOn, long lintLargeTableRows,
                          List<dev.shale.workflow.lint.LintRule> lintExcluded, OnlineSettings online,
                          Integer postgresVersion, String verifyUrl) {
    public static final String FILE_NAME = "shale.toml";
    private static final Map<String, Set<String>> KEYS = Map.of(
            "", Set.of("dialect", "schema", "output", "database", "migrations", "lint", "generate", "postgres", "verify"),
            "lint", Set.of("fail_on", "large_table_rows", "exclude"),
            "generate", Set.of("online", "lock_timeout"),
            "postgres", Set.of("version"),
            "verify", Set.of("url"),
            "schema", Set.of("source", "classpath", "package", "class"),
            "output", Set.of("migrations", "snapshots", "layout"),
            "database", Set.of("url", "migrations_url"),
            "migrations", Set.of("schema", "table", "lock_timeout", "statement_timeout", "lock_wait", "lock_retries",
                    "lock_retry_delay"));

    public ShaleConfig {
        sources = List.copyOf(sources);
        classpath = List.copyOf(classpath);
        unresolved = Map.copyOf(unresolved);
        lintExcluded = List.copyOf(lintExcluded);
        online = online == null ? OnlineSettings.OFF : online;
    }

    /** A config with online mode off. */
    public ShaleConfig(Path root, Path file, String dialect, List<Path> sources, List<Path> classpath,
                       String schemaPackage, String schemaClass, Path migrationsDir, Path snapshotsDir,
                       String databaseUrl, String migrationsUrl, MigrationSettings migrations, MigrationLayout layout,
                       Map<String, String> unresolved) {
        this(root, file, dialect, sources, classpath, schemaPackage, schemaClass, migrationsDir, snapshotsDir, databaseUrl,
                migrationsUrl, migrations, layout, unresolved, dev.shale.workflow.lint.Severity.named("error"),
                dev.shale.workflow.lint.LintOptions.LARGE_TABLE_ROWS, List.of(), OnlineSettings.OFF, null, null);
    }

    /**
     * The project value the library's workflows take. The schema location and folders must resolve; the
     * database URLs and migration settings are passed as far as they resolved (a command that connects
     * asks {@link #migrationsUrl()} first, which names the variable that is missing).
     */
    public Project project() {
        return new Project(root, new SchemaLocation(sources(), classpath(), schemaPackage(), schemaClass()), migrationsDir(),
                snapshotsDir(), databaseUrl, migrationsUrl, migrations, layout, dev.shale.workflow.SchemaFilter.ALL,
                online(), postgresVersion, verifyUrl);
    }

    /** The verification server's URL, or null for an embedded PostgreSQL; fails naming the variable when it did not resolve. */
    @Override
    public String verifyUrl() {
        require("verify.url");
        return verifyUrl;
    }

    private void require(String... settings) {
        for (String setting : settings) {
            String problem = unresolved.get(setting);
            if (problem != null) {
                throw new ShaleException(problem);
            }
        }
    }

    @Override
    public List<Path> sources() {
        require("schema.source");
        return sources;
    }

    @Override
    public List<Path> classpath() {
        require("schema.classpath");
        return classpath;
    }

    @Override
    public String schemaPackage() {
        require("schema.package");
        return schemaPackage;
    }

    @Override
    public String schemaClass() {
        require("schema.class");
        return schemaClass;
    }

    @Override
    public Path migrationsDir() {
        require("output.migrations");
        return migrationsDir;
    }

    @Override
    public Path snapshotsDir() {
        require("output.snapshots");
        return snapshotsDir;
    }

    @Override
    public String databaseUrl() {
        require("database.url");
        return databaseUrl;
    }

    /** The URL migrations (and live comparisons) use; fails naming the variable when it did not resolve. */
    @Override
    public String migrationsUrl() {
        require("database.migrations_url");
        return migrationsUrl;
    }

    @Override
    public MigrationSettings migrations() {
        require("migrations.schema", "migrations.table", "migrations.lock_timeout", "migrations.statement_timeout",
                "migrations.lock_wait", "migrations.lock_retries", "migrations.lock_retry_delay");
        return migrations;
    }

    /**
     * Settings given as flags; null means "not given".
     *
     * @param config the config file ({@code --config})
     * @param sources {@code --schema-source}
     * @param classpath {@code --classpath}
     * @param schemaPackage {@code --schema-package}
     * @param schemaClass {@code --schema-class}
     * @param migrationsDir {@code --migrations-dir}
     * @param snapshotsDir {@code --snapshots-dir}
     * @param url {@code --url}
     */
    public record Overrides(Path config, List<Path> sources, List<Path> classpath, String schemaPackage,
                            String schemaClass, Path migrationsDir, Path snapshotsDir, String url) {
        public static final Overrides NONE = new Overrides(null, null, null, null, null, null, null, null);

        boolean locateSchema() {
            return (sources != null || classpath != null) && (schemaPackage != null || schemaClass != null);
        }
    }

    /**
     * Reads the config of the project in {@code workingDir} and applies the flags.
     *
     * @param environment the process environment (it wins over {@code .env} files)
     */
    public static ShaleConfig load(Path workingDir, Overrides flags, Map<String, String> environment) {
        return load(workingDir, flags, environment, true);
    }

    /**
     * @param needsSchema false for the commands that only talk to the database ({@code migrate}, {@code status},
     *                    {@code rollback}): the schema's location may then be absent, and so may the file when
     *                    {@code --url} is given
     */
    public static ShaleConfig load(Path workingDir, Overrides flags, Map<String, String> environment, boolean needsSchema) {
        Path cwd = workingDir.toAbsolutePath().normalize();
        Path file = flags.config() == null ? cwd.resolve(FILE_NAME) : cwd.resolve(flags.config()).normalize();
        if (!Files.isRegularFile(file)) {
            boolean flagsSuffice = needsSchema ? flags.locateSchema() : flags.url() != null;
            if (flags.config() != null || !flagsSuffice) {
                throw new ShaleException("no config file at " + file + ". Create " + FILE_NAME
                        + " at the project root, for example:\n\n" + example()
                        + "\nor pass --config <file>, or give the schema's location as flags"
                        + " (--schema-source or --classpath, with --schema-package or --schema-class).");
            }
            file = null;
        }
        Path root = file == null ? cwd : file.getParent();
        Map<String, String> vars = EnvFiles.variables(root, environment);
        JsonNode tree = file == null ? null : read(file);
        String name = file == null ? FILE_NAME : root.relativize(file).toString();
        Reader r = new Reader(tree, vars, name, root, new java.util.TreeMap<>());

        String dialect = r.string("", "dialect", "postgresql");
        if (!dialect.equals("postgresql") && !dialect.equals("postgres")) {
            throw new ShaleException(name + ": dialect \"" + dialect + "\" is not supported; Shale speaks \"postgresql\"");
        }
        List<Path> sources = flags.sources() != null ? absolute(cwd, flags.sources()) : r.paths("schema", "source");
        List<Path> classpath = flags.classpath() != null ? absolute(cwd, flags.classpath()) : r.paths("schema", "classpath");
        String pkg = r.string("schema", "package", null);
        String cls = r.string("schema", "class", null);
        boolean schemaResolved = r.unresolved().keySet().stream().noneMatch(k -> k.startsWith("schema."));
        if (flags.schemaPackage() != null || flags.schemaClass() != null) {
            pkg = flags.schemaPackage();
            cls = flags.schemaClass();
        }
        if (pkg != null && cls != null) {
            throw new ShaleException(name + ": [schema] sets both package (" + pkg + ") and class (" + cls
                    + "); keep one: package scans every class of a package, class reads one holder class");
        }
        if (pkg == null && cls == null && needsSchema && schemaResolved) {
            throw new ShaleException(name + ": [schema] needs package = \"com.example.db\" (every class of the package)"
                    + " or class = \"com.example.db.Schema\" (a holder class whose static fields are the tables and enums),"
                    + " or the flag --schema-package / --schema-class");
        }
        if (sources.isEmpty() && classpath.isEmpty() && needsSchema && schemaResolved) {
            throw new ShaleException(name + ": [schema] needs source = \"src/main/java\" (schema sources, compiled in memory)"
                    + " or classpath = \"target/classes\" (compiled classes), or the flag --schema-source / --classpath");
        }
        Path migrations = flags.migrationsDir() != null ? cwd.resolve(flags.migrationsDir()).normalize()
                : root.resolve(r.string("output", "migrations", "migrations")).normalize();
        Path snapshots = flags.snapshotsDir() != null ? cwd.resolve(flags.snapshotsDir()).normalize()
                : root.resolve(r.string("output", "snapshots", "snapshots")).normalize();
        if (flags.migrationsDir() != null) {
            r.unresolved().remove("output.migrations");
        }
        if (flags.snapshotsDir() != null) {
            r.unresolved().remove("output.snapshots");
        }
        String url = flags.url() != null ? flags.url() : r.string("database", "url", null);
        String migrationsUrl = flags.url() != null ? flags.url() : r.string("database", "migrations_url", url);
        if (flags.url() != null) {
            r.unresolved().remove("database.url");
            r.unresolved().remove("database.migrations_url");
        } else if (r.node("database", "migrations_url") == null && r.unresolved().containsKey("database.url")) {
            r.unresolved().put("database.migrations_url", r.unresolved().get("database.url")); // it falls back to url
        }
        MigrationSettings d = MigrationSettings.DEFAULT;
        MigrationSettings settings = new MigrationSettings(r.string("migrations", "schema", d.schema()),
                r.string("migrations", "table", d.table()), r.duration("migrations", "lock_timeout"),
                r.duration("migrations", "statement_timeout"), r.duration("migrations", "lock_wait"),
                r.count("migrations", "lock_retries"), r.duration("migrations", "lock_retry_delay"));
        String layoutName = r.string("output", "layout", "shale");
        MigrationLayout layout = MigrationLayout.named(layoutName);
        if (layout == null) {
            throw new ShaleException(name + ": [output] layout = \"" + layoutName + "\" is not a layout; use \"shale\""
                    + " (0001_name.sql and 0001_name.down.sql) or \"flyway\" (V1__name.sql and U1__name.sql)");
        }
        String failOn = r.string("lint", "fail_on", "error");
        dev.shale.workflow.lint.Severity lintFailOn = dev.shale.workflow.lint.Severity.named(failOn);
        if (lintFailOn == null && !failOn.equalsIgnoreCase("none")) {
            throw new ShaleException(name + ": [lint] fail_on = \"" + failOn + "\" is not a severity; use \"error\" (the default),"
                    + " \"warning\", \"info\" or \"none\"");
        }
        Integer largeRows = r.count("lint", "large_table_rows");
        Integer postgresVersion = r.count("postgres", "version");
        if (postgresVersion != null && !dev.shale.model.VersionFeatures.supported(postgresVersion)) {
            throw new ShaleException(name + ": [postgres] version = " + postgresVersion + " is older than Shale supports;"
                    + " give a major version from " + dev.shale.model.VersionFeatures.OLDEST + " on (13, 14, 15, 16, 17)");
        }
        String verifyUrl = r.string("verify", "url", null);
        return new ShaleConfig(root, file, "postgresql", sources, classpath, pkg, cls, migrations, snapshots, url, migrationsUrl,
                settings, layout, r.unresolved(), lintFailOn,
                largeRows == null ? dev.shale.workflow.lint.LintOptions.LARGE_TABLE_ROWS : largeRows,
                lintRules(r.node("lint", "exclude"), "lint.exclude in " + name), online(r), postgresVersion, verifyUrl);
    }

    /** {@code [lint] exclude}: a code or a list of codes, each naming a lint rule. */
    private static List<dev.shale.workflow.lint.LintRule> lintRules(JsonNode node, String where) {
        List<dev.shale.workflow.lint.LintRule> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        List<JsonNode> items = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(items::add);
        } else {
            items.add(node);
        }
        for (JsonNode item : items) {
            dev.shale.workflow.lint.LintRule rule = item.isTextual() ? dev.shale.workflow.lint.LintRule.of(item.asText().strip()) : null;
            if (rule == null) {
                throw new ShaleException(where + ": " + item + " is not a lint rule; write codes as `shale lint` prints them,"
                        + " exclude = [\"SH604\", \"SH601\"] (docs/lint.md lists them)");
            }
            out.add(rule);
        }
        return out;
    }

    /** {@code [generate] online} and {@code lock_timeout}: off, and 5 s, unless set. */
    private static OnlineSettings online(Reader r) {
        Boolean enabled = r.bool("generate", "online");
        java.time.Duration timeout = r.duration("generate", "lock_timeout");
        if (timeout != null && (timeout.isZero() || !timeout.equals(java.time.Duration.ofMillis(timeout.toMillis())))) {
            throw new ShaleException("generate.lock_timeout in " + r.file() + ": \"" + timeout.toMillis() + "ms\" cannot be a lock"
                    + " timeout; give whole milliseconds, more than zero (\"5s\", \"1500ms\"): an online migration that waits"
                    + " for a lock forever is what the setting is there to prevent");
        }
        return new OnlineSettings(enabled != null && enabled, timeout);
    }

    /** The same config, online mode turned on or off (the flags {@code --online} / {@code --no-online}). */
    public ShaleConfig withOnline(boolean enabled) {
        return new ShaleConfig(root, file, dialect, sources, classpath, schemaPackage, schemaClass, migrationsDir, snapshotsDir,
                databaseUrl, migrationsUrl, migrations, layout, unresolved, lintFailOn, lintLargeTableRows, lintExcluded,
                online.withEnabled(enabled), postgresVersion, verifyUrl);
    }

    /** A path as messages show it: relative to the project root when inside it. */
    public String show(Path path) {
        Path p = path.toAbsolutePath().normalize();
        return p.startsWith(root) && !p.equals(root) ? root.relativize(p).toString() : p.toString();
    }

    static String example() {
        return """
                dialect = "postgresql"

                [schema]
                source = "src/main/java"          # .java files, compiled in memory (or classpath = "target/classes");
                                                  # what changed is recompiled, the rest is cached in .shale/classes/
                package = "com.example.db"        # every class of this package (or class = "com.example.db.Schema")

                [output]
                migrations = "migrations"
                snapshots = "snapshots"

                [database]
                url = "${DATABASE_URL:-jdbc:postgresql://127.0.0.1:5432/app}"
                """;
    }

    private static JsonNode read(Path file) {
        try {
            return new TomlMapper().readTree(file.toFile());
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr();
            throw new ShaleException(file + where + ": not valid TOML: " + e.getOriginalMessage()
                    + "; see the example in README.md");
        } catch (IOException e) {
            throw new ShaleException("could not read " + file + ": " + e.getMessage());
        }
    }

    private static List<Path> absolute(Path base, List<Path> paths) {
        return paths.stream().map(p -> base.resolve(p).normalize()).toList();
    }

    /**
     * Typed, interpolated access to the TOML tree, rejecting unknown keys. A value whose variable is not
     * set reads as its fallback and is recorded in {@code unresolved}, to fail only the commands that use it.
     */
    private record Reader(JsonNode tree, Map<String, String> vars, String file, Path root, Map<String, String> unresolved) {
        Reader {
            if (tree != null) {
                checkKeys(tree, "", file);
            }
        }

        private static void checkKeys(JsonNode node, String table, String file) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                String full = table.isEmpty() ? key : table + "." + key;
                if (!KEYS.get(table).contains(key)) {
                    throw new ShaleException(file + ": unknown key \"" + full + "\"; "
                            + (table.isEmpty() ? "the file has dialect and the tables [schema], [output], [database], [migrations], [lint], [generate], [postgres], [verify]"
                            : "[" + table + "] takes " + String.join(", ", KEYS.get(table).stream().sorted().toList())));
                }
                if (table.isEmpty() && KEYS.containsKey(key)) {
                    if (!node.get(key).isObject()) {
                        throw new ShaleException(file + ": \"" + key + "\" must be a table: write [" + key + "] on its own line");
                    }
                    checkKeys(node.get(key), key, file);
                }
            }
        }

        JsonNode node(String table, String key) {
            if (tree == null) {
                return null;
            }
            JsonNode t = table.isEmpty() ? tree : tree.get(table);
            return t == null ? null : t.get(key);
        }

        String string(String table, String key, String fallback) {
            JsonNode n = node(table, key);
            if (n == null) {
                return fallback;
            }
            String where = where(table, key);
            if (!n.isTextual()) {
                throw new ShaleException(where + " must be a string in double quotes");
            }
            String value = interpolate(n.asText(), table, key);
            if (value == null) {
                return fallback;
            }
            value = value.strip();
            return value.isEmpty() ? fallback : value;
        }

        java.time.Duration duration(String table, String key) {
            JsonNode n = node(table, key);
            if (n != null && n.isNumber()) {
                return Durations.parse(n.asText(), where(table, key));
            }
            String text = string(table, key, null);
            return text == null ? null : Durations.parse(text, where(table, key));
        }

        /** {@code true} or {@code false} ({@code "true"} too, for a value from a variable), or null when absent. */
        Boolean bool(String table, String key) {
            JsonNode n = node(table, key);
            if (n == null) {
                return null;
            }
            if (n.isBoolean()) {
                return n.asBoolean();
            }
            String text = n.isTextual() ? string(table, key, null) : n.asText();
            if (text == null) {
                return null;
            }
            return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new ShaleException(where(table, key) + ": \"" + text + "\" is not true or false");
            };
        }

        /** A whole number, zero or more ({@code 3} or {@code "3"}), or null when absent. */
        Integer count(String table, String key) {
            JsonNode n = node(table, key);
            String text = n == null ? null : n.isTextual() ? string(table, key, null) : n.asText();
            if (text == null) {
                return null;
            }
            if (!text.strip().matches("\\d{1,9}")) {
                throw new ShaleException(where(table, key) + ": \"" + text + "\" is not a whole number of zero or more");
            }
            return Integer.parseInt(text.strip());
        }

        List<Path> paths(String table, String key) {
            JsonNode n = node(table, key);
            if (n == null) {
                return List.of();
            }
            String where = where(table, key);
            List<Path> out = new ArrayList<>();
            List<JsonNode> items = new ArrayList<>();
            if (n.isArray()) {
                n.forEach(items::add);
            } else {
                items.add(n);
            }
            for (JsonNode item : items) {
                if (!item.isTextual()) {
                    throw new ShaleException(where + " must be a path string or a list of them");
                }
                String value = interpolate(item.asText(), table, key);
                if (value == null) {
                    return List.of();
                }
                for (String part : value.split(java.io.File.pathSeparator)) {
                    if (!part.isBlank()) {
                        out.add(root.resolve(part.strip()).normalize());
                    }
                }
            }
            return out;
        }

        /** The value with its variables resolved, or null (and recorded) when one is not set. */
        private String interpolate(String text, String table, String key) {
            try {
                return Interpolation.apply(text, vars, where(table, key));
            } catch (Interpolation.UnsetVariable e) {
                unresolved.put(table + "." + key, e.getMessage());
                return null;
            }
        }

        private String where(String table, String key) {
            return (table.isEmpty() ? key : table + "." + key) + " in " + file;
        }
    }
}
