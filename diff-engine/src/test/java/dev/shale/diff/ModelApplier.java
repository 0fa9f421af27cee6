package dev.shale.diff;

import dev.shale.change.AddColumn;
import dev.shale.change.AddConstraint;
import dev.shale.change.AddEnumValue;
import dev.shale.change.AlterColumn;
import dev.shale.change.Change;
import dev.shale.change.CreateEnum;
import dev.shale.change.CreateIndex;
import dev.shale.change.CreateSchema;
import dev.shale.change.CreateTable;
import dev.shale.change.DropColumn;
import dev.shale.change.DropConstraint;
import dev.shale.change.DropEnum;
import dev.shale.change.DropIndex;
import dev.shale.change.DropSchema;
import dev.shale.change.DropTable;
import dev.shale.change.RenameColumn;
import dev.shale.change.RenameConstraint;
import dev.shale.change.RenameIndex;
import dev.shale.change.RenameTable;
import dev.shale.model.Check;
import dev.shale.model.Column;
import dev.shale.model.ColumnType;
import dev.shale.model.Constraint;
import dev.shale.model.EnumType;
import dev.shale.model.ForeignKey;
import dev.shale.model.Index;
import dev.shale.model.PrimaryKey;
import dev.shale.model.QualifiedName;
import dev.shale.model.SchemaModel;
import dev.shale.model.Table;
import dev.shale.model.Unique;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Applies changes to a schema model the way PostgreSQL would apply the rendered SQL, rebuilding (and so
 * validating) the model after every change: a table dropped while a foreign key still points at it, a
 * constraint added before its column, an enum dropped while in use, a key dropped under a foreign key
 * all fail here. Tests use it to check that a plan is complete and correctly ordered.
 */
final class ModelApplier {
    private final Map<QualifiedName, EnumType> enums = new TreeMap<>();
    private final Map<QualifiedName, Table> tables = new TreeMap<>();
    private final List<Table> externals;
    private final Set<String> schemas = new HashSet<>();

    private ModelApplier(SchemaModel start) {
        start.enums().forEach(e -> enums.put(e.name(), e));
        start.tables().forEach(t -> tables.put(t.name(), t));
        externals = start.externalTables();
        schemas.add(QualifiedName.DEFAULT_SCHEMA);
        schemas.addAll(start.schemas());
        externals.forEach(t -> schemas.add(t.name().schema()));
    }

    /** Applies each step in turn and checks that it arrives at the step's {@code after}. */
    static SchemaModel applySteps(SchemaModel from, List<DiffStep> steps) {
        SchemaModel current = from;
        for (DiffStep step : steps) {
            current = apply(current, step.changes());
            assertSameSchema(step.after(), current);
        }
        return current;
    }

    static SchemaModel apply(SchemaModel from, List<Change> changes) {
        ModelApplier a = new ModelApplier(from);
        for (Change c : changes) {
            a.apply(c);
            a.model();
        }
        return a.model();
    }

    /** Equal up to column order, which PostgreSQL's ADD COLUMN cannot choose. */
    static void assertSameSchema(SchemaModel expected, SchemaModel actual) {
        List<Table> reordered = new ArrayList<>();
        for (Table t : actual.tables()) {
            Table want = expected.table(t.name());
            List<Column> cols = new ArrayList<>(t.columns());
            if (want != null) {
                List<String> order = want.columns().stream().map(Column::name).toList();
                cols.sort((x, y) -> Integer.compare(order.indexOf(x.name()), order.indexOf(y.name())));
            }
            reordered.add(t.toBuilder().columns(cols).build());
        }
        assertEquals(expected, new SchemaModel(actual.enums(), reordered, expected.externalTables()));
    }

    private SchemaModel model() {
        return new SchemaModel(List.copyOf(enums.values()), List.copyOf(tables.values()), externals);
    }

    private void apply(Change change) {
        if (change instanceof CreateSchema c) {
            schemas.add(c.name());
        } else if (change instanceof CreateEnum c) {
            require(schemas.contains(c.type().name().schema()), "schema missing for " + c);
            require(enums.put(c.type().name(), c.type()) == null, "enum exists: " + c);
        } else if (change instanceof DropEnum c) {
            require(c.type().equals(enums.remove(c.type().name())), "enum differs: " + c);
            for (Table t : tables.values()) {
                for (Column col : t.columns()) {
                    ColumnType type = col.type() instanceof ColumnType.ArrayOf a ? a.element() : col.type();
                    require(!type.equals(new ColumnType.EnumRef(c.type().name())), "enum still used: " + c);
                }
            }
        } else if (change instanceof AddEnumValue c) {
            List<String> values = new ArrayList<>(enums.get(c.enumName()).values());
            int at = c.before() != null ? values.indexOf(c.before()) : c.after() != null ? values.indexOf(c.after()) + 1 : values.size();
            require(at >= 0 && (c.before() == null || values.contains(c.before())) && (c.after() == null || values.contains(c.after())), "no neighbour: " + c);
            values.add(at, c.value());
            enums.put(c.enumName(), new EnumType(c.enumName(), values));
        } else if (change instanceof CreateTable c) {
            Table t = c.table();
            require(schemas.contains(t.name().schema()), "schema missing for " + c);
            // Foreign keys, indexes, NOT VALID checks and the replica identity are changes of their own.
            Table created = t.toBuilder().foreignKeys(List.of()).indexes(List.of())
                    .checks(t.checks().stream().filter(k -> !k.notValid()).toList())
                    .replicaIdentity(dev.shale.model.ReplicaIdentity.DEFAULT).build();
            require(tables.put(t.name(), created) == null, "table exists: " + c);
        } else if (change instanceof DropTable c) {
            require(tables.remove(c.table().name()) != null, "no table: " + c);
        } else if (change instanceof RenameTable c) {
            Table t = tables.remove(c.from());
            require(t != null && !tables.containsKey(c.to()), "bad rename: " + c);
            tables.put(c.to(), t.withName(c.to()));
            tables.replaceAll((n, x) -> withForeignKeys(x, fk -> fk.referencedTable().equals(c.from())
                    ? fk.withReferencedTable(c.to()) : fk));
        } else if (change instanceof RenameColumn c) {
            renameColumn(c);
        } else if (change instanceof AddColumn c) {
            Table t = table(c.table());
            require(t.column(c.column().name()) == null, "column exists: " + c);
            List<Column> cols = new ArrayList<>(t.columns());
            cols.add(c.column());
            put(t, cols, t.primaryKey(), t.uniques(), t.checks(), t.foreignKeys(), t.indexes());
        } else if (change instanceof DropColumn c) {
            Table t = table(c.table());
            require(c.column().equals(t.column(c.column().name())), "column differs: " + c);
            put(t, t.columns().stream().filter(x -> !x.name().equals(c.column().name())).toList(),
                    t.primaryKey(), t.uniques(), t.checks(), t.foreignKeys(), t.indexes());
        } else if (change instanceof AlterColumn c) {
            Table t = table(c.table());
            require(c.from().equals(t.column(c.from().name())), "column differs: " + c + " vs " + t.column(c.from().name()));
            put(t, t.columns().stream().map(x -> x.name().equals(c.to().name()) ? c.to() : x).toList(),
                    t.primaryKey(), t.uniques(), t.checks(), t.foreignKeys(), t.indexes());
        } else if (change instanceof AddConstraint c) {
            Table t = table(c.table());
            require(t.constraints().stream().noneMatch(k -> k.name().equals(c.constraint().name())), "constraint exists: " + c);
            edit(t, c.constraint(), true);
        } else if (change instanceof DropConstraint c) {
            Table t = table(c.table());
            require(t.constraints().contains(c.constraint()), "no such constraint: " + c);
            if (!(c.constraint() instanceof ForeignKey || c.constraint() instanceof Check)) {
                requireNoForeignKeyUses(t.name(), c.constraint().columns());
            }
            edit(t, c.constraint(), false);
        } else if (change instanceof CreateIndex c) {
            Table t = table(c.table());
            List<Index> ix = new ArrayList<>(t.indexes());
            ix.add(c.index());
            put(t, t.columns(), t.primaryKey(), t.uniques(), t.checks(), t.foreignKeys(), ix);
        } else if (change instanceof DropIndex c) {
            Table t = table(c.table());
            require(t.indexes().contains(c.index()), "no such index: " + c);
            if (c.index().unique() && c.index().keys().stream().allMatch(k -> k.column() != null)) {
                requireNoForeignKeyUses(t.name(), c.index().keys().stream().map(k -> k.column()).toList());
            }
            // PostgreSQL lets the replica identity index go; the table then identifies rows by nothing.
            Table left = t.replicaIdentity().kind() == dev.shale.model.ReplicaIdentity.Kind.INDEX
                    && c.index().name().equals(t.replicaIdentity().index())
                    ? t.toBuilder().replicaIdentity(new dev.shale.model.ReplicaIdentity(dev.shale.model.ReplicaIdentity.Kind.NOTHING, null))
                    .indexes(t.indexes().stream().filter(x -> !x.equals(c.index())).toList()).build() : null;
            if (left != null) {
                tables.put(t.name(), left);
            } else {
                put(t, t.columns(), t.primaryKey(), t.uniques(), t.checks(), t.foreignKeys(),
                        t.indexes().stream().filter(x -> !x.equals(c.index())).toList());
            }
        } else if (change instanceof RenameConstraint c) {
            Table t = table(c.table());
            Constraint k = t.constraints().stream().filter(x -> x.name().equals(c.from())).findFirst().orElse(null);
            require(k != null && t.constraints().stream().noneMatch(x -> x.name().equals(c.to())), "bad constraint rename: " + c);
            List<Constraint> all = t.constraints().stream().map(x -> x == k ? k.withName(c.to()) : x).toList();
            tables.put(t.name(), identityRenamed(t.toBuilder().constraints(all), t, c.from(), c.to()).build());
        } else if (change instanceof RenameIndex c) {
            Table t = table(c.table());
            require(t.indexes().stream().anyMatch(x -> x.name().equals(c.from())), "no such index: " + c);
            tables.put(t.name(), identityRenamed(t.toBuilder().indexes(t.indexes().stream()
                    .map(x -> x.name().equals(c.from()) ? x.withName(c.to()) : x).toList()), t, c.from(), c.to()).build());
        } else if (change instanceof dev.shale.change.AlterForeignKey c) {
            Table t = table(c.table());
            require(t.foreignKeys().contains(c.from()), "no such foreign key: " + c);
            tables.put(t.name(), t.withForeignKeys(t.foreignKeys().stream().map(f -> f.equals(c.from()) ? c.to() : f).toList()));
        } else if (change instanceof dev.shale.change.ValidateConstraint c) {
            Table t = table(c.table());
            Constraint k = t.constraints().stream().filter(x -> x.name().equals(c.constraint().name())).findFirst().orElse(null);
            require(k instanceof Check ch && ch.notValid() && ch.withNotValid(false).equals(c.constraint())
                    || k instanceof ForeignKey f && f.notValid() && f.withNotValid(false).equals(c.constraint()), "nothing to validate: " + c);
            edit(t, k, false);
            edit(table(c.table()), c.constraint(), true);
        } else if (change instanceof dev.shale.change.AlterStorage c) {
            Table t = table(c.table());
            if (c.index() == null) {
                require(t.storage().equals(c.from()), "storage differs: " + c);
                tables.put(t.name(), t.withStorage(c.to()));
            } else {
                Index ix = t.indexes().stream().filter(x -> x.name().equals(c.index())).findFirst().orElse(null);
                require(ix != null && ix.storage().equals(c.from()), "no such index or storage differs: " + c);
                tables.put(t.name(), t.withIndexes(t.indexes().stream().map(x -> x == ix ? x.withStorage(c.to()) : x).toList()));
            }
        } else if (change instanceof dev.shale.change.SetLogged c) {
            Table t = table(c.table());
            require(t.unlogged() != c.unlogged(), "already so: " + c);
            tables.put(t.name(), t.withUnlogged(c.unlogged()));
        } else if (change instanceof dev.shale.change.SetReplicaIdentity c) {
            Table t = table(c.table());
            tables.put(t.name(), t.withReplicaIdentity(c.to()));
        } else if (change instanceof DropSchema c) {
            require(!c.name().equals(QualifiedName.DEFAULT_SCHEMA), "public dropped: " + c);
            require(enums.keySet().stream().noneMatch(n -> n.schema().equals(c.name()))
                    && tables.keySet().stream().noneMatch(n -> n.schema().equals(c.name())), "schema not empty: " + c);
            require(schemas.remove(c.name()), "no schema: " + c);
        } else {
            throw new AssertionError("unknown change " + change);
        }
    }

    private void renameColumn(RenameColumn c) {
        Table t = table(c.table());
        require(t.column(c.from()) != null && t.column(c.to()) == null, "bad column rename: " + c);
        UnaryOperator<List<String>> r = cols -> cols.stream().map(x -> x.equals(c.from()) ? c.to() : x).toList();
        UnaryOperator<dev.shale.model.IndexKey> key = k -> c.from().equals(k.column()) ? k.withColumn(c.to()) : k;
        tables.put(t.name(), t.toBuilder().columns(t.columns().stream().map(x -> x.name().equals(c.from()) ? x.withName(c.to()) : x).toList())
                .primaryKey(t.primaryKey() == null ? null : t.primaryKey().withColumns(r.apply(t.primaryKey().columns())))
                .uniques(t.uniques().stream().map(u -> u.withColumns(r.apply(u.columns()))).toList())
                .foreignKeys(t.foreignKeys().stream().map(fk -> fk.withColumns(r.apply(fk.columns()))).toList())
                .indexes(t.indexes().stream().map(ix -> ix.withKeys(ix.keys().stream().map(key).toList())
                        .withInclude(r.apply(ix.include()))).toList())
                .exclusions(t.exclusions().stream().map(x -> new dev.shale.model.Exclusion(x.name(), x.method(),
                        x.elements().stream().map(e -> new dev.shale.model.Exclusion.Element(key.apply(e.key()), e.operator())).toList(),
                        r.apply(x.include()), x.where(), x.deferral(), x.comment())).toList())
                .build());
        tables.replaceAll((n, x) -> withForeignKeys(x, fk -> fk.referencedTable().equals(c.table())
                ? fk.withReferencedColumns(r.apply(fk.referencedColumns()))
                : fk));
    }

    private void requireNoForeignKeyUses(QualifiedName table, List<String> key) {
        for (Table t : tables.values()) {
            for (ForeignKey fk : t.foreignKeys()) {
                require(!(fk.referencedTable().equals(table) && Set.copyOf(fk.referencedColumns()).equals(Set.copyOf(key))),
                        "foreign key " + fk.name() + " of " + t.name() + " still uses the key " + key + " of " + table);
            }
        }
    }

    private void edit(Table t, Constraint k, boolean add) {
        PrimaryKey pk = t.primaryKey();
        List<Unique> uniques = new ArrayList<>(t.uniques());
        List<Check> checks = new ArrayList<>(t.checks());
        List<ForeignKey> fks = new ArrayList<>(t.foreignKeys());
        List<dev.shale.model.Exclusion> exclusions = new ArrayList<>(t.exclusions());
        if (k instanceof dev.shale.model.Exclusion x) {
            if (add) exclusions.add(x); else exclusions.remove(x);
            tables.put(t.name(), t.withExclusions(exclusions));
            return;
        }
        if (k instanceof PrimaryKey p) {
            pk = add ? p : null;
        } else if (k instanceof Unique u) {
            if (add) uniques.add(u); else uniques.remove(u);
        } else if (k instanceof Check ch) {
            if (add) checks.add(ch); else checks.remove(ch);
        } else if (k instanceof ForeignKey fk) {
            if (add) fks.add(fk); else fks.remove(fk);
        }
        if (!add && k.name().equals(t.replicaIdentity().index())) {
            // PostgreSQL lets the key behind the replica identity go; the table then identifies rows by nothing.
            t = t.toBuilder().primaryKey(pk).uniques(uniques)
                    .replicaIdentity(new dev.shale.model.ReplicaIdentity(dev.shale.model.ReplicaIdentity.Kind.NOTHING, null)).build();
        }
        put(t, t.columns(), pk, uniques, checks, fks, t.indexes());
    }

    private Table withForeignKeys(Table t, UnaryOperator<ForeignKey> f) {
        return t.withForeignKeys(t.foreignKeys().stream().map(f).toList());
    }

    private void put(Table t, List<Column> cols, PrimaryKey pk, List<Unique> u, List<Check> ch, List<ForeignKey> fks, List<Index> ix) {
        tables.put(t.name(), t.toBuilder().columns(cols).primaryKey(pk).uniques(u).checks(ch).foreignKeys(fks).indexes(ix).build());
    }

    /** PostgreSQL keeps the replica identity on an index or key that is renamed. */
    private static Table.Builder identityRenamed(Table.Builder b, Table before, String from, String to) {
        return from.equals(before.replicaIdentity().index()) ? b.replicaIdentity(dev.shale.model.ReplicaIdentity.usingIndex(to)) : b;
    }

    private Table table(QualifiedName name) {
        Table t = tables.get(name);
        require(t != null, "no table " + name);
        return t;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new AssertionError(message);
        }
    }
}
