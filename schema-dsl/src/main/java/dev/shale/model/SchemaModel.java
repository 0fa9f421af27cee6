package dev.shale.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A whole database schema as Shale models it: the enums and tables the project owns, and the tables
 * it only refers to ({@code auth.users} on Supabase), which are never created or dropped. The DSL,
 * a snapshot file and (later) a live database all produce this one type.
 *
 * <p>Lists are sorted by qualified name, so equality is structural and order-independent.
 *
 * @param enums owned enum types
 * @param tables owned tables
 * @param externalTables tables referenced but not owned; only their names and columns matter
 */
public record SchemaModel(List<EnumType> enums, List<Table> tables, List<Table> externalTables) {
    public static final SchemaModel EMPTY = new SchemaModel(List.of(), List.of(), List.of());

    public SchemaModel {
        enums = sorted(enums, EnumType::name);
        tables = sorted(tables, Table::name);
        externalTables = sorted(externalTables, Table::name);
        validate(enums, tables, externalTables);
    }

    /** The enum of that name, or null. (Lists are sorted by name, so lookups are binary searches.) */
    public EnumType enumType(QualifiedName name) {
        return find(enums, EnumType::name, name);
    }

    /** The owned table of that name, or null. */
    public Table table(QualifiedName name) {
        return find(tables, Table::name, name);
    }

    /** The external table of that name, or null. */
    public Table externalTable(QualifiedName name) {
        return find(externalTables, Table::name, name);
    }

    private static <T> T find(List<T> sorted, Function<T, QualifiedName> key, QualifiedName name) {
        int low = 0;
        int high = sorted.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int c = key.apply(sorted.get(mid)).compareTo(name);
            if (c == 0) {
                return sorted.get(mid);
            } else if (c < 0) {
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return null;
    }

    /** The schemas (namespaces) that owned objects live in, sorted. */
    public Set<String> schemas() {
        Set<String> names = new TreeSet<>();
        enums.forEach(e -> names.add(e.name().schema()));
        tables.forEach(t -> names.add(t.name().schema()));
        return names;
    }

    /** This model with one enum replaced (or added), the rest unchanged. */
    public SchemaModel withEnum(EnumType replacement) {
        return withEnums(replaced(enums, EnumType::name, replacement));
    }

    /** This model with one owned table replaced (or added), the rest unchanged. */
    public SchemaModel withTable(Table replacement) {
        return withTables(replaced(tables, Table::name, replacement));
    }

    /** This model with other owned enums; checked like any model. */
    public SchemaModel withEnums(List<EnumType> newEnums) {
        return toBuilder().enums(newEnums).build();
    }

    /** This model with other owned tables; checked like any model. */
    public SchemaModel withTables(List<Table> newTables) {
        return toBuilder().tables(newTables).build();
    }

    /** This model with other external tables; checked like any model. */
    public SchemaModel withExternalTables(List<Table> newExternalTables) {
        return toBuilder().externalTables(newExternalTables).build();
    }

    /** An empty builder: a model that grows a part later keeps every builder call compiling. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this model's parts, for changing several at once (each {@code with...} method
     * checks the whole model, so a rename of an enum and its columns' types goes through one builder).
     */
    public Builder toBuilder() {
        return new Builder().enums(enums).tables(tables).externalTables(externalTables);
    }

    private static <T> List<T> replaced(List<T> items, Function<T, QualifiedName> key, T replacement) {
        List<T> next = new ArrayList<>();
        for (T item : items) {
            if (!key.apply(item).equals(key.apply(replacement))) {
                next.add(item);
            }
        }
        next.add(replacement);
        return next;
    }

    /**
     * Collects the parts of a {@link SchemaModel}; {@link #build} checks them as the constructor does.
     * Lists may be given in any order: the model sorts them by name.
     */
    public static final class Builder {
        private final List<EnumType> enums = new ArrayList<>();
        private final List<Table> tables = new ArrayList<>();
        private final List<Table> externalTables = new ArrayList<>();

        private Builder() {}

        /** Replaces the owned enums. */
        public Builder enums(List<EnumType> values) {
            return replace(enums, values, "enum", "enums");
        }

        public Builder addEnum(EnumType value) {
            return add(enums, value, "enum");
        }

        /** Replaces the owned tables. */
        public Builder tables(List<Table> values) {
            return replace(tables, values, "table", "tables");
        }

        public Builder addTable(Table value) {
            return add(tables, value, "table");
        }

        /** Replaces the external tables. */
        public Builder externalTables(List<Table> values) {
            return replace(externalTables, values, "external table", "external tables");
        }

        public Builder addExternalTable(Table value) {
            return add(externalTables, value, "external table");
        }

        /** The model; throws {@link InvalidModelException} when the parts break a rule. */
        public SchemaModel build() {
            return new SchemaModel(enums, tables, externalTables);
        }

        private <T> Builder replace(List<T> list, List<? extends T> values, String what, String plural) {
            if (values == null) {
                throw new InvalidModelException("schema model", "a null list of " + plural + " was given (give an empty list for none)");
            }
            list.clear();
            values.forEach(v -> add(list, v, what));
            return this;
        }

        private <T> Builder add(List<T> list, T value, String what) {
            if (value == null) {
                throw new InvalidModelException("schema model", "a null " + what + " was given");
            }
            list.add(value);
            return this;
        }
    }

    private static void validate(List<EnumType> enums, List<Table> tables, List<Table> externals) {
        Set<QualifiedName> enumNames = new HashSet<>();
        for (EnumType e : enums) {
            if (!enumNames.add(e.name())) {
                throw new InvalidModelException("enum " + e.name().display(), "is declared twice");
            }
        }
        Map<QualifiedName, Table> byName = new HashMap<>();
        Set<QualifiedName> externalNames = new HashSet<>();
        for (Table t : externals) {
            externalNames.add(t.name());
            if (byName.put(t.name(), t) != null) {
                throw new InvalidModelException("external table " + t.name().display(), "is declared twice");
            }
        }
        // Tables, indexes and the indexes behind primary keys and unique constraints share one
        // namespace per schema in PostgreSQL.
        Map<QualifiedName, String> relations = new HashMap<>();
        for (Table t : tables) {
            if (byName.put(t.name(), t) != null) {
                throw new InvalidModelException("table " + t.name().display(),
                        "is declared twice (or as both an owned and an external table)");
            }
            claim(relations, t.name(), "table " + t.name().display());
        }
        for (Table t : tables) {
            String owner = "table " + t.name().display();
            if (t.primaryKey() != null) {
                claim(relations, t.name().withName(t.primaryKey().name()), "primary key of " + owner);
            }
            for (Unique u : t.uniques()) {
                claim(relations, t.name().withName(u.name()), "unique constraint of " + owner);
            }
            for (Index ix : t.indexes()) {
                claim(relations, t.name().withName(ix.name()), "index of " + owner);
            }
            for (Column c : t.columns()) {
                ColumnType type = c.type() instanceof ColumnType.ArrayOf a ? a.element() : c.type();
                if (type instanceof ColumnType.EnumRef ref && !enumNames.contains(ref.name())) {
                    throw new InvalidModelException(owner, "column " + Identifiers.show(c.name()) + " has type "
                            + ref.name().display() + ", which is not an enum of the schema; declare the enum");
                }
            }
            for (ForeignKey fk : t.foreignKeys()) {
                String self = owner + ", foreign key " + Identifiers.show(fk.name());
                Table target = byName.get(fk.referencedTable());
                if (target == null) {
                    throw new InvalidModelException(self, "references table " + fk.referencedTable().display()
                            + ", which is not part of the schema; declare it, or declare it as an external table if another system owns it");
                }
                for (String col : fk.referencedColumns()) {
                    if (target.column(col) == null) {
                        throw new InvalidModelException(self, "references column " + Identifiers.show(col)
                                + " of " + fk.referencedTable().display() + ", which that table does not have");
                    }
                }
                boolean external = externalNames.contains(target.name());
                if (!external && !target.isUniqueKey(fk.referencedColumns())) {
                    throw new InvalidModelException(self, "references " + fk.referencedColumns() + " of "
                            + fk.referencedTable().display() + ", which is neither its primary key nor unique;"
                            + " PostgreSQL requires a unique key there");
                }
            }
        }
    }

    private static void claim(Map<QualifiedName, String> relations, QualifiedName name, String what) {
        String previous = relations.putIfAbsent(name, what);
        if (previous != null) {
            throw new InvalidModelException(what, "uses the name " + name.display() + ", already used by the "
                    + previous + "; tables, indexes and key constraints share one namespace per schema");
        }
    }

    private static <T> List<T> sorted(List<T> items, Function<T, QualifiedName> key) {
        List<T> copy = new ArrayList<>(items == null ? List.of() : items);
        copy.sort(Comparator.comparing(key));
        return List.copyOf(copy);
    }
}
