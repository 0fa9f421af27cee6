package dev.shale.maven;

import dev.shale.diff.Hazard;
import dev.shale.render.Statement;
import dev.shale.workflow.LiveDatabase;
import dev.shale.workflow.PlanSql;
import dev.shale.workflow.Project;
import dev.shale.workflow.Pusher;
import dev.shale.workflow.Questions;
import dev.shale.workflow.SchemaLoader;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * For development databases: makes the database match the schema code directly, without migration
 * files. Reads the database, compares it with the code by meaning, logs the plan and applies it in one
 * transaction. A build cannot ask about data loss: statements that lose data are refused unless
 * {@code force} is set. Objects Shale does not model are listed and left alone; the history table is never touched.
 */
@Mojo(name = "push", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public final class PushMojo extends SchemaMojo {
    /** Applies statements that lose data. */
    @Parameter(property = "shale.force", defaultValue = "false")
    boolean force;

    /** Logs the SQL only; changes nothing. */
    @Parameter(property = "shale.dryRun", defaultValue = "false")
    boolean dryRun;

    /** Rename answers: {@code schema.table=new_table} or {@code schema.table.old_column=new_column}. */
    @Parameter(property = "shale.renames")
    List<String> renames;

    /** "Dropped" answers: {@code schema.table} or {@code schema.table.column}. */
    @Parameter(property = "shale.dropped")
    List<String> dropped;

    @Override
    String goal() {
        return "push";
    }

    @Override
    void run() throws MojoFailureException, MojoExecutionException {
        Project shale = schemaProject();
        String url = databaseUrl();
        SchemaLoader.LoadedSchema loaded = SchemaLoader.load(shale);
        Pusher.Request request = new Pusher.Request(Renames.renames(renames), Renames.dropped(dropped), force);
        try (Connection connection = LiveDatabase.connect(url)) {
            Pusher.Plan plan = Pusher.plan(connection, () -> LiveDatabase.connect(url), shale, loaded.definition(), request, Questions.NONE);
            Output.notManaged(getLog(), plan.notManaged(), "left alone");
            if (plan.isEmpty()) {
                getLog().info("Database matches the schema code; nothing to do.");
                return;
            }
            getLog().info("Plan for " + LiveDatabase.redacted(url) + ":");
            Output.infoBlock(getLog(), plan.sql().text());
            if (dryRun) {
                getLog().info("Dry run: nothing was changed.");
                return;
            }
            List<Hazard> loss = plan.sql().dataLoss();
            if (!loss.isEmpty() && !force) {
                StringBuilder b = new StringBuilder("this push loses data, and a build cannot ask whether to go ahead. The"
                        + " statements that lose data:");
                for (Hazard h : loss) {
                    Statement s = plan.sql().statementOf(h);
                    b.append("\n  ").append(s.sql().strip().replace("\n", " ")).append("  -- ").append(h.message());
                }
                b.append("\nNothing was changed. Set <force>true</force> or pass -Dshale.force to apply them anyway.");
                throw new MojoFailureException(b.toString());
            }
            int n = Pusher.apply(connection, plan);
            int steps = plan.sql().steps().size();
            String statements = Output.count(n, "statement", "statements");
            getLog().info(steps == 1 ? "Applied " + statements + " in one transaction."
                    : "Applied " + statements + " in " + steps + " transactions: step 1 committed first, since " + PlanSql.TWO_STEPS + ".");
        } catch (SQLException e) {
            throw new MojoFailureException("the database connection failed: " + LiveDatabase.redacted(String.valueOf(e.getMessage())));
        }
    }
}
