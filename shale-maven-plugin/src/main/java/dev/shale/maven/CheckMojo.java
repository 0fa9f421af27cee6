package dev.shale.maven;

import dev.shale.workflow.Checker;
import dev.shale.workflow.MigrationPlan;
import dev.shale.workflow.Project;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * The CI gate, bound to {@code verify}: with no database, verifies {@code shale.sum} (no migration or
 * snapshot edited, removed or half-merged), the snapshot chain, that every migration has its snapshot
 * and down file, and fails the build, showing the pending SQL, when the schema code has changes that
 * were not generated.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, requiresDependencyResolution = ResolutionScope.COMPILE,
        threadSafe = true)
public final class CheckMojo extends SchemaMojo {
    @Override
    String goal() {
        return "check";
    }

    @Override
    void run() throws MojoFailureException, MojoExecutionException {
        Project shale = schemaProject();
        Checker.Result result = Checker.check(shale);
        String against = result.latest() == null ? "an empty schema (no snapshots yet)" : shale.show(result.latest());
        if (result.clean()) {
            getLog().info("Schema code matches " + against + ".");
            return;
        }
        String changes = "The schema code has changes not generated yet (compared with " + against + ")";
        if (!result.questions().isEmpty()) {
            throw new MojoFailureException(changes + "; " + Renames.openQuestions(result.questions(), "generate"));
        }
        getLog().error(changes + ". mvn shale:generate would write:");
        for (MigrationPlan.Planned m : result.pending().migrations()) {
            getLog().error("");
            getLog().error("--- " + shale.show(m.migrationFile(shale.migrationsDir(), shale.layout())));
            for (String line : m.sql().strip().split("\n")) {
                getLog().error(line);
            }
        }
        Output.hazards(getLog(), result.pending().hazards());
        throw new MojoFailureException(changes + ". Run mvn shale:generate and commit what it writes (the migration, its"
                + " down file, the snapshot and shale.sum) with the schema code; the SQL it would write is in the log above.");
    }
}
