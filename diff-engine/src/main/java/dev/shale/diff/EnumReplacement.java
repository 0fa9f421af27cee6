package dev.shale.diff;

import dev.shale.change.Change;
import dev.shale.change.DropConstraint;
import dev.shale.change.DropEnum;
import dev.shale.change.DropIndex;
import dev.shale.change.ReplaceEnum;
import dev.shale.diff.ChangeOrder.Phase;
import dev.shale.model.Check;
import dev.shale.model.Column;
import dev.shale.model.ColumnType;
import dev.shale.model.CompositeType;
import dev.shale.model.Domain;
import dev.shale.model.EnumType;
import dev.shale.model.Index;
import dev.shale.model.IndexKey;
import dev.shale.model.QualifiedName;
import dev.shale.model.SchemaModel;
import dev.shale.model.Table;
import dev.shale.model.UserTypes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Removing or reordering enum values, which PostgreSQL cannot do in place: the enum is replaced by a
 * new type of the same name ({@link ReplaceEnum}), after the renames and the other drops of indexes
 * and constraints, before columns are added or altered. The dependent indexes and checks it drops and
 * creates again are those of the tables holding a column of the enum whose expression or predicate
 * mentions such a column or the enum (dropping one more than needed is harmless; one fewer fails).
 */
final class EnumReplacement {
    private EnumReplacement() {}

    static void add(SchemaModel from, SchemaModel to, EnumType old, EnumType now, ChangeOrder order) {
        for (Domain d : to.domains()) {
            refuseUse(old, UserTypes.uses(d), "domain " + d.name().display());
        }
        for (Domain d : from.domains()) {
            refuseUse(old, UserTypes.uses(d), "domain " + d.name().display());
        }
        for (CompositeType c : to.compositeTypes()) {
            refuseUse(old, UserTypes.uses(c), "composite type " + c.name().display());
        }
        for (CompositeType c : from.compositeTypes()) {
            refuseUse(old, UserTypes.uses(c), "composite type " + c.name().display());
        }
        List<ReplaceEnum.EnumColumn> columns = new ArrayList<>();
        List<ReplaceEnum.TableIndex> indexes = new ArrayList<>();
        List<ReplaceEnum.TableCheck> checks = new ArrayList<>();
        for (Table t : from.tables()) {
            Table target = to.table(t.name());
            if (target == null) {
                continue; // dropped with the table, before the old type goes
            }
            List<String> names = new ArrayList<>();
            for (Column c : t.columns()) {
                Column next = target.column(c.name());
                if (old.name().equals(c.type().userType()) && c.type().userType() != null && isEnum(c.type())
                        && next != null && next.type().equals(c.type())) {
                    names.add(c.name());
                    columns.add(new ReplaceEnum.EnumColumn(t.name(), c.name(), c.type() instanceof ColumnType.ArrayOf,
                            c.defaultValue() != null || next.defaultValue() != null, next.defaultValue()));
                }
            }
            if (names.isEmpty()) {
                continue;
            }
            for (Index ix : t.indexes()) {
                if (mentions(ix, names, old.name())) {
                    indexes.add(new ReplaceEnum.TableIndex(t.name(), ix));
                }
            }
            for (Check k : t.checks()) {
                if (mentions(k.expression(), names, old.name())) {
                    checks.add(new ReplaceEnum.TableCheck(t.name(), k));
                }
            }
        }
        // Re-created here are only those the new schema keeps as they are; TableDiff creates the changed ones.
        List<ReplaceEnum.TableIndex> kept = indexes.stream().filter(ix -> to.table(ix.table()).indexes().contains(ix.index())).toList();
        List<ReplaceEnum.TableCheck> keptChecks = checks.stream().filter(k -> to.table(k.table()).checks().contains(k.check())).toList();
        List<ReplaceEnum.TableIndex> changed = indexes.stream().filter(ix -> !kept.contains(ix)).toList();
        List<ReplaceEnum.TableCheck> changedChecks = checks.stream().filter(k -> !keptChecks.contains(k)).toList();
        ReplaceEnum replace = new ReplaceEnum(old, now, columns, kept, keptChecks, changed, changedChecks);
        order.addGrouped(Phase.DROP_CONSTRAINT_OR_INDEX, 1, now.name(), replace);
        order.add(Phase.DROP_ENUM, replace.oldName(), 0, "", new DropEnum(new EnumType(replace.oldName(), old.values())));
    }

    /**
     * The changes without the drops of indexes and checks that a replacement already made.
     */
    static List<Change> settle(List<Change> changes) {
        List<ReplaceEnum> replacements = Change.select(ReplaceEnum.class, changes);
        if (replacements.isEmpty()) {
            return changes;
        }
        Set<Change> redundant = new HashSet<>();
        for (ReplaceEnum r : replacements) {
            r.droppedIndexes().forEach(ix -> redundant.add(new DropIndex(ix.table(), ix.index())));
            r.droppedChecks().forEach(k -> redundant.add(new DropConstraint(k.table(), k.check())));
        }
        List<Change> out = new ArrayList<>();
        for (Change c : changes) {
            if (redundant.contains(c)) {
                continue;
            }
            out.add(c);
        }
        return List.copyOf(out);
    }

    private static boolean isEnum(ColumnType type) {
        ColumnType element = type instanceof ColumnType.ArrayOf a ? a.element() : type;
        return element instanceof ColumnType.EnumRef;
    }

    private static void refuseUse(EnumType e, Set<QualifiedName> uses, String user) {
        if (uses.contains(e.name())) {
            throw new UnsupportedChangeException("enum " + e.name().display(), "removing or reordering its values"
                    + " needs a new type, and " + user + " is defined over it", "write this step as a hand-written migration,"
                    + " or keep the old values and their order");
        }
    }

    private static boolean mentions(Index ix, List<String> columns, QualifiedName enumName) {
        if (ix.where() != null && mentions(ix.where(), columns, enumName)) {
            return true;
        }
        return ix.keys().stream().map(IndexKey::expression).anyMatch(e -> e != null && mentions(e, columns, enumName));
    }

    private static boolean mentions(String sql, List<String> columns, QualifiedName enumName) {
        return sql.contains(enumName.name()) || columns.stream().anyMatch(sql::contains);
    }
}
