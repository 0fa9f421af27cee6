package dev.shale.model;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules of partitioning that only the whole model can check: a partition's parent is an owned,
 * partitioned table; no table is (indirectly) a partition of itself; a partition's indexes and
 * constraints name columns of its parent; a partitioned table's primary key and unique constraints
 * include every partition key column (PostgreSQL enforces uniqueness per partition only); a parent
 * has at most one DEFAULT partition, and a HASH-partitioned one none; a bound has the strategy's form.
 */
final class PartitionRules {
    private PartitionRules() {}

    static void validate(List<Table> tables) {
        Map<QualifiedName, Table> byName = new HashMap<>();
        tables.forEach(t -> byName.put(t.name(), t));
        Map<QualifiedName, QualifiedName> defaults = new HashMap<>();
        for (Table t : tables) {
            String self = "table " + t.name().display();
            cycle(self, t, byName);
            if (t.partitioning() != null) {
                keysIncluded(self, t);
                Set<String> columns = columnsOf(t, byName);
                for (IndexKey key : t.partitioning().keys()) {
                    if (key.column() != null && !columns.contains(key.column())) {
                        throw new InvalidModelException(self, "is partitioned by column " + Identifiers.show(key.column())
                                + ", which it does not have");
                    }
                }
            }
            if (t.partitionOf() == null) {
                continue;
            }
            PartitionOf of = t.partitionOf();
            Table parent = byName.get(of.parent());
            if (parent == null) {
                throw new InvalidModelException(self, "is a partition of " + of.parent().display()
                        + ", which is not an owned table of the schema; declare the partitioned table");
            }
            if (parent.partitioning() == null) {
                throw new InvalidModelException(self, "is a partition of " + of.parent().display()
                        + ", which is not partitioned; declare how that table is partitioned (PARTITION BY RANGE, LIST or HASH)");
            }
            boundFits(self, of, parent.partitioning().strategy());
            if (of.isDefault()) {
                QualifiedName other = defaults.putIfAbsent(of.parent(), t.name());
                if (other != null) {
                    throw new InvalidModelException(self, "is a DEFAULT partition of " + of.parent().display()
                            + ", and so is " + other.display() + "; a table has at most one default partition");
                }
            }
            Set<String> columns = columnsOf(t, byName);
            for (Constraint k : t.constraints()) {
                for (String col : k.columns()) {
                    if (!columns.contains(col)) {
                        throw new InvalidModelException(self, "constraint " + Identifiers.show(k.name()) + " names column "
                                + Identifiers.show(col) + ", which its partitioned table " + of.parent().display() + " does not have");
                    }
                }
            }
            for (Check k : t.checks()) {
                if (parent.checks().stream().anyMatch(p -> p.name().equals(k.name()))) {
                    throw new InvalidModelException(self, "check constraint " + Identifiers.show(k.name())
                            + " has the name of a check of " + of.parent().display() + ", which every partition inherits;"
                            + " rename it or declare it only on the partitioned table");
                }
            }
            for (Index ix : t.indexes()) {
                for (IndexKey key : ix.keys()) {
                    if (key.column() != null && !columns.contains(key.column())) {
                        throw new InvalidModelException(self, "index " + Identifiers.show(ix.name()) + " names column "
                                + Identifiers.show(key.column()) + ", which its partitioned table " + of.parent().display()
                                + " does not have");
                    }
                }
                for (String col : ix.include()) {
                    if (!columns.contains(col)) {
                        throw new InvalidModelException(self, "index " + Identifiers.show(ix.name()) + " includes column "
                                + Identifiers.show(col) + ", which its partitioned table " + of.parent().display() + " does not have");
                    }
                }
            }
        }
    }

    /** The columns a table has: its own, or for a partition its topmost parent's. */
    static Set<String> columnsOf(Table t, Map<QualifiedName, Table> byName) {
        Table root = t;
        Set<QualifiedName> seen = new HashSet<>();
        while (root.partitionOf() != null && seen.add(root.name()) && byName.containsKey(root.partitionOf().parent())) {
            root = byName.get(root.partitionOf().parent());
        }
        Set<String> names = new HashSet<>();
        root.columns().forEach(c -> names.add(c.name()));
        return names;
    }

    private static void cycle(String self, Table t, Map<QualifiedName, Table> byName) {
        Set<QualifiedName> seen = new HashSet<>();
        Table at = t;
        while (at != null && at.partitionOf() != null) {
            if (!seen.add(at.name())) {
                throw new InvalidModelException(self, "is, through its parents, a partition of itself; break the cycle of PARTITION OF");
            }
            at = byName.get(at.partitionOf().parent());
        }
    }

    private static void keysIncluded(String self, Table t) {
        List<String> keyColumns = t.partitioning().keys().stream().map(IndexKey::column).toList();
        boolean expressions = keyColumns.contains(null);
        if (t.primaryKey() != null) {
            check(self, "primary key " + Identifiers.show(t.primaryKey().name()), t.primaryKey().columns(), keyColumns, expressions);
        }
        for (Unique u : t.uniques()) {
            check(self, "unique constraint " + Identifiers.show(u.name()), u.columns(), keyColumns, expressions);
        }
        for (Index ix : t.indexes()) {
            if (ix.unique()) {
                check(self, "unique index " + Identifiers.show(ix.name()),
                        ix.keys().stream().map(IndexKey::column).filter(java.util.Objects::nonNull).toList(), keyColumns, expressions);
            }
        }
    }

    private static void check(String self, String what, List<String> columns, List<String> keys, boolean expressions) {
        if (expressions) {
            throw new InvalidModelException(self, what + " cannot be declared: the table is partitioned by an expression,"
                    + " and PostgreSQL supports unique keys on a partitioned table only when it is partitioned by columns");
        }
        for (String key : keys) {
            if (!columns.contains(key)) {
                throw new InvalidModelException(self, what + " on " + columns + " lacks the partition key column "
                        + Identifiers.show(key) + "; PostgreSQL requires a unique key of a partitioned table to include"
                        + " every partition key column, so add it to the key");
            }
        }
    }

    private static void boundFits(String self, PartitionOf of, Partitioning.Strategy strategy) {
        String bound = of.bound();
        if (of.isDefault()) {
            if (strategy == Partitioning.Strategy.HASH) {
                throw new InvalidModelException(self, "is a DEFAULT partition of " + of.parent().display()
                        + ", which is partitioned by HASH; a hash-partitioned table cannot have a default partition");
            }
            return;
        }
        String expected = switch (strategy) {
            case RANGE -> "FOR VALUES FROM";
            case LIST -> "FOR VALUES IN";
            case HASH -> "FOR VALUES WITH";
        };
        if (!bound.regionMatches(true, 0, expected, 0, expected.length())) {
            throw new InvalidModelException(self, "has the bound " + bound + ", but " + of.parent().display()
                    + " is partitioned by " + strategy + ", whose partitions are bound by " + expected + " (...) or DEFAULT");
        }
    }
}
