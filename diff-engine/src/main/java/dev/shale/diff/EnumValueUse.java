package dev.shale.diff;

import dev.shale.change.AddColumn;
import dev.shale.change.AddConstraint;
import dev.shale.change.AddEnumValue;
import dev.shale.change.AlterColumn;
import dev.shale.change.Change;
import dev.shale.change.CreateIndex;
import dev.shale.change.CreateTable;
import dev.shale.model.Check;
import dev.shale.model.Column;
import dev.shale.model.ColumnType;
import dev.shale.model.DefaultValue;
import dev.shale.model.Index;
import dev.shale.model.IndexKey;
import dev.shale.model.QualifiedName;
import dev.shale.model.SchemaModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * PostgreSQL cannot use an enum value in the transaction that added it. When a plan adds enum values
 * and another change uses one of them (as a column default of that enum, or as the quoted literal in a
 * default expression, check or index), the plan is split in two steps: the additions, then the rest.
 */
final class EnumValueUse {
    private EnumValueUse() {}

    static List<DiffStep> steps(SchemaModel from, SchemaModel to, List<Change> changes) {
        Map<QualifiedName, Set<String>> added = new TreeMap<>();
        List<Change> additions = new ArrayList<>();
        List<Change> rest = new ArrayList<>();
        for (Change c : changes) {
            if (c instanceof AddEnumValue a) {
                added.computeIfAbsent(a.enumName(), k -> new TreeSet<>()).add(a.value());
                additions.add(c);
            } else {
                rest.add(c);
            }
        }
        if (added.isEmpty() || rest.stream().noneMatch(c -> uses(c, added))) {
            return List.of(new DiffStep(changes, to));
        }
        SchemaModel between = from;
        for (QualifiedName name : added.keySet()) {
            between = between.withEnum(to.enumType(name));
        }
        return List.of(new DiffStep(additions, between), new DiffStep(rest, to));
    }

    private static boolean uses(Change change, Map<QualifiedName, Set<String>> added) {
        if (change instanceof CreateTable c) {
            return c.table().columns().stream().anyMatch(col -> uses(col, added))
                    || c.table().checks().stream().anyMatch(k -> mentions(k.expression(), added));
        }
        if (change instanceof AddColumn c) {
            return uses(c.column(), added);
        }
        if (change instanceof AlterColumn c) {
            return uses(c.to(), added);
        }
        if (change instanceof AddConstraint c) {
            return c.constraint() instanceof Check k && mentions(k.expression(), added);
        }
        if (change instanceof CreateIndex c) {
            return uses(c.index(), added);
        }
        return false;
    }

    private static boolean uses(Column column, Map<QualifiedName, Set<String>> added) {
        DefaultValue d = column.defaultValue();
        if (d == null) {
            return false;
        }
        if (d.kind() == DefaultValue.Kind.EXPRESSION) {
            return mentions(d.value(), added);
        }
        return d.kind() == DefaultValue.Kind.STRING && column.type() instanceof ColumnType.EnumRef ref
                && added.getOrDefault(ref.name(), Set.of()).contains(d.value());
    }

    private static boolean uses(Index index, Map<QualifiedName, Set<String>> added) {
        if (index.where() != null && mentions(index.where(), added)) {
            return true;
        }
        return index.keys().stream().map(IndexKey::expression).anyMatch(e -> e != null && mentions(e, added));
    }

    /** Whether the SQL text holds one of the new values as a quoted string literal. */
    private static boolean mentions(String sql, Map<QualifiedName, Set<String>> added) {
        for (Set<String> values : added.values()) {
            for (String v : values) {
                if (sql.contains("'" + v.replace("'", "''") + "'")) {
                    return true;
                }
            }
        }
        return false;
    }
}
