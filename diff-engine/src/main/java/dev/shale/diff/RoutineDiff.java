package dev.shale.diff;

import dev.shale.change.AlterRoutine;
import dev.shale.change.CommentOnRoutine;
import dev.shale.change.CommentOnTrigger;
import dev.shale.change.CreateRoutine;
import dev.shale.change.CreateTrigger;
import dev.shale.change.DropRoutine;
import dev.shale.change.DropTrigger;
import dev.shale.diff.ChangeOrder.Phase;
import dev.shale.model.QualifiedName;
import dev.shale.model.Routine;
import dev.shale.model.SchemaModel;
import dev.shale.model.Table;
import dev.shale.model.Trigger;

import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Functions, procedures, aggregates and triggers. A routine is matched by name and argument types; a
 * change PostgreSQL can make in place ({@link AlterRoutine#replaceable}) is an {@link AlterRoutine},
 * anything else (a new return type, other argument names or modes, a removed default, another kind) a
 * drop and a create, and then the triggers that call it are dropped before and created again after.
 * A changed trigger is dropped and created again; a changed comment alone is a COMMENT.
 */
final class RoutineDiff {
    private RoutineDiff() {}

    static void diff(SchemaModel from, SchemaModel to, ChangeOrder order) {
        Set<QualifiedName> recreated = new HashSet<>();
        for (Routine r : from.routines()) {
            Routine now = to.routine(r);
            if (now == null) {
                order.add(Phase.DROP_ROUTINE, r.name(), dropPosition(r), r.signature(), new DropRoutine(r));
            } else if (!r.withComment(null).equals(now.withComment(null)) && !AlterRoutine.replaceable(r, now)) {
                order.add(Phase.DROP_REPLACED_ROUTINE, r.name(), dropPosition(r), r.signature(), new DropRoutine(r));
                recreated.add(r.name());
            }
        }
        Set<QualifiedName> laterTables = new HashSet<>();
        for (Table t : to.tables()) {
            laterTables.add(t.name());
        }
        for (Routine r : to.routines()) {
            Routine old = from.routine(r);
            Phase create = namesRowType(r, laterTables) ? Phase.CREATE_ROUTINE_AFTER_TABLES : Phase.CREATE_ROUTINE;
            int position = r.kind() == Routine.Kind.AGGREGATE ? 1 : 0;
            if (old == null || recreated.contains(r.name()) && !AlterRoutine.replaceable(old, r)) {
                order.add(create, r.name(), position, r.signature(), new CreateRoutine(r));
                if (r.comment() != null) {
                    order.add(Phase.COMMENT, r.name(), 0, r.signature(), new CommentOnRoutine(r, r.comment()));
                }
                continue;
            }
            if (!old.withComment(null).equals(r.withComment(null))) {
                order.add(create, r.name(), position, r.signature(), new AlterRoutine(old, r));
            }
            if (!Objects.equals(old.comment(), r.comment())) {
                order.add(Phase.COMMENT, r.name(), 0, r.signature(), new CommentOnRoutine(r, r.comment()));
            }
        }
        // A trigger naming columns (UPDATE OF, WHEN) blocks a type change or drop of a column of its table.
        Set<QualifiedName> retyped = AccessDiff.columnsDroppedOrRetyped(from, to);
        Set<Trigger> rebuilt = new HashSet<>();
        for (Trigger t : from.triggers()) {
            if (retyped.contains(t.table()) && (!t.updateColumns().isEmpty() || t.when() != null)) {
                rebuilt.add(t);
            }
        }
        for (Trigger t : from.triggers()) {
            Trigger now = to.trigger(t.table(), t.name());
            if (now == null || !now.withComment(null).equals(t.withComment(null)) || recreated.contains(t.function())
                    || rebuilt.contains(t)) {
                order.add(Phase.DROP_TRIGGER, t.table(), 0, t.name(), new DropTrigger(t));
            }
        }
        for (Trigger t : to.triggers()) {
            Trigger old = from.trigger(t.table(), t.name());
            boolean create = old == null || !old.withComment(null).equals(t.withComment(null)) || recreated.contains(t.function())
                    || rebuilt.contains(old);
            if (create) {
                order.add(Phase.CREATE_TRIGGER, t.table(), 0, t.name(), new CreateTrigger(t));
            }
            if (create ? t.comment() != null : !Objects.equals(old.comment(), t.comment())) {
                order.add(Phase.COMMENT, t.table(), 4, t.name(), new CommentOnTrigger(t, t.comment()));
            }
        }
    }

    /** Aggregates go before the functions they use. */
    private static int dropPosition(Routine r) {
        return r.kind() == Routine.Kind.AGGREGATE ? 0 : 1;
    }

    /**
     * Whether an argument or the result is the row type of one of the schema's tables ({@code SETOF app.users},
     * {@code users}), so that the routine must wait for the table.
     */
    static boolean namesRowType(Routine r, Set<QualifiedName> tables) {
        Set<String> types = new HashSet<>();
        r.arguments().forEach(a -> types.add(a.type()));
        if (r.returns() != null) {
            types.add(r.returns());
        }
        for (String type : types) {
            String t = type.strip().replaceAll("(?i)^setof\\s+", "").replace("[]", "").replace("\"", "").strip()
                    .toLowerCase(Locale.ROOT);
            for (QualifiedName table : tables) {
                if (t.equals(table.key().toLowerCase(Locale.ROOT))
                        || table.schema().equals(QualifiedName.DEFAULT_SCHEMA) && t.equals(table.name().toLowerCase(Locale.ROOT))) {
                    return true;
                }
            }
        }
        return false;
    }
}
