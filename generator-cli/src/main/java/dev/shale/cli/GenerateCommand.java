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
        header = "Write the next migration, its down file and snapshot from what the schema code changed.",
        exitCodeListHeading = Main.EXIT_HEADING, exitCodeList = {Main.EXIT_OK, Main.EXIT_FAILED, Main.EXIT_USAGE},
        description = {"Compare the schema code with the latest snapshot and write the next migration and snapshot.",
                "Nothing is written when nothing changed, or when anything fails."})
final class GenerateCommand implements Callable<Integer>, Json.Reporting {
    private final Session session;

    @Option(names = "--json", description = "Print one JSON object: {\"written\":[files],\"migration\":title|null,\"warnings\":[...]}.")
    boolean json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public boolean json() {
        return json;
    }

    @Option(names = "--name", paramLabel = "NAME", description = "The migration's name (default: derived from the changes).")
    String name;

    @Option(names = "--custom", description = "Write an empty migration for hand-written SQL; the snapshot carries the schema forward.")
    boolean custom;

    @Option(names = "--rename", paramLabel = "OLD=NEW",
            description = "Answer a rename question: schema.table=new_table, or schema.table.old_column=new_column"
                    + " (the table by its new name); or say an enum value or a composite type's attribute was renamed: enum:schema.enum.old=new, type:schema.type.old=new; or a sequence: sequence:schema.old=new. Repeatable.")
    List<String> renames = new ArrayList<>();

    @Option(names = "--dropped", paramLabel = "NAME",
            description = "Answer a rename question with \"dropped\": schema.table, or schema.table.column. Repeatable.")
    List<String> dropped = new ArrayList<>();

    @Option(names = "--online", negatable = true, description = "Write online-safe migrations (default: [generate] online in"
            + " shale.toml, else off): indexes of existing tables built CONCURRENTLY in a migration of their own that runs"
            + " outside a transaction, foreign keys and checks added NOT VALID and validated there, NOT NULL set through a"
            + " validated check, and lock_timeout ([generate] lock_timeout, default 5s) set first in each. --no-online writes"
            + " plain transactional migrations whatever the config says.")
    Boolean online;

    @Mixin
    ConfigOptions options;

    @Mixin
    VerifyOptions verify;

    GenerateCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        long start = System.nanoTime();
        options.refuse(spec, "--url");
        ShaleConfig config = options.load(session);
        if (online != null) {
            config = config.withOnline(online);
        }
        Generator.Request request = new Generator.Request(name, custom,
                renames.stream().map(RenameAnswers::parseRename).toList(),
                dropped.stream().map(RenameAnswers::parseDropped).toList());
        Generator.Result result = Generator.generate(verify.on(config, config.project()), request, TerminalQuestions.of(session),
                verify.requested());
        PrintWriter out = session.out();
        options.timings(session, result.schema(), start);
        if (json) {
            var root = Json.object();
            Json.strings(root, "written", result.files().stream().map(config::show).toList());
            if (result.files().isEmpty() || result.plan().migrations().isEmpty()) {
                root.putNull("migration");
            } else {
                root.put("migration", result.plan().migrations().get(result.plan().migrations().size() - 1).title());
            }
            Json.hazards(root, "warnings", result.plan().hazards());
            VerifyOptions.json(root, result.verification());
            Json.print(out, root);
            return 0;
        }
        VerifyOptions.print(out, result.verification());
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
