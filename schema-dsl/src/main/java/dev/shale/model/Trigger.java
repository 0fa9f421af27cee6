package dev.shale.model;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A trigger on a table (or a view, for INSTEAD OF): when it fires, on which events, per row or per
 * statement, under which condition, and the function it calls with which arguments. It names its
 * table and its function by {@link QualifiedName} (the function takes no arguments, as every
 * trigger function), so the dependencies trigger → table and trigger → function are explicit.
 *
 * @param table the table or view it is on
 * @param name its name, unique per table
 * @param timing BEFORE, AFTER or INSTEAD OF
 * @param events the events it fires on, in the order INSERT, UPDATE, DELETE, TRUNCATE
 * @param updateColumns for {@code UPDATE OF a, b}: the columns, in order; empty for any column
 * @param forEachRow FOR EACH ROW, else FOR EACH STATEMENT
 * @param when the WHEN condition (an SQL expression over {@code OLD} and {@code NEW}), or null
 * @param function the trigger function it executes
 * @param arguments the arguments passed to the function, as the strings it receives in {@code TG_ARGV}
 * @param oldTable the name of the OLD TABLE transition relation (REFERENCING), or null
 * @param newTable the name of the NEW TABLE transition relation, or null
 * @param comment its comment, or null
 */
public record Trigger(QualifiedName table, String name, Timing timing, Set<Event> events, List<String> updateColumns,
                      boolean forEachRow, String when, QualifiedName function, List<String> arguments, String oldTable,
                      String newTable, String comment) {

    /** When a trigger fires relative to the event. */
    public enum Timing {
        BEFORE, AFTER, INSTEAD_OF;

        public String sql() {
            return this == INSTEAD_OF ? "INSTEAD OF" : name();
        }
    }

    /** The events a trigger fires on. */
    public enum Event { INSERT, UPDATE, DELETE, TRUNCATE }

    public Trigger {
        if (table == null) {
            throw new InvalidModelException("trigger", "its table is required");
        }
        String self = "trigger " + Identifiers.show(name == null ? "" : name) + " on " + table.display();
        Identifiers.require("trigger on " + table.display(), name);
        if (timing == null) {
            throw new InvalidModelException(self, "a timing (BEFORE, AFTER or INSTEAD OF) is required");
        }
        if (events == null || events.isEmpty()) {
            throw new InvalidModelException(self, "at least one event (INSERT, UPDATE, DELETE, TRUNCATE) is required");
        }
        events = java.util.Collections.unmodifiableSet(EnumSet.copyOf(events));
        updateColumns = List.copyOf(updateColumns == null ? List.of() : updateColumns);
        arguments = List.copyOf(arguments == null ? List.of() : arguments);
        when = when == null || when.isBlank() ? null : when.strip();
        comment = Comments.normalize(comment);
        if (function == null) {
            throw new InvalidModelException(self, "the function it executes is required");
        }
        if (!updateColumns.isEmpty()) {
            if (!events.contains(Event.UPDATE)) {
                throw new InvalidModelException(self, "names columns for UPDATE OF but does not fire on UPDATE");
            }
            Identifiers.requireColumns(self + ", UPDATE OF", updateColumns);
        }
        if (events.contains(Event.TRUNCATE) && forEachRow) {
            throw new InvalidModelException(self, "TRUNCATE triggers fire FOR EACH STATEMENT only");
        }
        if (timing == Timing.INSTEAD_OF && (!forEachRow || when != null || !updateColumns.isEmpty())) {
            throw new InvalidModelException(self, "an INSTEAD OF trigger is FOR EACH ROW, without WHEN and without UPDATE OF columns");
        }
        if (oldTable != null || newTable != null) {
            if (timing != Timing.AFTER) {
                throw new InvalidModelException(self, "transition tables (REFERENCING) need an AFTER trigger");
            }
            if (oldTable != null) {
                Identifiers.require(self + ", OLD TABLE", oldTable);
            }
            if (newTable != null) {
                Identifiers.require(self + ", NEW TABLE", newTable);
            }
        }
        for (String a : arguments) {
            if (a == null) {
                throw new InvalidModelException(self, "a trigger argument is null; pass strings");
            }
        }
    }

    /** A trigger with no columns, condition, arguments, transition tables or comment. */
    public static Trigger of(QualifiedName table, String name, Timing timing, Set<Event> events, boolean forEachRow,
                             QualifiedName function) {
        return new Trigger(table, name, timing, events, List.of(), forEachRow, null, function, List.of(), null, null, null);
    }

    /** For messages: {@code trigger "t" on "public"."users"}. */
    public String display() {
        return "trigger " + Identifiers.show(name) + " on " + table.display();
    }

    /** The events in SQL order, for rendering: {@code INSERT OR UPDATE}. */
    public List<Event> eventList() {
        return new ArrayList<>(events);
    }

    public Trigger withTable(QualifiedName value) {
        return new Trigger(value, name, timing, events, updateColumns, forEachRow, when, function, arguments, oldTable,
                newTable, comment);
    }

    public Trigger withFunction(QualifiedName value) {
        return new Trigger(table, name, timing, events, updateColumns, forEachRow, when, value, arguments, oldTable,
                newTable, comment);
    }

    public Trigger withUpdateColumns(List<String> value) {
        return new Trigger(table, name, timing, events, value, forEachRow, when, function, arguments, oldTable,
                newTable, comment);
    }

    public Trigger withWhen(String value) {
        return new Trigger(table, name, timing, events, updateColumns, forEachRow, value, function, arguments, oldTable,
                newTable, comment);
    }

    public Trigger withComment(String value) {
        return new Trigger(table, name, timing, events, updateColumns, forEachRow, when, function, arguments, oldTable,
                newTable, value);
    }
}
