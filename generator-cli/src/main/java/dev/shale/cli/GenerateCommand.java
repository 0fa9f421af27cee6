package dev.shale.cli;

import dev.shale.workflow.Generator;
import dev.shale.workflow.PlanSql;
import dev.shale.diff.Hazard;
import dev.shale.render.MigrationScript;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code shale generate}: parses flags, runs {@link Generator}, prints what it wrote. */
@Command(name = "generate", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Compare the schema code with the latest snapshot and write the next migration and snapshot.",
                "Nothing is written when nothing changed, or when anything fails."})
final class GenerateCommand implements Callable<Integer> {
    private final Session session;

    @Option(names = "--name", paramLabel = "NAME", description = "The migration's name (default: derived from the changes).")
    String name;

    @Option(names = "--custom", description = "Write an empty migration for hand-written SQL; the snapshot carries the schema forward.")
    boolean custom;

    @Option(names = "--rename", paramLabel = "OLD=NEW",
            description = "Answer a rename question: schema.table=new_table, or schema.table.old_column=new_column"
                    + " (the table by its new name). Repeatable.")
    List<String> renames = new ArrayList<>();

    @Option(names = "--dropped", paramLabel = "NAME",
            description = "Answer a rename question with \"dropped\": schema.table, or schema.table.column. Repeatable.")
    List<String> dropped = new ArrayList<>();

    @Mixin
    ConfigOptions options;

    GenerateCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        long start = System.nanoTime();
        ShaleConfig config = options.load(session);
        Generator.Request request = new Generator.Request(name, custom,
                renames.stream().map(RenameAnswers::parseRename).toList(),
                dropped.stream().map(RenameAnswers::parseDropped).toList());
        Generator.Result result = Generator.generate(config.project(), request, TerminalQuestions.of(session));
        PrintWriter out = session.out();
        options.timings(session, result.schema(), start);
        if (result.files().isEmpty()) {
            out.println("No schema changes; nothing written.");
            return 0;
        }
        for (Path file : result.files()) {
            out.println("wrote " + config.show(file));
        }
        printHazards(out, result.plan().hazards());
        return 0;
    }

    static void printHazards(PrintWriter out, List<Hazard> hazards) {
        // the same lines as the migration file's header
        for (String warning : MigrationScript.warnings(hazards)) {
            out.println("warning " + warning);
        }
    }
}
