package dev.shale.cli;

import dev.shale.diff.Differ;
import dev.shale.diff.RenameDecisions;
import dev.shale.diff.RenameQuestion;
import dev.shale.diff.UnresolvedRenamesException;
import dev.shale.dsl.SchemaDefinition;
import dev.shale.model.Rename;
import dev.shale.model.SchemaModel;
import dev.shale.snapshot.Snapshot;
import dev.shale.snapshot.SnapshotHistory;
import dev.shale.snapshot.SnapshotJson;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code shale generate}: diff the schema code against the latest snapshot and write the next numbered
 * migration and snapshot, all or nothing.
 */
public final class Generator {
    private Generator() {}

    /**
     * What the user asked for.
     *
     * @param name the migration name, or null to derive one
     * @param custom write an empty migration for hand-written SQL
     * @param renames {@code --rename} answers
     * @param dropped {@code --dropped} answers
     */
    public record Request(String name, boolean custom, List<Rename> renames, List<Rename> dropped) {
        public static final Request DEFAULT = new Request(null, false, List.of(), List.of());

        public Request {
            renames = List.copyOf(renames);
            dropped = List.copyOf(dropped);
        }
    }

    /** Answers a rename question on a terminal. */
    public interface RenamePrompt {
        /** @return one of the question's options, or null for "dropped" */
        String ask(RenameQuestion question);
    }

    /**
     * What was written.
     *
     * @param plan the migrations and snapshots (empty when nothing changed)
     * @param files the files written, in order
     * @param schema the schema loaded, with its load time (null for {@code --custom})
     */
    public record Result(MigrationPlan plan, List<Path> files, SchemaLoader.LoadedSchema schema) {}

    /**
     * Runs generate.
     *
     * @param prompt asks open rename questions; null when there is no terminal (open questions then fail)
     */
    public static Result generate(ShaleConfig config, Request request, RenamePrompt prompt) {
        SnapshotHistory history = SnapshotHistory.load(config.snapshotsDir());
        ProjectFiles.checkInStep(config, history);
        Snapshot latest = history.latest();
        MigrationPlan plan;
        SchemaLoader.LoadedSchema loaded = null;
        if (request.custom()) {
            plan = MigrationPlan.custom(history.nextNumber(), latest, request.name() == null ? "custom" : request.name());
        } else {
            loaded = SchemaLoader.load(config);
            SchemaDefinition definition = loaded.definition();
            SchemaModel from = latest == null ? SchemaModel.EMPTY : latest.model();
            RenameDecisions decisions = RenameAnswers.decisions(definition.renames(), request.renames(), request.dropped());
            RenameAnswers.validate(from, definition.model(), request.renames(), request.dropped(), decisions.renames());
            decisions = answer(from, definition.model(), decisions, prompt);
            plan = plan(history, from, definition.model(), decisions, request.name());
        }
        List<FileBatch.Entry> entries = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (MigrationPlan.Planned m : plan.migrations()) {
            verifyRoundTrip(m);
            entries.add(new FileBatch.Entry(m.migrationFile(config.migrationsDir()), m.sql()));
            entries.add(new FileBatch.Entry(m.downFile(config.migrationsDir()), m.downSql()));
            entries.add(new FileBatch.Entry(m.snapshotFile(config.snapshotsDir()), m.snapshotJson()));
        }
        entries.forEach(e -> files.add(e.target()));
        FileBatch.commit(entries);
        return new Result(plan, files, loaded);
    }

    /** The migrations from {@code from} to {@code to}; throws when rename questions remain open. */
    static MigrationPlan plan(SnapshotHistory history, SchemaModel from, SchemaModel to, RenameDecisions decisions, String name) {
        try {
            return MigrationPlan.of(history.nextNumber(), history.latest(), Differ.plan(from, to, decisions), name);
        } catch (UnresolvedRenamesException e) {
            throw new ShaleException(RenameAnswers.openQuestions(e.questions(), ", and there is no terminal to ask on"), e);
        }
    }

    /** Asks open questions until none remain (an answer can raise new ones, such as columns of a renamed table). */
    static RenameDecisions answer(SchemaModel from, SchemaModel to, RenameDecisions decisions, RenamePrompt prompt) {
        for (int round = 0; round < 1000; round++) {
            List<RenameQuestion> open = Differ.questions(from, to, decisions);
            if (open.isEmpty()) {
                return decisions;
            }
            if (prompt == null) {
                throw new ShaleException(RenameAnswers.openQuestions(open, ", and there is no terminal to ask on"));
            }
            for (RenameQuestion q : open) {
                String option = prompt.ask(q);
                decisions = option == null ? decisions.withDropped(q) : decisions.withRename(q.answer(option));
            }
        }
        throw new IllegalStateException("rename questions do not converge");
    }

    /** A snapshot that could not be read back would break every later run: refuse to write it. */
    private static void verifyRoundTrip(MigrationPlan.Planned m) {
        Snapshot back = SnapshotJson.read(m.snapshotJson(), m.title() + " (about to be written)");
        if (!back.equals(m.snapshot())) {
            throw new IllegalStateException("snapshot " + m.title() + " does not read back as written; this is a bug in Shale");
        }
    }
}
