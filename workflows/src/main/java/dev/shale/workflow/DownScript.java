package dev.shale.workflow;

import dev.shale.change.Change;
import dev.shale.change.RenameColumn;
import dev.shale.change.RenameTable;
import dev.shale.diff.DiffStep;
import dev.shale.diff.Differ;
import dev.shale.diff.Hazard;
import dev.shale.diff.Hazards;
import dev.shale.diff.RenameDecisions;
import dev.shale.diff.UnsupportedChangeException;
import dev.shale.model.QualifiedName;
import dev.shale.model.Rename;
import dev.shale.model.SchemaModel;
import dev.shale.render.MigrationScript;
import dev.shale.render.PostgresRenderer;
import dev.shale.render.Statement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The down file of one migration step: the diff from the schema after the step back to the schema
 * before it, with the step's renames reversed, rendered with the hazards of that direction. When the
 * reverse cannot be expressed (an enum value the step added cannot be removed), the file says
 * {@code -- shale:irreversible} and why, and holds no SQL.
 *
 * @param sql the down file's text
 * @param hazards the hazards of the down direction
 * @param reversible false when the file is an irreversible marker
 */
record DownScript(String sql, List<Hazard> hazards, boolean reversible) {
    DownScript {
        hazards = List.copyOf(hazards);
    }

    static DownScript of(String title, SchemaModel before, DiffStep step, PostgresRenderer renderer) {
        List<Rename> renames = reversedRenames(step.changes());
        RenameDecisions decisions = answerRest(step.after(), before, renames);
        List<DiffStep> reverse;
        try {
            reverse = Differ.plan(step.after(), before, decisions);
        } catch (UnsupportedChangeException e) {
            return new DownScript(MigrationScript.renderIrreversible(title, irreversibleReason(e)), List.of(), false);
        }
        List<Change> changes = reverse.stream().flatMap(s -> s.changes().stream()).toList();
        for (Rename r : renames) {
            if (!renamed(changes, r)) {
                // Never let a reverse rename turn into a drop and create: that would lose the table's or column's data.
                return new DownScript(MigrationScript.renderIrreversible(title, "renaming " + describe(r)
                        + " cannot be generated (its name is taken by another object of the migration), and a drop"
                        + " and re-create would lose its data. `shale rollback` refuses this file; to make the migration"
                        + " reversible, replace this file's content with hand-written SQL that undoes it"), List.of(), false);
            }
        }
        List<Hazard> hazards = Hazards.of(changes);
        // Two steps mean the reverse adds an enum value and then uses it: only separate transactions allow that.
        String sql = MigrationScript.renderDown(title, renderer.render(changes), hazards, reverse.size() > 1);
        return new DownScript(sql, hazards, true);
    }

    private static boolean renamed(List<Change> changes, Rename r) {
        return switch (r.kind()) {
            case TABLE -> Change.select(RenameTable.class, changes).stream()
                    .anyMatch(t -> t.from().equals(r.table()) && t.to().name().equals(r.to()));
            case COLUMN -> Change.select(RenameColumn.class, changes).stream().anyMatch(c -> c.from().equals(r.from()) && c.to().equals(r.to()));
            case ENUM_VALUE -> Change.select(dev.shale.change.RenameEnumValue.class, changes).stream()
                    .anyMatch(v -> v.enumName().equals(r.table()) && v.from().equals(r.from()) && v.to().equals(r.to()));
            case ATTRIBUTE -> Change.select(dev.shale.change.RenameAttribute.class, changes).stream()
                    .anyMatch(a -> a.type().equals(r.table()) && a.from().equals(r.from()) && a.to().equals(r.to()));
            case SEQUENCE -> Change.select(dev.shale.change.RenameSequence.class, changes).stream()
                    .anyMatch(q -> q.from().equals(r.table()) && q.to().name().equals(r.to()));
        };
    }

    private static String describe(Rename r) {
        return switch (r.kind()) {
            case TABLE -> "table " + r.table().display() + " back to \"" + r.to() + "\"";
            case COLUMN -> "column \"" + r.from() + "\" of " + r.table().display() + " back to \"" + r.to() + "\"";
            case ENUM_VALUE -> "value '" + r.from() + "' of enum " + r.table().display() + " back to '" + r.to() + "'";
            case ATTRIBUTE -> "attribute \"" + r.from() + "\" of type " + r.table().display() + " back to \"" + r.to() + "\"";
            case SEQUENCE -> "sequence " + r.table().display() + " back to \"" + r.to() + "\"";
        };
    }

    /** What cannot be reversed (the differ's reason up to its advice, which is about the forward direction), and the way out. */
    static String irreversibleReason(UnsupportedChangeException e) {
        return e.object() + ": " + e.reason() + ". `shale rollback` refuses this file; to make the migration reversible,"
                + " replace this file's content with hand-written SQL that undoes it";
    }

    /** The down file of a hand-written migration: empty, for the hand-written reverse. */
    static DownScript custom(String title) {
        return new DownScript(MigrationScript.renderDown(title, List.of(), List.of(), false), List.of(), true);
    }

    /**
     * The step's renames, reversed. A table renamed {@code old -> new} is renamed {@code new -> old}; a
     * column renamed {@code a -> b} (the rename names the table as it is at that point of the step, and the
     * rename decisions name it by its name in the target schema) becomes {@code b -> a} in the table's
     * name before the step, since that is the target schema of the reverse.
     */
    static List<Rename> reversedRenames(List<Change> changes) {
        Map<QualifiedName, QualifiedName> oldTableName = new HashMap<>();
        List<Rename> out = new ArrayList<>();
        for (RenameTable r : Change.select(RenameTable.class, changes)) {
            oldTableName.put(r.to(), r.from());
            out.add(Rename.table(r.to(), r.from().name()));
        }
        for (RenameColumn r : Change.select(RenameColumn.class, changes)) {
            // A column rename may be rendered before or after its table's rename: map either name back.
            QualifiedName table = oldTableName.getOrDefault(r.table(), r.table());
            out.add(Rename.column(table, r.to(), r.from()));
        }
        for (dev.shale.change.RenameEnumValue r : Change.select(dev.shale.change.RenameEnumValue.class, changes)) {
            out.add(Rename.enumValue(r.enumName(), r.to(), r.from()));
        }
        for (dev.shale.change.RenameAttribute r : Change.select(dev.shale.change.RenameAttribute.class, changes)) {
            out.add(Rename.attribute(r.type(), r.to(), r.from()));
        }
        for (dev.shale.change.RenameSequence r : Change.select(dev.shale.change.RenameSequence.class, changes)) {
            out.add(Rename.sequence(r.to(), r.from().name()));
        }
        return out;
    }

    /**
     * Questions the reverse diff still asks pair a name the step created with one it dropped; the step
     * decided those were not renames, so the reverse answers them "dropped" too.
     */
    private static RenameDecisions answerRest(SchemaModel from, SchemaModel to, List<Rename> renames) {
        return RenameSettling.assumeDropped(from, to, RenameDecisions.of(renames)).decisions();
    }
}
