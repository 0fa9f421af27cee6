package dev.shale.workflow;

import dev.shale.diff.DiffStep;
import dev.shale.diff.Differ;
import dev.shale.diff.RenameQuestion;
import dev.shale.diff.UnsupportedChangeException;
import dev.shale.model.QualifiedName;
import dev.shale.model.Rename;
import dev.shale.model.SchemaModel;
import dev.shale.snapshot.SnapshotJson;
import dev.shale.workflow.WorkflowException.Reason;

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

/**
 * Diff: the SQL turning one schema into another, where each side is a database, a snapshot file or the
 * schema code. A model compared with a database is first canonicalized on that database, so expressions
 * compare by meaning. What a database holds that the model cannot express is reported, never skipped.
 */
public final class SchemaDiffs {
    private SchemaDiffs() {}

    /** One side of a diff. */
    public sealed interface Side permits Database, Model {}

    /**
     * A live database.
     *
     * @param url its URL, as given
     */
    public record Database(String url) implements Side {}

    /**
     * A schema held in hand: a snapshot file or the schema code.
     *
     * @param model the schema
     * @param hints the code's rename hints (none for a snapshot)
     */
    public record Model(SchemaModel model, List<Rename> hints) implements Side {
        public Model {
            hints = List.copyOf(hints);
        }
    }

    /** The schema code's side. */
    public static Side code(SchemaLoader.LoadedSchema loaded) {
        return new Model(loaded.definition().model(), loaded.definition().renames());
    }

    /** A snapshot file's side. */
    public static Side snapshot(Path file, String shownAs) {
        try {
            return new Model(SnapshotJson.read(Files.readString(file, StandardCharsets.UTF_8), shownAs).model(), List.of());
        } catch (IOException e) {
            throw new WorkflowException(Reason.SNAPSHOT_NOT_READ, shownAs, "could not read snapshot " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The outcome.
     *
     * @param sql the statements turning {@code from} into {@code to}
     * @param assumedDropped rename questions nobody answered, taken as "dropped" (a diff never guesses)
     * @param fromNotManaged objects of the {@code from} database the model cannot express ("trigger public.t.x")
     * @param toNotManaged the same for the {@code to} database
     */
    public record Result(PlanSql sql, List<RenameQuestion> assumedDropped, List<String> fromNotManaged, List<String> toNotManaged) {
        public Result {
            assumedDropped = List.copyOf(assumedDropped);
            fromNotManaged = List.copyOf(fromNotManaged);
            toNotManaged = List.copyOf(toNotManaged);
        }

        /** Not-managed objects on one side only: differences the SQL does not express. */
        public List<String> unexpressed() {
            Set<String> out = new TreeSet<>(fromNotManaged);
            out.addAll(toNotManaged);
            Set<String> both = new TreeSet<>(fromNotManaged);
            both.retainAll(toNotManaged);
            out.removeAll(both);
            return List.copyOf(out);
        }
    }

    /**
     * The plan from {@code from} to {@code to}.
     *
     * @param history the migration history table, left out of databases read
     */
    public static Result diff(Side from, Side to, List<Rename> renames, List<Rename> dropped, QualifiedName history) {
        return diff(from, to, renames, dropped, history, SchemaFilter.ALL);
    }

    /**
     * The plan from {@code from} to {@code to}, both sides cut to the schemas {@code filter} looks at.
     *
     * @param history the migration history table, left out of databases read
     */
    public static Result diff(Side from, Side to, List<Rename> renames, List<Rename> dropped, QualifiedName history,
                              SchemaFilter filter) {
        Connection fromDb = null;
        Connection toDb = null;
        try {
            fromDb = from instanceof Database d ? LiveDatabase.connect(d.url()) : null;
            toDb = to instanceof Database d ? LiveDatabase.connect(d.url()) : null;
            Sided a = model(from, fromDb, to, toDb, history, filter);
            Sided b = model(to, toDb, from, fromDb, history, filter);
            List<Rename> hints = new ArrayList<>();
            if (from instanceof Model m) {
                hints.addAll(m.hints());
            }
            if (to instanceof Model m) {
                hints.addAll(m.hints());
            }
            RenameSettling.validate(a.model(), "the schema diffed from", b.model(), renames, dropped, RenameSettling.decisions(hints, renames, dropped).renames());
            RenameSettling.Settled settled = RenameSettling.assumeDropped(a.model(), b.model(),
                    RenameSettling.decisions(hints, renames, dropped));
            List<DiffStep> steps = Differ.plan(a.model(), b.model(), settled.decisions());
            return new Result(PlanSql.of(steps), settled.assumedDropped(), a.notManaged(), b.notManaged());
        } catch (UnsupportedChangeException e) {
            throw Generator.unsupported(e);
        } finally {
            close(fromDb);
            close(toDb);
        }
    }

    /** A side's model and what its database holds beyond it. */
    private record Sided(SchemaModel model, List<String> notManaged) {}

    /** {@code side}'s model, read from its database or canonicalized on the other side's. */
    private static Sided model(Side side, Connection own, Side other, Connection theirs, QualifiedName history,
                               SchemaFilter filter) {
        if (side instanceof Model m) {
            SchemaModel mine = filter.apply(m.model());
            return new Sided(theirs == null ? mine : LiveDatabase.canonical(mine, theirs), List.of());
        }
        Set<String> schemas = new TreeSet<>();
        if (other instanceof Model m) {
            schemas.addAll(LiveDatabase.schemasOf(filter.apply(m.model())));
        } else {
            schemas.addAll(LiveDatabase.userSchemas(own));
            schemas.addAll(LiveDatabase.userSchemas(theirs));
        }
        LiveDatabase.Read read = LiveDatabase.filtered(LiveDatabase.read(own, filter.schemas(schemas), history), filter);
        if (other instanceof Model m) {
            read = LiveDatabase.onlyDeclared(read, m.model());
        }
        return new Sided(read.model(), read.notManaged());
    }

    private static void close(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing a connection we only read through changes nothing
            }
        }
    }
}
