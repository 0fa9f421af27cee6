package dev.shale.maven;

import dev.shale.diff.RenameQuestion;
import dev.shale.workflow.LiveDatabase;
import dev.shale.workflow.SchemaDiffs;
import dev.shale.workflow.SchemaLoader;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Prints the SQL that turns one schema into another, where each side is a database URL, a snapshot file
 * ({@code *.json}) or the word {@code code} (the schema code, compiled first). Changes nothing anywhere.
 * Rename questions nobody answered are taken as dropped, and said so.
 */
@Mojo(name = "diff", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public final class DiffMojo extends SchemaMojo {
    /** Where to start: a database URL, a snapshot file (relative to the project folder) or {@code code}. */
    @Parameter(property = "shale.from", required = true)
    String from;

    /** Where to arrive: a database URL, a snapshot file or {@code code}. */
    @Parameter(property = "shale.to", required = true)
    String to;

    /** Rename answers: {@code schema.table=new_table} or {@code schema.table.old_column=new_column}. */
    @Parameter(property = "shale.renames")
    List<String> renames;

    /** "Dropped" answers: {@code schema.table} or {@code schema.table.column}. */
    @Parameter(property = "shale.dropped")
    List<String> dropped;

    /** Also writes the SQL to this file (the log prefixes every line). */
    @Parameter(property = "shale.outputFile")
    File outputFile;

    @Override
    String goal() {
        return "diff";
    }

    @Override
    void run() throws MojoFailureException, MojoExecutionException {
        SchemaLoader.LoadedSchema code = from.strip().equals("code") || to.strip().equals("code")
                ? SchemaLoader.load(schemaProject()) : null;
        SchemaDiffs.Side a = side(from, "from", code);
        SchemaDiffs.Side b = side(to, "to", code);
        SchemaDiffs.Result result = SchemaDiffs.diff(a, b, Renames.renames(renames), Renames.dropped(dropped),
                migrationSettings().historyTable());
        for (RenameQuestion q : result.assumedDropped()) {
            getLog().warn(Renames.describe(q) + " Taken as dropped; add <rename>" + q.answer(q.options().get(0)).flag()
                    + "</rename> to <renames> (with the right new name) if it was renamed.");
        }
        result.fromNotManaged().forEach(o -> getLog().warn("not managed in <from>: " + o));
        result.toNotManaged().forEach(o -> getLog().warn("not managed in <to>: " + o));
        String sql = result.sql().isEmpty() ? "" : result.sql().text();
        if (sql.isEmpty()) {
            getLog().info(result.unexpressed().isEmpty() ? "No differences." : "No differences in what Shale models.");
        } else {
            Output.infoBlock(getLog(), sql);
        }
        if (!result.unexpressed().isEmpty()) {
            getLog().warn("The two sides also differ in objects Shale does not model, which this SQL does not change: "
                    + String.join(", ", result.unexpressed()) + ".");
        }
        if (outputFile != null) {
            try {
                Path file = outputFile.toPath();
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.writeString(file, sql, StandardCharsets.UTF_8);
                getLog().info("wrote " + show(file));
            } catch (IOException e) {
                throw new MojoFailureException("could not write <outputFile> " + outputFile + ": " + e.getMessage(), e);
            }
        }
    }

    /** One side as configured; {@code which} is {@code from} or {@code to}, for messages. */
    private SchemaDiffs.Side side(String text, String which, SchemaLoader.LoadedSchema code) throws MojoFailureException {
        String value = text.strip();
        if (value.equals("code")) {
            return SchemaDiffs.code(code);
        }
        if (LiveDatabase.isUrl(value)) {
            return new SchemaDiffs.Database(value);
        }
        Path file = project.getBasedir().toPath().resolve(value).normalize();
        if (!value.endsWith(".json") || !Files.isRegularFile(file)) {
            throw new MojoFailureException("<" + which + "> (-Dshale." + which + ") " + LiveDatabase.redacted(value) + " is not a"
                    + " database URL (postgres://, postgresql:// or jdbc:postgresql://), a snapshot file (*.json"
                    + (value.endsWith(".json") ? "; no such file: " + file : "") + ") or the word code.");
        }
        return SchemaDiffs.snapshot(file, value);
    }
}
