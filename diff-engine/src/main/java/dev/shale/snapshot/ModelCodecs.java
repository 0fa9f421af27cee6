package dev.shale.snapshot;

import dev.shale.model.Check;
import dev.shale.model.Column;
import dev.shale.model.ColumnType;
import dev.shale.model.CompositeType;
import dev.shale.model.DefaultValue;
import dev.shale.model.Deferral;
import dev.shale.model.Domain;
import dev.shale.model.EnumType;
import dev.shale.model.Exclusion;
import dev.shale.model.Extension;
import dev.shale.model.ForeignKey;
import dev.shale.model.Identity;
import dev.shale.model.Index;
import dev.shale.model.IndexKey;
import dev.shale.model.IndexMethod;
import dev.shale.model.Namespace;
import dev.shale.model.NullsOrder;
import dev.shale.model.PartitionOf;
import dev.shale.model.Partitioning;
import dev.shale.model.PrimaryKey;
import dev.shale.model.QualifiedName;
import dev.shale.model.ReferentialAction;
import dev.shale.model.ReplicaIdentity;
import dev.shale.model.Routine;
import dev.shale.model.Trigger;
import dev.shale.model.SchemaModel;
import dev.shale.model.Sequence;
import dev.shale.model.SequenceOptions;
import dev.shale.model.Table;
import dev.shale.model.Unique;
import dev.shale.model.Grant;
import dev.shale.model.Policy;
import dev.shale.model.Role;
import dev.shale.model.RowSecurity;
import dev.shale.model.View;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shale.snapshot.ObjectCodec.Field;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import static dev.shale.snapshot.Codecs.BOOL;
import static dev.shale.snapshot.Codecs.INT;
import static dev.shale.snapshot.Codecs.LONG;
import static dev.shale.snapshot.Codecs.STRINGS;
import static dev.shale.snapshot.Codecs.TEXT;
import static dev.shale.snapshot.Codecs.TEXT_MAP;
import static dev.shale.snapshot.Codecs.constant;
import static dev.shale.snapshot.Codecs.keyed;
import static dev.shale.snapshot.Codecs.list;
import static dev.shale.snapshot.ObjectCodec.defaulted;
import static dev.shale.snapshot.ObjectCodec.inline;
import static dev.shale.snapshot.ObjectCodec.key;
import static dev.shale.snapshot.ObjectCodec.optional;
import static dev.shale.snapshot.ObjectCodec.required;

/**
 * The model's JSON shape in a snapshot, one codec per part: each field is named once, with the getter
 * that writes it and the codec that reads it, and the part is built once from what was read. A new
 * model part (or component) is added here and nowhere else; each file format is one instance,
 * {@link #FORMAT_1} and {@link #FORMAT_2}, and the few places where they differ say so.
 *
 * <p>Named things (tables, enums, constraints, indexes) are objects keyed by name, so that a review
 * diff shows only what changed; columns, index keys and key column lists are arrays, since their order
 * matters. Keys come out sorted. Options added after format 1 was fixed (identity, comments, deferral...)
 * are {@linkplain ObjectCodec#defaulted left out at their default}, so a file that uses none of them
 * reads and writes as it always did.
 *
 * <p>Format 2 is the compact one, for files of thousands of tables: it also leaves out what format 1 always
 * wrote at its default ({@code "notNull": false}, {@code "unique": false}, a btree method, {@code no action},
 * empty {@code uniques}...), and what the file already says elsewhere: the schema and name of a part keyed
 * {@code <schema>.<name>}, a primary key named PostgreSQL's way ({@code <table>_pkey}). A reference to a
 * table is one string ({@code "public.users"}), an index key on a plain column is its name, a default is
 * {@code {"<kind>": "<text>"}}; and a column, a constraint, an index, a policy or a grant is one line. Each
 * of these is left out or shortened only where reading it back gives the identical model: a name whose
 * schema holds a dot, say, is written out in full.
 */
final class ModelCodecs {
    private static final String BY_QUALIFIED_NAME = "<schema>.<name>";
    private static final String BY_NAME = "its name";

    /** Format 1: every part spelled out, each entry on its own line. Ids hash this form (compact). */
    static final ModelCodecs FORMAT_1 = new ModelCodecs(1);
    /** Format 2: defaults and derived names left out, one line per column, constraint and index. */
    static final ModelCodecs FORMAT_2 = new ModelCodecs(2);

    /** The format these codecs read and write. */
    final int format;
    /** Whether this is format 2 or later: the compact shape. */
    private final boolean compact;

    // One codec per part, named like constants: they are fixed per format. Declared before the parts that use them.
    /** {@code {"schema", "name"}}; inlined in tables and enums, nested in a foreign key's target in format 1. */
    final ObjectCodec<QualifiedName> QUALIFIED_NAME;
    /** Another part's name where it is referred to: the object, or in format 2 its key when that reads back exactly. */
    final Codec<QualifiedName> REFERENCE;
    final Codec<ColumnType> COLUMN_TYPE;
    private final Codec<Deferral> DEFERRAL;
    /** {@code {"kind", "value"}}: format 1's default. */
    final ObjectCodec<DefaultValue> DEFAULT_VALUE;
    /** A default as this format writes it. */
    final Codec<DefaultValue> DEFAULT;
    final ObjectCodec<SequenceOptions> SEQUENCE_OPTIONS;
    final ObjectCodec<Identity> IDENTITY;
    final ObjectCodec<Column> COLUMN;
    final ObjectCodec<PrimaryKey> PRIMARY_KEY;
    final ObjectCodec<Unique> UNIQUE;
    final ObjectCodec<Check> CHECK;
    final ObjectCodec<ForeignKey> FOREIGN_KEY;
    final ObjectCodec<IndexKey> INDEX_KEY;
    /** An index key as this format writes it: in format 2 a plain column key is its name. */
    final Codec<IndexKey> KEY;
    final ObjectCodec<Index> INDEX;
    final ObjectCodec<Exclusion.Element> EXCLUSION_ELEMENT;
    final ObjectCodec<Exclusion> EXCLUSION;
    final ObjectCodec<Partitioning> PARTITIONING;
    final ObjectCodec<PartitionOf> PARTITION_OF;
    final ObjectCodec<ReplicaIdentity> REPLICA_IDENTITY;
    final ObjectCodec<RowSecurity> ROW_SECURITY;
    final ObjectCodec<Table> TABLE;
    final ObjectCodec<EnumType> ENUM;
    final ObjectCodec<Namespace> NAMESPACE;
    final ObjectCodec<Extension> EXTENSION;
    final ObjectCodec<Sequence.OwnedBy> OWNED_BY;
    final ObjectCodec<Sequence> SEQUENCE;
    final ObjectCodec<Domain> DOMAIN;
    final ObjectCodec<CompositeType.Attribute> ATTRIBUTE;
    final ObjectCodec<CompositeType> COMPOSITE_TYPE;
    final ObjectCodec<Routine.Argument> ARGUMENT;
    final ObjectCodec<Routine.Aggregate> AGGREGATE;
    final ObjectCodec<Routine> ROUTINE;
    final ObjectCodec<Trigger> TRIGGER;
    final ObjectCodec<Policy> POLICY;
    final ObjectCodec<Grant> GRANT;
    final ObjectCodec<Role> ROLE;
    final ObjectCodec<View.Column> VIEW_COLUMN;
    final ObjectCodec<View> VIEW;
    /** The model: {@code enums}, {@code tables}, {@code externalTables}, each keyed by qualified name, and the rest. */
    final ObjectCodec<SchemaModel> SCHEMA;

    private ModelCodecs(int format) {
        this.format = format;
        this.compact = format >= 2;
        QUALIFIED_NAME = qualifiedName();
        REFERENCE = compact ? reference() : QUALIFIED_NAME;
        COLUMN_TYPE = Codec.of(ColumnType::spec, n -> {
            String text = TEXT.read(n);
            return n.model(() -> ColumnType.parse(text));
        });
        DEFERRAL = constant(Deferral.class);
        DEFAULT_VALUE = defaultValue();
        DEFAULT = compact ? defaultByKind() : DEFAULT_VALUE;
        SEQUENCE_OPTIONS = sequenceOptions();
        IDENTITY = identity();
        COLUMN = column();
        PRIMARY_KEY = primaryKey();
        UNIQUE = unique();
        CHECK = check();
        FOREIGN_KEY = foreignKey();
        INDEX_KEY = indexKey();
        KEY = compact ? columnOrKey() : INDEX_KEY;
        INDEX = index();
        EXCLUSION_ELEMENT = exclusionElement();
        EXCLUSION = exclusion();
        PARTITIONING = partitioning();
        PARTITION_OF = partitionOf();
        REPLICA_IDENTITY = replicaIdentity();
        ROW_SECURITY = rowSecurity();
        TABLE = table();
        ENUM = enumType();
        NAMESPACE = namespace();
        EXTENSION = extension();
        OWNED_BY = ownedBy();
        SEQUENCE = sequence();
        DOMAIN = domain();
        ATTRIBUTE = attribute();
        COMPOSITE_TYPE = compositeType();
        ARGUMENT = argument();
        AGGREGATE = aggregate();
        ROUTINE = routine();
        TRIGGER = trigger();
        POLICY = policy();
        GRANT = grant();
        ROLE = role();
        VIEW_COLUMN = viewColumn();
        VIEW = view();
        SCHEMA = schema();
    }

    /** The codecs of file format {@code version}, one of 1 to {@link Snapshot#FORMAT_VERSION}. */
    static ModelCodecs of(int version) {
        return switch (version) {
            case 1 -> FORMAT_1;
            case 2 -> FORMAT_2;
            default -> throw new IllegalArgumentException("no snapshot format " + version);
        };
    }

    // What differs between the formats, each in one place.

    /** A field format 1 always writes; from format 2 it is left out at {@code absent}, and read as it when missing. */
    private <T, V> Field<T, V> usual(String name, Function<T, V> get, Codec<V> codec, V absent) {
        return compact ? defaulted(name, get, codec, absent) : required(name, get, codec);
    }

    /** The codec, written on one line from format 2 on. */
    private <V> Codec<V> line(Codec<V> codec) {
        return compact ? Codecs.oneLine(codec) : codec;
    }

    /**
     * The qualified name of a part stored under its key {@code <schema>.<name>}: inlined as {@code schema} and
     * {@code name}; from format 2 on left out when the key, split at its first dot, gives it back.
     */
    private <T> Field<T, QualifiedName> named(Function<T, QualifiedName> get) {
        Field<T, QualifiedName> inline = inline(get, QUALIFIED_NAME);
        if (!compact) {
            return inline;
        }
        return new Field<>() {
            @Override
            public Set<String> names() {
                return inline.names();
            }

            @Override
            public void write(T owner, Map<String, Object> out) {
                if (!splitsAtFirstDot(get.apply(owner))) {
                    inline.write(owner, out);
                }
            }

            @Override
            public QualifiedName read(Node object) {
                if (object.json().has("schema") || object.json().has("name")) {
                    return inline.read(object);
                }
                if (object.key() == null) {
                    throw new IllegalStateException(object.path() + " is named by its key but is not an entry of a keyed object");
                }
                return fromKey(object.key(), object, "has no schema and name, and its key");
            }
        };
    }

    /** Whether {@code schema.name} split at its first dot gives {@code name} back: its schema holds no dot. */
    private static boolean splitsAtFirstDot(QualifiedName name) {
        return name.schema().indexOf('.') < 0;
    }

    private static QualifiedName fromKey(String key, Node at, String what) {
        int dot = key.indexOf('.');
        if (dot < 0) {
            throw at.fail(what + " \"" + key + "\" is not <schema>.<name>");
        }
        return at.model(() -> QualifiedName.of(key.substring(0, dot), key.substring(dot + 1)));
    }

    /** Format 2's reference: {@code "schema.name"}, or the {@code {"schema", "name"}} object when its schema holds a dot. */
    private Codec<QualifiedName> reference() {
        return Codec.of(q -> splitsAtFirstDot(q) ? q.key() : QUALIFIED_NAME.write(q), n -> n.json().isTextual()
                ? fromKey(n.json().asText(), n, "the name")
                : QUALIFIED_NAME.read(n));
    }

    /** Format 2's default: {@code {"expression": "now()"}}, {@code {"string": "draft"}}, the kind naming the text. */
    private static Codec<DefaultValue> defaultByKind() {
        return Codec.of(d -> new TreeMap<>(Map.of(Codecs.text(d.kind()), d.value())), n -> {
            if (!n.json().isObject() || n.json().size() != 1) {
                throw n.fail("must be an object of one field, the default's kind (string, number, boolean or expression)"
                        + " holding its text, as {\"expression\": \"now()\"}");
            }
            String kindText = n.json().fieldNames().next();
            Node value = n.field(kindText);
            DefaultValue.Kind kind = Codecs.constant(DefaultValue.Kind.class, kindText, value);
            String text = TEXT.read(value);
            return n.model(() -> new DefaultValue(kind, text));
        });
    }

    /** Format 2's index key: a plain key on a column (ascending, default nulls, collation and operator class) is the column's name. */
    private Codec<IndexKey> columnOrKey() {
        return Codec.of(k -> k.column() != null && IndexKey.column(k.column()).equals(k) ? k.column() : INDEX_KEY.write(k),
                n -> {
                    if (n.json().isTextual()) {
                        String column = n.json().asText();
                        return n.model(() -> IndexKey.column(column));
                    }
                    return INDEX_KEY.read(n);
                });
    }

    /**
     * A table's primary key; from format 2 on without its name when that is PostgreSQL's default,
     * {@code <table>_pkey}, which reading gives it back.
     */
    private Field<Table, PrimaryKey> primaryKeyOf(Field<Table, QualifiedName> tableName) {
        Field<Table, PrimaryKey> field = optional("primaryKey", Table::primaryKey, line(PRIMARY_KEY));
        if (!compact) {
            return field;
        }
        return new Field<>() {
            @Override
            public Set<String> names() {
                return field.names();
            }

            @Override
            public void write(Table table, Map<String, Object> out) {
                PrimaryKey key = table.primaryKey();
                if (key != null) {
                    Map<String, Object> written = PRIMARY_KEY.write(key);
                    if (key.name().equals(defaultPrimaryKeyName(table.name()))) {
                        written.remove("name");
                    }
                    out.put("primaryKey", new JsonText.OneLine(written));
                }
            }

            @Override
            public PrimaryKey read(Node table) {
                Node key = table.field("primaryKey");
                if (key.present() && key.json() instanceof ObjectNode o && !o.has("name")) {
                    ObjectNode named = o.deepCopy();
                    named.put("name", defaultPrimaryKeyName(tableName.read(table)));
                    return PRIMARY_KEY.read(key.with(named));
                }
                return field.read(table);
            }
        };
    }

    private static String defaultPrimaryKeyName(QualifiedName table) {
        return table.name() + "_pkey";
    }

    private ObjectCodec<QualifiedName> qualifiedName() {
        var schema = required("schema", QualifiedName::schema, TEXT);
        var name = required("name", QualifiedName::name, TEXT);
        return ObjectCodec.of(v -> QualifiedName.of(v.get(schema), v.get(name)), schema, name);
    }

    private ObjectCodec<DefaultValue> defaultValue() {
        var kind = required("kind", DefaultValue::kind, constant(DefaultValue.Kind.class));
        var value = required("value", DefaultValue::value, TEXT);
        return ObjectCodec.of(v -> new DefaultValue(v.get(kind), v.get(value)), kind, value);
    }

    private ObjectCodec<SequenceOptions> sequenceOptions() {
        var type = optional("as", SequenceOptions::type, TEXT);
        var start = optional("start", SequenceOptions::start, LONG);
        var increment = optional("increment", SequenceOptions::increment, LONG);
        var min = optional("minValue", SequenceOptions::minValue, LONG);
        var max = optional("maxValue", SequenceOptions::maxValue, LONG);
        var cache = optional("cache", SequenceOptions::cache, LONG);
        var cycle = defaulted("cycle", SequenceOptions::cycle, BOOL, false);
        return ObjectCodec.of(v -> new SequenceOptions(v.get(type), v.get(start), v.get(increment), v.get(min), v.get(max),
                v.get(cache), v.get(cycle)), type, start, increment, min, max, cache, cycle);
    }

    private ObjectCodec<Identity> identity() {
        var generation = required("generation", Identity::generation, constant(Identity.Generation.class));
        var options = defaulted("sequence", Identity::options, SEQUENCE_OPTIONS, SequenceOptions.DEFAULTS);
        return ObjectCodec.of(v -> new Identity(v.get(generation), v.get(options)), generation, options);
    }

    private ObjectCodec<Column> column() {
        var name = required("name", Column::name, TEXT);
        var type = required("type", Column::type, COLUMN_TYPE);
        var notNull = usual("notNull", Column::notNull, BOOL, false);
        var dflt = optional("default", Column::defaultValue, DEFAULT);
        var identity = optional("identity", Column::identity, IDENTITY);
        var generated = optional("generated", Column::generated, TEXT);
        var collation = optional("collation", Column::collation, TEXT);
        var comment = optional("comment", Column::comment, TEXT);
        return ObjectCodec.of(v -> new Column(v.get(name), v.get(type), v.get(notNull), v.get(dflt), v.get(identity),
                v.get(generated), v.get(collation), v.get(comment)), name, type, notNull, dflt, identity, generated,
                collation, comment);
    }

    private ObjectCodec<PrimaryKey> primaryKey() {
        var name = required("name", PrimaryKey::name, TEXT);
        var columns = required("columns", PrimaryKey::columns, STRINGS);
        var deferral = defaulted("deferral", PrimaryKey::deferral, DEFERRAL, Deferral.NOT_DEFERRABLE);
        var comment = optional("comment", PrimaryKey::comment, TEXT);
        return ObjectCodec.of(v -> new PrimaryKey(v.get(name), v.get(columns), v.get(deferral), v.get(comment)),
                name, columns, deferral, comment);
    }

    private ObjectCodec<Unique> unique() {
        var name = key(Unique::name);
        var columns = required("columns", Unique::columns, STRINGS);
        var nullsNotDistinct = defaulted("nullsNotDistinct", Unique::nullsNotDistinct, BOOL, false);
        var deferral = defaulted("deferral", Unique::deferral, DEFERRAL, Deferral.NOT_DEFERRABLE);
        var comment = optional("comment", Unique::comment, TEXT);
        return ObjectCodec.of(v -> new Unique(v.get(name), v.get(columns), v.get(nullsNotDistinct), v.get(deferral),
                v.get(comment)), name, columns, nullsNotDistinct, deferral, comment);
    }

    private ObjectCodec<Check> check() {
        var name = key(Check::name);
        var expression = required("expression", Check::expression, TEXT);
        var notValid = defaulted("notValid", Check::notValid, BOOL, false);
        var noInherit = defaulted("noInherit", Check::noInherit, BOOL, false);
        var comment = optional("comment", Check::comment, TEXT);
        return ObjectCodec.of(v -> new Check(v.get(name), v.get(expression), v.get(notValid), v.get(noInherit),
                v.get(comment)), name, expression, notValid, noInherit, comment);
    }

    private ObjectCodec<ForeignKey> foreignKey() {
        var name = key(ForeignKey::name);
        var columns = required("columns", ForeignKey::columns, STRINGS);
        var table = required("referencedTable", ForeignKey::referencedTable, REFERENCE);
        var referenced = required("referencedColumns", ForeignKey::referencedColumns, STRINGS);
        var onDelete = usual("onDelete", ForeignKey::onDelete, constant(ReferentialAction.class), ReferentialAction.NO_ACTION);
        var onUpdate = usual("onUpdate", ForeignKey::onUpdate, constant(ReferentialAction.class), ReferentialAction.NO_ACTION);
        var notValid = defaulted("notValid", ForeignKey::notValid, BOOL, false);
        var deferral = defaulted("deferral", ForeignKey::deferral, DEFERRAL, Deferral.NOT_DEFERRABLE);
        var comment = optional("comment", ForeignKey::comment, TEXT);
        return ObjectCodec.of(v -> new ForeignKey(v.get(name), v.get(columns), v.get(table), v.get(referenced),
                v.get(onDelete), v.get(onUpdate), v.get(notValid), v.get(deferral), v.get(comment)),
                name, columns, table, referenced, onDelete, onUpdate, notValid, deferral, comment);
    }

    private ObjectCodec<IndexKey> indexKey() {
        // exactly one of column and expression is written, as the model holds exactly one
        var column = optional("column", (IndexKey k) -> k.column(), TEXT);
        var expression = optional("expression", (IndexKey k) -> k.expression(), TEXT);
        var descending = usual("descending", IndexKey::descending, BOOL, false);
        var nulls = usual("nulls", IndexKey::nulls, constant(NullsOrder.class), NullsOrder.DEFAULT);
        var collation = optional("collation", IndexKey::collation, TEXT);
        var opclass = optional("opclass", IndexKey::opclass, TEXT);
        return ObjectCodec.of(v -> new IndexKey(v.get(column), v.get(expression), v.get(descending), v.get(nulls),
                v.get(collation), v.get(opclass)), column, expression, descending, nulls, collation, opclass);
    }

    private ObjectCodec<Index> index() {
        var name = key(Index::name);
        var unique = usual("unique", Index::unique, BOOL, false);
        var method = usual("method", Index::method, constant(IndexMethod.class), IndexMethod.BTREE);
        var keys = required("keys", Index::keys, list(KEY));
        var where = optional("where", Index::where, TEXT);
        var include = defaulted("include", Index::include, STRINGS, List.of());
        var nullsNotDistinct = defaulted("nullsNotDistinct", Index::nullsNotDistinct, BOOL, false);
        var storage = defaulted("storage", Index::storage, TEXT_MAP, Map.of());
        var comment = optional("comment", Index::comment, TEXT);
        return ObjectCodec.of(v -> new Index(v.get(name), v.get(unique), v.get(method), v.get(keys), v.get(where),
                v.get(include), v.get(nullsNotDistinct), v.get(storage), v.get(comment)),
                name, unique, method, keys, where, include, nullsNotDistinct, storage, comment);
    }

    private ObjectCodec<Exclusion.Element> exclusionElement() {
        var key = required("key", Exclusion.Element::key, KEY);
        var operator = required("operator", Exclusion.Element::operator, TEXT);
        return ObjectCodec.of(v -> new Exclusion.Element(v.get(key), v.get(operator)), key, operator);
    }

    private ObjectCodec<Exclusion> exclusion() {
        var name = key(Exclusion::name);
        var method = usual("method", Exclusion::method, constant(IndexMethod.class), IndexMethod.GIST);
        var elements = required("elements", Exclusion::elements, list(EXCLUSION_ELEMENT));
        var include = defaulted("include", Exclusion::include, STRINGS, List.of());
        var where = optional("where", Exclusion::where, TEXT);
        var deferral = defaulted("deferral", Exclusion::deferral, DEFERRAL, Deferral.NOT_DEFERRABLE);
        var comment = optional("comment", Exclusion::comment, TEXT);
        return ObjectCodec.of(v -> new Exclusion(v.get(name), v.get(method), v.get(elements), v.get(include), v.get(where),
                v.get(deferral), v.get(comment)), name, method, elements, include, where, deferral, comment);
    }

    private ObjectCodec<Partitioning> partitioning() {
        var strategy = required("strategy", Partitioning::strategy, constant(Partitioning.Strategy.class));
        var keys = required("keys", Partitioning::keys, list(KEY));
        return ObjectCodec.of(v -> new Partitioning(v.get(strategy), v.get(keys)), strategy, keys);
    }

    private ObjectCodec<PartitionOf> partitionOf() {
        var parent = required("parent", PartitionOf::parent, REFERENCE);
        var bound = required("bound", PartitionOf::bound, TEXT);
        return ObjectCodec.of(v -> new PartitionOf(v.get(parent), v.get(bound)), parent, bound);
    }

    private ObjectCodec<ReplicaIdentity> replicaIdentity() {
        var kind = required("kind", ReplicaIdentity::kind, constant(ReplicaIdentity.Kind.class));
        var index = optional("index", ReplicaIdentity::index, TEXT);
        return ObjectCodec.of(v -> new ReplicaIdentity(v.get(kind), v.get(index)), kind, index);
    }

    private ObjectCodec<Table> table() {
        var name = named(Table::name);
        var columns = required("columns", Table::columns, list(line(COLUMN)));
        var primaryKey = primaryKeyOf(name);
        var uniques = usual("uniques", Table::uniques, keyed(line(UNIQUE), Unique::name, BY_NAME), List.of());
        var checks = usual("checks", Table::checks, keyed(line(CHECK), Check::name, BY_NAME), List.of());
        var foreignKeys = usual("foreignKeys", Table::foreignKeys, keyed(line(FOREIGN_KEY), ForeignKey::name, BY_NAME), List.of());
        var indexes = usual("indexes", Table::indexes, keyed(line(INDEX), Index::name, BY_NAME), List.of());
        var exclusions = defaulted("exclusions", Table::exclusions, keyed(line(EXCLUSION), Exclusion::name, BY_NAME), List.of());
        var partitioning = optional("partitionBy", Table::partitioning, line(PARTITIONING));
        var partitionOf = optional("partitionOf", Table::partitionOf, line(PARTITION_OF));
        var unlogged = defaulted("unlogged", Table::unlogged, BOOL, false);
        var storage = defaulted("storage", Table::storage, line(TEXT_MAP), Map.of());
        var replicaIdentity = defaulted("replicaIdentity", Table::replicaIdentity, line(REPLICA_IDENTITY), ReplicaIdentity.DEFAULT);
        var comment = optional("comment", Table::comment, TEXT);
        var rowSecurity = defaulted("rowSecurity", Table::rowSecurity, line(ROW_SECURITY), RowSecurity.OFF);
        return ObjectCodec.of(v -> Table.builder(v.get(name)).columns(v.get(columns)).primaryKey(v.get(primaryKey))
                        .uniques(v.get(uniques)).checks(v.get(checks)).foreignKeys(v.get(foreignKeys)).indexes(v.get(indexes))
                        .exclusions(v.get(exclusions)).partitioning(v.get(partitioning)).partitionOf(v.get(partitionOf))
                        .unlogged(v.get(unlogged)).storage(v.get(storage)).replicaIdentity(v.get(replicaIdentity))
                        .comment(v.get(comment)).rowSecurity(v.get(rowSecurity)).build(),
                name, columns, primaryKey, uniques, checks, foreignKeys, indexes, exclusions, partitioning, partitionOf,
                unlogged, storage, replicaIdentity, comment, rowSecurity);
    }

    private ObjectCodec<RowSecurity> rowSecurity() {
        var enabled = defaulted("enabled", RowSecurity::enabled, BOOL, false);
        var forced = defaulted("forced", RowSecurity::forced, BOOL, false);
        return ObjectCodec.of(v -> new RowSecurity(v.get(enabled), v.get(forced)), enabled, forced);
    }

    private ObjectCodec<Policy> policy() {
        var table = required("table", Policy::table, REFERENCE);
        var name = required("name", Policy::name, TEXT);
        var command = usual("command", Policy::command, constant(Policy.Command.class), Policy.Command.ALL);
        var permissive = defaulted("permissive", Policy::permissive, BOOL, true);
        var roles = usual("roles", Policy::roles, STRINGS, List.of(Policy.PUBLIC));
        var using = optional("using", Policy::using, TEXT);
        var withCheck = optional("withCheck", Policy::withCheck, TEXT);
        var comment = optional("comment", Policy::comment, TEXT);
        return ObjectCodec.of(v -> new Policy(v.get(table), v.get(name), v.get(command), v.get(permissive), v.get(roles),
                v.get(using), v.get(withCheck), v.get(comment)), table, name, command, permissive, roles, using, withCheck, comment);
    }

    private ObjectCodec<Grant> grant() {
        var on = required("on", Grant::on, constant(Grant.On.class));
        var object = required("object", Grant::object, REFERENCE);
        var signature = optional("signature", Grant::signature, TEXT);
        var column = optional("column", (Grant g) -> g.column(), TEXT);
        var privilege = required("privilege", Grant::privilege, constant(Grant.Privilege.class));
        var grantee = required("grantee", Grant::grantee, TEXT);
        var grantable = defaulted("grantable", Grant::grantable, BOOL, false);
        return ObjectCodec.of(v -> new Grant(v.get(on), v.get(object), v.get(signature), v.get(column), v.get(privilege),
                v.get(grantee), v.get(grantable)), on, object, signature, column, privilege, grantee, grantable);
    }

    private ObjectCodec<Role> role() {
        var name = key(Role::name);
        var owned = defaulted("owned", (Role r) -> r.owned(), BOOL, false);
        var login = defaulted("login", Role::login, BOOL, false);
        var inherit = defaulted("inherit", Role::inherit, BOOL, true);
        var createDb = defaulted("createDb", Role::createDb, BOOL, false);
        var createRole = defaulted("createRole", Role::createRole, BOOL, false);
        var bypassRls = defaulted("bypassRls", Role::bypassRls, BOOL, false);
        var connectionLimit = defaulted("connectionLimit", Role::connectionLimit, INT, -1);
        return ObjectCodec.of(v -> new Role(v.get(name), v.get(owned), v.get(login), v.get(inherit), v.get(createDb),
                v.get(createRole), v.get(bypassRls), v.get(connectionLimit)),
                name, owned, login, inherit, createDb, createRole, bypassRls, connectionLimit);
    }

    private ObjectCodec<EnumType> enumType() {
        var name = named(EnumType::name);
        var values = required("values", EnumType::values, STRINGS);
        var comment = optional("comment", EnumType::comment, TEXT);
        return ObjectCodec.of(v -> new EnumType(v.get(name), v.get(values), v.get(comment)), name, values, comment);
    }

    private ObjectCodec<Namespace> namespace() {
        var name = key(Namespace::name);
        var comment = optional("comment", Namespace::comment, TEXT);
        return ObjectCodec.of(v -> new Namespace(v.get(name), v.get(comment)), name, comment);
    }

    private ObjectCodec<Extension> extension() {
        var name = key(Extension::name);
        var schema = optional("schema", Extension::schema, TEXT);
        var version = optional("version", Extension::version, TEXT);
        return ObjectCodec.of(v -> new Extension(v.get(name), v.get(schema), v.get(version)), name, schema, version);
    }

    private ObjectCodec<Sequence.OwnedBy> ownedBy() {
        var table = required("table", Sequence.OwnedBy::table, REFERENCE);
        var column = required("column", Sequence.OwnedBy::column, TEXT);
        return ObjectCodec.of(v -> new Sequence.OwnedBy(v.get(table), v.get(column)), table, column);
    }

    private ObjectCodec<Sequence> sequence() {
        var name = named(Sequence::name);
        var options = defaulted("options", Sequence::options, SEQUENCE_OPTIONS, SequenceOptions.DEFAULTS);
        var ownedBy = optional("ownedBy", Sequence::ownedBy, OWNED_BY);
        var comment = optional("comment", Sequence::comment, TEXT);
        return ObjectCodec.of(v -> new Sequence(v.get(name), v.get(options), v.get(ownedBy), v.get(comment)),
                name, options, ownedBy, comment);
    }

    private ObjectCodec<Domain> domain() {
        var name = named(Domain::name);
        var type = required("type", Domain::type, COLUMN_TYPE);
        var notNull = defaulted("notNull", Domain::notNull, BOOL, false);
        var dflt = optional("default", Domain::defaultValue, line(DEFAULT));
        var collation = optional("collation", Domain::collation, TEXT);
        var checks = defaulted("checks", Domain::checks, keyed(line(CHECK), Check::name, BY_NAME), List.of());
        var comment = optional("comment", Domain::comment, TEXT);
        return ObjectCodec.of(v -> new Domain(v.get(name), v.get(type), v.get(notNull), v.get(dflt), v.get(collation),
                v.get(checks), v.get(comment)), name, type, notNull, dflt, collation, checks, comment);
    }

    private ObjectCodec<CompositeType.Attribute> attribute() {
        var name = required("name", CompositeType.Attribute::name, TEXT);
        var type = required("type", CompositeType.Attribute::type, COLUMN_TYPE);
        var collation = optional("collation", CompositeType.Attribute::collation, TEXT);
        return ObjectCodec.of(v -> new CompositeType.Attribute(v.get(name), v.get(type), v.get(collation)), name, type, collation);
    }

    private ObjectCodec<CompositeType> compositeType() {
        var name = named(CompositeType::name);
        var attributes = required("attributes", CompositeType::attributes, list(line(ATTRIBUTE)));
        var comment = optional("comment", CompositeType::comment, TEXT);
        return ObjectCodec.of(v -> new CompositeType(v.get(name), v.get(attributes), v.get(comment)), name, attributes, comment);
    }

    private ObjectCodec<View.Column> viewColumn() {
        var name = required("name", View.Column::name, TEXT);
        var type = optional("type", View.Column::type, TEXT);
        return ObjectCodec.of(v -> new View.Column(v.get(name), v.get(type)), name, type);
    }

    private ObjectCodec<View> view() {
        var name = named(View::name);
        var query = required("query", View::query, TEXT);
        var columns = defaulted("columns", View::columns, list(line(VIEW_COLUMN)), List.of());
        var materialized = defaulted("materialized", (View w) -> w.materialized(), BOOL, false);
        var checkOption = defaulted("checkOption", View::checkOption, constant(View.CheckOption.class), View.CheckOption.NONE);
        var barrier = defaulted("securityBarrier", View::securityBarrier, BOOL, false);
        var invoker = defaulted("securityInvoker", View::securityInvoker, BOOL, false);
        var withData = defaulted("withData", (View w) -> w.withData(), BOOL, true);
        var storage = defaulted("storage", View::storage, line(TEXT_MAP), Map.of());
        var indexes = defaulted("indexes", View::indexes, keyed(line(INDEX), Index::name, BY_NAME), List.of());
        var comment = optional("comment", View::comment, TEXT);
        return ObjectCodec.of(v -> new View(v.get(name), v.get(query), v.get(columns), v.get(materialized), v.get(checkOption),
                v.get(barrier), v.get(invoker), v.get(withData), v.get(storage), v.get(indexes), v.get(comment)),
                name, query, columns, materialized, checkOption, barrier, invoker, withData, storage, indexes, comment);
    }

    private ObjectCodec<SchemaModel> schema() {
        var enums = usual("enums", SchemaModel::enums, keyed(ENUM, e -> e.name().key(), BY_QUALIFIED_NAME), List.of());
        var tables = usual("tables", SchemaModel::tables, keyed(TABLE, t -> t.name().key(), BY_QUALIFIED_NAME), List.of());
        // External tables are written like owned ones (their constraint lists are empty) and read the same way.
        var externals = usual("externalTables", SchemaModel::externalTables, keyed(TABLE, t -> t.name().key(), BY_QUALIFIED_NAME),
                List.of());
        var namespaces = defaulted("schemas", SchemaModel::namespaces, keyed(line(NAMESPACE), Namespace::name, BY_NAME), List.of());
        var extensions = defaulted("extensions", SchemaModel::extensions, keyed(line(EXTENSION), Extension::name, BY_NAME), List.of());
        var sequences = defaulted("sequences", SchemaModel::sequences,
                keyed(line(SEQUENCE), q -> q.name().key(), BY_QUALIFIED_NAME), List.of());
        var domains = defaulted("domains", SchemaModel::domains, keyed(DOMAIN, d -> d.name().key(), BY_QUALIFIED_NAME), List.of());
        var composites = defaulted("compositeTypes", SchemaModel::compositeTypes,
                keyed(COMPOSITE_TYPE, c -> c.name().key(), BY_QUALIFIED_NAME), List.of());
        var routines = defaulted("routines", SchemaModel::routines,
                keyed(ROUTINE, Routine::signature, "<schema>.<name>(<argument types>)"), List.of());
        var triggers = defaulted("triggers", SchemaModel::triggers,
                keyed(line(TRIGGER), ModelCodecs::triggerKey, "<schema>.<table>.<trigger name>"), List.of());
        var policies = defaulted("policies", SchemaModel::policies, list(line(POLICY)), List.of());
        var grants = defaulted("grants", SchemaModel::grants, list(line(GRANT)), List.of());
        var roles = defaulted("roles", SchemaModel::roles, keyed(line(ROLE), Role::name, BY_NAME), List.of());
        var views = defaulted("views", SchemaModel::views, keyed(VIEW, w -> w.name().key(), BY_QUALIFIED_NAME), List.of());
        return ObjectCodec.of(v -> SchemaModel.builder().enums(v.get(enums)).tables(v.get(tables))
                .externalTables(v.get(externals)).namespaces(v.get(namespaces)).extensions(v.get(extensions))
                .sequences(v.get(sequences)).domains(v.get(domains)).compositeTypes(v.get(composites))
                .views(v.get(views)).routines(v.get(routines)).triggers(v.get(triggers)).policies(v.get(policies))
                .grants(v.get(grants)).roles(v.get(roles)).build(),
                enums, tables, externals, namespaces, extensions, sequences, domains, composites, views, routines, triggers,
                policies, grants, roles);
    }

    private ObjectCodec<Routine.Argument> argument() {
        var name = optional("name", Routine.Argument::name, TEXT);
        var type = required("type", Routine.Argument::type, TEXT);
        var mode = defaulted("mode", Routine.Argument::mode, constant(Routine.Mode.class), Routine.Mode.IN);
        var dflt = optional("default", Routine.Argument::defaultExpression, TEXT);
        return ObjectCodec.of(v -> new Routine.Argument(v.get(name), v.get(type), v.get(mode), v.get(dflt)),
                name, type, mode, dflt);
    }

    private ObjectCodec<Routine.Aggregate> aggregate() {
        var sfunc = required("stateFunction", Routine.Aggregate::stateFunction, TEXT);
        var stype = required("stateType", Routine.Aggregate::stateType, TEXT);
        var finalFunc = optional("finalFunction", Routine.Aggregate::finalFunction, TEXT);
        var init = optional("initialCondition", Routine.Aggregate::initialCondition, TEXT);
        var combine = optional("combineFunction", Routine.Aggregate::combineFunction, TEXT);
        return ObjectCodec.of(v -> new Routine.Aggregate(v.get(sfunc), v.get(stype), v.get(finalFunc), v.get(init),
                v.get(combine)), sfunc, stype, finalFunc, init, combine);
    }

    private ObjectCodec<Routine> routine() {
        var name = inline(Routine::name, QUALIFIED_NAME);
        var kind = usual("kind", Routine::kind, constant(Routine.Kind.class), Routine.Kind.FUNCTION);
        var arguments = defaulted("arguments", Routine::arguments, list(line(ARGUMENT)), List.of());
        var returns = optional("returns", Routine::returns, TEXT);
        var language = optional("language", Routine::language, TEXT);
        var body = optional("body", Routine::body, TEXT);
        var volatility = defaulted("volatility", Routine::volatility, constant(Routine.Volatility.class),
                Routine.Volatility.VOLATILE);
        var strict = defaulted("strict", Routine::strict, BOOL, false);
        var securityDefiner = defaulted("securityDefiner", Routine::securityDefiner, BOOL, false);
        var parallel = defaulted("parallel", Routine::parallel, constant(Routine.Parallel.class), Routine.Parallel.UNSAFE);
        var settings = defaulted("settings", Routine::settings, line(TEXT_MAP), Map.of());
        var aggregate = optional("aggregate", Routine::aggregate, line(AGGREGATE));
        var comment = optional("comment", Routine::comment, TEXT);
        return ObjectCodec.of(v -> new Routine(v.get(name), v.get(kind), v.get(arguments), v.get(returns), v.get(language),
                        v.get(body), v.get(volatility), v.get(strict), v.get(securityDefiner), v.get(parallel),
                        v.get(settings), v.get(aggregate), v.get(comment)),
                name, kind, arguments, returns, language, body, volatility, strict, securityDefiner, parallel, settings,
                aggregate, comment);
    }

    private static String triggerKey(Trigger t) {
        return t.table().key() + "." + t.name();
    }

    private ObjectCodec<Trigger> trigger() {
        var table = required("table", Trigger::table, REFERENCE);
        var name = required("name", Trigger::name, TEXT);
        var timing = required("timing", Trigger::timing, constant(Trigger.Timing.class));
        var events = required("events", Trigger::eventList, list(constant(Trigger.Event.class)));
        var updateColumns = defaulted("updateColumns", Trigger::updateColumns, STRINGS, List.of());
        var forEachRow = defaulted("forEachRow", Trigger::forEachRow, BOOL, false);
        var when = optional("when", Trigger::when, TEXT);
        var function = required("function", Trigger::function, REFERENCE);
        var arguments = defaulted("arguments", Trigger::arguments, STRINGS, List.of());
        var oldTable = optional("oldTable", Trigger::oldTable, TEXT);
        var newTable = optional("newTable", Trigger::newTable, TEXT);
        var comment = optional("comment", Trigger::comment, TEXT);
        return ObjectCodec.of(v -> new Trigger(v.get(table), v.get(name), v.get(timing), java.util.Set.copyOf(v.get(events)),
                        v.get(updateColumns), v.get(forEachRow), v.get(when), v.get(function), v.get(arguments),
                        v.get(oldTable), v.get(newTable), v.get(comment)),
                table, name, timing, events, updateColumns, forEachRow, when, function, arguments, oldTable, newTable, comment);
    }
}
