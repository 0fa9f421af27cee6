package dev.shale.maven;

import dev.shale.cli.pull.PullFiles;
import dev.shale.workflow.FileBatch;
import dev.shale.workflow.Project;
import dev.shale.workflow.Puller;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads an existing database and writes it as Java schema classes (one per table, enums together, a
 * {@code Schema} holder) under the source folder, plus, when the project has no snapshot yet, a baseline
 * snapshot and a {@code 0000_baseline} migration holding the DDL of what it read, so a fresh database can be
 * built from the migrations and the next generate starts from the database's real state. Never overwrites a file.
 */
@Mojo(name = "pull", threadSafe = true)
public final class PullMojo extends AbstractShaleMojo {
    /** The Java package of the generated classes ({@code <package>} in the pom). */
    @Parameter(alias = "package", property = "shale.package", required = true)
    String packageName;

    /** The source folder the package is written under. */
    @Parameter(property = "shale.sourceDirectory", defaultValue = "${project.build.sourceDirectory}")
    File sourceDirectory;

    /** The database schemas to read. */
    @Parameter(property = "shale.schemas", defaultValue = "public")
    List<String> schemas;

    @Override
    String goal() {
        return "pull";
    }

    @Override
    void run() throws MojoFailureException {
        databaseUrl(); // a missing URL, explained in the plugin's terms
        Project shale = shaleProject();
        Set<String> read = new LinkedHashSet<>(schemas == null || schemas.isEmpty() ? List.of("public") : schemas);
        Puller.Pulled found = Puller.read(shale, read);
        Path root = sourceDirectory.toPath().toAbsolutePath().normalize();
        List<PullFiles.PulledFile> files;
        try {
            files = PullFiles.files(found.model(), packageName, root, shale.snapshotsDir(), shale.migrationsDir(), shale.layout());
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("<package> (-Dshale.package): " + e.getMessage(), e);
        }
        for (PullFiles.PulledFile f : files) {
            if (Files.exists(f.target())) {
                throw new MojoFailureException(shale.show(f.target()) + " already exists; pull never overwrites a file. Pull into a"
                        + " new package (-Dshale.package) or folder (<sourceDirectory>), or remove the old files first."
                        + " Nothing was written.");
            }
        }
        boolean baseline = !Puller.hasSnapshot(shale.snapshotsDir());
        FileBatch.commit(files.stream().map(f -> new FileBatch.Entry(f.target(), f.content())).toList());
        getLog().info("Pulled " + found.model().tables().size() + " tables, " + found.model().enums().size() + " enums and "
                + found.model().externalTables().size() + " external tables from " + found.source() + " into "
                + shale.show(root.resolve(packageName.replace('.', '/'))) + ".");
        for (PullFiles.PulledFile f : files) {
            getLog().info("  wrote " + shale.show(f.target()));
        }
        if (baseline) {
            getLog().info("The baseline migration holds the schema's DDL. On the database it was read from, record it as"
                    + " applied without running it: mvn shale:migrate -Dshale.baseline=0. A fresh database is built by shale:migrate.");
        }
        getLog().info("For generate and check to read this code, <schemaPackage> in the shale-maven-plugin configuration"
                + " must be " + packageName + ".");
        Output.notManaged(getLog(), found.notManaged(), "not pulled");
    }
}
