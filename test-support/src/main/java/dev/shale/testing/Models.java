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
 * A terse way to write schema models in evolution cases:
 * {@code schema(table("users").col("id", "uuid").pk("id").col("email", "text", NOT_NULL))}.
 * Column types are {@link ColumnType#spec()} strings ({@code varchar(50)}, {@code enum:public.mood},
 * {@code text[]}); names derived here follow the DSL ({@code <table>_pkey}).
 */
public final class Models {
    private Models() {}

    /** Marks a column NOT NULL in {@link TableSpec#col(String, String, Object...)}. */
    public enum Flag { NOT_NULL }

    public static final Flag NOT_NULL = Flag.NOT_NULL;

    /** A table that the model refers to but does not own. */
    public record External(Table table) {}

    public static TableSpec table(String name) {
        return new TableSpec(QualifiedName.of(name));
    }

    public static TableSpec table(String schema, String name) {
        return new TableSpec(QualifiedName.of(schema, name));
    }

    public static External external(TableSpec spec) {
        return new External(spec.build());
    }

    public static EnumType enumType(String name, String... values) {
        return new EnumType(QualifiedName.of(name), List.of(values));
    }

    public static EnumType enumIn(String schema, String name, String... values) {
        return new EnumType(QualifiedName.of(schema, name), List.of(values));
    }

    /** A schema of enums, tables ({@link TableSpec} or {@link Table}) and {@link External}s, in any order. */
    public static SchemaModel schema(Object... parts) {
        List<EnumType> enums = new ArrayList<>();
        List<Table> tables = new ArrayList<>();
        List<Table> externals = new ArrayList<>();
        for (Object p : parts) {
            if (p instanceof EnumType e) {
                enums.add(e);
            } else if (p instanceof TableSpec t) {
                tables.add(t.build());
            } else if (p instanceof Table t) {
                tables.add(t);
            } else if (p instanceof External x) {
                externals.add(x.table());
            } else {
                throw new IllegalArgumentException("not a schema part: " + p);
            }
        }
        return new SchemaModel(enums, tables, externals);
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

    public static QualifiedName qn(String name) {
        int dot = name.indexOf('.');
        return dot < 0 ? QualifiedName.of(name) : QualifiedName.of(name.substring(0, dot), name.substring(dot + 1));
    }

    /** A mutable table under construction; {@link #build()} gives the strict model. */
    public static final class TableSpec {
        private final QualifiedName name;
        private final List<Column> columns = new ArrayList<>();
        private PrimaryKey primaryKey;
        private final List<Unique> uniques = new ArrayList<>();
        private final List<Check> checks = new ArrayList<>();
        private final List<ForeignKey> foreignKeys = new ArrayList<>();
        private final List<Index> indexes = new ArrayList<>();

        private TableSpec(QualifiedName name) {
            this.name = name;
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
            columns.add(new Column(column, ColumnType.parse(typeSpec), notNull, def));
            return this;
        }

        /** A primary key named like the DSL names it: {@code <table>_pkey}. */
        public TableSpec pk(String... cols) {
            return pkNamed(name.name() + "_pkey", cols);
        }

        public TableSpec pkNamed(String constraint, String... cols) {
            primaryKey = new PrimaryKey(constraint, List.of(cols));
            return this;
        }

        public TableSpec unique(String constraint, String... cols) {
            uniques.add(new Unique(constraint, List.of(cols)));
            return this;
        }

        public TableSpec check(String constraint, String expression) {
            checks.add(new Check(constraint, expression));
            return this;
        }

        /** A single-column foreign key; {@code target} is {@code table} or {@code schema.table}. */
        public TableSpec fk(String constraint, String column, String target, String targetColumn, ReferentialAction onDelete) {
            return fk(constraint, List.of(column), qn(target), List.of(targetColumn), onDelete, ReferentialAction.NO_ACTION);
        }

        public TableSpec fk(String constraint, List<String> cols, QualifiedName target, List<String> targetCols,
                     ReferentialAction onDelete, ReferentialAction onUpdate) {
            foreignKeys.add(new ForeignKey(constraint, cols, target, targetCols, onDelete, onUpdate));
            return this;
        }

        /** A btree index on columns or keys ({@link #key}, {@link #expr}, {@link #desc}). */
        public TableSpec index(String index, IndexKey... keys) {
            return index(new Index(index, false, IndexMethod.BTREE, Arrays.asList(keys), null));
        }

        public TableSpec uniqueIndex(String index, IndexKey... keys) {
            return index(new Index(index, true, IndexMethod.BTREE, Arrays.asList(keys), null));
        }

        public TableSpec index(Index index) {
            indexes.add(index);
            return this;
        }

        public Table build() {
            return new Table(name, columns, primaryKey, uniques, checks, foreignKeys, indexes);
        }
    }
}
