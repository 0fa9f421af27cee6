package dev.shale.dsl;

import dev.shale.model.InvalidModelException;
import dev.shale.model.Routine;
import dev.shale.model.Trigger;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The functions, procedures, aggregates and triggers of a schema's code: the routines held in static
 * fields, the trigger functions the tables' triggers name (collected even when no field holds them),
 * and the triggers of the owned tables, each with the line that declared it.
 */
final class RoutineDeclarations {
    private final Map<String, Object> bySignature = new LinkedHashMap<>();
    private final Map<Object, Routine> models = new IdentityHashMap<>();
    private final List<TriggerBuilder> triggerBuilders = new ArrayList<>();

    private RoutineDeclarations() {}

    static RoutineDeclarations collect(List<Object> routines, List<Object> tables) {
        RoutineDeclarations out = new RoutineDeclarations();
        routines.forEach(out::add);
        for (Object o : tables) {
            if (o instanceof Table t && !(t instanceof ExternalTable)) {
                for (TriggerBuilder b : t.triggers()) {
                    out.triggerBuilders.add(b);
                    if (b.declaredFunction() != null) {
                        out.add(b.declaredFunction());
                    }
                }
            }
        }
        return out;
    }

    private void add(Object declaration) {
        if (models.containsKey(declaration)) {
            return;
        }
        Routine model = declaration instanceof PgFunction f ? f.toModel() : ((PgAggregate) declaration).toModel();
        Object previous = bySignature.putIfAbsent(model.signature(), declaration);
        if (previous != null) {
            if (models.get(previous).equals(model)) {
                return;
            }
            throw new SchemaDefinitionException(location(declaration), model.display()
                    + " is declared twice with different definitions, here and at " + location(previous)
                    + "; overloads need different argument types");
        }
        models.put(declaration, model);
    }

    List<Routine> routines() {
        return bySignature.values().stream().map(models::get).toList();
    }

    List<Trigger> triggers() {
        return triggerBuilders.stream().map(TriggerBuilder::toModel).toList();
    }

    /** The declaration a model error names (a routine or a trigger), else an unknown place. */
    SourceLocation locate(InvalidModelException e) {
        for (Object d : bySignature.values()) {
            Routine r = models.get(d);
            if (e.object().contains(r.name().display())) {
                return location(d);
            }
        }
        for (TriggerBuilder b : triggerBuilders) {
            Trigger t = b.toModel();
            if (e.object().equals(t.display())) {
                return b.location();
            }
        }
        return new SourceLocation("<schema>", -1);
    }

    private static SourceLocation location(Object declaration) {
        return declaration instanceof PgFunction f ? f.location() : ((PgAggregate) declaration).location();
    }
}
