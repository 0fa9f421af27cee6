package dev.shale.maven;

import dev.shale.diff.UnresolvedRenamesException;
import dev.shale.migrator.MigrationException;
import dev.shale.workflow.MigrationLayout;
import dev.shale.workflow.MigrationSettings;
import dev.shale.workflow.Project;
import dev.shale.workflow.WorkflowException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import java.io.File;
import java.nio.file.Path;

/**
 * What every goal shares: where the migrations and snapshots are, the database URLs, the history
 * table, {@code skip}, and turning the library's failures into {@link MojoFailureException}s whose
 * advice is in the plugin's terms ({@link Advice}). Each goal reads its parameters into a {@link Project}
 * and calls one library workflow; its output goes through the Maven log.
 */
abstract class AbstractShaleMojo extends AbstractMojo {
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    /** Where the migrations and {@code shale.sum} are. */
    @Parameter(property = "shale.migrationsDirectory", defaultValue = "${project.basedir}/migrations")
    File migrationsDirectory;

    /** Where the snapshots are. */
    @Parameter(property = "shale.snapshotsDirectory", defaultValue = "${project.basedir}/snapshots")
    File snapshotsDirectory;

    /**
     * The database: {@code jdbc:postgresql://}, {@code postgres://user:password@host:5432/db} or
     * {@code postgresql://}. Defaults to the {@code DATABASE_URL} environment variable.
     */
    @Parameter(property = "shale.url", defaultValue = "${env.DATABASE_URL}")
    String url;

    /** The URL migrations and live comparisons run through (direct, not pooled); defaults to {@code url}. */
    @Parameter(property = "shale.migrationsUrl")
    String migrationsUrl;

    /** The schema of the migration history table. */
    @Parameter(property = "shale.historySchema", defaultValue = "public")
    String historySchema;

    /** The migration history table, which no comparison reads and no workflow touches. */
    @Parameter(property = "shale.historyTable", defaultValue = "shale_migrations")
    String historyTable;

    /**
     * How generate and pull name migration files: {@code shale} ({@code 0001_name.sql}, {@code 0001_name.down.sql})
     * or {@code flyway} ({@code V1__name.sql}, {@code U1__name.sql}), for a project that keeps Flyway as its runner.
     */
    @Parameter(property = "shale.layout", defaultValue = "shale")
    String layout;

    /** Skips the goal. */
    @Parameter(property = "shale.skip", defaultValue = "false")
    boolean skip;

    /** The goal's name, for messages ({@code generate}). */
    abstract String goal();

    /** Runs the goal; library failures are translated by {@link #execute()}. */
    abstract void run() throws MojoFailureException, MojoExecutionException;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping shale:" + goal() + " (shale.skip is set).");
            return;
        }
        if (layout != null && MigrationLayout.named(layout) == null) {
            throw new MojoFailureException("<layout> (-Dshale.layout) is \"" + layout + "\"; use shale (0001_name.sql and"
                    + " 0001_name.down.sql) or flyway (V1__name.sql and U1__name.sql)");
        }
        try {
            run();
        } catch (WorkflowException e) {
            throw failure(Advice.message(e, goal()), e);
        } catch (MigrationException e) {
            throw failure(Advice.message(e, goal(), file -> show(Path.of(file))), e);
        } catch (UnresolvedRenamesException e) {
            throw failure(Renames.openQuestions(e.questions(), goal()), e);
        }
    }

    /**
     * The build failure for a library exception. The exception is not chained: Maven appends the message
     * of every cause to the failure, and the library's (or the driver's) words would follow the plugin's
     * advice, naming settings of another front end. Its stack trace is logged at debug level ({@code -X}).
     */
    private MojoFailureException failure(String message, RuntimeException cause) {
        getLog().debug("shale:" + goal() + " failed", cause);
        return new MojoFailureException(message);
    }

    /** The project as the library sees it: rooted at the pom's folder, no schema yet. */
    Project shaleProject() {
        return Project.at(project.getBasedir().toPath())
                .withMigrationsDir(migrationsDirectory.toPath())
                .withSnapshotsDir(snapshotsDirectory.toPath())
                .withDatabaseUrl(given(url))
                .withMigrationsUrl(given(migrationsUrl))
                .withMigrations(migrationSettings())
                .withLayout(layout == null ? MigrationLayout.SHALE : MigrationLayout.named(layout));
    }

    /** The history table; {@link MigratorMojo} adds the timeouts. */
    MigrationSettings migrationSettings() {
        return new MigrationSettings(historySchema, historyTable, null, null, null, null, null);
    }

    /** The URL live workflows and migrations use: {@code migrationsUrl}, else {@code url}. */
    String databaseUrl() throws MojoFailureException {
        String direct = given(migrationsUrl);
        String main = given(url);
        if (direct == null && main == null) {
            throw new MojoFailureException("shale:" + goal() + " needs a database and none is configured. " + Advice.URL);
        }
        return direct != null ? direct : main;
    }

    /** A path as messages show it: relative to the project's folder when inside it. */
    String show(Path path) {
        return shaleProject().show(path);
    }

    /**
     * A parameter's value, or null when it is unset: blank, or an expression Maven could not resolve
     * ({@code ${env.DATABASE_URL}} with the variable unset).
     */
    static String given(String value) {
        return value == null || value.isBlank() || value.startsWith("${") ? null : value.strip();
    }
}
