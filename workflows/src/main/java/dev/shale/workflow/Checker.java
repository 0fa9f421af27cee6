package dev.shale.workflow;

import dev.shale.diff.Differ;
import dev.shale.diff.RenameDecisions;
import dev.shale.diff.RenameQuestion;
import dev.shale.dsl.SchemaDefinition;
import dev.shale.model.SchemaModel;
import dev.shale.snapshot.SnapshotHistory;

import java.nio.file.Path;
import java.util.List;

/**
 * Check, the CI gate: with no database, verifies the snapshot chain, that migrations and snapshots are
 * in step, and that the schema code has nothing left to generate.
 */
public final class Checker {
    private Checker() {}

    /**
     * The outcome.
     *
     * @param latest the newest snapshot file, or null when there is none
     * @param questions rename questions the code leaves open (pending changes too)
     * @param pending what generate would write (empty when the code matches)
     * @param schema the schema loaded, with its load time
     */
    public record Result(Path latest, List<RenameQuestion> questions, MigrationPlan pending, SchemaLoader.LoadedSchema schema) {
        public Result {
            questions = List.copyOf(questions);
        }

        public boolean clean() {
            return questions.isEmpty() && pending.isEmpty();
        }
    }

    public static Result check(Project project) {
        BranchConflicts.check(project);
        SnapshotHistory history = SnapshotHistory.load(project.snapshotsDir());
        ProjectFiles.checkInStep(project, history);
        ProjectFiles.checkDownFiles(project);
        Integrity.verify(project, false);
        Path latest = history.entries().isEmpty() ? null : history.entries().get(history.entries().size() - 1).file();
        SchemaLoader.LoadedSchema loaded = SchemaLoader.load(project);
        SchemaDefinition definition = loaded.definition();
        SchemaFilter filter = project.schemaFilter();
        SchemaModel from = filter.apply(history.latest() == null ? SchemaModel.EMPTY : history.latest().model());
        SchemaModel code = filter.apply(definition.model());
        RenameDecisions decisions = RenameDecisions.of(definition.renames());
        List<RenameQuestion> questions = Differ.questions(from, code, decisions);
        if (!questions.isEmpty()) {
            return new Result(latest, questions, new MigrationPlan(List.of()), loaded);
        }
        return new Result(latest, List.of(), Generator.plan(history, from, code, decisions, definition.conversions(), null,
                project.online()), loaded);
    }
}
