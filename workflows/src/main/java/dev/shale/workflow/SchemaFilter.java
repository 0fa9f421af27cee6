package dev.shale.workflow;

import dev.shale.model.Column;
import dev.shale.model.ColumnType;
import dev.shale.model.EnumType;
import dev.shale.model.ForeignKey;
import dev.shale.model.QualifiedName;
import dev.shale.model.SchemaModel;
import dev.shale.model.Table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Which schemas a comparison (diff, push, pull, check) looks at: those matching an include pattern (all
 * when there is none) and no exclude pattern. A pattern is an exact name or uses {@code *} for any run
 * of characters ({@code tenant_*}), as Atlas's schema filters do.
 *
 * <p>Both sides of a comparison are filtered the same way, so what lies outside is neither changed nor
 * reported as drift or as not managed. A table left out that a kept table's foreign key references
 * stays as an external table (its name and columns), and an enum left out that a kept column uses
 * stays, so the kept part of the model is whole.
 *
 * @param include patterns of schemas to look at; empty for all
 * @param exclude patterns of schemas to leave out
 */
public record SchemaFilter(List<String> include, List<String> exclude) {
    /** Every schema. */
    public static final SchemaFilter ALL = new SchemaFilter(List.of(), List.of());

    public SchemaFilter {
        include = List.copyOf(include == null ? List.of() : include);
        exclude = List.copyOf(exclude == null ? List.of() : exclude);
        for (String p : include) {
            check(p);
        }
        for (String p : exclude) {
            check(p);
        }
    }

    private static void check(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            throw new IllegalArgumentException("a schema pattern is empty; give a schema name, or one with * for any characters");
        }
    }

    public boolean isAll() {
        return include.isEmpty() && exclude.isEmpty();
    }

    /** Whether the filter looks at {@code schema}. */
    public boolean matches(String schema) {
        boolean in = include.isEmpty() || include.stream().anyMatch(p -> glob(p, schema));
        return in && exclude.stream().noneMatch(p -> glob(p, schema));
    }

    /** The names of {@code schemas} the filter looks at. */
    public Set<String> schemas(Set<String> schemas) {
        Set<String> out = new TreeSet<>();
        schemas.stream().filter(this::matches).forEach(out::add);
        return out;
    }

    /** The part of {@code model} in the schemas the filter looks at (see the class comment). */
    public SchemaModel apply(SchemaModel model) {
        if (isAll()) {
            return model;
        }
        List<Table> tables = model.tables().stream().filter(t -> matches(t.name().schema())).toList();
        Set<QualifiedName> kept = new HashSet<>();
        tables.forEach(t -> kept.add(t.name()));
        Map<QualifiedName, Table> externals = new HashMap<>();
        model.externalTables().forEach(t -> externals.put(t.name(), t));
        Set<QualifiedName> enums = new HashSet<>();
        for (Table t : tables) {
            for (ForeignKey fk : t.foreignKeys()) {
                Table target = model.table(fk.referencedTable());
                if (target != null && !kept.contains(target.name())) {
                    externals.putIfAbsent(target.name(), Table.of(target.name(), target.columns().stream()
                            .map(c -> new Column(c.name(), external(c.type()), c.notNull(), null)).toList()));
                }
            }
            for (Column c : t.columns()) {
                ColumnType type = c.type() instanceof ColumnType.ArrayOf a ? a.element() : c.type();
                if (type instanceof ColumnType.EnumRef ref) {
                    enums.add(ref.name());
                }
            }
        }
        List<EnumType> keptEnums = model.enums().stream()
                .filter(e -> matches(e.name().schema()) || enums.contains(e.name())).toList();
        return model.toBuilder()
                .enums(keptEnums)
                .tables(tables)
                .externalTables(new ArrayList<>(externals.values()))
                .namespaces(model.namespaces().stream().filter(n -> matches(n.name())).toList())
                .extensions(model.extensions().stream().filter(e -> e.schema() == null || matches(e.schema())).toList())
                .sequences(model.sequences().stream().filter(q -> matches(q.name().schema())).toList())
                .domains(model.domains().stream().filter(d -> matches(d.name().schema())).toList())
                .compositeTypes(model.compositeTypes().stream().filter(c -> matches(c.name().schema())).toList())
                .routines(model.routines().stream().filter(r -> matches(r.name().schema())).toList())
                .triggers(model.triggers().stream().filter(t -> kept.contains(t.table())).toList())
                .policies(model.policies().stream().filter(p -> kept.contains(p.table())).toList())
                .grants(model.grants().stream().filter(g -> matches(g.object().schema())).toList())
                .build();
    }

    /** An external table's column only needs a name and a type; an enum type stands as text. */
    private static ColumnType external(ColumnType type) {
        if (type instanceof ColumnType.EnumRef || type instanceof ColumnType.ArrayOf a && a.element() instanceof ColumnType.EnumRef) {
            return ColumnType.Builtin.of(dev.shale.model.PgType.TEXT);
        }
        return type;
    }

    private static boolean glob(String pattern, String name) {
        if (!pattern.contains("*")) {
            return pattern.equals(name);
        }
        StringBuilder regex = new StringBuilder();
        for (String part : pattern.split("\\*", -1)) {
            regex.append(Pattern.quote(part)).append(".*");
        }
        regex.setLength(regex.length() - 2);
        return name.matches(regex.toString());
    }
}
