package dev.shale.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shale.workflow.lint.Finding;
import dev.shale.workflow.lint.LintOptions;
import dev.shale.workflow.lint.LintResult;
import dev.shale.workflow.lint.LintRule;
import dev.shale.workflow.lint.Linter;
import dev.shale.workflow.lint.Severity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code shale lint [N...]}: the hazards of each migration statement, with stable codes; exit 1 at a failing severity. */
@Command(name = "lint", sortOptions = false, mixinStandardHelpOptions = true,
        header = "Report the hazards of each migration statement (locks, rewrites, data loss, missing NOT VALID or CONCURRENTLY).",
        exitCodeListHeading = Main.EXIT_HEADING, exitCodeList = {"0:no finding at a failing severity",
                "1:a finding at a failing severity ([lint] fail_on, --fail-on; error by default)", Main.EXIT_USAGE},
        description = {"Read each migration's SQL, generated or hand-written, and report the hazards of",
                "every statement, each with a stable code (SH301), a severity and the fix.",
                "Lint knows the schema before each migration from its snapshot: a table the",
                "migration creates is new and empty, so an index on it needs no CONCURRENTLY.",
                "With --url it reads the live tables' sizes: a lock or rewrite finding on a",
                "large table ([lint] large_table_rows, 1,000,000 by default) becomes an error.",
                "Without N it lints every migration; --latest K lints the newest K.",
                "Silence a rule for one statement with a comment line right above it:",
                "  -- shale:lint-ignore SH301 the table holds 40 rows",
                "docs/lint.md lists every code and the squawk rule it covers."})
final class LintCommand implements Callable<Integer>, Json.Reporting {
    private final Session session;

    @Parameters(paramLabel = "N", arity = "0..*", description = "Migration numbers to lint (3 or 0003); default: every migration.")
    List<Integer> versions;

    @Option(names = "--latest", paramLabel = "K", description = "Lint only the newest K migrations (of those named, or of all).")
    Integer latest;

    @Option(names = "--fail-on", paramLabel = "SEVERITY",
            description = "Fail (exit 1) on findings of this severity or worse: error, warning, info or none (overrides [lint] fail_on).")
    String failOn;

    @Option(names = "--exclude", paramLabel = "CODE", split = ",",
            description = "Rules not to apply, by code: --exclude SH604,SH601 (overrides [lint] exclude).")
    List<String> exclude;

    @Option(names = "--json", description = "Print one JSON object: {\"migrations\":[{version,file,findings:[{code,rule,severity,line,"
            + "statement,message}],ignored:[{code,line,reason,message}]}],\"counts\":{error,warning,info},\"failOn\",\"failed\",\"sized\"}.")
    boolean json;

    @Mixin
    ConfigOptions options;

    @Spec
    CommandSpec spec;

    LintCommand(Session session) {
        this.session = session;
    }

    @Override
    public boolean json() {
        return json;
    }

    @Override
    public Integer call() {
        ConfigOptions.refuse(spec, "--schema-source", "--classpath", "--schema-package", "--schema-class");
        Severity fail = null;
        boolean failNone = false;
        if (failOn != null) {
            fail = Severity.named(failOn);
            failNone = failOn.strip().equalsIgnoreCase("none");
            if (fail == null && !failNone) {
                throw new ParameterException(spec.commandLine(), "--fail-on " + failOn + " is not a severity; use error, warning,"
                        + " info or none");
            }
        }
        if (latest != null && latest < 1) {
            throw new ParameterException(spec.commandLine(), "--latest takes a number of migrations, 1 or more");
        }
        List<LintRule> excluded = null;
        if (exclude != null) {
            excluded = new java.util.ArrayList<>();
            for (String code : exclude) {
                LintRule rule = LintRule.of(code.strip());
                if (rule == null) {
                    throw new ParameterException(spec.commandLine(), "--exclude " + code + " is not a lint rule; give codes as"
                            + " `shale lint` prints them (SH604); docs/lint.md lists them");
                }
                excluded.add(rule);
            }
        }
        ShaleConfig config = options.load(session, false);
        LintOptions lintOptions = LintOptions.DEFAULT.withVersions(versions == null ? List.of() : versions).withLatest(latest)
                .withUrl(options.url).withFailOn(failOn != null ? (failNone ? null : fail) : config.lintFailOn())
                .withLargeTable(config.lintLargeTableRows(), LintOptions.LARGE_TABLE_BYTES)
                .withExcluded(excluded != null ? excluded : config.lintExcluded());
        LintResult result = Linter.lint(config.project(), lintOptions);
        if (!result.notFound().isEmpty()) {
            throw new ParameterException(spec.commandLine(), "no migration numbered " + String.join(", ",
                    result.notFound().stream().map(v -> String.format("%04d", v)).toList()) + " in "
                    + config.show(config.migrationsDir()) + "; `shale status` or the folder lists the numbers");
        }
        PrintWriter out = session.out();
        if (json) {
            Json.print(out, json(result));
        } else {
            text(out, result);
        }
        return result.failed() ? 1 : 0;
    }

    private static void text(PrintWriter out, LintResult result) {
        for (Finding f : result.findings()) {
            out.println(f.describe());
        }
        int ignored = result.migrations().stream().mapToInt(m -> m.ignored().size()).sum();
        int n = result.migrations().size();
        String where = n == 1 ? "1 migration" : n + " migrations";
        if (result.findings().isEmpty()) {
            out.println("No hazards in " + where + (ignored > 0 ? " (" + ignored + " silenced by shale:lint-ignore comments)." : "."));
            return;
        }
        long e = result.count(Severity.ERROR);
        long w = result.count(Severity.WARNING);
        long i = result.count(Severity.INFO);
        out.println(e + (e == 1 ? " error, " : " errors, ") + w + (w == 1 ? " warning, " : " warnings, ") + i + " info in " + where
                + (ignored > 0 ? " (" + ignored + " more silenced by shale:lint-ignore comments)" : "")
                + (result.failOn() == null ? "; failing on none." : "; failing on " + result.failOn().label()
                + (result.failed() ? ": failed." : ": passed.")));
    }

    static ObjectNode json(LintResult result) {
        ObjectNode root = Json.object();
        ArrayNode list = root.putArray("migrations");
        for (LintResult.MigrationLint m : result.migrations()) {
            ObjectNode n = list.addObject();
            n.put("version", m.version());
            n.put("file", m.file());
            ArrayNode findings = n.putArray("findings");
            for (Finding f : m.findings()) {
                findings.addObject().put("code", f.rule().code()).put("rule", f.rule().title()).put("severity", f.severity().label())
                        .put("line", f.line()).put("statement", f.statement()).put("message", f.message());
            }
            ArrayNode ignored = n.putArray("ignored");
            for (LintResult.Ignored g : m.ignored()) {
                ignored.addObject().put("code", g.finding().rule().code()).put("line", g.finding().line()).put("reason", g.reason())
                        .put("message", g.finding().message());
            }
        }
        ObjectNode counts = root.putObject("counts");
        for (Severity s : Severity.values()) {
            counts.put(s.label(), result.count(s));
        }
        if (result.failOn() == null) {
            root.putNull("failOn");
        } else {
            root.put("failOn", result.failOn().label());
        }
        root.put("failed", result.failed());
        root.put("sized", result.sized());
        return root;
    }
}
