package dev.shale.cli;

import dev.shale.workflow.FileBatch;
import dev.shale.workflow.Puller;
import dev.shale.cli.pull.PullFiles;
import dev.shale.introspect.Introspector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code shale pull}: reads a live database and writes it as Java schema code, plus a baseline snapshot. */
@Command(name = "pull", sortOptions = false, mixinStandardHelpOptions = true,
        header = "Write an existing database as Java schema code, with a baseline snapshot and migration.",
        exitCodeListHeading = Main.EXIT_HEADING, exitCodeList = {Main.EXIT_OK,
                "1:the database could not be read, or a file to write already exists (nothing was written)", Main.EXIT_USAGE},
        description = {"Read an existing database and write it as Java DSL classes (one per table, enums together, a Schema",
                "holder), plus, when the project has no snapshot yet, a baseline snapshot and a 0000_baseline migration with the",
                "DDL of what it read, so a fresh database can be built from the migrations and the next `shale generate` starts",
                "from the database's real state. Never overwrites a file."})
final class PullCommand implements Callable<Integer>, Json.Reporting {
    private final Session session;

    @Option(names = "--json", description = "Print one JSON object: {\"tables\":n,\"enums\":n,\"externalTables\":n,\"files\":[...],"
            + "\"notManaged\":[...]}.")
    boolean json;

    @Override
    public boolean json() {
        return json;
    }

    @Option(names = "--package", paramLabel = "PACKAGE", required = true, description = "The Java package of the generated classes.")
    String packageName;

    @Option(names = "--out", paramLabel = "DIR",
            description = "The source folder to write under (default: the first [schema] source, else src/main/java).")
    Path out;

    @Option(names = "--schemas", paramLabel = "NAME", split = ",", description = "The database schemas to read (default: public).")
    List<String> schemas;

    @picocli.CommandLine.Mixin
    SchemaFilterOptions schemaFilter;

    @Option(names = "--config", paramLabel = "FILE", description = "The config file (default: ./shale.toml).")
    Path config;

    @Option(names = "--url", paramLabel = "URL", description = "The database (overrides [database] migrations_url and url).")
    String url;

    @Option(names = "--migrations-dir", paramLabel = "DIR", description = "Where migrations go (overrides [output] migrations).")
    Path migrationsDir;

    @Option(names = "--snapshots-dir", paramLabel = "DIR", description = "Where snapshots go (overrides [output] snapshots).")
    Path snapshotsDir;

    @Option(names = {"-v", "--verbose"}, description = "Print the stack trace on failure.")
    boolean verbose;

    PullCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        ShaleConfig cfg = ShaleConfig.load(session.workingDir(), new ShaleConfig.Overrides(config, null, null, null, null,
                migrationsDir, snapshotsDir, url), session.environment(), false);
        DatabaseOptions.url(cfg);
        List<String> named = schemas != null && !schemas.isEmpty() ? schemas
                : schemaFilter.include.stream().filter(p -> !p.contains("*")).toList();
        Set<String> read = new LinkedHashSet<>(named.isEmpty() && schemaFilter.include.isEmpty() ? List.of("public") : named);
        Puller.Pulled found = Puller.read(schemaFilter.on(cfg.project()), read);
        Path root = out != null ? session.workingDir().resolve(out).normalize()
                : cfg.sources().isEmpty() ? cfg.root().resolve("src/main/java") : cfg.sources().get(0);
        List<PullFiles.PulledFile> files;
        try {
            files = PullFiles.files(found.model(), packageName, root, cfg.snapshotsDir(), cfg.migrationsDir(), cfg.layout());
        } catch (IllegalArgumentException e) {
            throw new ShaleException(e.getMessage(), e);
        }
        for (PullFiles.PulledFile f : files) {
            if (Files.exists(f.target())) {
                throw new ShaleException(cfg.show(f.target()) + " already exists; pull never overwrites a file. Pull into a new"
                        + " package (--package) or folder (--out), or remove the old files first. Nothing was written.");
            }
        }
        boolean baseline = !Puller.hasSnapshot(cfg.snapshotsDir());
        FileBatch.commit(files.stream().map(f -> new FileBatch.Entry(f.target(), f.content())).toList());
        if (json) {
            var rootNode = Json.object();
            rootNode.put("tables", found.model().tables().size());
            rootNode.put("enums", found.model().enums().size());
            rootNode.put("externalTables", found.model().externalTables().size());
            Json.strings(rootNode, "files", files.stream().map(f -> cfg.show(f.target())).toList());
            Json.strings(rootNode, "notManaged", found.notManaged());
            Json.print(session.out(), rootNode);
            return 0;
        }
        PrintWriter o = session.out();
        o.println("Pulled " + found.model().tables().size() + " tables, " + found.model().enums().size() + " enums and "
                + found.model().externalTables().size() + " external tables from " + found.source() + " into "
                + cfg.show(root.resolve(packageName.replace('.', '/'))) + ".");
        for (PullFiles.PulledFile f : files) {
            o.println("  wrote " + cfg.show(f.target()));
        }
        if (!cfg.sources().contains(root) || !packageName.equals(cfg.schemaPackage())) {
            o.println("To make generate and check read this code, set in " + ShaleConfig.FILE_NAME + ": [schema] source = \""
                    + cfg.show(root) + "\" and package = \"" + packageName + "\".");
        }
        if (baseline) {
            o.println("The baseline migration holds the schema's DDL. On the database it was read from, record it as applied"
                    + " without running it: shale migrate --baseline 0. A fresh database is built from the migrations by shale migrate.");
        }
        NotManaged.print(o, found.notManaged(), "not pulled");
        return 0;
    }
}
