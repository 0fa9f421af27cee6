package dev.shale.cli;

import dev.shale.workflow.Checker;
import dev.shale.workflow.DriftCheck;
import dev.shale.workflow.LiveDatabase;
import dev.shale.workflow.MigrationPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code shale check}: the CI gate; exit 1 with the pending SQL when the code has ungenerated changes. */
@Command(name = "check", sortOptions = false, mixinStandardHelpOptions = true,
        header = "Fail when the schema code has changes not generated yet, or, with --url, when a database has drifted.",
        exitCodeListHeading = Main.EXIT_HEADING, exitCodeList = {"0:the code is generated (or the database matches)",
                "1:ungenerated changes, a broken migration history, or drift", Main.EXIT_USAGE},
        description = {"Verify that the schema code has nothing left to generate (no database needed).",
                "Also checks the snapshot chain and that migrations and snapshots are in step. Exit 1 prints the pending SQL.",
                "With --url, checks a live database for drift instead: it is compared with the newest snapshot, and every",
                "missing, extra or different table, column, enum, index and constraint is listed (exit 1 on drift)."})
final class CheckCommand implements Callable<Integer>, Json.Reporting {
    private final Session session;

    @Option(names = "--json", description = "Print one JSON object: {\"clean\",\"against\",\"pending\":[{file,sql}],\"warnings\",\"questions\"};"
            + " with --url {\"drift\",\"against\",\"differences\",\"notManaged\"}.")
    boolean json;

    @Override
    public boolean json() {
        return json;
    }

    @Mixin
    SchemaFilterOptions schemaFilter;

    @Mixin
    ConfigOptions options;

    @Mixin
    VerifyOptions verify;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    CheckCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        long start = System.nanoTime();
        if (options.url != null) {
            if (verify.requested()) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "`shale check --url` compares a database"
                        + " with the snapshots; --verify builds a scratch database from the migrations instead: use one of them");
            }
            return drift();
        }
        ShaleConfig config = options.load(session);
        Checker.Result result = Checker.check(verify.on(config, schemaFilter.on(config.project())), verify.requested());
        PrintWriter out = session.out();
        options.timings(session, result.schema(), start);
        String against = result.latest() == null ? "an empty schema (no snapshots yet)" : config.show(result.latest());
        if (json) {
            var root = Json.object();
            root.put("clean", result.clean());
            root.put("against", result.latest() == null ? null : config.show(result.latest()));
            var pending = root.putArray("pending");
            if (result.questions().isEmpty()) {
                for (MigrationPlan.Planned m : result.pending().migrations()) {
                    pending.addObject().put("file", config.show(m.migrationFile(config.migrationsDir()))).put("sql", m.sql());
                }
            }
            Json.hazards(root, "warnings", result.questions().isEmpty() ? result.pending().hazards() : java.util.List.of());
            Json.strings(root, "questions", result.questions().stream().map(RenameAnswers::describe).toList());
            VerifyOptions.json(root, result.verification());
            Json.print(out, root);
            return result.clean() ? 0 : 1;
        }
        if (result.verification() != null && !result.verification().passed()) {
            out.println("Schema code matches " + against + ", but its migrations do not build it.");
            VerifyOptions.print(out, result.verification());
            return 1;
        }
        if (result.clean()) {
            out.println("Schema code matches " + against);
            VerifyOptions.print(out, result.verification());
            return 0;
        }
        if (!result.questions().isEmpty()) {
            out.println("The schema code has changes not generated yet (compared with " + against + ").");
            out.println(RenameAnswers.openQuestions(result.questions(), " before they can be generated", "generate"));
            return 1;
        }
        out.println("The schema code has changes not generated yet (compared with " + against + ").");
        out.println("Run `shale generate` and commit what it writes. It would write:");
        for (MigrationPlan.Planned m : result.pending().migrations()) {
            out.println();
            out.println("--- " + config.show(m.migrationFile(config.migrationsDir(), config.layout())));
            out.print(m.sql());
        }
        GenerateCommand.printHazards(out, result.pending().hazards());
        out.flush();
        return 1;
    }

    /** {@code check --url}: the database against the newest snapshot. */
    private int drift() {
        ShaleConfig config = options.load(session, false);
        DriftCheck.Result result = DriftCheck.check(schemaFilter.on(config.project()), options.url);
        PrintWriter out = session.out();
        if (json) {
            var root = Json.object();
            root.put("drift", !result.differences().isEmpty());
            root.put("against", result.latest() == null ? null : config.show(result.latest()));
            Json.strings(root, "differences", result.differences());
            Json.strings(root, "notManaged", result.notManaged());
            Json.print(out, root);
            return result.differences().isEmpty() ? 0 : 1;
        }
        NotManaged.print(out, result.notManaged(), "not compared");
        String against = result.latest() == null ? "an empty schema (no snapshots yet)" : config.show(result.latest());
        if (result.differences().isEmpty()) {
            out.println("Database matches " + against);
            return 0;
        }
        out.println("Database " + LiveDatabase.redacted(options.url) + " has drifted from " + against + ":");
        for (String line : result.differences()) {
            out.println("  " + line);
        }
        out.println(result.differences().size() == 1 ? "1 difference." : result.differences().size() + " differences.");
        return 1;
    }
}
