package dev.shale.dsl;

import dev.shale.model.QualifiedName;
import dev.shale.model.Trigger;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A trigger declared in a table's constructor: {@code trigger(Functions.SET_UPDATED_AT).beforeUpdate().forEachRow();}
 * is the whole {@code updated_at} trigger. Pick the timing and events with {@link #before}, {@link #after}
 * or a shortcut ({@link #beforeUpdate}, {@link #afterInsert}...), then {@link #forEachRow} (else it
 * fires once per statement), and optionally {@link #when}, {@link #arguments} and {@link #comment}.
 */
public final class TriggerBuilder {
    private final Table table;
    private final String name;
    private final QualifiedName function;
    private final PgFunction declared;
    private final SourceLocation location;
    private Trigger.Timing timing;
    private final Set<Trigger.Event> events = EnumSet.noneOf(Trigger.Event.class);
    private final List<String> updateColumns = new ArrayList<>();
    private boolean forEachRow;
    private String when;
    private final List<String> arguments = new ArrayList<>();
    private String oldTable;
    private String newTable;
    private String comment;

    TriggerBuilder(Table table, String name, QualifiedName function, PgFunction declared, SourceLocation location) {
        this.table = table;
        this.name = name;
        this.function = function;
        this.declared = declared;
        this.location = location;
    }

    /** Fires BEFORE the events given. */
    public TriggerBuilder before(Trigger.Event... on) {
        return timing(Trigger.Timing.BEFORE, on);
    }

    /** Fires AFTER the events given. */
    public TriggerBuilder after(Trigger.Event... on) {
        return timing(Trigger.Timing.AFTER, on);
    }

    /** BEFORE UPDATE: the {@code updated_at} trigger's timing. */
    public TriggerBuilder beforeUpdate() {
        return before(Trigger.Event.UPDATE);
    }

    /** BEFORE INSERT OR UPDATE. */
    public TriggerBuilder beforeInsertOrUpdate() {
        return before(Trigger.Event.INSERT, Trigger.Event.UPDATE);
    }

    public TriggerBuilder beforeInsert() {
        return before(Trigger.Event.INSERT);
    }

    public TriggerBuilder beforeDelete() {
        return before(Trigger.Event.DELETE);
    }

    public TriggerBuilder afterInsert() {
        return after(Trigger.Event.INSERT);
    }

    public TriggerBuilder afterUpdate() {
        return after(Trigger.Event.UPDATE);
    }

    public TriggerBuilder afterDelete() {
        return after(Trigger.Event.DELETE);
    }

    /** Fires on UPDATE only when one of these columns is in the statement's SET list ({@code UPDATE OF}). */
    public TriggerBuilder of(Column<?>... columns) {
        events.add(Trigger.Event.UPDATE);
        for (Column<?> c : columns) {
            updateColumns.add(c.name());
        }
        return this;
    }

    /** Once per affected row (else once per statement). */
    public TriggerBuilder forEachRow() {
        this.forEachRow = true;
        return this;
    }

    public TriggerBuilder forEachStatement() {
        this.forEachRow = false;
        return this;
    }

    /** A WHEN condition over {@code OLD} and {@code NEW}: {@code "OLD.* IS DISTINCT FROM NEW.*"}. */
    public TriggerBuilder when(String condition) {
        this.when = condition;
        return this;
    }

    /** String arguments the function receives in {@code TG_ARGV}. */
    public TriggerBuilder arguments(String... values) {
        arguments.addAll(List.of(values));
        return this;
    }

    /** REFERENCING OLD TABLE AS name (AFTER triggers). */
    public TriggerBuilder referencingOldTable(String relation) {
        this.oldTable = relation;
        return this;
    }

    /** REFERENCING NEW TABLE AS name (AFTER triggers). */
    public TriggerBuilder referencingNewTable(String relation) {
        this.newTable = relation;
        return this;
    }

    public TriggerBuilder comment(String text) {
        this.comment = text;
        return this;
    }

    private TriggerBuilder timing(Trigger.Timing value, Trigger.Event... on) {
        if (timing != null && timing != value) {
            throw new SchemaDefinitionException(SourceLocation.caller(), "trigger " + name + " on "
                    + table.qualifiedName().display() + " is already " + timing.sql() + "; a trigger has one timing");
        }
        this.timing = value;
        events.addAll(List.of(on));
        return this;
    }

    /** The function declared in code, so the schema collects it with the table; null when named by text. */
    PgFunction declaredFunction() {
        return declared;
    }

    SourceLocation location() {
        return location;
    }

    Trigger toModel() {
        return Table.modelOrFail(location, () -> new Trigger(table.qualifiedName(), name, timing, events, updateColumns,
                forEachRow, when, function, arguments, oldTable, newTable, comment));
    }
}
