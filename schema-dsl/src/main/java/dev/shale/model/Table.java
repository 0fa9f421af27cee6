package dev.shale.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
 * @param indexes indexes (other than those backing the primary key, unique and exclusion constraints)
 * @param exclusions EXCLUDE constraints
 * @param partitioning {@code PARTITION BY ...} when this is a partitioned table, else null
 * @param partitionOf the parent and bound when this is a partition (whose columns come from the parent,
 *                    so it declares none), else null
 * @param unlogged {@code CREATE UNLOGGED TABLE}: not written to the WAL, emptied after a crash
 * @param storage storage parameters ({@code WITH (fillfactor = 70)}), sorted by name
 * @param replicaIdentity what logical replication identifies rows by
 * @param comment its comment, or null
 * @param rowSecurity whether row-level security is enabled and forced ({@link RowSecurity#OFF} by default)
 */
public record Table(QualifiedName name, List<Column> columns, PrimaryKey primaryKey, List<Unique> uniques,
                    List<Check> checks, List<ForeignKey> foreignKeys, List<Index> indexes, List<Exclusion> exclusions,
                    Partitioning partitioning, PartitionOf partitionOf, boolean unlogged, Map<String, String> storage,
                    ReplicaIdentity replicaIdentity, String comment, RowSecurity rowSecurity) {
    public Table {
        rowSecurity = rowSecurity == null ? RowSecurity.OFF : rowSecurity;
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
        exclusions = sorted(exclusions, Exclusion::name);
        storage = StorageParameters.copy(self, storage);
        replicaIdentity = replicaIdentity == null ? ReplicaIdentity.DEFAULT : replicaIdentity;
        comment = Comments.normalize(comment);
        if (partitionOf != null && !columns.isEmpty()) {
            throw new InvalidModelException(self, "is a partition of " + partitionOf.parent().display()
                    + " and takes its columns from it; declare the columns on the partitioned table only");
        }
        if (partitioning != null && !storage.isEmpty()) {
            throw new InvalidModelException(self, "is partitioned, so it holds no rows of its own and PostgreSQL takes no storage"
                    + " parameters for it (" + String.join(", ", storage.keySet()) + "); set them on each of its partitions instead");
        }
        if (partitioning != null && unlogged) {
            throw new InvalidModelException(self, "is partitioned, so it holds no rows of its own and cannot be UNLOGGED"
                    + " (PostgreSQL ignores ALTER TABLE ... SET UNLOGGED on it); declare its partitions UNLOGGED instead");
        }
        if (partitioning != null) {
            for (Check k : checks) {
                if (k.noInherit()) {
                    throw new InvalidModelException(self, "is partitioned, so its check " + Identifiers.show(k.name())
                            + " cannot be NO INHERIT: PostgreSQL applies a partitioned table's checks to every partition;"
                            + " drop NO INHERIT, or declare the check on the partitions that need it");
                }
            }
        }
        if (partitionOf != null && partitionOf.parent().equals(name)) {
            throw new InvalidModelException(self, "cannot be a partition of itself");
        }
        String identityIndex = replicaIdentity.index();
        if (identityIndex != null && indexes.stream().noneMatch(i -> i.name().equals(identityIndex))
                && (primaryKey == null || !primaryKey.name().equals(identityIndex))
                && uniques.stream().noneMatch(u -> u.name().equals(identityIndex))) {
            throw new InvalidModelException(self, "uses index " + Identifiers.show(identityIndex)
                    + " as its replica identity, but has no unique index or key of that name");
        }

        if (identityIndex != null) {
            replicaIdentityIndex(self, identityIndex, primaryKey, uniques, indexes, columns);
        }

        Set<String> constraintNames = new HashSet<>();
        List<Constraint> all = new ArrayList<>();
        if (primaryKey != null) {
            all.add(primaryKey);
        }
        all.addAll(uniques);
        all.addAll(checks);
        all.addAll(foreignKeys);
        all.addAll(exclusions);
        for (Constraint k : all) {
            if (!constraintNames.add(k.name())) {
                throw new InvalidModelException(self, "two constraints are named " + Identifiers.show(k.name())
                        + "; constraint names must be unique within a table");
            }
            for (String col : k.columns()) {
                if (!columnNames.contains(col) && partitionOf == null) {
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
                if (key.column() != null && !columnNames.contains(key.column()) && partitionOf == null) {
                    throw new InvalidModelException(self, "index " + Identifiers.show(ix.name())
                            + " names column " + Identifiers.show(key.column()) + ", which the table does not have");
                }
            }
            for (String col : ix.include()) {
                if (!columnNames.contains(col) && partitionOf == null) {
                    throw new InvalidModelException(self, "index " + Identifiers.show(ix.name())
                            + " includes column " + Identifiers.show(col) + ", which the table does not have");
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

    /**
     * PostgreSQL's rules for {@code REPLICA IDENTITY USING INDEX}: a unique, non-partial, immediate index
     * on plain NOT NULL columns (a primary key's columns are NOT NULL anyway).
     */
    private static void replicaIdentityIndex(String self, String index, PrimaryKey primaryKey, List<Unique> uniques,
                                             List<Index> indexes, List<Column> columns) {
        String what = "uses index " + Identifiers.show(index) + " as its replica identity, but ";
        List<String> keyColumns;
        if (primaryKey != null && primaryKey.name().equals(index)) {
            if (primaryKey.deferral() != Deferral.NOT_DEFERRABLE) {
                throw new InvalidModelException(self, what + "the primary key is deferrable; make it immediate");
            }
            return;
        }
        Unique unique = uniques.stream().filter(u -> u.name().equals(index)).findFirst().orElse(null);
        if (unique != null) {
            if (unique.deferral() != Deferral.NOT_DEFERRABLE) {
                throw new InvalidModelException(self, what + "the unique constraint is deferrable; make it immediate");
            }
            keyColumns = unique.columns();
        } else {
            Index ix = indexes.stream().filter(i -> i.name().equals(index)).findFirst().orElseThrow();
            if (!ix.unique() || ix.where() != null || ix.keys().stream().anyMatch(k -> k.column() == null)) {
                throw new InvalidModelException(self, what + "it is not a unique, non-partial index on plain columns");
            }
            keyColumns = ix.keys().stream().map(IndexKey::column).toList();
        }
        for (String col : keyColumns) {
            Column c = columns.stream().filter(x -> x.name().equals(col)).findFirst().orElse(null);
            if (c != null && !c.notNull()) {
                throw new InvalidModelException(self, what + "its column " + Identifiers.show(col)
                        + " may be NULL; make it NOT NULL");
            }
        }
    }

    /** A table with row-level security off. */
    public Table(QualifiedName name, List<Column> columns, PrimaryKey primaryKey, List<Unique> uniques,
                 List<Check> checks, List<ForeignKey> foreignKeys, List<Index> indexes, List<Exclusion> exclusions,
                 Partitioning partitioning, PartitionOf partitionOf, boolean unlogged, Map<String, String> storage,
                 ReplicaIdentity replicaIdentity, String comment) {
        this(name, columns, primaryKey, uniques, checks, foreignKeys, indexes, exclusions, partitioning, partitionOf,
                unlogged, storage, replicaIdentity, comment, RowSecurity.OFF);
    }

    /** A plain table: not partitioned, logged, default storage and replica identity, no comment. */
    public Table(QualifiedName name, List<Column> columns, PrimaryKey primaryKey, List<Unique> uniques,
                 List<Check> checks, List<ForeignKey> foreignKeys, List<Index> indexes) {
        this(name, columns, primaryKey, uniques, checks, foreignKeys, indexes, List.of(), null, null, false, Map.of(),
                ReplicaIdentity.DEFAULT, null);
    }

    /** Whether this is a partition of another table. */
    public boolean isPartition() {
        return partitionOf != null;
    }

    /** A table with just columns, for tests and external references. */
    public static Table of(QualifiedName name, List<Column> columns) {
        return builder(name).columns(columns).build();
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
        all.addAll(exclusions);
        return all;
    }

    /**
     * Whether {@code cols} (in any order) is guaranteed unique: the primary key, a unique constraint, or
     * a unique, non-partial index on plain columns. PostgreSQL requires this of a foreign key's target,
     * and refuses a deferrable key there, so a deferrable primary key or unique constraint does not count.
     */
    public boolean isUniqueKey(List<String> cols) {
        Set<String> wanted = Set.copyOf(cols);
        if (primaryKey != null && primaryKey.deferral() == Deferral.NOT_DEFERRABLE
                && Set.copyOf(primaryKey.columns()).equals(wanted)) {
            return true;
        }
        for (Unique u : uniques) {
            if (u.deferral() == Deferral.NOT_DEFERRABLE && Set.copyOf(u.columns()).equals(wanted)) {
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

    /** The same table under another name. */
    public Table withName(QualifiedName newName) {
        return toBuilder().name(newName).build();
    }

    /** This table with other columns; fails if a constraint or index names a column no longer there. */
    public Table withColumns(List<Column> newColumns) {
        return toBuilder().columns(newColumns).build();
    }

    /** This table with another primary key, or none (null); key columns become NOT NULL. */
    public Table withPrimaryKey(PrimaryKey newPrimaryKey) {
        return toBuilder().primaryKey(newPrimaryKey).build();
    }

    public Table withUniques(List<Unique> newUniques) {
        return toBuilder().uniques(newUniques).build();
    }

    public Table withChecks(List<Check> newChecks) {
        return toBuilder().checks(newChecks).build();
    }

    public Table withForeignKeys(List<ForeignKey> newForeignKeys) {
        return toBuilder().foreignKeys(newForeignKeys).build();
    }

    public Table withIndexes(List<Index> newIndexes) {
        return toBuilder().indexes(newIndexes).build();
    }

    public Table withExclusions(List<Exclusion> value) {
        return toBuilder().exclusions(value).build();
    }

    public Table withPartitioning(Partitioning value) {
        return toBuilder().partitioning(value).build();
    }

    public Table withPartitionOf(PartitionOf value) {
        return toBuilder().partitionOf(value).build();
    }

    public Table withUnlogged(boolean value) {
        return toBuilder().unlogged(value).build();
    }

    public Table withStorage(Map<String, String> value) {
        return toBuilder().storage(value).build();
    }

    public Table withReplicaIdentity(ReplicaIdentity value) {
        return toBuilder().replicaIdentity(value).build();
    }

    public Table withComment(String value) {
        return toBuilder().comment(value).build();
    }

    public Table withRowSecurity(RowSecurity value) {
        return toBuilder().rowSecurity(value).build();
    }

    /**
     * An empty table of that name. The name comes first because a table is nothing without it; the
     * rest can be added in any order, and {@link Builder#build} checks it all as the constructor does.
     */
    public static Builder builder(QualifiedName name) {
        return new Builder(name);
    }

    /**
     * A builder holding this table's parts, for changing several at once: each {@code with...} method
     * checks the whole table, so renaming a column and the constraints that name it needs one builder.
     */
    public Builder toBuilder() {
        return new Builder(name).columns(columns).primaryKey(primaryKey).uniques(uniques).checks(checks)
                .foreignKeys(foreignKeys).indexes(indexes).exclusions(exclusions).partitioning(partitioning)
                .partitionOf(partitionOf).unlogged(unlogged).storage(storage).replicaIdentity(replicaIdentity).comment(comment)
                .rowSecurity(rowSecurity);
    }

    /** Collects the parts of a {@link Table}; lists of named parts may come in any order. */
    public static final class Builder {
        private QualifiedName name;
        private final List<Column> columns = new ArrayList<>();
        private PrimaryKey primaryKey;
        private final List<Unique> uniques = new ArrayList<>();
        private final List<Check> checks = new ArrayList<>();
        private final List<ForeignKey> foreignKeys = new ArrayList<>();
        private final List<Index> indexes = new ArrayList<>();
        private final List<Exclusion> exclusions = new ArrayList<>();
        private Partitioning partitioning;
        private PartitionOf partitionOf;
        private boolean unlogged;
        private Map<String, String> storage = Map.of();
        private ReplicaIdentity replicaIdentity = ReplicaIdentity.DEFAULT;
        private String comment;
        private RowSecurity rowSecurity = RowSecurity.OFF;

        private Builder(QualifiedName name) {
            this.name(name);
        }

        public Builder name(QualifiedName value) {
            if (value == null) {
                throw new InvalidModelException("table", "name is required");
            }
            name = value;
            return this;
        }

        /** Replaces the columns, in physical order. */
        public Builder columns(List<Column> values) {
            return replace(columns, values, "column", "columns");
        }

        /** Appends a column. */
        public Builder addColumn(Column value) {
            return add(columns, value, "column");
        }

        /** The primary key, or null for none. */
        public Builder primaryKey(PrimaryKey value) {
            primaryKey = value;
            return this;
        }

        public Builder uniques(List<Unique> values) {
            return replace(uniques, values, "unique constraint", "unique constraints");
        }

        public Builder addUnique(Unique value) {
            return add(uniques, value, "unique constraint");
        }

        public Builder checks(List<Check> values) {
            return replace(checks, values, "check constraint", "check constraints");
        }

        public Builder addCheck(Check value) {
            return add(checks, value, "check constraint");
        }

        public Builder foreignKeys(List<ForeignKey> values) {
            return replace(foreignKeys, values, "foreign key", "foreign keys");
        }

        public Builder addForeignKey(ForeignKey value) {
            return add(foreignKeys, value, "foreign key");
        }

        public Builder indexes(List<Index> values) {
            return replace(indexes, values, "index", "indexes");
        }

        public Builder addIndex(Index value) {
            return add(indexes, value, "index");
        }

        public Builder exclusions(List<Exclusion> values) {
            return replace(exclusions, values, "exclusion constraint", "exclusion constraints");
        }

        public Builder addExclusion(Exclusion value) {
            return add(exclusions, value, "exclusion constraint");
        }

        /** PARTITION BY ..., or null for a table that is not partitioned. */
        public Builder partitioning(Partitioning value) {
            partitioning = value;
            return this;
        }

        /** The parent and bound of a partition, or null for a table that is not one. */
        public Builder partitionOf(PartitionOf value) {
            partitionOf = value;
            return this;
        }

        public Builder unlogged(boolean value) {
            unlogged = value;
            return this;
        }

        /** Storage parameters by name; an empty map for none. */
        public Builder storage(Map<String, String> value) {
            storage = value == null ? Map.of() : value;
            return this;
        }

        public Builder replicaIdentity(ReplicaIdentity value) {
            replicaIdentity = value;
            return this;
        }

        public Builder comment(String value) {
            comment = value;
            return this;
        }

        public Builder rowSecurity(RowSecurity value) {
            rowSecurity = value == null ? RowSecurity.OFF : value;
            return this;
        }

        /** Replaces every constraint (primary key, uniques, checks, foreign keys, exclusions) with these, of any kind. */
        public Builder constraints(List<? extends Constraint> values) {
            if (values == null) {
                throw nullGiven("list of constraints (give an empty list for none)");
            }
            primaryKey = null;
            uniques.clear();
            checks.clear();
            foreignKeys.clear();
            exclusions.clear();
            values.forEach(this::addConstraint);
            return this;
        }

        /** Adds a constraint of any kind; a primary key replaces the one there was. */
        public Builder addConstraint(Constraint value) {
            if (value == null) {
                throw nullGiven("constraint");
            }
            return value.accept(new ConstraintVisitor<Builder>() {
                @Override
                public Builder visitPrimaryKey(PrimaryKey k) {
                    return primaryKey(k);
                }

                @Override
                public Builder visitUnique(Unique k) {
                    return addUnique(k);
                }

                @Override
                public Builder visitCheck(Check k) {
                    return addCheck(k);
                }

                @Override
                public Builder visitForeignKey(ForeignKey k) {
                    return addForeignKey(k);
                }

                @Override
                public Builder visitExclusion(Exclusion k) {
                    return addExclusion(k);
                }
            });
        }

        /** The table; throws {@link InvalidModelException} when the parts break a rule. */
        public Table build() {
            return new Table(name, columns, primaryKey, uniques, checks, foreignKeys, indexes, exclusions, partitioning,
                    partitionOf, unlogged, storage, replicaIdentity, comment, rowSecurity);
        }

        private <T> Builder replace(List<T> list, List<? extends T> values, String what, String plural) {
            if (values == null) {
                throw nullGiven("list of " + plural + " (give an empty list for none)");
            }
            list.clear();
            values.forEach(v -> add(list, v, what));
            return this;
        }

        private <T> Builder add(List<T> list, T value, String what) {
            if (value == null) {
                throw nullGiven(what);
            }
            list.add(value);
            return this;
        }

        private InvalidModelException nullGiven(String what) {
            return new InvalidModelException("table " + name.display(), "a null " + what + " was given");
        }
    }

    private static <T> List<T> sorted(List<T> items, Function<T, String> key) {
        List<T> copy = new ArrayList<>(items == null ? List.of() : items);
        copy.sort(Comparator.comparing(key));
        return List.copyOf(copy);
    }
}
