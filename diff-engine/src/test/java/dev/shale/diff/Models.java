package dev.shale.diff;

import dev.shale.model.Check;
import dev.shale.model.Column;
import dev.shale.model.ColumnType;
import dev.shale.model.DefaultValue;
import dev.shale.model.EnumType;
import dev.shale.model.ForeignKey;
import dev.shale.model.Index;
import dev.shale.model.IndexKey;
import dev.shale.model.IndexMethod;
import dev.shale.model.PrimaryKey;
import dev.shale.model.QualifiedName;
import dev.shale.model.ReferentialAction;
import dev.shale.model.SchemaModel;
import dev.shale.model.Table;
import dev.shale.model.Unique;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Short factories for schema models in diff tests. */
final class Models {
    private Models() {}

    /** {@code "users"} is public.users; {@code "auth.users"} is auth.users. */
    static QualifiedName q(String name) {
        int dot = name.indexOf('.');
        return dot < 0 ? QualifiedName.of(name) : QualifiedName.of(name.substring(0, dot), name.substring(dot + 1));
    }

    static Column col(String name, String type) {
        return new Column(name, ColumnType.parse(type), false, null);
    }

    static Column notNull(String name, String type) {
        return new Column(name, ColumnType.parse(type), true, null);
    }

    static Column col(String name, String type, boolean notNull, DefaultValue defaultValue) {
        return new Column(name, ColumnType.parse(type), notNull, defaultValue);
    }

    static EnumType enumOf(String name, String... values) {
        return new EnumType(q(name), List.of(values));
    }

    static SchemaModel schema(Object... parts) {
        List<EnumType> enums = new ArrayList<>();
        List<Table> tables = new ArrayList<>();
        List<Table> externals = new ArrayList<>();
        for (Object p : parts) {
            if (p instanceof EnumType e) {
                enums.add(e);
            } else if (p instanceof T t) {
                (t.external ? externals : tables).add(t.build());
            } else if (p instanceof Table t) {
                tables.add(t);
            } else {
                throw new IllegalArgumentException(String.valueOf(p));
            }
        }
        return new SchemaModel(enums, tables, externals);
    }

    static T table(String name, Column... columns) {
        return new T(q(name), List.of(columns), false);
    }

    static T external(String name, Column... columns) {
        return new T(q(name), List.of(columns), true);
    }

    static ForeignKey fk(String name, String column, String table, String refColumn, ReferentialAction onDelete) {
        return new ForeignKey(name, List.of(column), q(table), List.of(refColumn), onDelete, null);
    }

    static Index index(String name, String... columns) {
        return new Index(name, false, IndexMethod.BTREE, Arrays.stream(columns).map(IndexKey::column).toList(), null);
    }

    static Index uniqueIndex(String name, String... columns) {
        return new Index(name, true, IndexMethod.BTREE, Arrays.stream(columns).map(IndexKey::column).toList(), null);
    }

    /** A table under construction; every method returns a new copy so cases can share a base. */
    static final class T {
        final QualifiedName name;
        final List<Column> columns;
        final boolean external;
        PrimaryKey pk;
        final List<Unique> uniques = new ArrayList<>();
        final List<Check> checks = new ArrayList<>();
        final List<ForeignKey> fks = new ArrayList<>();
        final List<Index> indexes = new ArrayList<>();

        T(QualifiedName name, List<Column> columns, boolean external) {
            this.name = name;
            this.columns = columns;
            this.external = external;
        }

        private T copy() {
            T t = new T(name, columns, external);
            t.pk = pk;
            t.uniques.addAll(uniques);
            t.checks.addAll(checks);
            t.fks.addAll(fks);
            t.indexes.addAll(indexes);
            return t;
        }

        T pk(String... cols) {
            T t = copy();
            t.pk = new PrimaryKey(name.name() + "_pkey", List.of(cols));
            return t;
        }

        T pkNamed(String constraint, String... cols) {
            T t = copy();
            t.pk = new PrimaryKey(constraint, List.of(cols));
            return t;
        }

        T unique(String constraint, String... cols) {
            T t = copy();
            t.uniques.add(new Unique(constraint, List.of(cols)));
            return t;
        }

        T check(String constraint, String expression) {
            T t = copy();
            t.checks.add(new Check(constraint, expression));
            return t;
        }

        T fk(ForeignKey key) {
            T t = copy();
            t.fks.add(key);
            return t;
        }

        T index(Index ix) {
            T t = copy();
            t.indexes.add(ix);
            return t;
        }

        Table build() {
            return new Table(name, columns, pk, uniques, checks, fks, indexes);
        }
    }
}
