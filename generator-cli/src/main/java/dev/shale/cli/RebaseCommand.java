package dev.shale.cli;

import dev.shale.workflow.Rebaser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code shale rebase}: renumbers this branch's migrations after the merged branch's; see {@link Rebaser}. */
@Command(name = "rebase", sortOptions = false, mixinStandardHelpOptions = true,
        header = "Renumber this branch's migrations after those of the branch merged in, regenerated from the merged snapshot.",
        exitCodeListHeading = Main.EXIT_HEADING, exitCodeList = {Main.EXIT_OK, Main.EXIT_FAILED, Main.EXIT_USAGE},
        description = {"When two branches each generated the next migration (both 0007_...), run this after `git merge`, on the",
                "branch whose migrations should come last. The other branch's migrations and snapshots are kept exactly as",
                "committed there (read from git: MERGE_HEAD during a merge, else --onto, else the upstream, else main). This",
                "branch's migrations (committed on HEAD, not on the other branch) follow them: a hand-written one keeps its SQL,",
                "a generated one is generated again from the merged snapshot with the same name and the same rename answers.",
                "migrations/shale.sum is rewritten. Everything is checked before a file changes; on an error nothing changes.",
                "Then `git add` the migrations and snapshots folders and commit the merge."})
final class RebaseCommand implements Callable<Integer>, Json.Reporting {
    private final Session session;

    @Option(names = "--onto", paramLabel = "REF",
            description = "The branch merged in (default: MERGE_HEAD during a merge, else the upstream branch, else main).")
    String onto;

    @Option(names = "--json", description = "Print one JSON object: {\"onto\",\"kept\",\"moved\":[{from,to:[files],custom}],\"written\",\"removed\"}.")
    boolean json;

    @Mixin
    ConfigOptions options;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    RebaseCommand(Session session) {
        this.session = session;
    }

    @Override
    public boolean json() {
        return json;
    }

    @Override
    public Integer call() {
        ConfigOptions.refuse(spec, "--url");
        ShaleConfig config = options.load(session);
        Rebaser.Result result = Rebaser.rebase(config.project(), new Rebaser.Request(onto), TerminalQuestions.of(session));
        PrintWriter out = session.out();
        if (json) {
            var root = Json.object();
            root.put("onto", result.onto());
            root.put("kept", result.kept());
            var moved = root.putArray("moved");
            for (Rebaser.Moved m : result.moved()) {
                var n = moved.addObject();
                n.put("from", m.from());
                Json.strings(n, "to", m.to());
                n.put("custom", m.custom());
            }
            Json.strings(root, "written", result.written().stream().map(config::show).toList());
            Json.strings(root, "removed", result.removed().stream().map(config::show).toList());
            Json.print(out, root);
            return 0;
        }
        out.println("Kept " + (result.kept() == 1 ? "1 migration" : result.kept() + " migrations") + " of " + result.onto()
                + "; this branch's follow:");
        for (Rebaser.Moved m : result.moved()) {
            out.println("  " + m.from() + " -> " + (m.to().isEmpty() ? "(left out: " + result.onto() + " already makes its changes)"
                    : String.join(", ", m.to())) + (m.custom() ? " (hand-written, SQL kept)" : ""));
        }
        for (Path p : result.removed()) {
            out.println("removed " + config.show(p));
        }
        for (Path p : result.written()) {
            out.println("wrote " + config.show(p));
        }
        out.println("Review the regenerated SQL, then `git add` " + config.show(config.migrationsDir()) + " and "
                + config.show(config.project().snapshotsDir()) + " and commit.");
        return 0;
    }
}
