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
     * @param verification the verification of the committed migrations against the code, or null when none was asked
     *                     for (or the code has changes not generated yet, which fail the check already)
     */
    public record Result(Path latest, List<RenameQuestion> questions, MigrationPlan pending, SchemaLoader.LoadedSchema schema,
                         Verifier.Result verification) {
        public Result {
            questions = List.copyOf(questions);
        }

        public Result(Path latest, List<RenameQuestion> questions, MigrationPlan pending, SchemaLoader.LoadedSchema schema) {
            this(latest, questions, pending, schema, null);
        }

        public boolean clean() {
            return questions.isEmpty() && pending.isEmpty() && (verification == null || verification.passed());
        }
    }

    public static Result check(Project project) {
        return check(project, false);
    }

    /**
     * Runs the check; with {@code verify} and nothing left to generate, also applies every migration to a
     * scratch database and compares the result with the schema code ({@link Verifier}).
     */
    public static Result check(Project project, boolean verify) {
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
        TargetVersion.check(project, definition.model(), "the schema code");
        RenameDecisions decisions = RenameDecisions.of(definition.renames());
        List<RenameQuestion> questions = Differ.questions(from, code, decisions);
        if (!questions.isEmpty()) {
            return new Result(latest, questions, new MigrationPlan(List.of()), loaded);
        }
        MigrationPlan pending = Generator.plan(history, from, code, decisions, definition.conversions(), null,
                project.online());
        Verifier.Result verification = verify && pending.isEmpty()
                ? Verifier.verify(project, definition.model(), new MigrationPlan(List.of())) : null;
        return new Result(latest, List.of(), pending, loaded, verification);
    }
}
