package dev.shale.diff;

import dev.shale.model.Column;
import dev.shale.model.Identifiers;
import dev.shale.model.QualifiedName;
import dev.shale.model.Rename;
import dev.shale.model.SchemaModel;
import dev.shale.model.Table;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Decides which tables and columns were renamed, from the decisions given, and lists the questions
 * still open: a table gone beside new tables of its schema, or a column gone from a matched table
 * beside new columns of an equal type. Table renames are settled first, so a column question is asked
 * against the table's new name and a column rename inside a renamed table works.
 */
final class RenameMatcher {
    private RenameMatcher() {}

    static Renames match(SchemaModel from, SchemaModel to, RenameDecisions decisions) {
        List<RenameQuestion> questions = new ArrayList<>();
        Map<QualifiedName, QualifiedName> tableRenames = new TreeMap<>();

        Set<QualifiedName> goneTables = new TreeSet<>();
        for (Table t : from.tables()) {
            if (to.table(t.name()) == null && to.externalTable(t.name()) == null) {
                goneTables.add(t.name());
            }
        }
        Set<QualifiedName> freshTables = new TreeSet<>();
        for (Table t : to.tables()) {
            if (from.table(t.name()) == null) {
                freshTables.add(t.name());
            }
        }
        for (Rename r : decisions.renames()) {
            QualifiedName target = r.table().withName(r.to());
            if (r.kind() == Rename.Kind.TABLE && from.table(r.table()) != null && to.table(r.table()) != null
                    && from.table(target) != null) {
                throw swap("table " + r.table().display(), "table " + target.display());
            }
            // The old name may live on as a new table ("teams" renamed to "legacy_teams", a new "teams"):
            // the decision says so, and the name is then compared as a new table.
            if (r.kind() == Rename.Kind.TABLE && from.table(r.table()) != null && freshTables.contains(target)
                    && !tableRenames.containsKey(r.table())) {
                tableRenames.put(r.table(), target);
                goneTables.remove(r.table());
                freshTables.remove(target);
            }
        }
        Set<QualifiedName> droppedTables = new HashSet<>();
        for (Rename r : decisions.dropped()) {
            if (r.kind() == Rename.Kind.TABLE) {
                droppedTables.add(r.table());
            }
        }
        for (QualifiedName gone : goneTables) {
            if (droppedTables.contains(gone)) {
                continue;
            }
            List<String> options = freshTables.stream()
                    .filter(n -> n.schema().equals(gone.schema())).map(QualifiedName::name).sorted().toList();
            if (!options.isEmpty()) {
                questions.add(new RenameQuestion(Rename.Kind.TABLE, gone, gone.name(), options));
            }
        }

        Map<QualifiedName, Map<String, String>> columnRenames = new TreeMap<>();
        Map<QualifiedName, QualifiedName> oldNameOf = new TreeMap<>();
        tableRenames.forEach((oldName, newName) -> oldNameOf.put(newName, oldName));
        for (Table target : to.tables()) {
            QualifiedName sourceName = oldNameOf.get(target.name());
            if (sourceName == null && tableRenames.containsKey(target.name())) {
                continue; // a new table under a name that was renamed away
            }
            Table source = from.table(sourceName != null ? sourceName : target.name());
            if (source == null) {
                continue;
            }
            Map<String, String> renames = matchColumns(source, target, decisions, questions);
            if (!renames.isEmpty()) {
                columnRenames.put(target.name(), renames);
            }
        }
        return new Renames(tableRenames, columnRenames, questions, enumValues(from, to, decisions), attributes(from, to, decisions),
                sequences(from, to, decisions));
    }

    /**
     * The sequence renames decided that apply: the old name only before, the new one only after. No
     * question is asked for sequences: one gone beside a new one is a drop and a create unless told.
     */
    private static Map<QualifiedName, QualifiedName> sequences(SchemaModel from, SchemaModel to, RenameDecisions decisions) {
        Map<QualifiedName, QualifiedName> out = new TreeMap<>();
        for (Rename r : decisions.renames()) {
            QualifiedName target = r.table().withName(r.to());
            if (r.kind() == Rename.Kind.SEQUENCE && from.sequence(r.table()) != null && to.sequence(r.table()) == null
                    && from.sequence(target) == null && to.sequence(target) != null
                    && !out.containsKey(r.table()) && !out.containsValue(target)) {
                out.put(r.table(), target);
            }
        }
        return out;
    }

    /**
     * The attribute renames decided that apply, as for enum values: the composite type in both schemas,
     * the old name only before and the new one only after. No question is asked for attributes either.
     */
    private static Map<QualifiedName, Map<String, String>> attributes(SchemaModel from, SchemaModel to, RenameDecisions decisions) {
        Map<QualifiedName, Map<String, String>> out = new TreeMap<>();
        for (Rename r : decisions.renames()) {
            if (r.kind() != Rename.Kind.ATTRIBUTE) {
                continue;
            }
            dev.shale.model.CompositeType before = from.compositeType(r.table());
            dev.shale.model.CompositeType after = to.compositeType(r.table());
            if (before == null || after == null || !hasAttribute(before, r.from()) || hasAttribute(before, r.to())
                    || hasAttribute(after, r.from()) || !hasAttribute(after, r.to())) {
                continue;
            }
            Map<String, String> names = out.computeIfAbsent(r.table(), k -> new TreeMap<>());
            if (!names.containsKey(r.from()) && !names.containsValue(r.to())) {
                names.put(r.from(), r.to());
            }
        }
        return out;
    }

    private static boolean hasAttribute(dev.shale.model.CompositeType type, String name) {
        return type.attributes().stream().anyMatch(a -> a.name().equals(name));
    }

    /**
     * The enum value renames decided that apply: the enum is in both schemas, the old label only before
     * and the new one only after. Any other (a hint left in the code once its migration is generated) has
     * nothing to rename. No question is asked for enum values: a value gone beside a new one is a removal
     * and an addition unless the code or a flag says it was renamed.
     */
    private static Map<QualifiedName, Map<String, String>> enumValues(SchemaModel from, SchemaModel to, RenameDecisions decisions) {
        Map<QualifiedName, Map<String, String>> out = new TreeMap<>();
        for (Rename r : decisions.renames()) {
            if (r.kind() != Rename.Kind.ENUM_VALUE) {
                continue;
            }
            dev.shale.model.EnumType before = from.enumType(r.table());
            dev.shale.model.EnumType after = to.enumType(r.table());
            if (before == null || after == null || !before.values().contains(r.from()) || before.values().contains(r.to())
                    || after.values().contains(r.from()) || !after.values().contains(r.to())) {
                continue;
            }
            Map<String, String> labels = out.computeIfAbsent(r.table(), k -> new TreeMap<>());
            if (!labels.containsKey(r.from()) && !labels.containsValue(r.to())) {
                labels.put(r.from(), r.to());
            }
        }
        return out;
    }

    /**
     * A rename onto a name that exists before and after (a swap or a shift of names) has no single
     * RENAME that expresses it; dropping the decision silently would lose it, so it is refused. A stale
     * hint, whose old name is gone, never gets here.
     */
    private static UnsupportedChangeException swap(String renamed, String onto) {
        return new UnsupportedChangeException(renamed, "is to be renamed to the name of " + onto
                + ", which exists before and after this change (a swap or shift of names). Shale cannot generate that"
                + " safely", "write it as a hand-written migration, going through a temporary name, then generate again");
    }

    private static Map<String, String> matchColumns(Table source, Table target, RenameDecisions decisions,
                                                    List<RenameQuestion> questions) {
        Set<String> gone = new LinkedHashSet<>();
        for (Column c : source.columns()) {
            if (target.column(c.name()) == null) {
                gone.add(c.name());
            }
        }
        Set<String> fresh = new TreeSet<>();
        for (Column c : target.columns()) {
            if (source.column(c.name()) == null) {
                fresh.add(c.name());
            }
        }
        Map<String, String> renames = new TreeMap<>();
        for (Rename r : decisions.renames()) {
            if (r.kind() == Rename.Kind.COLUMN && r.table().equals(target.name()) && source.column(r.from()) != null
                    && target.column(r.from()) != null && source.column(r.to()) != null) {
                throw swap("column " + target.name().display() + "." + Identifiers.show(r.from()), "column " + Identifiers.show(r.to()));
            }
            // As for tables, the old name may live on as a new column.
            if (r.kind() == Rename.Kind.COLUMN && r.table().equals(target.name())
                    && source.column(r.from()) != null && fresh.contains(r.to()) && !renames.containsKey(r.from())) {
                renames.put(r.from(), r.to());
                gone.remove(r.from());
                fresh.remove(r.to());
            }
        }
        Set<String> dropped = new HashSet<>();
        for (Rename r : decisions.dropped()) {
            if (r.kind() == Rename.Kind.COLUMN && r.table().equals(target.name())) {
                dropped.add(r.from());
            }
        }
        for (String name : gone) {
            if (dropped.contains(name)) {
                continue;
            }
            Column old = source.column(name);
            List<String> options = fresh.stream()
                    .filter(n -> target.column(n).type().equals(old.type())).toList();
            if (!options.isEmpty()) {
                questions.add(new RenameQuestion(Rename.Kind.COLUMN, target.name(), name, options));
            }
        }
        return renames;
    }
}
