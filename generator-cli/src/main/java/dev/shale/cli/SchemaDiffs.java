package dev.shale.cli;

import dev.shale.diff.DiffStep;
import dev.shale.diff.Differ;
import dev.shale.diff.RenameDecisions;
import dev.shale.diff.RenameQuestion;
import dev.shale.diff.UnsupportedChangeException;
import dev.shale.model.QualifiedName;
import dev.shale.model.Rename;
import dev.shale.model.SchemaModel;
import dev.shale.snapshot.SnapshotJson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * {@code shale diff --from X --to Y}: the SQL turning one schema into another, where each side is a
 * database, a snapshot file or the schema code. A model compared with a database is first canonicalized
 * on that database, so expressions compare by meaning.
 */
final class SchemaDiffs {
    private SchemaDiffs() {}

    /** One side of a diff. */
    sealed interface Side permits Database, Model {}

    /**
     * A live database.
     *
     * @param url its URL, as given
     */
    record Database(String url) implements Side {}

    /**
     * A schema held in hand: a snapshot file or the schema code.
     *
     * @param model the schema
     * @param hints the code's rename hints (none for a snapshot)
     */
    record Model(SchemaModel model, List<Rename> hints) implements Side {
        Model {
            hints = List.copyOf(hints);
        }
    }

    /**
     * The outcome.
     *
     * @param sql the statements turning {@code from} into {@code to}
     * @param notes rename questions answered "dropped", one line each, for the user to revisit with {@code --rename}
     */
    record Result(PlanSql sql, List<String> notes) {
        Result {
            notes = List.copyOf(notes);
        }
    }

    /**
     * Reads one side as the user wrote it.
     *
     * @param flag {@code --from} or {@code --to}, for messages
     * @param code loads the schema code, only when the side is the word {@code code}
     */
    static Side side(String text, String flag, Path workingDir, Supplier<SchemaLoader.LoadedSchema> code) {
        if (text.equals("code")) {
            SchemaLoader.LoadedSchema loaded = code.get();
            return new Model(loaded.definition().model(), loaded.definition().renames());
        }
        if (LiveDatabase.isUrl(text)) {
            return new Database(text);
        }
        Path file = workingDir.resolve(text).normalize();
        if (!text.endsWith(".json") || !Files.isRegularFile(file)) {
            throw new ShaleException(flag + " " + text + " is not a database URL (postgres://, postgresql:// or jdbc:postgresql://),"
                    + " a snapshot file (*.json" + (text.endsWith(".json") ? "; no such file: " + file : "") + ") or the word `code`");
        }
        try {
            return new Model(SnapshotJson.read(Files.readString(file, StandardCharsets.UTF_8), text).model(), List.of());
        } catch (IOException e) {
            throw new ShaleException("could not read snapshot " + file + ": " + e.getMessage());
        }
    }

    /**
     * The plan from {@code from} to {@code to}.
     *
     * @param history the migration history table, left out of databases read
     */
    static Result diff(Side from, Side to, List<Rename> renames, List<Rename> dropped, QualifiedName history) throws SQLException {
        Connection fromDb = null;
        Connection toDb = null;
        try {
            fromDb = from instanceof Database d ? LiveDatabase.connect(d.url()) : null;
            toDb = to instanceof Database d ? LiveDatabase.connect(d.url()) : null;
            SchemaModel a = model(from, fromDb, to, toDb, history);
            SchemaModel b = model(to, toDb, from, fromDb, history);
            List<Rename> hints = new ArrayList<>();
            if (from instanceof Model m) {
                hints.addAll(m.hints());
            }
            if (to instanceof Model m) {
                hints.addAll(m.hints());
            }
            return plan(a, b, RenameAnswers.decisions(hints, renames, dropped));
        } finally {
            close(fromDb);
            close(toDb);
        }
    }

    /** {@code side}'s model, read from its database or canonicalized on the other side's. */
    private static SchemaModel model(Side side, Connection own, Side other, Connection theirs, QualifiedName history) {
        if (side instanceof Model m) {
            return theirs == null ? m.model() : LiveDatabase.canonical(m.model(), theirs);
        }
        Set<String> schemas = new TreeSet<>();
        if (other instanceof Model m) {
            schemas.addAll(LiveDatabase.schemasOf(m.model()));
        } else {
            schemas.addAll(LiveDatabase.userSchemas(own));
            schemas.addAll(LiveDatabase.userSchemas(theirs));
        }
        return LiveDatabase.read(own, schemas, history).model();
    }

    /** Open rename questions are answered "dropped" (a diff never guesses) and noted. */
    private static Result plan(SchemaModel from, SchemaModel to, RenameDecisions decisions) {
        List<String> notes = new ArrayList<>();
        for (int round = 0; round < 1000; round++) {
            List<RenameQuestion> open = Differ.questions(from, to, decisions);
            if (open.isEmpty()) {
                break;
            }
            for (RenameQuestion q : open) {
                notes.add(RenameAnswers.describe(q) + " Taken as dropped; pass --rename " + q.answer(q.options().get(0)).flag()
                        + " (or the right new name) if it was renamed.");
                decisions = decisions.withDropped(q);
            }
        }
        try {
            List<DiffStep> steps = Differ.plan(from, to, decisions);
            return new Result(PlanSql.of(steps), notes);
        } catch (UnsupportedChangeException e) {
            throw new ShaleException("diff cannot express the change: " + e.getMessage(), e);
        }
    }

    private static void close(Connection c) throws SQLException {
        if (c != null) {
            c.close();
        }
    }
}
