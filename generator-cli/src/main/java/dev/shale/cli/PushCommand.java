package dev.shale.cli;

import dev.shale.workflow.LiveDatabase;
import dev.shale.workflow.PlanSql;
import dev.shale.workflow.Project;
import dev.shale.workflow.Pusher;
import dev.shale.workflow.Questions;
import dev.shale.workflow.SchemaLoader;
import dev.shale.diff.Hazard;
import dev.shale.model.QualifiedName;
import dev.shale.render.Statement;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code shale push}: makes the database match the schema code directly, without migration files. */
@Command(name = "push", sortOptions = false, mixinStandardHelpOptions = true,
        header = "Make a development database match the schema code directly, in one transaction.",
        exitCodeListHeading = Main.EXIT_HEADING, exitCodeList = {"0:the database matches the code (or the dry run printed the plan)",
                "1:push failed, or data loss was not confirmed (nothing was changed)", Main.EXIT_USAGE},
        description = {"Make the database match the schema code: introspect it, diff against the code, print the plan and",
                "apply it in one transaction (for prototyping and throwaway databases; production uses migrations).",
                "Statements that lose data need a yes on a terminal, or --force off one."})
final class PushCommand implements Callable<Integer>, Json.Reporting {
    private final Session session;

    @Option(names = "--json", description = "Print one JSON object: {\"statements\":[sql],\"warnings\":[...],\"notManaged\":[...],"
            + "\"applied\":n,\"dryRun\":bool}. Data loss is never asked about: it needs --force.")
    boolean json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public boolean json() {
        return json;
    }

    @Option(names = "--force", description = "Apply statements that lose data without asking.")
    boolean force;

    @Option(names = "--dry-run", description = "Print the SQL only; change nothing.")
    boolean dryRun;

    @Option(names = "--rename", paramLabel = "OLD=NEW",
            description = "Answer a rename question: schema.table=new_table, or schema.table.old_column=new_column;"
                    + " or say an enum value or a composite type's attribute was renamed: enum:schema.enum.old=new, type:schema.type.old=new; or a sequence: sequence:schema.old=new. Repeatable.")
    List<String> renames = new ArrayList<>();

    @Option(names = "--dropped", paramLabel = "NAME",
            description = "Answer a rename question with \"dropped\": schema.table, or schema.table.column. Repeatable.")
    List<String> dropped = new ArrayList<>();

    @Mixin
    SchemaFilterOptions schemaFilter;

    @Mixin
    ConfigOptions options;

    PushCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws SQLException {
        long start = System.nanoTime();
        ConfigOptions.refuse(spec, "--migrations-dir", "--snapshots-dir");
        ShaleConfig config = options.load(session);
        Project project = schemaFilter.on(config.project());
        String url = DatabaseOptions.url(config);
        SchemaLoader.LoadedSchema loaded = SchemaLoader.load(project);
        PrintWriter out = session.out();
        Questions questions = json ? Questions.NONE : TerminalQuestions.of(session);
        Pusher.Request request = new Pusher.Request(renames.stream().map(RenameAnswers::parseRename).toList(),
                dropped.stream().map(RenameAnswers::parseDropped).toList(), force);
        try (Connection connection = LiveDatabase.connect(url)) {
            Pusher.Plan plan = Pusher.plan(connection, () -> LiveDatabase.connect(url), project, loaded.definition(), request, questions);
            options.timings(session, loaded, start);
            if (json) {
                return pushJson(connection, plan);
            }
            if (dryRun) {
                out.print(plan.isEmpty() ? "-- Database matches the schema code; nothing to do.\n" : plan.sql().text());
                return 0;
            }
            NotManaged.print(out, plan.notManaged(), "left alone");
            if (plan.isEmpty()) {
                out.println("Database matches the schema code; nothing to do.");
                return 0;
            }
            out.println("Plan for " + LiveDatabase.redacted(url) + ":");
            out.println();
            out.print(plan.sql().text());
            out.println();
            List<Hazard> loss = plan.sql().dataLoss();
            if (!loss.isEmpty() && !force && !confirm(plan, loss, questions)) {
                return 1;
            }
            int n = Pusher.apply(connection, plan);
            int steps = plan.sql().steps().size();
            out.println(steps == 1 ? "Applied " + statements(n) + " in one transaction."
                    : "Applied " + statements(n) + " in " + steps + " transactions: step 1 committed first, since "
                    + PlanSql.TWO_STEPS + ".");
            return 0;
        }
    }

    private int pushJson(Connection connection, Pusher.Plan plan) throws SQLException {
        var root = Json.object();
        Json.strings(root, "statements", plan.sql().statements().stream().map(s -> s.sql().strip()).toList());
        Json.hazards(root, "warnings", plan.sql().hazards());
        Json.strings(root, "notManaged", plan.notManaged());
        root.put("dryRun", dryRun);
        if (!dryRun && !plan.isEmpty() && !plan.sql().dataLoss().isEmpty() && !force) {
            throw new ShaleException("this push loses data (see \"warnings\" with kind \"data loss\"); nothing was changed."
                    + " Rerun with --force to apply it anyway");
        }
        root.put("applied", dryRun || plan.isEmpty() ? 0 : Pusher.apply(connection, plan));
        Json.print(session.out(), root);
        return 0;
    }

    /** Asks on a terminal; off one, refuses and names the statements. */
    private boolean confirm(Pusher.Plan plan, List<Hazard> loss, Questions questions) {
        if (!questions.canAsk()) {
            PrintWriter err = session.err();
            err.println("error: this push loses data, and there is no terminal to confirm it on. The statements that lose data:");
            for (Hazard h : loss) {
                Statement s = plan.sql().statementOf(h);
                err.println("  " + s.sql().strip().replace("\n", " ") + "  -- " + h.message());
            }
            err.println("Nothing was changed. Rerun with --force to apply them anyway, or run push on a terminal to confirm.");
            return false;
        }
        if (questions.confirmDataLoss(loss)) {
            return true;
        }
        session.out().println("Nothing was changed.");
        return false;
    }

    private static String statements(int n) {
        return n == 1 ? "1 statement" : n + " statements";
    }
}
