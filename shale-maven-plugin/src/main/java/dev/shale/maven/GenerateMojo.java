package dev.shale.maven;

import dev.shale.workflow.Generator;
import dev.shale.workflow.OnlineSettings;
import dev.shale.workflow.Project;
import dev.shale.workflow.Questions;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Compares the schema code with the latest snapshot and writes the next migration, its down file, the
 * snapshot and {@code shale.sum}. Compiles the project first (the lifecycle up to {@code compile}) and
 * reads the compiled classes. Nothing is written when nothing changed, or when anything fails. Rename
 * questions cannot be asked in a build: answer them with {@code renamedFrom("old")} in the code, or with
 * {@code <renames>} / {@code <dropped>}.
 */
@Mojo(name = "generate", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public final class GenerateMojo extends SchemaMojo {
    /** The migration's name (default: derived from the changes). */
    @Parameter(property = "shale.name")
    String name;

    /** Writes an empty migration for hand-written SQL; its snapshot carries the schema forward. */
    @Parameter(property = "shale.custom", defaultValue = "false")
    boolean custom;

    /** Rename answers: {@code schema.table=new_table} or {@code schema.table.old_column=new_column} (the table by its new name). */
    @Parameter(property = "shale.renames")
    List<String> renames;

    /** "Dropped" answers: {@code schema.table} or {@code schema.table.column}. */
    @Parameter(property = "shale.dropped")
    List<String> dropped;

    /**
     * Writes online-safe migrations: indexes of existing tables built {@code CONCURRENTLY} in a migration of
     * their own that runs outside a transaction, foreign keys and checks added {@code NOT VALID} and validated
     * there, NOT NULL set through a validated check, and {@code lock_timeout} set first in each.
     */
    @Parameter(property = "shale.online", defaultValue = "false")
    boolean online;

    /** The {@code lock_timeout} each online migration sets: seconds, or with a unit ({@code 1500ms}, {@code 5s}); default 5s. */
    @Parameter(property = "shale.onlineLockTimeout")
    String onlineLockTimeout;

    @Override
    String goal() {
        return "generate";
    }

    @Override
    void run() throws MojoFailureException, MojoExecutionException {
        Project shale = (custom ? shaleProject() : schemaProject()).withOnline(onlineSettings());
        Generator.Request request = new Generator.Request(given(name), custom, Renames.renames(renames), Renames.dropped(dropped));
        Generator.Result result = Generator.generate(shale, request, Questions.NONE);
        if (result.files().isEmpty()) {
            getLog().info("No schema changes; nothing written.");
            return;
        }
        for (Path file : result.files()) {
            getLog().info("wrote " + shale.show(file));
        }
        Output.hazards(getLog(), result.plan().hazards());
        if (custom) {
            getLog().info("Write the SQL into the new migration (and its reverse into the down file), then run mvn shale:hash.");
        }
    }

    private OnlineSettings onlineSettings() throws MojoFailureException {
        try {
            Duration timeout = Durations.parse(onlineLockTimeout, "onlineLockTimeout");
            return new OnlineSettings(online, timeout);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("<onlineLockTimeout> (-Dshale.onlineLockTimeout): " + e.getMessage()
                    .replaceFirst("^<onlineLockTimeout> \\(-Dshale.onlineLockTimeout\\): ", ""), e);
        }
    }
}
