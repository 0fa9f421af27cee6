package dev.shale.diff;

import dev.shale.change.AlterView;
import dev.shale.change.Change;
import dev.shale.change.CommentTarget;
import dev.shale.change.CreateIndex;
import dev.shale.change.DropIndex;
import dev.shale.change.ReplaceView;
import dev.shale.change.SetComment;
import dev.shale.diff.ChangeOrder.Phase;
import dev.shale.diff.Dependencies.Own;
import dev.shale.diff.Dependent.Dropping;
import dev.shale.diff.Dependent.Key;
import dev.shale.model.Index;
import dev.shale.model.QualifiedName;
import dev.shale.model.SchemaModel;
import dev.shale.model.View;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Views and materialized views: their own decisions for {@link DependentDiff}, and their changes in place.
 *
 * <p>A view whose query or columns change is replaced in place ({@code CREATE OR REPLACE VIEW}) when
 * PostgreSQL allows it: its old columns, with known types, are the leading columns of the new one, same
 * names and types, new ones only appended. Otherwise (types unknown, as when declared without them, a
 * column removed, renamed or retyped) it is dropped and created again, and so is everything reading
 * it. A materialized view is always dropped and created again when its query or columns change; its
 * indexes are compared like a table's. Options alone change in place ({@code ALTER VIEW ... SET}); whether
 * a materialized view was created WITH NO DATA is not compared once it exists.
 */
final class ViewDiff {
    private ViewDiff() {}

    /**
     * What the views' own changes require of the dependency machinery: views created, dropped for good, or
     * dropped and created again (a query or columns {@code CREATE OR REPLACE} cannot take, a view becoming
     * materialized or back).
     */
    static Map<Key, Own> decisions(SchemaModel from, SchemaModel to) {
        Map<Key, Own> own = new TreeMap<>();
        for (View v : to.views()) {
            View old = from.view(v.name());
            if (old == null || old.materialized() != v.materialized()) {
                own.put(Dependents.key(v), Own.CREATE);
                if (old != null) {
                    own.put(Dependents.key(old), Own.DROP);
                }
            } else if (!sameDefinition(old, v) && !replaceable(old, v)) {
                own.put(Dependents.key(v), Own.REBUILD);
            }
        }
        for (View old : from.views()) {
            if (to.view(old.name()) == null) {
                own.put(Dependents.key(old), Own.DROP);
            }
        }
        return own;
    }

    /**
     * The changes of views that stay (neither dropped nor created by the machinery): CREATE OR REPLACE, options,
     * comments, a materialized view's indexes.
     */
    static void inPlace(SchemaModel from, SchemaModel to, Map<Key, Own> own, Map<Key, Dropping> dropped,
                        Dependencies deps, ChangeOrder order) {
        for (View v : to.views()) {
            View old = from.view(v.name());
            Key key = Dependents.key(v);
            if (old == null || dropped.containsKey(key) || own.containsKey(key)) {
                continue;
            }
            if (!sameDefinition(old, v)) {
                order.addAt(Phase.CREATE_DEPENDENT, deps.position(key), v.name(), 0, new ReplaceView(old, v));
            } else if (!sameOptions(old, v)) {
                order.addAt(Phase.CREATE_DEPENDENT, deps.position(key), v.name(), 0, new AlterView(old, v));
            }
            if (!Objects.equals(old.comment(), v.comment())) {
                order.add(Phase.COMMENT, v.name(), 0, "", new SetComment(CommentTarget.view(v.name(), v.materialized()), v.comment()));
            }
            indexes(old, v, order);
        }
    }

    /**
     * Tables with a column of an enum whose values are removed or reordered: {@link EnumReplacement} converts
     * those columns to a new type after this diff has run, so their readers are dropped for it here.
     */
    static void replacedEnums(SchemaModel from, SchemaModel to, Map<QualifiedName, String> touched) {
        for (dev.shale.model.EnumType e : from.enums()) {
            dev.shale.model.EnumType now = to.enumType(e.name());
            if (now == null || now.values().equals(e.values()) || appendsOnly(e.values(), now.values())) {
                continue;
            }
            for (dev.shale.model.Table t : to.tables()) {
                for (dev.shale.model.Column c : t.columns()) {
                    dev.shale.model.ColumnType type = c.type() instanceof dev.shale.model.ColumnType.ArrayOf a ? a.element() : c.type();
                    if (type instanceof dev.shale.model.ColumnType.EnumRef ref && ref.name().equals(e.name())) {
                        touched.putIfAbsent(t.name(), "it reads table " + t.name().display() + ", whose column "
                                + dev.shale.model.Identifiers.show(c.name()) + " moves to the replaced enum " + e.name().display());
                    }
                }
            }
        }
    }

    /** Whether {@code now} keeps {@code old}'s values in their order (values only added, ALTER TYPE ... ADD VALUE). */
    private static boolean appendsOnly(List<String> old, List<String> now) {
        int i = 0;
        for (String v : now) {
            if (i < old.size() && old.get(i).equals(v)) {
                i++;
            }
        }
        return i == old.size();
    }

    /** The indexes of a materialized view that stays: dropped, created, or both when one changes. */
    private static void indexes(View old, View v, ChangeOrder order) {
        for (Index before : old.indexes()) {
            Index now = v.index(before.name());
            if (now == null || !now.withComment(null).equals(before.withComment(null))) {
                order.add(Phase.DROP_CONSTRAINT_OR_INDEX, v.name(), 2, before.name(), new DropIndex(v.name(), before));
            }
        }
        for (Index now : v.indexes()) {
            Index before = old.index(now.name());
            boolean create = before == null || !now.withComment(null).equals(before.withComment(null));
            if (create) {
                order.add(Phase.CREATE_INDEX, v.name(), 0, now.name(), new CreateIndex(v.name(), now.withComment(null)));
            }
            if (create ? now.comment() != null : !Objects.equals(before.comment(), now.comment())) {
                order.add(Phase.COMMENT, v.name(), 2, now.name(), new SetComment(CommentTarget.index(v.name(), now.name()), now.comment()));
            }
        }
    }

    /** The same query and columns: the view stays as it is (options, comment and indexes aside). */
    static boolean sameDefinition(View a, View b) {
        return a.query().equals(b.query()) && a.columns().equals(b.columns());
    }

    private static boolean sameOptions(View a, View b) {
        return a.checkOption() == b.checkOption() && a.securityBarrier() == b.securityBarrier()
                && a.securityInvoker() == b.securityInvoker() && a.storage().equals(b.storage());
    }

    /**
     * Whether {@code CREATE OR REPLACE VIEW} turns {@code old} into {@code now}: plain views, the old columns
     * all typed, and the new view's leading columns the same names and types.
     */
    static boolean replaceable(View old, View now) {
        if (old.materialized() || now.materialized() || old.columns().isEmpty() || now.columns().size() < old.columns().size()) {
            return false;
        }
        List<View.Column> lead = now.columns().subList(0, old.columns().size());
        return old.columns().stream().allMatch(c -> c.type() != null) && lead.equals(old.columns());
    }
}
