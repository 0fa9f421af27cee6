package dev.shale.snapshot;

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

import static dev.shale.snapshot.Codecs.BOOL;
import static dev.shale.snapshot.Codecs.STRINGS;
import static dev.shale.snapshot.Codecs.TEXT;
import static dev.shale.snapshot.Codecs.constant;
import static dev.shale.snapshot.Codecs.keyed;
import static dev.shale.snapshot.Codecs.list;
import static dev.shale.snapshot.ObjectCodec.inline;
import static dev.shale.snapshot.ObjectCodec.key;
import static dev.shale.snapshot.ObjectCodec.optional;
import static dev.shale.snapshot.ObjectCodec.required;

/**
 * The model's JSON shape in a snapshot, one codec per part: each field is named once, with the getter
 * that writes it and the codec that reads it, and the part is built once from what was read. A new
 * model part (or component) is added here and nowhere else.
 *
 * <p>Named things (tables, enums, constraints, indexes) are objects keyed by name, so that a review
 * diff shows only what changed; columns, index keys and key column lists are arrays, since their order
 * matters. Keys come out sorted.
 */
final class ModelCodecs {
    private ModelCodecs() {}

    private static final String BY_QUALIFIED_NAME = "<schema>.<name>";
    private static final String BY_NAME = "its name";

    /** {@code {"schema", "name"}}; inlined in tables and enums, nested in a foreign key's target. */
    static final ObjectCodec<QualifiedName> QUALIFIED_NAME = qualifiedName();

    static final Codec<ColumnType> COLUMN_TYPE = Codec.of(ColumnType::spec, n -> {
        String text = TEXT.read(n);
        return n.model(() -> ColumnType.parse(text));
    });

    static final ObjectCodec<DefaultValue> DEFAULT_VALUE = defaultValue();
    static final ObjectCodec<Column> COLUMN = column();
    static final ObjectCodec<PrimaryKey> PRIMARY_KEY = primaryKey();
    static final ObjectCodec<Unique> UNIQUE = unique();
    static final ObjectCodec<Check> CHECK = check();
    static final ObjectCodec<ForeignKey> FOREIGN_KEY = foreignKey();
    static final ObjectCodec<IndexKey> INDEX_KEY = indexKey();
    static final ObjectCodec<Index> INDEX = index();
    static final ObjectCodec<Table> TABLE = table();
    static final ObjectCodec<EnumType> ENUM = enumType();

    /** The model: {@code enums}, {@code tables}, {@code externalTables}, each keyed by qualified name. */
    static final ObjectCodec<SchemaModel> SCHEMA = schema();

    private static ObjectCodec<QualifiedName> qualifiedName() {
        var schema = required("schema", QualifiedName::schema, TEXT);
        var name = required("name", QualifiedName::name, TEXT);
        return ObjectCodec.of(v -> QualifiedName.of(v.get(schema), v.get(name)), schema, name);
    }

    private static ObjectCodec<DefaultValue> defaultValue() {
        var kind = required("kind", DefaultValue::kind, constant(DefaultValue.Kind.class));
        var value = required("value", DefaultValue::value, TEXT);
        return ObjectCodec.of(v -> new DefaultValue(v.get(kind), v.get(value)), kind, value);
    }

    private static ObjectCodec<Column> column() {
        var name = required("name", Column::name, TEXT);
        var type = required("type", Column::type, COLUMN_TYPE);
        var notNull = required("notNull", Column::notNull, BOOL);
        var dflt = optional("default", Column::defaultValue, DEFAULT_VALUE);
        return ObjectCodec.of(v -> new Column(v.get(name), v.get(type), v.get(notNull), v.get(dflt)), name, type, notNull, dflt);
    }

    private static ObjectCodec<PrimaryKey> primaryKey() {
        var name = required("name", PrimaryKey::name, TEXT);
        var columns = required("columns", PrimaryKey::columns, STRINGS);
        return ObjectCodec.of(v -> new PrimaryKey(v.get(name), v.get(columns)), name, columns);
    }

    private static ObjectCodec<Unique> unique() {
        var name = key(Unique::name);
        var columns = required("columns", Unique::columns, STRINGS);
        return ObjectCodec.of(v -> new Unique(v.get(name), v.get(columns)), name, columns);
    }

    private static ObjectCodec<Check> check() {
        var name = key(Check::name);
        var expression = required("expression", Check::expression, TEXT);
        return ObjectCodec.of(v -> new Check(v.get(name), v.get(expression)), name, expression);
    }

    private static ObjectCodec<ForeignKey> foreignKey() {
        var name = key(ForeignKey::name);
        var columns = required("columns", ForeignKey::columns, STRINGS);
        var table = required("referencedTable", ForeignKey::referencedTable, QUALIFIED_NAME);
        var referenced = required("referencedColumns", ForeignKey::referencedColumns, STRINGS);
        var onDelete = required("onDelete", ForeignKey::onDelete, constant(ReferentialAction.class));
        var onUpdate = required("onUpdate", ForeignKey::onUpdate, constant(ReferentialAction.class));
        return ObjectCodec.of(v -> new ForeignKey(v.get(name), v.get(columns), v.get(table), v.get(referenced),
                v.get(onDelete), v.get(onUpdate)), name, columns, table, referenced, onDelete, onUpdate);
    }

    private static ObjectCodec<IndexKey> indexKey() {
        // exactly one of column and expression is written, as the model holds exactly one
        var column = optional("column", (IndexKey k) -> k.column(), TEXT);
        var expression = optional("expression", (IndexKey k) -> k.expression(), TEXT);
        var descending = required("descending", IndexKey::descending, BOOL);
        var nulls = required("nulls", IndexKey::nulls, constant(NullsOrder.class));
        return ObjectCodec.of(v -> new IndexKey(v.get(column), v.get(expression), v.get(descending), v.get(nulls)),
                column, expression, descending, nulls);
    }

    private static ObjectCodec<Index> index() {
        var name = key(Index::name);
        var unique = required("unique", Index::unique, BOOL);
        var method = required("method", Index::method, constant(IndexMethod.class));
        var keys = required("keys", Index::keys, list(INDEX_KEY));
        var where = optional("where", Index::where, TEXT);
        return ObjectCodec.of(v -> new Index(v.get(name), v.get(unique), v.get(method), v.get(keys), v.get(where)),
                name, unique, method, keys, where);
    }

    private static ObjectCodec<Table> table() {
        var name = inline(Table::name, QUALIFIED_NAME);
        var columns = required("columns", Table::columns, list(COLUMN));
        var primaryKey = optional("primaryKey", Table::primaryKey, PRIMARY_KEY);
        var uniques = required("uniques", Table::uniques, keyed(UNIQUE, Unique::name, BY_NAME));
        var checks = required("checks", Table::checks, keyed(CHECK, Check::name, BY_NAME));
        var foreignKeys = required("foreignKeys", Table::foreignKeys, keyed(FOREIGN_KEY, ForeignKey::name, BY_NAME));
        var indexes = required("indexes", Table::indexes, keyed(INDEX, Index::name, BY_NAME));
        return ObjectCodec.of(v -> Table.builder(v.get(name)).columns(v.get(columns)).primaryKey(v.get(primaryKey))
                        .uniques(v.get(uniques)).checks(v.get(checks)).foreignKeys(v.get(foreignKeys)).indexes(v.get(indexes)).build(),
                name, columns, primaryKey, uniques, checks, foreignKeys, indexes);
    }

    private static ObjectCodec<EnumType> enumType() {
        var name = inline(EnumType::name, QUALIFIED_NAME);
        var values = required("values", EnumType::values, STRINGS);
        return ObjectCodec.of(v -> new EnumType(v.get(name), v.get(values)), name, values);
    }

    private static ObjectCodec<SchemaModel> schema() {
        var enums = required("enums", SchemaModel::enums, keyed(ENUM, e -> e.name().key(), BY_QUALIFIED_NAME));
        var tables = required("tables", SchemaModel::tables, keyed(TABLE, t -> t.name().key(), BY_QUALIFIED_NAME));
        // External tables are written like owned ones (their constraint lists are empty) and read the same way.
        var externals = required("externalTables", SchemaModel::externalTables, keyed(TABLE, t -> t.name().key(), BY_QUALIFIED_NAME));
        return ObjectCodec.of(v -> SchemaModel.builder().enums(v.get(enums)).tables(v.get(tables))
                .externalTables(v.get(externals)).build(), enums, tables, externals);
    }
}
