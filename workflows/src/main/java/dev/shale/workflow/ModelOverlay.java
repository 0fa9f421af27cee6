package dev.shale.workflow;

import dev.shale.model.SchemaModel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * One migration's change replayed on another schema, object by object: every top-level object (table,
 * enum, sequence, domain, composite type, extension, schema, external table) that differs between the
 * migration's own before and after models is taken from after (or removed when after has none); every
 * other object stays as the base has it. Used to regenerate a branch's earlier migrations on a merged
 * history ({@link Rebaser}); an object both branches changed takes this branch's version here, and the
 * branch's last migration, generated up to the schema code, brings in the rest.
 */
final class ModelOverlay {
    private ModelOverlay() {}

    /** {@code base} with what changed from {@code before} to {@code after}; the result is checked as any model is. */
    static SchemaModel apply(SchemaModel base, SchemaModel before, SchemaModel after) {
        return base.toBuilder()
                .tables(merge(base.tables(), before.tables(), after.tables(), t -> t.name().key()))
                .externalTables(merge(base.externalTables(), before.externalTables(), after.externalTables(), t -> t.name().key()))
                .enums(merge(base.enums(), before.enums(), after.enums(), e -> e.name().key()))
                .namespaces(merge(base.namespaces(), before.namespaces(), after.namespaces(), n -> n.name()))
                .extensions(merge(base.extensions(), before.extensions(), after.extensions(), e -> e.name()))
                .sequences(merge(base.sequences(), before.sequences(), after.sequences(), s -> s.name().key()))
                .domains(merge(base.domains(), before.domains(), after.domains(), d -> d.name().key()))
                .compositeTypes(merge(base.compositeTypes(), before.compositeTypes(), after.compositeTypes(), c -> c.name().key()))
                .build();
    }

    private static <T> List<T> merge(List<T> base, List<T> before, List<T> after, Function<T, String> key) {
        Map<String, T> out = index(base, key);
        Map<String, T> was = index(before, key);
        Map<String, T> is = index(after, key);
        List<String> names = new ArrayList<>(was.keySet());
        is.keySet().stream().filter(k -> !was.containsKey(k)).forEach(names::add);
        for (String name : names) {
            if (!Objects.equals(was.get(name), is.get(name))) {
                if (is.get(name) == null) {
                    out.remove(name);
                } else {
                    out.put(name, is.get(name));
                }
            }
        }
        return new ArrayList<>(out.values());
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> key) {
        Map<String, T> out = new LinkedHashMap<>();
        items.forEach(i -> out.put(key.apply(i), i));
        return out;
    }
}
