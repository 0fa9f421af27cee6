package dev.shale.model;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The whole-model rules for routines and triggers: one routine per signature, triggers on tables that exist. */
final class RoutineRules {
    private RoutineRules() {}

    static void validate(List<Table> tables, List<Routine> routines, List<Trigger> triggers) {
        Set<String> signatures = new HashSet<>();
        Map<QualifiedName, Routine> withoutArguments = new HashMap<>();
        for (Routine r : routines) {
            if (!signatures.add(r.signature())) {
                throw new InvalidModelException(r.display(), "is declared twice (overloads need different argument types)");
            }
            if (r.argumentTypes().isEmpty()) {
                withoutArguments.put(r.name(), r);
            }
        }
        Map<QualifiedName, Table> byName = new HashMap<>();
        tables.forEach(t -> byName.put(t.name(), t));
        Set<String> seen = new HashSet<>();
        for (Trigger t : triggers) {
            if (!seen.add(t.table().key() + "\0" + t.name())) {
                throw new InvalidModelException(t.display(), "is declared twice");
            }
            Table table = byName.get(t.table());
            // A view's triggers are checked where views are modelled; here only owned tables are known.
            if (table == null) {
                throw new InvalidModelException(t.display(), "is on " + t.table().display()
                        + ", which is not an owned table of the schema");
            }
            for (String column : t.updateColumns()) {
                if (table.column(column) == null && table.partitionOf() == null) {
                    throw new InvalidModelException(t.display(), "fires on UPDATE OF " + Identifiers.show(column)
                            + ", which is not a column of " + table.name().display());
                }
            }
            if (t.timing() == Trigger.Timing.INSTEAD_OF) {
                throw new InvalidModelException(t.display(), "is INSTEAD OF, which only a view can have");
            }
            Routine function = withoutArguments.get(t.function());
            if (function != null && (function.kind() != Routine.Kind.FUNCTION
                    || !function.returns().equalsIgnoreCase("trigger"))) {
                throw new InvalidModelException(t.display(), "executes " + function.display()
                        + ", which is not a function returning trigger");
            }
            if (function == null && routines.stream().anyMatch(r -> r.name().equals(t.function()))) {
                throw new InvalidModelException(t.display(), "executes " + t.function().display()
                        + ", but the schema declares that name only with arguments; a trigger function takes none");
            }
        }
    }
}
