package dev.shale.workflow;

import dev.shale.diff.Differ;
import dev.shale.diff.RenameDecisions;
import dev.shale.diff.UnsupportedChangeException;
import dev.shale.dsl.SchemaDefinition;
import dev.shale.model.Rename;
import dev.shale.model.SchemaModel;
import dev.shale.snapshot.Snapshot;
import dev.shale.snapshot.SnapshotHistory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Generate: diff the schema code against the latest snapshot and write the next numbered migration,
 * its down file and the snapshot, all or nothing.
 */
public final class Generator {
    private Generator() {}

    /**
     * What the user asked for.
     *
     * @param name the migration name, or null to derive one
     * @param custom write an empty migration for hand-written SQL
     * @param renames rename answers given up front
     * @param dropped "dropped" answers given up front
     */
    public record Request(String name, boolean custom, List<Rename> renames, List<Rename> dropped) {
        public static final Request DEFAULT = new Request(null, false, List.of(), List.of());

        public Request {
            renames = List.copyOf(renames);
            dropped = List.copyOf(dropped);
        }
    }

    /**
     * What was written.
     *
     * @param plan the migrations and snapshots (empty when nothing changed)
     * @param files the files written, in order
     * @param schema the schema loaded, with its load time (null for a custom migration)
     * @param verification the passed verification, or null when none was asked for
     */
    public record Result(MigrationPlan plan, List<Path> files, SchemaLoader.LoadedSchema schema, Verifier.Result verification) {
        public Result {
            files = List.copyOf(files);
        }

        public Result(MigrationPlan plan, List<Path> files, SchemaLoader.LoadedSchema schema) {
            this(plan, files, schema, null);
        }
    }

    /**
     * Runs generate.
     *
     * @param questions asks open rename questions; {@link Questions#NONE} makes open questions fail
     * @throws dev.shale.diff.UnresolvedRenamesException when rename questions are open and nobody can answer
     */
    public static Result generate(Project project, Request request, Questions questions) {
        return generate(project, request, questions, false);
    }

    /**
     * Runs generate; with {@code verify}, every migration and the new one are first applied to a scratch
     * database and compared with the schema code ({@link Verifier}), and nothing is written when that fails.
     *
     * @throws WorkflowException of reason {@link WorkflowException.Reason#VERIFICATION_FAILED} when verification fails
     */
    public static Result generate(Project project, Request request, Questions questions, boolean verify) {
        BranchConflicts.check(project);
        // the schema code compiles and loads on a second thread while this one reads and checks the history;
        // a failure here is still the one reported, after the load has finished
        Concurrently<SchemaLoader.LoadedSchema> code = request.custom() ? null
                : Concurrently.start("schema", () -> SchemaLoader.load(project));
        SnapshotHistory history = code == null ? checkedHistory(project) : code.meanwhile(() -> checkedHistory(project));
        Snapshot latest = history.latest();
        MigrationPlan plan;
        SchemaLoader.LoadedSchema loaded = null;
        if (code == null) {
            plan = MigrationPlan.custom(history.nextNumber(), latest, request.name() == null ? "custom" : request.name());
        } else {
            loaded = code.join();
            SchemaDefinition definition = loaded.definition();
            TargetVersion.check(project, definition.model(), "the schema code");
            SchemaModel from = latest == null ? SchemaModel.EMPTY : latest.model();
            RenameDecisions decisions = RenameSettling.settle(from, "the latest snapshot", definition.model(), definition.renames(),
                    request.renames(), request.dropped(), questions);
            plan = plan(history, from, definition.model(), decisions, definition.conversions(), request.name(), project.online());
        }
        List<FileBatch.Entry> entries = new ArrayList<>();
        for (MigrationPlan.Planned m : plan.migrations()) {
            entries.add(new FileBatch.Entry(m.migrationFile(project.migrationsDir(), project.layout()), m.sql()));
            entries.add(new FileBatch.Entry(m.downFile(project.migrationsDir(), project.layout()), m.downSql()));
            entries.add(new FileBatch.Entry(m.snapshotFile(project.snapshotsDir()), m.snapshotJson()));
        }
        Verifier.Result verification = null;
        if (verify) {
            if (loaded == null) {
                loaded = SchemaLoader.load(project); // a custom migration is verified against the code too
            }
            verification = Verifier.verify(project, loaded.definition().model(), plan);
            if (!verification.passed()) {
                throw new WorkflowException(WorkflowException.Reason.VERIFICATION_FAILED, verification.failedFile(),
                        verification.describe());
            }
        }
        if (!entries.isEmpty() || !java.nio.file.Files.exists(Integrity.file(project)) && !history.entries().isEmpty()) {
            entries.add(Integrity.after(project, entries)); // a project that predates the file gets it now
        }
        FileBatch.commit(entries);
        return new Result(plan, entries.stream().map(FileBatch.Entry::target).toList(), loaded, verification);
    }

    /** The snapshot history, checked to be in step with the migrations and their sums. */
    private static SnapshotHistory checkedHistory(Project project) {
        SnapshotHistory history = SnapshotHistory.load(project.snapshotsDir());
        ProjectFiles.checkInStep(project, history);
        Integrity.verify(project, true);
        return history;
    }

    /** The migrations from {@code from} to {@code to}, every rename question answered by {@code decisions}. */
    static MigrationPlan plan(SnapshotHistory history, SchemaModel from, SchemaModel to, RenameDecisions decisions, String name) {
        return plan(history, from, to, decisions, List.of(), name);
    }

    /** The same, converting changed column types with the code's {@code using} expressions. */
    static MigrationPlan plan(SnapshotHistory history, SchemaModel from, SchemaModel to, RenameDecisions decisions,
                              List<dev.shale.model.Conversion> conversions, String name) {
        try {
            return MigrationPlan.of(history.nextNumber(), history.latest(), Differ.plan(from, to, decisions, conversions), name);
        } catch (UnsupportedChangeException e) {
            throw unsupported(e);
        }
    }

    /** The same, in online mode when {@code online} is enabled. */
    static MigrationPlan plan(SnapshotHistory history, SchemaModel from, SchemaModel to, RenameDecisions decisions,
                              List<dev.shale.model.Conversion> conversions, String name, OnlineSettings online) {
        try {
            return MigrationPlan.of(history.nextNumber(), history.latest(), Differ.plan(from, to, decisions, conversions), name, online);
        } catch (UnsupportedChangeException e) {
            throw unsupported(e);
        }
    }

    /** The diff's refusal as a workflow failure: the object, and what cannot be expressed. */
    static WorkflowException unsupported(UnsupportedChangeException e) {
        return new WorkflowException(WorkflowException.Reason.CHANGE_NOT_SUPPORTED, e.object(), e.getMessage(), e);
    }
}
