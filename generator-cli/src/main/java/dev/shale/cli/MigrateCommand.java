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
import java.util.ArrayList;
import java.util.List;

/** {@code shale migrate}: applies the pending migrations through the migrator and prints what it did. */
@Command(name = "migrate", sortOptions = false, mixinStandardHelpOptions = true,
        header = "Apply the pending migrations to the database, each exactly once, in order.",
        exitCodeListHeading = Main.EXIT_HEADING, exitCodeList = {Main.EXIT_OK,
                "1:a migration failed or was refused (what was applied before it stays applied and is listed)", Main.EXIT_USAGE},
        description = {"Apply the pending migrations to the database, each in its own transaction, under a lock.",
                "Pending means not in the history table. Validation runs first, and again under the lock on the history",
                "read there: a changed or missing applied file, or a pending file numbered below the newest applied one,",
                "is refused unless its flag allows it."})
final class MigrateCommand extends DatabaseCommand implements Json.Reporting {
    @Option(names = "--json", description = "Print one JSON object: {\"applied\":[{version,name,file,appliedAt,durationMillis}],"
            + "\"alreadyApplied\":n,\"dryRun\":bool,\"baseline\":n|null}; progress goes to standard error.")
    boolean json;

    @Override
    public boolean json() {
        return json;
    }

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
        PrintWriter out = session.out();
        // progress as it happens: on standard output, or on standard error when standard output is JSON
        PrintWriter progress = json ? session.err() : out;
        List<AppliedMigration> done = new ArrayList<>();
        builder.progress((n, total, m) -> {
            done.add(m);
            progress.println(n + "/" + total + " applied " + MigrationFiles.title(m) + " (" + m.durationMillis() + " ms)");
            progress.flush();
        });
        Migrator migrator = builder.build();
        if (baseline != null) {
            MigrateResult r = migrator.baseline(baseline);
            if (json) {
                return report(r, baseline);
            }
            for (AppliedMigration m : r.applied()) {
                out.println("baselined " + MigrationFiles.title(m) + " (recorded as applied, not run)");
            }
            out.println("Baseline at " + String.format("%04d", baseline) + ": " + count(r.applied().size())
                    + " recorded without running; the next migrate starts after it.");
            return 0;
        }
        if (dryRun) {
            MigrateResult r = migrator.dryRun();
            if (json) {
                return report(r, null);
            }
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
        MigrateResult r;
        try {
            r = migrator.migrate();
        } catch (RuntimeException e) {
            if (!done.isEmpty()) {
                session.err().println("Applied " + count(done.size()) + " before the failure; they stay applied: "
                        + String.join(", ", done.stream().map(MigrationFiles::title).toList()) + ".");
            }
            throw e;
        }
        if (json) {
            return report(r, null);
        }
        out.println(r.applied().isEmpty()
                ? "Nothing to migrate: " + count(r.alreadyApplied()) + " already applied."
                : "Applied " + count(r.applied().size()) + "; " + r.alreadyApplied() + " were applied before.");
        return 0;
    }

    private int report(MigrateResult r, Integer baselineVersion) {
        var root = Json.object();
        var list = root.putArray("applied");
        r.applied().forEach(m -> Json.migration(list, m));
        root.put("alreadyApplied", r.alreadyApplied());
        root.put("dryRun", r.dryRun());
        root.put("baseline", baselineVersion);
        Json.print(session.out(), root);
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
