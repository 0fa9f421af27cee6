package dev.shale.maven;

import dev.shale.migrator.AppliedMigration;
import dev.shale.migrator.MigrateResult;
import dev.shale.migrator.Migrator;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Applies the pending migrations (those not in the history table) to the database, each in its own
 * transaction, under a lock, so concurrent runs apply each exactly once. A changed or missing applied
 * file, or a pending file numbered below the newest applied one, is refused unless its parameter allows it.
 */
@Mojo(name = "migrate", threadSafe = true)
public final class MigrateMojo extends MigratorMojo {
    /** Prints the SQL of each pending migration; runs nothing. */
    @Parameter(property = "shale.dryRun", defaultValue = "false")
    boolean dryRun;

    /** Applies migrations only up to and including this version. */
    @Parameter(property = "shale.target")
    Integer target;

    /** Adopts an existing database whose schema matches migration N: records 0..N as applied without running them. */
    @Parameter(property = "shale.baseline")
    Integer baseline;

    /** Goes on although an applied migration's file has changed (its new checksum is not recorded). */
    @Parameter(property = "shale.allowChanged", defaultValue = "false")
    boolean allowChanged;

    /** Goes on although an applied migration's file is gone. */
    @Parameter(property = "shale.allowMissing", defaultValue = "false")
    boolean allowMissing;

    /** Applies pending migrations numbered below the newest applied one (merged late from a branch). */
    @Parameter(property = "shale.outOfOrder", defaultValue = "false")
    boolean outOfOrder;

    @Override
    String goal() {
        return "migrate";
    }

    @Override
    void run() throws MojoFailureException {
        if (baseline != null && (dryRun || target != null)) {
            throw new MojoFailureException("<baseline> (-Dshale.baseline) records migrations without running them: it takes neither"
                    + " <dryRun> nor <target>; unset those.");
        }
        Migrator.Builder builder = migrator().allowChanged(allowChanged).allowMissing(allowMissing).allowOutOfOrder(outOfOrder);
        if (target != null) {
            builder.target(target);
        }
        // each migration is logged as it is applied, so a long run shows where it is (and a failed one what it did)
        builder.progress((n, total, m) -> getLog().info(n + "/" + total + " applied " + title(m) + " (" + m.durationMillis() + " ms)"));
        Migrator migrator = builder.build();
        if (baseline != null) {
            MigrateResult r = migrator.baseline(baseline);
            for (AppliedMigration m : r.applied()) {
                getLog().info("baselined " + title(m) + " (recorded as applied, not run)");
            }
            getLog().info("Baseline at " + String.format("%04d", baseline) + ": " + migrations(r.applied().size())
                    + " recorded without running; the next migrate starts after it.");
            return;
        }
        if (dryRun) {
            MigrateResult r = migrator.dryRun();
            for (AppliedMigration m : r.applied()) {
                Path file = migrationsDirectory.toPath().resolve(title(m) + ".sql");
                Path flyway = migrationsDirectory.toPath().resolve("V" + m.version() + "__" + m.name() + ".sql");
                if (!Files.exists(file) && Files.exists(flyway)) {
                    file = flyway; // Flyway's layout (<layout>flyway</layout>)
                }
                getLog().info("-- ==== " + show(file) + " (would run) ====");
                Output.infoBlock(getLog(), read(file));
            }
            getLog().info(r.applied().isEmpty() ? "Nothing to migrate: " + migrations(r.alreadyApplied()) + " already applied."
                    : "Dry run: " + migrations(r.applied().size()) + " would be applied; nothing was run.");
            return;
        }
        MigrateResult r = migrator.migrate();
        getLog().info(r.applied().isEmpty() ? "Nothing to migrate: " + migrations(r.alreadyApplied()) + " already applied."
                : "Applied " + migrations(r.applied().size()) + "; " + r.alreadyApplied() + " were applied before.");
    }

    static String title(AppliedMigration m) {
        return String.format("%04d_%s", m.version(), m.name());
    }

    static String migrations(int n) {
        return Output.count(n, "migration", "migrations");
    }

    private static String read(Path file) throws MojoFailureException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MojoFailureException("could not read " + file + ": " + e.getMessage(), e);
        }
    }
}
