package dev.shale.workflow;

import dev.shale.model.SchemaModel;
import dev.shale.model.VersionFeatures;
import dev.shale.workflow.WorkflowException.Reason;

import java.util.List;

/** The project's target PostgreSQL version ({@link Project#postgresVersion()}) held against a schema. */
final class TargetVersion {
    private TargetVersion() {}

    /**
     * Refuses {@code model} when it uses what the target version lacks; nothing when the project sets no target.
     *
     * @param what the model, as messages name it ({@code the schema code})
     */
    static void check(Project project, SchemaModel model, String what) {
        Integer version = project.postgresVersion();
        if (version == null) {
            return;
        }
        List<VersionFeatures.Missing> missing = VersionFeatures.missing(model, version);
        if (missing.isEmpty()) {
            return;
        }
        throw new WorkflowException(Reason.TARGET_VERSION, "postgres version " + version, what + " uses what PostgreSQL "
                + version + " lacks, so its migration would fail there:\n  "
                + String.join("\n  ", missing.stream().map(VersionFeatures.Missing::describe).toList())
                + "\nRemove these from the schema, or raise the target version if every database runs a newer PostgreSQL");
    }
}
