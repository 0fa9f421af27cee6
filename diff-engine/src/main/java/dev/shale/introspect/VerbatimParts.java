package dev.shale.introspect;

import dev.shale.model.Column;
import dev.shale.model.ForeignKey;
import dev.shale.model.Index;
import dev.shale.model.IndexKey;
import dev.shale.model.IndexMethod;
import dev.shale.model.NullsOrder;
import dev.shale.model.PrimaryKey;
import dev.shale.model.QualifiedName;
import dev.shale.model.ReplicaIdentity;
import dev.shale.model.SchemaModel;
import dev.shale.model.Table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parts of a declared model that PostgreSQL stores exactly as Shale declares them, so that
 * {@link Canonicalizer} need not create them on the server to learn their canonical form: foreign keys
 * between ordinary tables, btree indexes of ordinary tables on plain columns (no expression, predicate,
 * operator class, collation, sort order or storage parameter), and primary keys. Every name, column and
 * action of these is spelled out in the model (a primary key's columns are NOT NULL in it already), and
 * introspection reads them back field for field; at N = 1,000 tables of the benchmark they are three
 * statements of every four that canonicalising would send, and two of every five files it would create.
 *
 * <p>Kept on the server, so that what depends on them is still created: everything of a partitioned table
 * or a partition (PostgreSQL clones keys and indexes onto partitions), foreign keys that reference one, every
 * key and index of a table such a kept key references, the index a table's replica identity names, and
 * every primary key of a model with views, routines or policies (a query grouped by a table's key may
 * select its other columns only while the key exists).
 *
 * @param rest the declared model without the verbatim parts, to canonicalise on the server
 * @param primaryKeys the verbatim primary keys set aside, by table
 * @param indexes the verbatim indexes set aside, by table
 * @param foreignKeys the verbatim foreign keys set aside, by table
 */
record VerbatimParts(SchemaModel rest, Map<QualifiedName, PrimaryKey> primaryKeys, Map<QualifiedName, List<Index>> indexes,
                     Map<QualifiedName, List<ForeignKey>> foreignKeys) {

    /** {@code declared} split into what the server must normalise and what it would give back as declared. */
    static VerbatimParts of(SchemaModel declared) {
        Set<QualifiedName> partitioned = new HashSet<>();
        for (Table t : declared.tables()) {
            if (t.partitioning() != null || t.partitionOf() != null) {
                partitioned.add(t.name());
            }
        }
        Set<QualifiedName> referencedByKept = new HashSet<>();
        for (Table t : declared.tables()) {
            for (ForeignKey fk : t.foreignKeys()) {
                if (!verbatim(t, fk, partitioned)) {
                    referencedByKept.add(fk.referencedTable());
                }
            }
        }
        boolean queries = !declared.views().isEmpty() || !declared.routines().isEmpty() || !declared.policies().isEmpty();
        Map<QualifiedName, PrimaryKey> primaryKeys = new HashMap<>();
        Map<QualifiedName, List<Index>> indexes = new HashMap<>();
        Map<QualifiedName, List<ForeignKey>> foreignKeys = new HashMap<>();
        List<Table> rest = new ArrayList<>();
        for (Table t : declared.tables()) {
            boolean plain = !partitioned.contains(t.name()) && !referencedByKept.contains(t.name());
            PrimaryKey pk = t.primaryKey();
            boolean pkAside = pk != null && plain && !queries && !namedByReplicaIdentity(t, pk.name());
            List<Index> keptIndexes = new ArrayList<>();
            List<Index> asideIndexes = new ArrayList<>();
            for (Index index : t.indexes()) {
                boolean aside = plain && !namedByReplicaIdentity(t, index.name()) && verbatim(t, index);
                (aside ? asideIndexes : keptIndexes).add(index);
            }
            List<ForeignKey> keptKeys = new ArrayList<>();
            List<ForeignKey> asideKeys = new ArrayList<>();
            for (ForeignKey fk : t.foreignKeys()) {
                (verbatim(t, fk, partitioned) ? asideKeys : keptKeys).add(fk);
            }
            if (pkAside) {
                primaryKeys.put(t.name(), pk);
            }
            if (!asideIndexes.isEmpty()) {
                indexes.put(t.name(), List.copyOf(asideIndexes));
            }
            if (!asideKeys.isEmpty()) {
                foreignKeys.put(t.name(), List.copyOf(asideKeys));
            }
            rest.add(!pkAside && asideIndexes.isEmpty() && asideKeys.isEmpty() ? t
                    : t.withPrimaryKey(pkAside ? null : pk).withIndexes(keptIndexes).withForeignKeys(keptKeys));
        }
        boolean none = primaryKeys.isEmpty() && indexes.isEmpty() && foreignKeys.isEmpty();
        return new VerbatimParts(none ? declared : declared.withTables(rest), Map.copyOf(primaryKeys), Map.copyOf(indexes),
                Map.copyOf(foreignKeys));
    }

    /** {@code canonical} (the canonical form of {@link #rest}) with the parts set aside put back. */
    SchemaModel restore(SchemaModel canonical) {
        if (primaryKeys.isEmpty() && indexes.isEmpty() && foreignKeys.isEmpty()) {
            return canonical;
        }
        List<Table> tables = new ArrayList<>();
        for (Table t : canonical.tables()) {
            PrimaryKey pk = primaryKeys.get(t.name());
            List<Index> moreIndexes = indexes.getOrDefault(t.name(), List.of());
            List<ForeignKey> moreKeys = foreignKeys.getOrDefault(t.name(), List.of());
            if (pk == null && moreIndexes.isEmpty() && moreKeys.isEmpty()) {
                tables.add(t);
                continue;
            }
            List<Index> allIndexes = new ArrayList<>(t.indexes());
            allIndexes.addAll(moreIndexes);
            List<ForeignKey> allKeys = new ArrayList<>(t.foreignKeys());
            allKeys.addAll(moreKeys);
            tables.add((pk == null ? t : t.withPrimaryKey(pk)).withIndexes(allIndexes).withForeignKeys(allKeys));
        }
        return canonical.withTables(tables);
    }

    private static boolean verbatim(Table owner, ForeignKey fk, Set<QualifiedName> partitioned) {
        return !partitioned.contains(owner.name()) && !partitioned.contains(fk.referencedTable());
    }

    private static boolean verbatim(Table owner, Index index) {
        if (index.method() != IndexMethod.BTREE || index.where() != null || !index.storage().isEmpty()
                || index.nullsNotDistinct()) {
            return false;
        }
        for (IndexKey key : index.keys()) {
            if (key.column() == null || key.descending() || key.nulls() != NullsOrder.DEFAULT || key.collation() != null
                    || key.opclass() != null) {
                return false;
            }
            Column column = owner.column(key.column());
            if (column == null || column.collation() != null) {
                return false;
            }
        }
        for (String included : index.include()) {
            if (owner.column(included) == null) {
                return false;
            }
        }
        return true;
    }

    private static boolean namedByReplicaIdentity(Table owner, String index) {
        return owner.replicaIdentity().kind() == ReplicaIdentity.Kind.INDEX && index.equals(owner.replicaIdentity().index());
    }
}
