package dev.shale.cli;

import dev.shale.migrator.AppliedMigration;
import dev.shale.migrator.MigrateResult;
import dev.shale.migrator.Migrator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code shale migrate}: applies the pending migrations through the migrator and prints what it did. */
@Command(name = "migrate", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Apply the pending migrations to the database, each in its own transaction, under a lock.",
                "Pending means not in the history table. Validation runs first, and again under the lock on the history",
                "read there: a changed or missing applied file, or a pending file numbered below the newest applied one,",
                "is refused unless its flag allows it."})
final class MigrateCommand extends DatabaseCommand {
    @Option(names = "--dry-run", description = "Print the SQL of each pending migration; run nothing.")
    boolean dryRun;

    @Option(names = "--target", paramLabel = "N", description = "Apply migrations only up to and including version N.")
    Integer target;

    @Option(names = "--baseline", paramLabel = "N",
            description = "Adopt an existing database whose schema matches migration N: record 0..N as applied without running them.")
    Integer baseline;

    @Option(names = "--allow-changed", description = "Go on although an applied migration's file has changed (its new checksum is not recorded).")
    boolean allowChanged;

    @Option(names = "--allow-missing", description = "Go on although an applied migration's file is gone.")
    boolean allowMissing;

    @Option(names = "--out-of-order", description = "Apply pending migrations numbered below the newest applied one (merged late from a branch).")
    boolean outOfOrder;

    MigrateCommand(Session session) {
        super(session);
    }

    @Override
    int run(ShaleConfig config, Migrator.Builder builder) {
        if (baseline != null && (dryRun || target != null)) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--baseline records migrations without running them: it takes neither --dry-run nor --target");
        }
        if (target != null) {
            builder.target(target);
        }
        builder.allowChanged(allowChanged).allowMissing(allowMissing).allowOutOfOrder(outOfOrder);
        Migrator migrator = builder.build();
        PrintWriter out = session.out();
        if (baseline != null) {
            MigrateResult r = migrator.baseline(baseline);
            for (AppliedMigration m : r.applied()) {
                out.println("baselined " + MigrationFiles.title(m) + " (recorded as applied, not run)");
            }
            out.println("Baseline at " + String.format("%04d", baseline) + ": " + count(r.applied().size())
                    + " recorded without running; the next migrate starts after it.");
            return 0;
        }
        if (dryRun) {
            MigrateResult r = migrator.dryRun();
            if (r.applied().isEmpty()) {
                out.println("Nothing to migrate: " + count(r.alreadyApplied()) + " already applied.");
                return 0;
            }
            for (AppliedMigration m : r.applied()) {
                Path file = MigrationFiles.up(config.migrationsDir(), m);
                out.println("-- ==== " + config.show(file) + " (would run) ====");
                out.print(read(file));
                out.println();
            }
            out.println("Dry run: " + count(r.applied().size()) + " would be applied; nothing was run.");
            return 0;
        }
        MigrateResult r = migrator.migrate();
        for (AppliedMigration m : r.applied()) {
            out.println("applied " + MigrationFiles.title(m) + " (" + m.durationMillis() + " ms)");
        }
        out.println(r.applied().isEmpty()
                ? "Nothing to migrate: " + count(r.alreadyApplied()) + " already applied."
                : "Applied " + count(r.applied().size()) + "; " + r.alreadyApplied() + " were applied before.");
        return 0;
    }

    static String count(int n) {
        return n == 1 ? "1 migration" : n + " migrations";
    }

    private static String read(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return text.endsWith("\n") ? text : text + "\n";
        } catch (IOException e) {
            throw new ShaleException("could not read " + file + ": " + e.getMessage());
        }
    }
}
