package dev.shale.cli;

import dev.shale.migrator.AppliedMigration;
import dev.shale.migrator.MigrateResult;
import dev.shale.migrator.Migrator;
import dev.shale.migrator.RollbackPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/** {@code shale rollback}: runs the down files of the newest applied migrations and removes their history rows. */
@Command(name = "rollback", sortOptions = false, mixinStandardHelpOptions = true,
        header = "Undo the newest applied migrations by running their down files, newest first.",
        exitCodeListHeading = Main.EXIT_HEADING, exitCodeList = {Main.EXIT_OK,
                "1:a down file failed or was refused (irreversible, or data loss not confirmed)", Main.EXIT_USAGE},
        description = {"Undo the newest applied migrations: run each one's NNNN_<name>.down.sql, newest first, under the",
                "migration lock (in one transaction when they all allow it), and remove its history row. A down file marked",
                "`-- shale:irreversible` is refused. Down files that lose data need a yes on a terminal, or --force off one."})
final class RollbackCommand extends DatabaseCommand implements Json.Reporting {
    @Option(names = "--json", description = "Print one JSON object: {\"rolledBack\":[{version,name,file,...}],\"stillApplied\":n}.")
    boolean json;

    @Override
    public boolean json() {
        return json;
    }

    @Option(names = "--steps", paramLabel = "N", defaultValue = "1", description = "How many migrations to undo (default 1).")
    int steps;

    @Option(names = "--force", description = "Run down files that lose data without asking.")
    boolean force;

    RollbackCommand(Session session) {
        super(session);
    }

    @Override
    int run(ShaleConfig config, Migrator.Builder builder) {
        if (steps < 1) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--steps must be 1 or more, not " + steps);
        }
        Migrator migrator = builder.build();
        RollbackPlan plan = migrator.rollbackPlan(steps);
        PrintWriter out = json ? session.err() : session.out();
        if (plan.losesData() && force) {
            out.println("This rollback loses data (going ahead: --force):");
            losses(out, plan);
        } else if (plan.losesData() && !confirm(plan)) {
            return 1;
        }
        MigrateResult r = migrator.rollback(plan);
        if (json) {
            var root = Json.object();
            var list = root.putArray("rolledBack");
            r.applied().forEach(m -> Json.migration(list, m));
            root.put("stillApplied", r.alreadyApplied());
            Json.print(session.out(), root);
            return 0;
        }
        for (AppliedMigration m : r.applied()) {
            out.println("rolled back " + MigrationFiles.title(m));
        }
        out.println("Rolled back " + MigrateCommand.count(r.applied().size()) + "; " + r.alreadyApplied()
                + (r.alreadyApplied() == 1 ? " stays" : " stay") + " applied.");
        return 0;
    }

    /** One line per loss: {@code   0002_x.down.sql: drops column ...}. */
    private static void losses(PrintWriter out, RollbackPlan plan) {
        for (RollbackPlan.Step step : plan.steps()) {
            for (String loss : step.dataLoss()) {
                out.println("  " + Path.of(step.migration().downFile()).getFileName() + ": " + loss);
            }
        }
    }

    /** Lists what is lost; asks on a terminal; off one, refuses. */
    private boolean confirm(RollbackPlan plan) {
        PrintWriter where = session.interactive() && !json ? session.out() : session.err();
        if (!session.interactive()) {
            where.println("error: this rollback loses data, and there is no terminal to confirm it on. What the down files lose:");
        } else {
            where.println("This rollback loses data:");
        }
        losses(where, plan);
        if (!session.interactive()) {
            where.println("Nothing was rolled back. Rerun with --force to roll back anyway, or run rollback on a terminal to confirm.");
            return false;
        }
        where.print("Roll back " + MigrateCommand.count(plan.steps().size()) + "? [y/N]: ");
        where.flush();
        String line;
        try {
            line = session.in().readLine();
        } catch (IOException e) {
            throw new ShaleException("could not read the answer: " + e.getMessage());
        }
        String answer = line == null ? "" : line.strip().toLowerCase(Locale.ROOT);
        if (answer.equals("y") || answer.equals("yes")) {
            return true;
        }
        where.println("Nothing was rolled back.");
        return false;
    }
}
