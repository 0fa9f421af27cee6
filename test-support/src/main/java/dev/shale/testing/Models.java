package dev.shale.testing;

import dev.shale.model.Check;
import dev.shale.model.Column;
import dev.shale.model.ColumnType;
import dev.shale.model.DefaultValue;
import dev.shale.model.EnumType;
import dev.shale.model.ForeignKey;
import dev.shale.model.Index;
import dev.shale.model.IndexKey;
import dev.shale.model.IndexMethod;
import dev.shale.model.NullsOrder;
import dev.shale.model.PrimaryKey;
import dev.shale.model.QualifiedName;
import dev.shale.model.ReferentialAction;
import dev.shale.model.SchemaModel;
import dev.shale.model.Table;
import dev.shale.model.Unique;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A terse way to write schema models in tests:
 * {@code schema(table("users").col("id", "uuid").pk("id").col("email", "text", NOT_NULL))}, or with
 * the columns up front, {@code table("users", notNull("id", "uuid"), col("email", "text")).pk("id")}.
 * Names are {@code "users"} (public.users) or {@code "auth.users"}. Column types are
 * {@link ColumnType#spec()} strings ({@code varchar(50)}, {@code enum:public.mood}, {@code text[]});
 * names derived here follow the DSL ({@code <table>_pkey}).
 */
public final class Models {
    private Models() {}

    /** Marks a column NOT NULL in {@link TableSpec#col(String, String, Object...)}. */
    public enum Flag { NOT_NULL }

    public static final Flag NOT_NULL = Flag.NOT_NULL;

    /** {@code "users"} is public.users; {@code "auth.users"} is auth.users. */
    public static QualifiedName q(String name) {
        int dot = name.indexOf('.');
        return dot < 0 ? QualifiedName.of(name) : QualifiedName.of(name.substring(0, dot), name.substring(dot + 1));
    }

    public static Column col(String name, String type) {
        return new Column(name, ColumnType.parse(type), false, null);
    }

    public static Column notNull(String name, String type) {
        return new Column(name, ColumnType.parse(type), true, null);
    }

    public static Column col(String name, String type, boolean notNull, DefaultValue defaultValue) {
        return new Column(name, ColumnType.parse(type), notNull, defaultValue);
    }

    /** An enum; {@code name} as in {@link #q}. */
    public static EnumType enumOf(String name, String... values) {
        return new EnumType(q(name), List.of(values));
    }

    /** A table the model owns, with these columns first; {@link TableSpec#col} adds more. */
    public static TableSpec table(String name, Column... columns) {
        return new TableSpec(q(name), List.of(columns), false);
    }

    /** A table that the model refers to but does not own. */
    public static TableSpec external(String name, Column... columns) {
        return new TableSpec(q(name), List.of(columns), true);
    }

    /** A schema of enums, tables ({@link TableSpec}, owned or external, or {@link Table}), domains, composite types and views, in any order. */
    public static SchemaModel schema(Object... parts) {
        List<EnumType> enums = new ArrayList<>();
        List<Table> tables = new ArrayList<>();
        List<Table> externals = new ArrayList<>();
        List<dev.shale.model.Domain> domains = new ArrayList<>();
        List<dev.shale.model.CompositeType> composites = new ArrayList<>();
        List<dev.shale.model.View> views = new ArrayList<>();
        for (Object p : parts) {
            if (p instanceof dev.shale.model.View v) {
                views.add(v);
            } else if (p instanceof dev.shale.model.Domain d) {
                domains.add(d);
            } else if (p instanceof dev.shale.model.CompositeType c) {
                composites.add(c);
            } else if (p instanceof EnumType e) {
                enums.add(e);
            } else if (p instanceof TableSpec t) {
                (t.external ? externals : tables).add(t.build());
            } else if (p instanceof Table t) {
                tables.add(t);
            } else {
                throw new IllegalArgumentException("not a schema part: " + p);
            }
        }
        return SchemaModel.builder().enums(enums).tables(tables).externalTables(externals).domains(domains)
                .compositeTypes(composites).views(views).build();
    }

    /** A view in {@code public} of this query. */
    public static dev.shale.model.View view(String name, String query) {
        return dev.shale.model.View.of(q(name), query);
    }

    /** A materialized view in {@code public} of this query. */
    public static dev.shale.model.View materializedView(String name, String query) {
        return dev.shale.model.View.materialized(q(name), query);
    }

    /** A domain over a type given as a {@link ColumnType#spec()} string. */
    public static dev.shale.model.Domain domain(String name, String typeSpec) {
        return dev.shale.model.Domain.of(q(name), ColumnType.parse(typeSpec));
    }

    /** A composite type; {@code attributes} alternate name and type spec: {@code "street", "text", "zip", "varchar(10)"}. */
    public static dev.shale.model.CompositeType composite(String name, String... attributes) {
        List<dev.shale.model.CompositeType.Attribute> list = new ArrayList<>();
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            list.add(dev.shale.model.CompositeType.Attribute.of(attributes[i], ColumnType.parse(attributes[i + 1])));
        }
        return dev.shale.model.CompositeType.of(q(name), list);
    }

    /** A single-column foreign key; {@code table} as in {@link #q}; a null action is NO ACTION. */
    public static ForeignKey fk(String name, String column, String table, String refColumn, ReferentialAction onDelete) {
        return new ForeignKey(name, List.of(column), q(table), List.of(refColumn), onDelete, null);
    }

    /** A btree index on columns. */
    public static Index index(String name, String... columns) {
        return new Index(name, false, IndexMethod.BTREE, Arrays.stream(columns).map(IndexKey::column).toList(), null);
    }

    public static Index uniqueIndex(String name, String... columns) {
        return new Index(name, true, IndexMethod.BTREE, Arrays.stream(columns).map(IndexKey::column).toList(), null);
    }

    public static DefaultValue str(String value) {
        return DefaultValue.string(value);
    }

    public static DefaultValue num(String value) {
        return DefaultValue.number(value);
    }

    public static DefaultValue bool(boolean value) {
        return DefaultValue.bool(value);
    }

    public static DefaultValue sql(String expression) {
        return DefaultValue.expression(expression);
    }

    public static IndexKey key(String column) {
        return IndexKey.column(column);
    }

    public static IndexKey expr(String expression) {
        return IndexKey.expression(expression);
    }

    public static IndexKey desc(String column, NullsOrder nulls) {
        return new IndexKey(column, null, true, nulls);
    }

    /**
     * A table under construction. Every method returns a new copy, so cases can share a base
     * ({@code USERS.fk(...)} leaves {@code USERS} as it was); {@link #build()} gives the strict model.
     */
    public static final class TableSpec {
        private final QualifiedName name;
        private final List<Column> columns;
        private final boolean external;
        private PrimaryKey primaryKey;
        private final List<Unique> uniques = new ArrayList<>();
        private final List<Check> checks = new ArrayList<>();
        private final List<ForeignKey> foreignKeys = new ArrayList<>();
        private final List<Index> indexes = new ArrayList<>();

        private TableSpec(QualifiedName name, List<Column> columns, boolean external) {
            this.name = name;
            this.columns = List.copyOf(columns);
            this.external = external;
        }

        private TableSpec copy(List<Column> newColumns) {
            TableSpec t = new TableSpec(name, newColumns, external);
            t.primaryKey = primaryKey;
            t.uniques.addAll(uniques);
            t.checks.addAll(checks);
            t.foreignKeys.addAll(foreignKeys);
            t.indexes.addAll(indexes);
            return t;
        }

        private TableSpec copy() {
            return copy(columns);
        }

        /** A column; {@code mods} may hold {@link #NOT_NULL} and one {@link DefaultValue}. */
        public TableSpec col(String column, String typeSpec, Object... mods) {
            boolean notNull = false;
            DefaultValue def = null;
            for (Object m : mods) {
                if (m == Flag.NOT_NULL) {
                    notNull = true;
                } else if (m instanceof DefaultValue d) {
                    def = d;
                } else {
                    throw new IllegalArgumentException("not a column modifier: " + m);
                }
            }
            List<Column> more = new ArrayList<>(columns);
            more.add(new Column(column, ColumnType.parse(typeSpec), notNull, def));
            return copy(more);
        }

        /** A primary key named like the DSL names it: {@code <table>_pkey}. */
        public TableSpec pk(String... cols) {
            return pkNamed(name.name() + "_pkey", cols);
        }

        public TableSpec pkNamed(String constraint, String... cols) {
            TableSpec t = copy();
            t.primaryKey = new PrimaryKey(constraint, List.of(cols));
            return t;
        }

        public TableSpec unique(String constraint, String... cols) {
            TableSpec t = copy();
            t.uniques.add(new Unique(constraint, List.of(cols)));
            return t;
        }

        public TableSpec check(String constraint, String expression) {
            TableSpec t = copy();
            t.checks.add(new Check(constraint, expression));
            return t;
        }

        public TableSpec fk(ForeignKey key) {
            TableSpec t = copy();
            t.foreignKeys.add(key);
            return t;
        }

        /** A single-column foreign key; {@code target} as in {@link Models#q}; ON UPDATE NO ACTION. */
        public TableSpec fk(String constraint, String column, String target, String targetColumn, ReferentialAction onDelete) {
            return fk(Models.fk(constraint, column, target, targetColumn, onDelete));
        }

        public TableSpec fk(String constraint, List<String> cols, QualifiedName target, List<String> targetCols,
                            ReferentialAction onDelete, ReferentialAction onUpdate) {
            return fk(new ForeignKey(constraint, cols, target, targetCols, onDelete, onUpdate));
        }

        /** A btree index on keys ({@link #key}, {@link #expr}, {@link #desc}). */
        public TableSpec index(String index, IndexKey... keys) {
            return index(new Index(index, false, IndexMethod.BTREE, Arrays.asList(keys), null));
        }

        public TableSpec uniqueIndex(String index, IndexKey... keys) {
            return index(new Index(index, true, IndexMethod.BTREE, Arrays.asList(keys), null));
        }

        public TableSpec index(Index index) {
            TableSpec t = copy();
            t.indexes.add(index);
            return t;
        }

        public Table build() {
            return new Table(name, columns, primaryKey, uniques, checks, foreignKeys, indexes);
        }
    }
}
