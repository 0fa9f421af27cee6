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

import java.util.List;
import java.util.Map;

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
 * model part (or component) is added here and nowhere else.
 *
 * <p>Named things (tables, enums, constraints, indexes) are objects keyed by name, so that a review
 * diff shows only what changed; columns, index keys and key column lists are arrays, since their order
 * matters. Keys come out sorted. Options added after format 1 was fixed (identity, comments, deferral...)
 * are {@linkplain ObjectCodec#defaulted left out at their default}, so a file that uses none of them
 * reads and writes as it always did.
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

    /** Declared before the parts that use it: static fields initialise in order. */
    private static final Codec<Deferral> DEFERRAL = constant(Deferral.class);

    static final ObjectCodec<DefaultValue> DEFAULT_VALUE = defaultValue();
    static final ObjectCodec<SequenceOptions> SEQUENCE_OPTIONS = sequenceOptions();
    static final ObjectCodec<Identity> IDENTITY = identity();
    static final ObjectCodec<Column> COLUMN = column();
    static final ObjectCodec<PrimaryKey> PRIMARY_KEY = primaryKey();
    static final ObjectCodec<Unique> UNIQUE = unique();
    static final ObjectCodec<Check> CHECK = check();
    static final ObjectCodec<ForeignKey> FOREIGN_KEY = foreignKey();
    static final ObjectCodec<IndexKey> INDEX_KEY = indexKey();
    static final ObjectCodec<Index> INDEX = index();
    static final ObjectCodec<Exclusion.Element> EXCLUSION_ELEMENT = exclusionElement();
    static final ObjectCodec<Exclusion> EXCLUSION = exclusion();
    static final ObjectCodec<Partitioning> PARTITIONING = partitioning();
    static final ObjectCodec<PartitionOf> PARTITION_OF = partitionOf();
    static final ObjectCodec<ReplicaIdentity> REPLICA_IDENTITY = replicaIdentity();
    static final ObjectCodec<RowSecurity> ROW_SECURITY = rowSecurity();
    static final ObjectCodec<Table> TABLE = table();
    static final ObjectCodec<EnumType> ENUM = enumType();
    static final ObjectCodec<Namespace> NAMESPACE = namespace();
    static final ObjectCodec<Extension> EXTENSION = extension();
    static final ObjectCodec<Sequence.OwnedBy> OWNED_BY = ownedBy();
    static final ObjectCodec<Sequence> SEQUENCE = sequence();
    static final ObjectCodec<Domain> DOMAIN = domain();
    static final ObjectCodec<CompositeType.Attribute> ATTRIBUTE = attribute();
    static final ObjectCodec<CompositeType> COMPOSITE_TYPE = compositeType();
    static final ObjectCodec<Routine.Argument> ARGUMENT = argument();
    static final ObjectCodec<Routine.Aggregate> AGGREGATE = aggregate();
    static final ObjectCodec<Routine> ROUTINE = routine();
    static final ObjectCodec<Trigger> TRIGGER = trigger();

    static final ObjectCodec<Policy> POLICY = policy();
    static final ObjectCodec<Grant> GRANT = grant();
    static final ObjectCodec<Role> ROLE = role();
    static final ObjectCodec<View.Column> VIEW_COLUMN = viewColumn();
    static final ObjectCodec<View> VIEW = view();

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

    private static ObjectCodec<SequenceOptions> sequenceOptions() {
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

    private static ObjectCodec<Identity> identity() {
        var generation = required("generation", Identity::generation, constant(Identity.Generation.class));
        var options = defaulted("sequence", Identity::options, SEQUENCE_OPTIONS, SequenceOptions.DEFAULTS);
        return ObjectCodec.of(v -> new Identity(v.get(generation), v.get(options)), generation, options);
    }

    private static ObjectCodec<Column> column() {
        var name = required("name", Column::name, TEXT);
        var type = required("type", Column::type, COLUMN_TYPE);
        var notNull = required("notNull", Column::notNull, BOOL);
        var dflt = optional("default", Column::defaultValue, DEFAULT_VALUE);
        var identity = optional("identity", Column::identity, IDENTITY);
        var generated = optional("generated", Column::generated, TEXT);
        var collation = optional("collation", Column::collation, TEXT);
        var comment = optional("comment", Column::comment, TEXT);
        return ObjectCodec.of(v -> new Column(v.get(name), v.get(type), v.get(notNull), v.get(dflt), v.get(identity),
                v.get(generated), v.get(collation), v.get(comment)), name, type, notNull, dflt, identity, generated,
                collation, comment);
    }

    private static ObjectCodec<PrimaryKey> primaryKey() {
        var name = required("name", PrimaryKey::name, TEXT);
        var columns = required("columns", PrimaryKey::columns, STRINGS);
        var deferral = defaulted("deferral", PrimaryKey::deferral, DEFERRAL, Deferral.NOT_DEFERRABLE);
        var comment = optional("comment", PrimaryKey::comment, TEXT);
        return ObjectCodec.of(v -> new PrimaryKey(v.get(name), v.get(columns), v.get(deferral), v.get(comment)),
                name, columns, deferral, comment);
    }

    private static ObjectCodec<Unique> unique() {
        var name = key(Unique::name);
        var columns = required("columns", Unique::columns, STRINGS);
        var nullsNotDistinct = defaulted("nullsNotDistinct", Unique::nullsNotDistinct, BOOL, false);
        var deferral = defaulted("deferral", Unique::deferral, DEFERRAL, Deferral.NOT_DEFERRABLE);
        var comment = optional("comment", Unique::comment, TEXT);
        return ObjectCodec.of(v -> new Unique(v.get(name), v.get(columns), v.get(nullsNotDistinct), v.get(deferral),
                v.get(comment)), name, columns, nullsNotDistinct, deferral, comment);
    }

    private static ObjectCodec<Check> check() {
        var name = key(Check::name);
        var expression = required("expression", Check::expression, TEXT);
        var notValid = defaulted("notValid", Check::notValid, BOOL, false);
        var noInherit = defaulted("noInherit", Check::noInherit, BOOL, false);
        var comment = optional("comment", Check::comment, TEXT);
        return ObjectCodec.of(v -> new Check(v.get(name), v.get(expression), v.get(notValid), v.get(noInherit),
                v.get(comment)), name, expression, notValid, noInherit, comment);
    }

    private static ObjectCodec<ForeignKey> foreignKey() {
        var name = key(ForeignKey::name);
        var columns = required("columns", ForeignKey::columns, STRINGS);
        var table = required("referencedTable", ForeignKey::referencedTable, QUALIFIED_NAME);
        var referenced = required("referencedColumns", ForeignKey::referencedColumns, STRINGS);
        var onDelete = required("onDelete", ForeignKey::onDelete, constant(ReferentialAction.class));
        var onUpdate = required("onUpdate", ForeignKey::onUpdate, constant(ReferentialAction.class));
        var notValid = defaulted("notValid", ForeignKey::notValid, BOOL, false);
        var deferral = defaulted("deferral", ForeignKey::deferral, DEFERRAL, Deferral.NOT_DEFERRABLE);
        var comment = optional("comment", ForeignKey::comment, TEXT);
        return ObjectCodec.of(v -> new ForeignKey(v.get(name), v.get(columns), v.get(table), v.get(referenced),
                v.get(onDelete), v.get(onUpdate), v.get(notValid), v.get(deferral), v.get(comment)),
                name, columns, table, referenced, onDelete, onUpdate, notValid, deferral, comment);
    }

    private static ObjectCodec<IndexKey> indexKey() {
        // exactly one of column and expression is written, as the model holds exactly one
        var column = optional("column", (IndexKey k) -> k.column(), TEXT);
        var expression = optional("expression", (IndexKey k) -> k.expression(), TEXT);
        var descending = required("descending", IndexKey::descending, BOOL);
        var nulls = required("nulls", IndexKey::nulls, constant(NullsOrder.class));
        var collation = optional("collation", IndexKey::collation, TEXT);
        var opclass = optional("opclass", IndexKey::opclass, TEXT);
        return ObjectCodec.of(v -> new IndexKey(v.get(column), v.get(expression), v.get(descending), v.get(nulls),
                v.get(collation), v.get(opclass)), column, expression, descending, nulls, collation, opclass);
    }

    private static ObjectCodec<Index> index() {
        var name = key(Index::name);
        var unique = required("unique", Index::unique, BOOL);
        var method = required("method", Index::method, constant(IndexMethod.class));
        var keys = required("keys", Index::keys, list(INDEX_KEY));
        var where = optional("where", Index::where, TEXT);
        var include = defaulted("include", Index::include, STRINGS, List.of());
        var nullsNotDistinct = defaulted("nullsNotDistinct", Index::nullsNotDistinct, BOOL, false);
        var storage = defaulted("storage", Index::storage, TEXT_MAP, Map.of());
        var comment = optional("comment", Index::comment, TEXT);
        return ObjectCodec.of(v -> new Index(v.get(name), v.get(unique), v.get(method), v.get(keys), v.get(where),
                v.get(include), v.get(nullsNotDistinct), v.get(storage), v.get(comment)),
                name, unique, method, keys, where, include, nullsNotDistinct, storage, comment);
    }

    private static ObjectCodec<Exclusion.Element> exclusionElement() {
        var key = required("key", Exclusion.Element::key, INDEX_KEY);
        var operator = required("operator", Exclusion.Element::operator, TEXT);
        return ObjectCodec.of(v -> new Exclusion.Element(v.get(key), v.get(operator)), key, operator);
    }

    private static ObjectCodec<Exclusion> exclusion() {
        var name = key(Exclusion::name);
        var method = required("method", Exclusion::method, constant(IndexMethod.class));
        var elements = required("elements", Exclusion::elements, list(EXCLUSION_ELEMENT));
        var include = defaulted("include", Exclusion::include, STRINGS, List.of());
        var where = optional("where", Exclusion::where, TEXT);
        var deferral = defaulted("deferral", Exclusion::deferral, DEFERRAL, Deferral.NOT_DEFERRABLE);
        var comment = optional("comment", Exclusion::comment, TEXT);
        return ObjectCodec.of(v -> new Exclusion(v.get(name), v.get(method), v.get(elements), v.get(include), v.get(where),
                v.get(deferral), v.get(comment)), name, method, elements, include, where, deferral, comment);
    }

    private static ObjectCodec<Partitioning> partitioning() {
        var strategy = required("strategy", Partitioning::strategy, constant(Partitioning.Strategy.class));
        var keys = required("keys", Partitioning::keys, list(INDEX_KEY));
        return ObjectCodec.of(v -> new Partitioning(v.get(strategy), v.get(keys)), strategy, keys);
    }

    private static ObjectCodec<PartitionOf> partitionOf() {
        var parent = required("parent", PartitionOf::parent, QUALIFIED_NAME);
        var bound = required("bound", PartitionOf::bound, TEXT);
        return ObjectCodec.of(v -> new PartitionOf(v.get(parent), v.get(bound)), parent, bound);
    }

    private static ObjectCodec<ReplicaIdentity> replicaIdentity() {
        var kind = required("kind", ReplicaIdentity::kind, constant(ReplicaIdentity.Kind.class));
        var index = optional("index", ReplicaIdentity::index, TEXT);
        return ObjectCodec.of(v -> new ReplicaIdentity(v.get(kind), v.get(index)), kind, index);
    }

    private static ObjectCodec<Table> table() {
        var name = inline(Table::name, QUALIFIED_NAME);
        var columns = required("columns", Table::columns, list(COLUMN));
        var primaryKey = optional("primaryKey", Table::primaryKey, PRIMARY_KEY);
        var uniques = required("uniques", Table::uniques, keyed(UNIQUE, Unique::name, BY_NAME));
        var checks = required("checks", Table::checks, keyed(CHECK, Check::name, BY_NAME));
        var foreignKeys = required("foreignKeys", Table::foreignKeys, keyed(FOREIGN_KEY, ForeignKey::name, BY_NAME));
        var indexes = required("indexes", Table::indexes, keyed(INDEX, Index::name, BY_NAME));
        var exclusions = defaulted("exclusions", Table::exclusions, keyed(EXCLUSION, Exclusion::name, BY_NAME), List.of());
        var partitioning = optional("partitionBy", Table::partitioning, PARTITIONING);
        var partitionOf = optional("partitionOf", Table::partitionOf, PARTITION_OF);
        var unlogged = defaulted("unlogged", Table::unlogged, BOOL, false);
        var storage = defaulted("storage", Table::storage, TEXT_MAP, Map.of());
        var replicaIdentity = defaulted("replicaIdentity", Table::replicaIdentity, REPLICA_IDENTITY, ReplicaIdentity.DEFAULT);
        var comment = optional("comment", Table::comment, TEXT);
        var rowSecurity = defaulted("rowSecurity", Table::rowSecurity, ROW_SECURITY, RowSecurity.OFF);
        return ObjectCodec.of(v -> Table.builder(v.get(name)).columns(v.get(columns)).primaryKey(v.get(primaryKey))
                        .uniques(v.get(uniques)).checks(v.get(checks)).foreignKeys(v.get(foreignKeys)).indexes(v.get(indexes))
                        .exclusions(v.get(exclusions)).partitioning(v.get(partitioning)).partitionOf(v.get(partitionOf))
                        .unlogged(v.get(unlogged)).storage(v.get(storage)).replicaIdentity(v.get(replicaIdentity))
                        .comment(v.get(comment)).rowSecurity(v.get(rowSecurity)).build(),
                name, columns, primaryKey, uniques, checks, foreignKeys, indexes, exclusions, partitioning, partitionOf,
                unlogged, storage, replicaIdentity, comment, rowSecurity);
    }

    private static ObjectCodec<RowSecurity> rowSecurity() {
        var enabled = defaulted("enabled", RowSecurity::enabled, BOOL, false);
        var forced = defaulted("forced", RowSecurity::forced, BOOL, false);
        return ObjectCodec.of(v -> new RowSecurity(v.get(enabled), v.get(forced)), enabled, forced);
    }

    private static ObjectCodec<Policy> policy() {
        var table = required("table", Policy::table, QUALIFIED_NAME);
        var name = required("name", Policy::name, TEXT);
        var command = required("command", Policy::command, constant(Policy.Command.class));
        var permissive = defaulted("permissive", Policy::permissive, BOOL, true);
        var roles = required("roles", Policy::roles, STRINGS);
        var using = optional("using", Policy::using, TEXT);
        var withCheck = optional("withCheck", Policy::withCheck, TEXT);
        var comment = optional("comment", Policy::comment, TEXT);
        return ObjectCodec.of(v -> new Policy(v.get(table), v.get(name), v.get(command), v.get(permissive), v.get(roles),
                v.get(using), v.get(withCheck), v.get(comment)), table, name, command, permissive, roles, using, withCheck, comment);
    }

    private static ObjectCodec<Grant> grant() {
        var on = required("on", Grant::on, constant(Grant.On.class));
        var object = required("object", Grant::object, QUALIFIED_NAME);
        var signature = optional("signature", Grant::signature, TEXT);
        var column = optional("column", (Grant g) -> g.column(), TEXT);
        var privilege = required("privilege", Grant::privilege, constant(Grant.Privilege.class));
        var grantee = required("grantee", Grant::grantee, TEXT);
        var grantable = defaulted("grantable", Grant::grantable, BOOL, false);
        return ObjectCodec.of(v -> new Grant(v.get(on), v.get(object), v.get(signature), v.get(column), v.get(privilege),
                v.get(grantee), v.get(grantable)), on, object, signature, column, privilege, grantee, grantable);
    }

    private static ObjectCodec<Role> role() {
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

    private static ObjectCodec<EnumType> enumType() {
        var name = inline(EnumType::name, QUALIFIED_NAME);
        var values = required("values", EnumType::values, STRINGS);
        var comment = optional("comment", EnumType::comment, TEXT);
        return ObjectCodec.of(v -> new EnumType(v.get(name), v.get(values), v.get(comment)), name, values, comment);
    }

    private static ObjectCodec<Namespace> namespace() {
        var name = key(Namespace::name);
        var comment = optional("comment", Namespace::comment, TEXT);
        return ObjectCodec.of(v -> new Namespace(v.get(name), v.get(comment)), name, comment);
    }

    private static ObjectCodec<Extension> extension() {
        var name = key(Extension::name);
        var schema = optional("schema", Extension::schema, TEXT);
        var version = optional("version", Extension::version, TEXT);
        return ObjectCodec.of(v -> new Extension(v.get(name), v.get(schema), v.get(version)), name, schema, version);
    }

    private static ObjectCodec<Sequence.OwnedBy> ownedBy() {
        var table = required("table", Sequence.OwnedBy::table, QUALIFIED_NAME);
        var column = required("column", Sequence.OwnedBy::column, TEXT);
        return ObjectCodec.of(v -> new Sequence.OwnedBy(v.get(table), v.get(column)), table, column);
    }

    private static ObjectCodec<Sequence> sequence() {
        var name = inline(Sequence::name, QUALIFIED_NAME);
        var options = defaulted("options", Sequence::options, SEQUENCE_OPTIONS, SequenceOptions.DEFAULTS);
        var ownedBy = optional("ownedBy", Sequence::ownedBy, OWNED_BY);
        var comment = optional("comment", Sequence::comment, TEXT);
        return ObjectCodec.of(v -> new Sequence(v.get(name), v.get(options), v.get(ownedBy), v.get(comment)),
                name, options, ownedBy, comment);
    }

    private static ObjectCodec<Domain> domain() {
        var name = inline(Domain::name, QUALIFIED_NAME);
        var type = required("type", Domain::type, COLUMN_TYPE);
        var notNull = defaulted("notNull", Domain::notNull, BOOL, false);
        var dflt = optional("default", Domain::defaultValue, DEFAULT_VALUE);
        var collation = optional("collation", Domain::collation, TEXT);
        var checks = defaulted("checks", Domain::checks, keyed(CHECK, Check::name, BY_NAME), List.of());
        var comment = optional("comment", Domain::comment, TEXT);
        return ObjectCodec.of(v -> new Domain(v.get(name), v.get(type), v.get(notNull), v.get(dflt), v.get(collation),
                v.get(checks), v.get(comment)), name, type, notNull, dflt, collation, checks, comment);
    }

    private static ObjectCodec<CompositeType.Attribute> attribute() {
        var name = required("name", CompositeType.Attribute::name, TEXT);
        var type = required("type", CompositeType.Attribute::type, COLUMN_TYPE);
        var collation = optional("collation", CompositeType.Attribute::collation, TEXT);
        return ObjectCodec.of(v -> new CompositeType.Attribute(v.get(name), v.get(type), v.get(collation)), name, type, collation);
    }

    private static ObjectCodec<CompositeType> compositeType() {
        var name = inline(CompositeType::name, QUALIFIED_NAME);
        var attributes = required("attributes", CompositeType::attributes, list(ATTRIBUTE));
        var comment = optional("comment", CompositeType::comment, TEXT);
        return ObjectCodec.of(v -> new CompositeType(v.get(name), v.get(attributes), v.get(comment)), name, attributes, comment);
    }

    private static ObjectCodec<View.Column> viewColumn() {
        var name = required("name", View.Column::name, TEXT);
        var type = optional("type", View.Column::type, TEXT);
        return ObjectCodec.of(v -> new View.Column(v.get(name), v.get(type)), name, type);
    }

    private static ObjectCodec<View> view() {
        var name = inline(View::name, QUALIFIED_NAME);
        var query = required("query", View::query, TEXT);
        var columns = defaulted("columns", View::columns, list(VIEW_COLUMN), List.of());
        var materialized = defaulted("materialized", (View w) -> w.materialized(), BOOL, false);
        var checkOption = defaulted("checkOption", View::checkOption, constant(View.CheckOption.class), View.CheckOption.NONE);
        var barrier = defaulted("securityBarrier", View::securityBarrier, BOOL, false);
        var invoker = defaulted("securityInvoker", View::securityInvoker, BOOL, false);
        var withData = defaulted("withData", (View w) -> w.withData(), BOOL, true);
        var storage = defaulted("storage", View::storage, TEXT_MAP, Map.of());
        var indexes = defaulted("indexes", View::indexes, keyed(INDEX, Index::name, BY_NAME), List.of());
        var comment = optional("comment", View::comment, TEXT);
        return ObjectCodec.of(v -> new View(v.get(name), v.get(query), v.get(columns), v.get(materialized), v.get(checkOption),
                v.get(barrier), v.get(invoker), v.get(withData), v.get(storage), v.get(indexes), v.get(comment)),
                name, query, columns, materialized, checkOption, barrier, invoker, withData, storage, indexes, comment);
    }

    private static ObjectCodec<SchemaModel> schema() {
        var enums = required("enums", SchemaModel::enums, keyed(ENUM, e -> e.name().key(), BY_QUALIFIED_NAME));
        var tables = required("tables", SchemaModel::tables, keyed(TABLE, t -> t.name().key(), BY_QUALIFIED_NAME));
        // External tables are written like owned ones (their constraint lists are empty) and read the same way.
        var externals = required("externalTables", SchemaModel::externalTables, keyed(TABLE, t -> t.name().key(), BY_QUALIFIED_NAME));
        var namespaces = defaulted("schemas", SchemaModel::namespaces, keyed(NAMESPACE, Namespace::name, BY_NAME), List.of());
        var extensions = defaulted("extensions", SchemaModel::extensions, keyed(EXTENSION, Extension::name, BY_NAME), List.of());
        var sequences = defaulted("sequences", SchemaModel::sequences,
                keyed(SEQUENCE, q -> q.name().key(), BY_QUALIFIED_NAME), List.of());
        var domains = defaulted("domains", SchemaModel::domains, keyed(DOMAIN, d -> d.name().key(), BY_QUALIFIED_NAME), List.of());
        var composites = defaulted("compositeTypes", SchemaModel::compositeTypes,
                keyed(COMPOSITE_TYPE, c -> c.name().key(), BY_QUALIFIED_NAME), List.of());
        var routines = defaulted("routines", SchemaModel::routines,
                keyed(ROUTINE, Routine::signature, "<schema>.<name>(<argument types>)"), List.of());
        var triggers = defaulted("triggers", SchemaModel::triggers,
                keyed(TRIGGER, ModelCodecs::triggerKey, "<schema>.<table>.<trigger name>"), List.of());
        var policies = defaulted("policies", SchemaModel::policies, list(POLICY), List.of());
        var grants = defaulted("grants", SchemaModel::grants, list(GRANT), List.of());
        var roles = defaulted("roles", SchemaModel::roles, keyed(ROLE, Role::name, BY_NAME), List.of());
        var views = defaulted("views", SchemaModel::views, keyed(VIEW, w -> w.name().key(), BY_QUALIFIED_NAME), List.of());
        return ObjectCodec.of(v -> SchemaModel.builder().enums(v.get(enums)).tables(v.get(tables))
                .externalTables(v.get(externals)).namespaces(v.get(namespaces)).extensions(v.get(extensions))
                .sequences(v.get(sequences)).domains(v.get(domains)).compositeTypes(v.get(composites))
                .views(v.get(views)).routines(v.get(routines)).triggers(v.get(triggers)).policies(v.get(policies))
                .grants(v.get(grants)).roles(v.get(roles)).build(),
                enums, tables, externals, namespaces, extensions, sequences, domains, composites, views, routines, triggers,
                policies, grants, roles);
    }

    private static ObjectCodec<Routine.Argument> argument() {
        var name = optional("name", Routine.Argument::name, TEXT);
        var type = required("type", Routine.Argument::type, TEXT);
        var mode = defaulted("mode", Routine.Argument::mode, constant(Routine.Mode.class), Routine.Mode.IN);
        var dflt = optional("default", Routine.Argument::defaultExpression, TEXT);
        return ObjectCodec.of(v -> new Routine.Argument(v.get(name), v.get(type), v.get(mode), v.get(dflt)),
                name, type, mode, dflt);
    }

    private static ObjectCodec<Routine.Aggregate> aggregate() {
        var sfunc = required("stateFunction", Routine.Aggregate::stateFunction, TEXT);
        var stype = required("stateType", Routine.Aggregate::stateType, TEXT);
        var finalFunc = optional("finalFunction", Routine.Aggregate::finalFunction, TEXT);
        var init = optional("initialCondition", Routine.Aggregate::initialCondition, TEXT);
        var combine = optional("combineFunction", Routine.Aggregate::combineFunction, TEXT);
        return ObjectCodec.of(v -> new Routine.Aggregate(v.get(sfunc), v.get(stype), v.get(finalFunc), v.get(init),
                v.get(combine)), sfunc, stype, finalFunc, init, combine);
    }

    private static ObjectCodec<Routine> routine() {
        var name = inline(Routine::name, QUALIFIED_NAME);
        var kind = required("kind", Routine::kind, constant(Routine.Kind.class));
        var arguments = defaulted("arguments", Routine::arguments, list(ARGUMENT), List.of());
        var returns = optional("returns", Routine::returns, TEXT);
        var language = optional("language", Routine::language, TEXT);
        var body = optional("body", Routine::body, TEXT);
        var volatility = defaulted("volatility", Routine::volatility, constant(Routine.Volatility.class),
                Routine.Volatility.VOLATILE);
        var strict = defaulted("strict", Routine::strict, BOOL, false);
        var securityDefiner = defaulted("securityDefiner", Routine::securityDefiner, BOOL, false);
        var parallel = defaulted("parallel", Routine::parallel, constant(Routine.Parallel.class), Routine.Parallel.UNSAFE);
        var settings = defaulted("settings", Routine::settings, TEXT_MAP, Map.of());
        var aggregate = optional("aggregate", Routine::aggregate, AGGREGATE);
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

    private static ObjectCodec<Trigger> trigger() {
        var table = required("table", Trigger::table, QUALIFIED_NAME);
        var name = required("name", Trigger::name, TEXT);
        var timing = required("timing", Trigger::timing, constant(Trigger.Timing.class));
        var events = required("events", Trigger::eventList, list(constant(Trigger.Event.class)));
        var updateColumns = defaulted("updateColumns", Trigger::updateColumns, STRINGS, List.of());
        var forEachRow = defaulted("forEachRow", Trigger::forEachRow, BOOL, false);
        var when = optional("when", Trigger::when, TEXT);
        var function = required("function", Trigger::function, QUALIFIED_NAME);
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
