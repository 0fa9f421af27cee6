package dev.shale.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code shale check}: the CI gate; exit 1 with the pending SQL when the code has ungenerated changes. */
@Command(name = "check", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Verify that the schema code has nothing left to generate (no database needed).",
                "Also checks the snapshot chain and that migrations and snapshots are in step. Exit 1 prints the pending SQL."})
final class CheckCommand implements Callable<Integer> {
    private final Session session;

    @Mixin
    ConfigOptions options;

    CheckCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        long start = System.nanoTime();
        ShaleConfig config = options.load(session);
        Checker.Result result = Checker.check(config);
        PrintWriter out = session.out();
        options.timings(session, result.schema(), start);
        String against = result.latest() == null ? "an empty schema (no snapshots yet)" : config.show(result.latest());
        if (result.clean()) {
            out.println("Schema code matches " + against);
            return 0;
        }
        if (!result.questions().isEmpty()) {
            out.println("The schema code has changes not generated yet (compared with " + against + ").");
            out.println(RenameAnswers.openQuestions(result.questions(), " before they can be generated"));
            return 1;
        }
        out.println("The schema code has changes not generated yet (compared with " + against + ").");
        out.println("Run `shale generate` and commit what it writes. It would write:");
        for (MigrationPlan.Planned m : result.pending().migrations()) {
            out.println();
            out.println("--- " + config.show(m.migrationFile(config.migrationsDir())));
            out.print(m.sql());
        }
        GenerateCommand.printHazards(out, result.pending().hazards());
        out.flush();
        return 1;
    }
}
