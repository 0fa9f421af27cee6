package dev.shale.cli;

import dev.shale.migrator.AppliedMigration;
import dev.shale.migrator.MigrateResult;
import dev.shale.migrator.Migrator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;

/** {@code shale rollback}: runs the down files of the newest applied migrations and removes their history rows. */
@Command(name = "rollback", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Undo the newest applied migrations: run each one's NNNN_<name>.down.sql, newest first, each in its",
                "own transaction under the migration lock, and remove its history row. A down file marked",
                "`-- shale:irreversible` is refused."})
final class RollbackCommand extends DatabaseCommand {
    @Option(names = "--steps", paramLabel = "N", defaultValue = "1", description = "How many migrations to undo (default 1).")
    int steps;

    RollbackCommand(Session session) {
        super(session);
    }

    @Override
    int run(ShaleConfig config, Migrator.Builder builder) {
        if (steps < 1) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--steps must be 1 or more, not " + steps);
        }
        MigrateResult r = builder.build().rollback(steps);
        PrintWriter out = session.out();
        for (AppliedMigration m : r.applied()) {
            out.println("rolled back " + MigrationFiles.title(m) + " (" + m.durationMillis() + " ms)");
        }
        out.println(r.applied().isEmpty() ? "Nothing to roll back: no migration is applied."
                : "Rolled back " + MigrateCommand.count(r.applied().size()) + ".");
        return 0;
    }
}
