package dev.shale.diff;

import dev.shale.change.Change;
import dev.shale.model.QualifiedName;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects changes tagged with their phase and sorts them into apply order: phase first, then a
 * group (the topological position of a created or dropped table), then the object's qualified name,
 * then a position within it (a column's index, a constraint kind), then a name.
 */
final class ChangeOrder {

    /**
     * The phases of a migration, in apply order.
     *
     * <p>DROP_DEPENDENT (views, and the dependents that plug into {@link DependentDiff}) comes before anything
     * that changes a table, since PostgreSQL refuses to change a column type or drop a column or table under a
     * view; it drops top-down (readers first). CREATE_DEPENDENT comes after every table, column, constraint and
     * index exists, creating bottom-up, and before triggers, policies, grants and comments (which may be on views).
     *
     * <p>Routines and triggers: triggers are dropped right after the
     * renames (before their table, columns or function change or go), then routines that cannot be replaced
     * in place are dropped, and routines are created or replaced before any table is created, since column
     * defaults, checks, indexes, views and policies may call them (SQL bodies are not checked at creation, see
     * RoutineSql); a routine whose arguments or result name a table's row type is created once tables exist
     * (CREATE_ROUTINE_AFTER_TABLES). Triggers are created after their tables and functions, and routines
     * are dropped after tables, columns and defaults that might use them, before the types they use.
     *
     * <p>Roles come first, since grants and policies name them,
     * and are dropped last, once their privileges are revoked. Policies and revoked privileges go after the
     * renames (so they name tables as they are then) and before anything is dropped or changed in type under
     * them (ALTER COLUMN TYPE fails on a column a policy uses); policies are created once every table, view,
     * column and key exists, row-level security is switched on after its table's policies exist, and
     * privileges are granted last.
     */
    enum Phase {
        CREATE_ROLE, ALTER_ROLE, CREATE_SCHEMA, CREATE_EXTENSION, DROP_DEPENDENT, CREATE_ENUM, RENAME_IN_TYPE, CREATE_TYPE,
        ALTER_TYPE, ADD_ENUM_VALUE, CREATE_SEQUENCE,
        RENAME_TABLE, RENAME_COLUMN, RENAME_CONSTRAINT_OR_INDEX, DROP_POLICY, REVOKE, DROP_TRIGGER, DROP_REPLACED_ROUTINE,
        CREATE_ROUTINE, DROP_FOREIGN_KEY, DROP_CONSTRAINT_OR_INDEX,
        DETACH_PARTITION, DROP_TABLE, CREATE_TABLE, ATTACH_PARTITION, ADD_COLUMN, ALTER_COLUMN, DROP_COLUMN, ALTER_TABLE,
        CREATE_ROUTINE_AFTER_TABLES,
        ADD_CONSTRAINT, CREATE_INDEX, ADD_FOREIGN_KEY, CREATE_DEPENDENT, CREATE_TRIGGER, CREATE_POLICY, ROW_SECURITY, GRANT,
        REPLICA_IDENTITY, ALTER_SEQUENCE, COMMENT, DROP_SEQUENCE, DROP_ROUTINE, DROP_TYPE, DROP_ENUM,
        DROP_EXTENSION, DROP_SCHEMA, DROP_ROLE
    }

    private record Entry(Phase phase, int group, QualifiedName object, int position, String name, Change change) {}

    private static final Comparator<Entry> ORDER = Comparator.comparing(Entry::phase)
            .thenComparingInt(Entry::group)
            .thenComparing(Entry::object)
            .thenComparingInt(Entry::position)
            .thenComparing(Entry::name);

    private final List<Entry> entries = new ArrayList<>();

    /** Adds a change of an object (table or enum) at a position within it. */
    void add(Phase phase, QualifiedName object, int position, String name, Change change) {
        entries.add(new Entry(phase, 0, object, position, name, change));
    }

    /** Adds a change whose place is fixed by a computed group (a table's topological position). */
    void addGrouped(Phase phase, int group, QualifiedName object, Change change) {
        entries.add(new Entry(phase, group, object, 0, "", change));
    }

    /** Adds a change at a computed group (a dependent's topological position) and a position within it. */
    void addAt(Phase phase, int group, QualifiedName object, int position, Change change) {
        entries.add(new Entry(phase, group, object, position, "", change));
    }

    /**
     * Moves every change collected in {@code other} into this order, in the phase and group that
     * {@code placement} gives it (null keeps its own): how a table's alignment before ATTACH PARTITION, or
     * its clean-up after DETACH PARTITION, lands around that statement.
     */
    void addAll(ChangeOrder other, java.util.function.BiFunction<Phase, Change, Placement> placement) {
        for (Entry e : other.entries) {
            Placement p = placement.apply(e.phase(), e.change());
            entries.add(p == null ? e : new Entry(p.phase(), p.group(), e.object(), e.position(), e.name(), e.change()));
        }
    }

    /** Where {@link #addAll} puts a change: a phase and a group within it. */
    record Placement(Phase phase, int group) {}

    /** The changes in apply order; a change added twice appears once. */
    List<Change> changes() {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(ORDER);
        Set<Change> seen = new LinkedHashSet<>();
        for (Entry e : sorted) {
            seen.add(e.change());
        }
        return List.copyOf(seen);
    }
}
