package dev.shale.introspect;

import dev.shale.model.Check;
import dev.shale.model.Constraint;
import dev.shale.model.ConstraintVisitor;
import dev.shale.model.Deferral;
import dev.shale.model.Exclusion;
import dev.shale.model.ForeignKey;
import dev.shale.model.Index;
import dev.shale.model.IndexKey;
import dev.shale.model.IndexMethod;
import dev.shale.model.NullsOrder;
import dev.shale.model.PrimaryKey;
import dev.shale.model.QualifiedName;
import dev.shale.model.ReplicaIdentity;
import dev.shale.model.Table;
import dev.shale.model.Unique;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads the options of tables, constraints and indexes ({@link CatalogQueries#TABLE_OPTIONS},
 * {@code CONSTRAINT_OPTIONS}, {@code EXCLUSIONS}, {@code INDEX_OPTIONS}) and the exclusion constraints,
 * and puts them on the tables {@link ModelAssembler} built from the plain catalog rows.
 */
final class OptionsReader {
    private record TableOptions(boolean unlogged, Map<String, String> storage, ReplicaIdentity identity) {}

    private record ConstraintOptions(Deferral deferral, boolean notValid, boolean noInherit, boolean nullsNotDistinct) {}

    private record IndexOptions(List<String> include, boolean nullsNotDistinct, Map<String, String> storage,
                                String[] collations, String[] opclasses) {}

    private final Map<QualifiedName, TableOptions> tables = new HashMap<>();
    private final Map<QualifiedName, Map<String, ConstraintOptions>> constraints = new HashMap<>();
    private final Map<QualifiedName, List<Exclusion>> exclusions = new HashMap<>();
    private final Map<QualifiedName, Map<String, IndexOptions>> indexes = new HashMap<>();
    private final Set<String> notManaged;

    OptionsReader(Set<String> notManaged) {
        this.notManaged = notManaged;
    }

    void tableOptions(ResultSet rs) throws SQLException {
        while (rs.next()) {
            ReplicaIdentity identity = switch (rs.getString(5)) {
                case "f" -> new ReplicaIdentity(ReplicaIdentity.Kind.FULL, null);
                case "n" -> new ReplicaIdentity(ReplicaIdentity.Kind.NOTHING, null);
                // An identity index that was dropped leaves 'i' behind: PostgreSQL then acts as NOTHING.
                case "i" -> rs.getString(6) == null ? new ReplicaIdentity(ReplicaIdentity.Kind.NOTHING, null)
                        : ReplicaIdentity.usingIndex(rs.getString(6));
                default -> ReplicaIdentity.DEFAULT;
            };
            tables.put(table(rs), new TableOptions(rs.getBoolean(3), storage(rs, 4), identity));
        }
    }

    void constraintOptions(ResultSet rs) throws SQLException {
        while (rs.next()) {
            Deferral deferral = !rs.getBoolean(4) ? Deferral.NOT_DEFERRABLE : rs.getBoolean(5) ? Deferral.DEFERRED : Deferral.DEFERRABLE;
            constraints.computeIfAbsent(table(rs), t -> new HashMap<>()).put(rs.getString(3),
                    new ConstraintOptions(deferral, !rs.getBoolean(6), rs.getBoolean(7), rs.getBoolean(8)));
        }
    }

    void exclusions(ResultSet rs) throws SQLException {
        while (rs.next()) {
            QualifiedName table = table(rs);
            String name = rs.getString(3);
            IndexMethod method;
            try {
                method = IndexMethod.valueOf(rs.getString(4).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                notManaged.add("exclusion constraint " + table.display() + "." + name + " (method " + rs.getString(4) + ")");
                continue;
            }
            List<IndexKey> keys = keys(strings(rs, 5), strings(rs, 6), (Integer[]) rs.getArray(7).getArray());
            String[] operators = strings(rs, 8);
            List<Exclusion.Element> elements = new ArrayList<>();
            for (int k = 0; k < keys.size(); k++) {
                elements.add(new Exclusion.Element(keys.get(k), operators[k]));
            }
            exclusions.computeIfAbsent(table, t -> new ArrayList<>())
                    .add(new Exclusion(name, method, elements, List.of(), rs.getString(9), null, null));
        }
    }

    void indexOptions(ResultSet rs) throws SQLException {
        while (rs.next()) {
            indexes.computeIfAbsent(table(rs), t -> new HashMap<>()).put(rs.getString(3), new IndexOptions(
                    List.of(strings(rs, 4)), rs.getBoolean(5), storage(rs, 6), strings(rs, 7), strings(rs, 8)));
        }
    }

    /** The keys of an index from the per-key arrays: a column name, or else the key's deparsed expression. */
    static List<IndexKey> keys(String[] columns, String[] definitions, Integer[] options) {
        List<IndexKey> keys = new ArrayList<>();
        for (int k = 0; k < columns.length; k++) {
            boolean descending = (options[k] & 1) != 0;
            boolean nullsFirst = (options[k] & 2) != 0;
            NullsOrder nulls = descending ? (nullsFirst ? NullsOrder.DEFAULT : NullsOrder.LAST)
                    : (nullsFirst ? NullsOrder.FIRST : NullsOrder.DEFAULT);
            keys.add(new IndexKey(columns[k], columns[k] == null ? definitions[k] : null, descending, nulls));
        }
        return keys;
    }

    /** A materialized view's indexes with the options read for them (as a table's, in {@link #apply}). */
    List<Index> indexes(QualifiedName relation, List<Index> indexes) {
        Map<String, IndexOptions> ixs = this.indexes.getOrDefault(relation, Map.of());
        List<Index> out = new ArrayList<>();
        for (Index ix : indexes) {
            IndexOptions io = ixs.get(ix.name());
            if (io == null) {
                out.add(ix);
                continue;
            }
            List<IndexKey> keys = new ArrayList<>();
            for (int k = 0; k < ix.keys().size(); k++) {
                keys.add(key(ix.keys().get(k), io, k));
            }
            out.add(ix.withKeys(keys).withInclude(io.include()).withNullsNotDistinct(io.nullsNotDistinct())
                    .withStorage(io.storage()));
        }
        return out;
    }

    /** {@code table} with the options read for it. */
    Table apply(Table table) {
        QualifiedName name = table.name();
        Map<String, ConstraintOptions> byName = constraints.getOrDefault(name, Map.of());
        Map<String, IndexOptions> ixs = indexes.getOrDefault(name, Map.of());
        Table.Builder b = table.toBuilder();
        List<Constraint> all = new ArrayList<>();
        for (Constraint k : table.constraints()) {
            all.add(constraint(k, byName.get(k.name())));
        }
        for (Exclusion x : exclusions.getOrDefault(name, List.of())) {
            ConstraintOptions o = byName.get(x.name());
            IndexOptions io = ixs.get(x.name());
            Exclusion withOptions = new Exclusion(x.name(), x.method(), x.elements(), io == null ? List.of() : io.include(),
                    x.where(), o == null ? null : o.deferral(), null);
            if (io != null) {
                List<Exclusion.Element> elements = new ArrayList<>();
                for (int k = 0; k < x.elements().size(); k++) {
                    Exclusion.Element e = x.elements().get(k);
                    elements.add(new Exclusion.Element(key(e.key(), io, k), e.operator()));
                }
                withOptions = new Exclusion(x.name(), x.method(), elements, withOptions.include(), x.where(),
                        withOptions.deferral(), null);
            }
            all.add(withOptions);
        }
        b.constraints(all);
        List<Index> withOptions = new ArrayList<>();
        for (Index ix : table.indexes()) {
            IndexOptions io = ixs.get(ix.name());
            if (io == null) {
                withOptions.add(ix);
                continue;
            }
            List<IndexKey> keys = new ArrayList<>();
            for (int k = 0; k < ix.keys().size(); k++) {
                keys.add(key(ix.keys().get(k), io, k));
            }
            withOptions.add(ix.withKeys(keys).withInclude(io.include()).withNullsNotDistinct(io.nullsNotDistinct())
                    .withStorage(io.storage()));
        }
        b.indexes(withOptions);
        TableOptions t = tables.get(name);
        if (t != null) {
            b.unlogged(t.unlogged()).storage(t.storage()).replicaIdentity(t.identity());
        }
        return b.build();
    }

    private static IndexKey key(IndexKey key, IndexOptions io, int k) {
        return k < io.collations().length ? key.withCollation(io.collations()[k]).withOpclass(io.opclasses()[k]) : key;
    }

    private static Constraint constraint(Constraint k, ConstraintOptions o) {
        if (o == null) {
            return k;
        }
        return k.accept(new ConstraintVisitor<Constraint>() {
            @Override
            public Constraint visitPrimaryKey(PrimaryKey pk) {
                return pk.withDeferral(o.deferral());
            }

            @Override
            public Constraint visitUnique(Unique u) {
                return u.withDeferral(o.deferral()).withNullsNotDistinct(o.nullsNotDistinct());
            }

            @Override
            public Constraint visitCheck(Check c) {
                return c.withNotValid(o.notValid()).withNoInherit(o.noInherit());
            }

            @Override
            public Constraint visitForeignKey(ForeignKey fk) {
                return fk.withDeferral(o.deferral()).withNotValid(o.notValid());
            }

            @Override
            public Constraint visitExclusion(Exclusion x) {
                return x; // read whole, with its options, from EXCLUSIONS
            }
        });
    }

    private static QualifiedName table(ResultSet rs) throws SQLException {
        return QualifiedName.of(rs.getString(1), rs.getString(2));
    }

    /** {@code {fillfactor=70}} as a map; a value PostgreSQL stored in quotes loses them. */
    private static Map<String, String> storage(ResultSet rs, int column) throws SQLException {
        Map<String, String> out = new TreeMap<>();
        for (String option : strings(rs, column)) {
            int eq = option.indexOf('=');
            out.put(option.substring(0, eq), option.substring(eq + 1));
        }
        return out;
    }

    private static String[] strings(ResultSet rs, int column) throws SQLException {
        Object[] values = (Object[]) rs.getArray(column).getArray();
        return Arrays.copyOf(values, values.length, String[].class);
    }
}
