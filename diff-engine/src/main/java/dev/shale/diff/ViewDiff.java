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
 * Views and materialized views, and the objects that depend on what the migration changes.
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
     * @param from the old model, before renames (view texts name the old tables)
     * @param renamedTables the settled table renames, old name to new
     * @param to the new model
     * @param order the changes so far (tables, columns...), to which the view changes are added
     */
    static void diff(SchemaModel from, Map<QualifiedName, QualifiedName> renamedTables, SchemaModel to, ChangeOrder order) {
        if (from.views().isEmpty() && to.views().isEmpty()) {
            return;
        }
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
        Map<QualifiedName, String> touched = new TreeMap<>();
        for (Change c : order.changes()) {
            for (TouchedRelations.Touch t : c.accept(TouchedRelations.INSTANCE)) {
                touched.putIfAbsent(t.relation(), t.reason());
            }
        }
        Dependencies deps = new Dependencies(Dependents.of(from, renamedTables), Dependents.of(to, Map.of()));
        Map<Key, Dropping> dropped = deps.add(own, touched, order);
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
