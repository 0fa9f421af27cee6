package dev.shale.maven;

import dev.shale.migrator.MigrationStatus;
import dev.shale.workflow.StatusTable;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;


/**
 * Lists every migration the files or the history table know of, with its state (applied, pending,
 * changed, missing, out of order), when it was applied and how long it took. Fails the build when one
 * is changed or missing, unless {@code failOnProblems} is off.
 */
@Mojo(name = "status", threadSafe = true)
public final class StatusMojo extends MigratorMojo {

    /** Fails the build when a migration is changed or missing. */
    @Parameter(property = "shale.failOnProblems", defaultValue = "true")
    boolean failOnProblems;

    @Override
    String goal() {
        return "status";
    }

    @Override
    void run() throws MojoFailureException {
        MigrationStatus status = migrator().build().status();
        if (status.entries().isEmpty()) {
            getLog().info("No migrations: the migrations folder is empty and the history table has no rows.");
            return;
        }
        StatusTable.lines(status).forEach(getLog()::info);
        getLog().info(StatusTable.summary(status));
        for (MigrationStatus.Entry e : status.entries()) {
            String advice = advice(e);
            if (advice != null) {
                getLog().warn(advice);
            }
        }
        if (status.hasProblems() && failOnProblems) {
            throw new MojoFailureException("a migration is changed or missing (listed above); mvn shale:migrate refuses to run"
                    + " until it is restored. Set <failOnProblems>false</failOnProblems> (-Dshale.failOnProblems=false) to only report.");
        }
    }

    /** What to do about an entry, or null when nothing needs doing. */
    private static String advice(MigrationStatus.Entry e) {
        String title = String.format("%04d_%s.sql", e.version(), e.name());
        return switch (e.state()) {
            case CHANGED -> "changed: " + title + " differs from what was applied; restore it from version control (never edit an"
                    + " applied migration; add a new one), or migrate with <allowChanged>true</allowChanged>";
            case MISSING -> "missing: " + title + " was applied but its file is gone; restore it from version control, or migrate"
                    + " with <allowMissing>true</allowMissing>";
            case OUT_OF_ORDER -> "out of order: " + title + " is pending but numbered below the newest applied migration; migrate"
                    + " with <outOfOrder>true</outOfOrder> applies it, or renumber it above the others";
            case CONFLICT -> "conflict: " + title + " has version " + e.version() + ", which the history table records under"
                    + " another name; if the file was renamed after it was applied, restore its old name, else renumber it to the"
                    + " next free number";
            case APPLIED, PENDING -> null;
        };
    }
}
