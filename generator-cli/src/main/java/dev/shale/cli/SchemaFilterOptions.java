package dev.shale.cli;

import dev.shale.workflow.Project;
import dev.shale.workflow.SchemaFilter;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** {@code --schema} and {@code --exclude-schema}: the schemas diff, push, pull and check look at. */
final class SchemaFilterOptions {
    @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--schema", paramLabel = "NAME",
            description = "Only look at this schema (a name, or a pattern with * such as tenant_*). Repeatable.")
    List<String> include = new ArrayList<>();

    @Option(names = "--exclude-schema", paramLabel = "NAME",
            description = "Leave this schema out (a name, or a pattern with *); neither changed nor reported. Repeatable.")
    List<String> exclude = new ArrayList<>();

    SchemaFilter filter() {
        try {
            return new SchemaFilter(include, exclude);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--schema / --exclude-schema: " + e.getMessage());
        }
    }

    /** The project with these options' filter, or as it is when none was given. */
    Project on(Project project) {
        return include.isEmpty() && exclude.isEmpty() ? project : project.withSchemaFilter(filter());
    }
}
