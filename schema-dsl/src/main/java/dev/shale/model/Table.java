package dev.shale.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A table: its columns in declaration order, and its constraints and indexes sorted by name so that
 * two models of the same table compare equal however they were built.
 *
 * @param name the table's qualified name
 * @param columns columns in physical order
 * @param primaryKey the primary key, or null
 * @param uniques UNIQUE constraints
 * @param checks CHECK constraints
 * @param foreignKeys FOREIGN KEY constraints
 * @param indexes indexes (other than those backing the primary key and unique constraints)
 */
public record Table(QualifiedName name, List<Column> columns, PrimaryKey primaryKey, List<Unique> uniques,
                    List<Check> checks, List<ForeignKey> foreignKeys, List<Index> indexes) {
    public Table {
        if (name == null) {
            throw new InvalidModelException("table", "name is required");
        }
        String self = "table " + name.display();
        columns = List.copyOf(columns == null ? List.of() : columns);
        Set<String> columnNames = new HashSet<>();
        for (Column c : columns) {
            if (!columnNames.add(c.name())) {
                throw new InvalidModelException(self, "column " + Identifiers.show(c.name())
                        + " is declared twice; rename or remove one of them");
            }
        }
        uniques = sorted(uniques, Unique::name);
        checks = sorted(checks, Check::name);
        foreignKeys = sorted(foreignKeys, ForeignKey::name);
        indexes = sorted(indexes, Index::name);

        Set<String> constraintNames = new HashSet<>();
        List<Constraint> all = new ArrayList<>();
        if (primaryKey != null) {
            all.add(primaryKey);
        }
        all.addAll(uniques);
        all.addAll(checks);
        all.addAll(foreignKeys);
        for (Constraint k : all) {
            if (!constraintNames.add(k.name())) {
                throw new InvalidModelException(self, "two constraints are named " + Identifiers.show(k.name())
                        + "; constraint names must be unique within a table");
            }
            for (String col : k.columns()) {
                if (!columnNames.contains(col)) {
                    throw new InvalidModelException(self, "constraint " + Identifiers.show(k.name())
                            + " names column " + Identifiers.show(col) + ", which the table does not have");
                }
            }
        }
        // PostgreSQL's CREATE TABLE silently keeps one of two key constraints over the same column list.
        List<List<String>> keys = new ArrayList<>();
        if (primaryKey != null) {
            keys.add(primaryKey.columns());
        }
        for (Unique u : uniques) {
            if (keys.contains(u.columns())) {
                throw new InvalidModelException(self, "unique constraint " + Identifiers.show(u.name())
                        + " repeats the columns " + u.columns() + " of the primary key or another unique constraint;"
                        + " PostgreSQL would keep only one of them. Remove it");
            }
            keys.add(u.columns());
        }
        for (Index ix : indexes) {
            for (IndexKey key : ix.keys()) {
                if (key.column() != null && !columnNames.contains(key.column())) {
                    throw new InvalidModelException(self, "index " + Identifiers.show(ix.name())
                            + " names column " + Identifiers.show(key.column()) + ", which the table does not have");
                }
            }
        }
        if (primaryKey != null) {
            List<Column> fixed = new ArrayList<>(columns.size());
            for (Column c : columns) {
                fixed.add(primaryKey.columns().contains(c.name()) && !c.notNull() ? c.withNotNull(true) : c);
            }
            columns = List.copyOf(fixed);
        }
    }

    /** A table with just columns, for tests and external references. */
    public static Table of(QualifiedName name, List<Column> columns) {
        return new Table(name, columns, null, List.of(), List.of(), List.of(), List.of());
    }

    /** The column of that name, or null. */
    public Column column(String columnName) {
        for (Column c : columns) {
            if (c.name().equals(columnName)) {
                return c;
            }
        }
        return null;
    }

    /** Every constraint: primary key first, then uniques, checks and foreign keys. */
    public List<Constraint> constraints() {
        List<Constraint> all = new ArrayList<>();
        if (primaryKey != null) {
            all.add(primaryKey);
        }
        all.addAll(uniques);
        all.addAll(checks);
        all.addAll(foreignKeys);
        return all;
    }

    /**
     * Whether {@code cols} (in any order) is guaranteed unique: the primary key, a unique constraint, or
     * a unique, non-partial index on plain columns. PostgreSQL requires this of a foreign key's target.
     */
    public boolean isUniqueKey(List<String> cols) {
        Set<String> wanted = Set.copyOf(cols);
        if (primaryKey != null && Set.copyOf(primaryKey.columns()).equals(wanted)) {
            return true;
        }
        for (Unique u : uniques) {
            if (Set.copyOf(u.columns()).equals(wanted)) {
                return true;
            }
        }
        for (Index ix : indexes) {
            if (ix.unique() && ix.where() == null && ix.keys().stream().allMatch(k -> k.column() != null)
                    && ix.keys().stream().map(IndexKey::column).collect(java.util.stream.Collectors.toSet()).equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    public Table withName(QualifiedName newName) {
        return new Table(newName, columns, primaryKey, uniques, checks, foreignKeys, indexes);
    }

    private static <T> List<T> sorted(List<T> items, Function<T, String> key) {
        List<T> copy = new ArrayList<>(items == null ? List.of() : items);
        copy.sort(Comparator.comparing(key));
        return List.copyOf(copy);
    }
}
