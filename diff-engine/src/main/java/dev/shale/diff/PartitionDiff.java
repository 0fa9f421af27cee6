package dev.shale.diff;

import dev.shale.change.AddConstraint;
import dev.shale.change.AttachPartition;
import dev.shale.change.DetachPartition;
import dev.shale.diff.ChangeOrder.Phase;
import dev.shale.diff.ChangeOrder.Placement;
import dev.shale.dsl.DerivedNames;
import dev.shale.model.Check;
import dev.shale.model.Conversion;
import dev.shale.model.ForeignKey;
import dev.shale.model.Identifiers;
import dev.shale.model.Index;
import dev.shale.model.PartitionOf;
import dev.shale.model.Partitioning;
import dev.shale.model.PrimaryKey;
import dev.shale.model.QualifiedName;
import dev.shale.model.SchemaModel;
import dev.shale.model.Table;
import dev.shale.model.Unique;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The partitioning part of the diff of a table on both sides: a partition's columns come from its
 * parent, so two partitions compare by their own indexes and constraints only, and a change of the
 * parent's columns reaches the partitions through PostgreSQL. A table that becomes a partition is
 * first brought to the parent's columns and checks (PostgreSQL refuses to attach it otherwise), then
 * attached; a partition that stops being one is detached, and what it inherited (columns, checks,
 * keys and indexes, under the names PostgreSQL gave them) is then its own. A changed bound or parent is
 * a detach and an attach. The partitioning of a table (strategy and keys) cannot change in place.
 *
 * <p>The names PostgreSQL gives a partition's copies of its parent's keys and indexes are derived as
 * PostgreSQL derives them ({@code <partition>_pkey}, {@code <partition>_<columns>_key},
 * {@code <partition>_<columns>_idx}); when PostgreSQL had to add a number to avoid a clash, a detached
 * partition's copies are not recognised by that name.
 */
final class PartitionDiff {
    private PartitionDiff() {}

    /** Adds the changes that turn {@code from} (in {@code base}) into {@code now} (in {@code to}) to {@code order}. */
    static void diff(SchemaModel base, SchemaModel to, Table from, Table now, List<Conversion> conversions, ChangeOrder order) {
        if (!Objects.equals(from.partitioning(), now.partitioning())) {
            throw new UnsupportedChangeException("table " + now.name().display(), "changing how it is partitioned (from "
                    + describe(from.partitioning()) + " to " + describe(now.partitioning()) + ") cannot be done in place,"
                    + " because PostgreSQL fixes a table's partitioning when the table is created",
                    "write a hand-written migration that creates the new table under another name, copies the rows"
                    + " (INSERT INTO ... SELECT), drops the old table and renames the new one");
        }
        PartitionOf was = from.partitionOf();
        PartitionOf is = now.partitionOf();
        if (Objects.equals(was, is)) {
            TableDiff.diff(from, now, conversions, order);
            return;
        }
        QualifiedName name = now.name();
        Table plain = from;
        if (was != null) {
            order.addGrouped(Phase.DETACH_PARTITION, 0, name, new DetachPartition(name, was));
            plain = expand(from, ancestors(base, from, null));
        }
        boolean detached = was != null;
        if (is == null) {
            ChangeOrder local = new ChangeOrder();
            TableDiff.diff(plain, now, conversions, local);
            order.addAll(local, (phase, change) -> detached && isDrop(phase) ? new Placement(Phase.DETACH_PARTITION, 1) : null);
            return;
        }
        List<Table> parents = ancestors(to, now, base);
        Table full = expand(now, parents);
        Set<String> inheritedChecks = new HashSet<>();
        parents.forEach(p -> p.checks().forEach(k -> inheritedChecks.add(k.name())));
        Table source = plain;
        Table ready = now.toBuilder().partitionOf(null).columns(full.columns()).checks(full.checks())
                .primaryKey(now.primaryKey() != null ? now.primaryKey()
                        : Objects.equals(full.primaryKey(), source.primaryKey()) ? full.primaryKey() : null)
                .uniques(kept(now.uniques(), full.uniques(), source.uniques()))
                .indexes(kept(now.indexes(), full.indexes(), source.indexes()))
                .foreignKeys(kept(now.foreignKeys(), full.foreignKeys(), source.foreignKeys()))
                .build();
        ChangeOrder local = new ChangeOrder();
        TableDiff.diff(source, ready, conversions, local);
        order.addAll(local, (phase, change) -> {
            if (detached && isDrop(phase)) {
                return new Placement(Phase.DETACH_PARTITION, 1);
            }
            if (phase == Phase.ADD_COLUMN || phase == Phase.ALTER_COLUMN || phase == Phase.DROP_COLUMN) {
                return new Placement(Phase.ATTACH_PARTITION, 0);
            }
            if (change instanceof AddConstraint a && a.constraint() instanceof Check k && inheritedChecks.contains(k.name())) {
                return new Placement(Phase.ATTACH_PARTITION, 1);
            }
            return null;
        });
        order.addGrouped(Phase.ATTACH_PARTITION, 2, name, new AttachPartition(name, is));
    }

    /** The tables that must exist before {@code t} is created: those its foreign keys name, and its parent. */
    static Set<QualifiedName> dependencies(Table t, Set<QualifiedName> referenced) {
        if (t.partitionOf() == null) {
            return referenced;
        }
        Set<QualifiedName> all = new TreeSet<>(referenced);
        all.add(t.partitionOf().parent());
        return all;
    }

    private static boolean isDrop(Phase phase) {
        return phase == Phase.DROP_CONSTRAINT_OR_INDEX || phase == Phase.DROP_FOREIGN_KEY;
    }

    private static <T> List<T> kept(List<T> own, List<T> inherited, List<T> present) {
        List<T> out = new ArrayList<>(own);
        for (T item : inherited) {
            if (!own.contains(item) && present.contains(item)) {
                out.add(item);
            }
        }
        return out;
    }

    /**
     * The parents of {@code t} in {@code model}, nearest first. With {@code before} given (attaching), each
     * parent is taken as it stands when the attach runs: as in {@code before}, less what this migration
     * drops or changes before it (constraints and indexes are dropped before partitions are attached and
     * added after; columns change after).
     */
    private static List<Table> ancestors(SchemaModel model, Table t, SchemaModel before) {
        List<Table> out = new ArrayList<>();
        Set<QualifiedName> seen = new HashSet<>();
        Table at = t;
        while (at.partitionOf() != null && seen.add(at.name())) {
            Table parent = model.table(at.partitionOf().parent());
            if (parent == null) {
                break;
            }
            Table old = before == null ? null : before.table(parent.name());
            out.add(old == null || old.partitioning() == null ? parent : atAttach(old, parent));
            at = parent;
        }
        return out;
    }

    private static Table atAttach(Table old, Table now) {
        return old.toBuilder()
                .primaryKey(Objects.equals(old.primaryKey(), now.primaryKey()) ? old.primaryKey() : null)
                .uniques(common(old.uniques(), now.uniques()))
                .checks(common(old.checks(), now.checks()))
                .foreignKeys(common(old.foreignKeys(), now.foreignKeys()))
                .indexes(common(old.indexes(), now.indexes()))
                .build();
    }

    private static <T> List<T> common(List<T> a, List<T> b) {
        return a.stream().filter(b::contains).toList();
    }

    /**
     * The partition {@code t} as a plain table: the columns of its topmost parent, its own checks, keys
     * and indexes, and the copies of its parents' checks, keys, indexes and foreign keys that
     * PostgreSQL keeps on it.
     */
    static Table expand(Table t, List<Table> parents) {
        Table root = parents.isEmpty() ? t : parents.get(parents.size() - 1);
        String self = t.name().name();
        Map<String, Check> checks = new LinkedHashMap<>();
        t.checks().forEach(k -> checks.put(k.name(), k));
        PrimaryKey pk = t.primaryKey();
        List<Unique> uniques = new ArrayList<>(t.uniques());
        List<Index> indexes = new ArrayList<>(t.indexes());
        List<ForeignKey> fks = new ArrayList<>(t.foreignKeys());
        for (Table p : parents) {
            for (Check k : p.checks()) {
                checks.putIfAbsent(k.name(), k.withComment(null));
            }
            if (pk == null && p.primaryKey() != null) {
                pk = p.primaryKey().withName(DerivedNames.of(self, List.of(), "pkey")).withComment(null);
            }
            for (Unique u : p.uniques()) {
                uniques.add(u.withName(DerivedNames.of(self, u.columns(), "key")).withComment(null));
            }
            for (Index ix : p.indexes()) {
                indexes.add(ix.withName(DerivedNames.of(self, indexColumnNames(ix), "idx")).withComment(null));
            }
            for (ForeignKey fk : p.foreignKeys()) {
                if (fks.stream().noneMatch(f -> f.name().equals(fk.name()))) {
                    fks.add(fk.withComment(null));
                }
            }
        }
        return t.toBuilder().partitionOf(null).columns(root.columns()).checks(List.copyOf(checks.values())).primaryKey(pk)
                .uniques(distinct(uniques, Unique::name)).indexes(distinct(indexes, Index::name))
                .foreignKeys(fks).build();
    }

    private static <T> List<T> distinct(List<T> items, java.util.function.Function<T, String> name) {
        Map<String, T> out = new LinkedHashMap<>();
        items.forEach(i -> out.putIfAbsent(name.apply(i), i));
        return List.copyOf(out.values());
    }

    /** PostgreSQL's ChooseIndexColumnNames: key and INCLUDE columns, "expr" for an expression, numbered when repeated. */
    private static List<String> indexColumnNames(Index ix) {
        List<String> names = new ArrayList<>();
        List<String> all = new ArrayList<>(ix.keys().stream().map(k -> k.column() == null ? "expr" : k.column()).toList());
        all.addAll(ix.include());
        for (String n : all) {
            String candidate = n;
            for (int i = 1; names.contains(candidate); i++) {
                candidate = n + i;
            }
            names.add(candidate);
        }
        return names;
    }

    private static String describe(Partitioning p) {
        if (p == null) {
            return "not partitioned";
        }
        return "PARTITION BY " + p.strategy() + " (" + p.keys().stream()
                .map(k -> k.column() != null ? Identifiers.show(k.column()) : k.expression())
                .collect(Collectors.joining(", ")) + ")";
    }
}
