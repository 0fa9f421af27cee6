package dev.shale.maven;

import dev.shale.workflow.Project;
import dev.shale.workflow.SchemaLocation;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;

import java.nio.file.Path;
import java.util.List;

/**
 * A goal that reads the schema code. The plugin never compiles: it reads the project's own compiled
 * classes ({@code ${project.build.outputDirectory}}) with the compile class path beside them, so a schema
 * class may use any of the project's dependencies.
 *
 * <p>How the classes are loaded: the library's {@code SchemaLoader} puts the class path in a class loader
 * whose parent is the plugin's own, and asks the parent first. The DSL types ({@code Table}, {@code Column},
 * {@code PgEnum}) are therefore always the plugin's, the same classes {@code SchemaBuilder} reads, even
 * though the project's {@code schema-dsl} jar is on the class path too; only the project's own classes (and
 * dependencies the plugin does not have) come from the project. A project that compiles against another
 * {@code schema-dsl} version than the plugin's is warned about.
 */
abstract class SchemaMojo extends AbstractShaleMojo {
    /** The package whose classes declare the schema (every class of it is read). */
    @Parameter(property = "shale.schemaPackage")
    String schemaPackage;

    /** Instead of a package: the holder class whose static fields are the tables and enums. */
    @Parameter(property = "shale.schemaClass")
    String schemaClass;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    PluginDescriptor plugin;

    /** The project with its schema location: the compiled classes and the compile class path. */
    Project schemaProject() throws MojoFailureException, MojoExecutionException {
        String pkg = given(schemaPackage);
        String holder = given(schemaClass);
        if (pkg == null && holder == null) {
            throw new MojoFailureException("shale:" + goal() + " reads the schema code, and the plugin does not know where it is. "
                    + Advice.SCHEMA);
        }
        if (pkg != null && holder != null) {
            throw new MojoFailureException("both <schemaPackage> (" + pkg + ") and <schemaClass> (" + holder + ") are set; the schema"
                    + " is read by package or by holder class: keep one of them.");
        }
        List<Path> classpath;
        try {
            classpath = project.getCompileClasspathElements().stream().map(Path::of).toList();
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("the compile class path of " + project.getId() + " is not resolved", e);
        }
        warnOnOtherDslVersion();
        Path classes = Path.of(project.getBuild().getOutputDirectory());
        String dir = (pkg != null ? pkg : packageOf(holder)).replace('.', '/');
        List<Path> sourceRoots = project.getCompileSourceRoots().stream().map(Path::of).toList();
        List<Path> stale = StaleClasses.find(sourceRoots, classes, dir);
        if (!stale.isEmpty()) {
            throw new MojoFailureException("the compiled schema classes are older than their sources ("
                    + String.join(", ", stale.stream().map(this::show).toList()) + "): shale:" + goal() + " reads "
                    + show(classes) + " and never compiles. Run mvn compile shale:" + goal() + " (or mvn verify, where check is"
                    + " bound), so the classes are current.");
        }
        SchemaLocation location = new SchemaLocation(List.of(), classpath, pkg, holder);
        return shaleProject().withSchema(location);
    }

    private void warnOnOtherDslVersion() {
        for (Artifact a : project.getArtifacts()) {
            if (a.getGroupId().equals("dev.shale") && a.getArtifactId().equals("schema-dsl")
                    && !a.getBaseVersion().equals(plugin.getVersion())) {
                getLog().warn("The project compiles against schema-dsl " + a.getBaseVersion() + ", but shale-maven-plugin "
                        + plugin.getVersion() + " reads the schema with its own schema-dsl " + plugin.getVersion()
                        + ". Use the same version for both.");
            }
        }
    }

    private static String packageOf(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot);
    }
}
