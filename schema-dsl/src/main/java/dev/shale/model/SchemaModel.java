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
        List<EnumType> next = new ArrayList<>();
        for (EnumType e : enums) {
            if (!e.name().equals(replacement.name())) {
                next.add(e);
            }
        }
        next.add(replacement);
        return new SchemaModel(next, tables, externalTables);
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
