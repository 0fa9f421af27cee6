package dev.shale.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

import dev.shale.workflow.SchemaLoader;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;

/** The flags every command takes: where the config is, and an override for each of its settings. */
final class ConfigOptions {
    @Option(names = "--config", paramLabel = "FILE", description = "The config file (default: ./shale.toml).")
    Path config;

    @Option(names = "--schema-source", paramLabel = "DIR", split = ",",
            description = "Folder(s) of .java schema sources, compiled in memory (overrides [schema] source).")
    List<Path> sources;

    @Option(names = "--classpath", paramLabel = "PATH", split = ",",
            description = "Folder(s) or jar(s) of compiled schema classes (overrides [schema] classpath).")
    List<Path> classpath;

    @Option(names = "--schema-package", paramLabel = "PACKAGE",
            description = "Read every class of this package (overrides [schema] package).")
    String schemaPackage;

    @Option(names = "--schema-class", paramLabel = "CLASS",
            description = "Read the static fields of this holder class (overrides [schema] class).")
    String schemaClass;

    @Option(names = "--migrations-dir", paramLabel = "DIR", description = "Where migrations go (overrides [output] migrations).")
    Path migrationsDir;

    @Option(names = "--snapshots-dir", paramLabel = "DIR", description = "Where snapshots go (overrides [output] snapshots).")
    Path snapshotsDir;

    @Option(names = "--url", paramLabel = "JDBC_URL", description = "The database URL (overrides [database] url and migrations_url).")
    String url;

    @Option(names = {"-v", "--verbose"}, description = "Print timings on success and the stack trace on failure.")
    boolean verbose;

    /** With {@code --verbose}, says on stderr how the schema was loaded and how long the command took. */
    void timings(Session session, SchemaLoader.LoadedSchema schema, long startNanos) {
        if (!verbose) {
            return;
        }
        long total = (System.nanoTime() - startNanos) / 1_000_000;
        if (schema != null) {
            session.err().println("schema: " + schema.classes().size() + " classes, "
                    + schema.definition().model().tables().size() + " tables, "
                    + schema.definition().model().enums().size() + " enums"
                    + (schema.compileNanos() > 0 ? "; compiled in memory in " + schema.compileNanos() / 1_000_000 + " ms" : "")
                    + (schema.sourceFiles() > 0 ? " (compiled " + schema.compiledFiles() + " of " + schema.sourceFiles() + " files, "
                    + schema.cachedFiles() + " from the cache in " + SchemaLoader.CLASS_CACHE + "/)" : ""));
        }
        session.err().println("done in " + total + " ms");
    }

    ShaleConfig load(Session session) {
        return load(session, true);
    }

    /**
     * A usage error (exit 2) when one of {@code ignored}, options this command would not use, was given:
     * {@code generate --url} compares with snapshots, not a database, and saying nothing would let the
     * user believe it did.
     */
    static void refuse(CommandSpec spec, String... ignored) {
        for (String option : ignored) {
            if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                throw new ParameterException(spec.commandLine(), "`shale " + spec.name() + "` does not use " + option
                        + "; leave it out (see `shale " + spec.name() + " --help` for what it takes)");
            }
        }
    }

    /** @param needsSchema false when the command reads no schema code (the location may then be absent) */
    ShaleConfig load(Session session, boolean needsSchema) {
        return ShaleConfig.load(session.workingDir(), new ShaleConfig.Overrides(config, sources, classpath,
                schemaPackage, schemaClass, migrationsDir, snapshotsDir, url), session.environment(), needsSchema);
    }
}
