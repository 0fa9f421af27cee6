package dev.shale.dsl;

import dev.shale.model.Check;
import dev.shale.model.ColumnType;
import dev.shale.model.DefaultValue;
import dev.shale.model.ForeignKey;
import dev.shale.model.Identifiers;
import dev.shale.model.InvalidModelException;
import dev.shale.model.PgType;
import dev.shale.model.PrimaryKey;
import dev.shale.model.QualifiedName;
import dev.shale.model.ReferentialAction;
import dev.shale.model.ReplicaIdentity;
import dev.shale.model.StorageParameters;
import dev.shale.model.Unique;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A table declared in code. Subclass it, declare columns as {@code public final} fields, and
 * indexes and constraints in the constructor:
 * <pre>{@code
 * public final class Users extends Table {
 *     public final Column<UUID> id = uuid("id").primaryKey().defaultRandom();
 *     public final Column<String> email = varchar("email", 255).notNull();
 *     Users() {
 *         super("users");
 *         uniqueIndex("users_email_key").on(email);
 *     }
 * }
 * }</pre>
 * Hold one instance in a static field (for example {@code Schema.USERS}) so that foreign keys can
 * refer to its columns.
 */
public abstract class Table {
    private final QualifiedName name;
    private final SourceLocation location;
    private final List<Column<?>> columns = new ArrayList<>();
    private final List<IndexBuilder> indexes = new ArrayList<>();
    private final List<Declared<Check>> checks = new ArrayList<>();
    private final List<Declared<Unique>> uniques = new ArrayList<>();
    private final List<CompositeForeignKey> foreignKeys = new ArrayList<>();
    private Declared<List<Column<?>>> primaryKey;
    private String primaryKeyName;
    private String renamedFrom;
    private final Map<Object, Object> options = new IdentityHashMap<>();
    private final List<ExclusionBuilder> exclusions = new ArrayList<>();
    private final List<TriggerBuilder> triggers = new ArrayList<>();
    private boolean unlogged;
    private final Map<String, String> storage = new TreeMap<>();
    private ReplicaIdentity replicaIdentity = ReplicaIdentity.DEFAULT;
    private String comment;
    private final java.util.Map<String, Declared<String>> partComments = new java.util.LinkedHashMap<>();
    private Declared<dev.shale.model.Partitioning> partitioning;
    private Table parent;
    private PartitionBound bound;
    private dev.shale.model.RowSecurity rowSecurity = dev.shale.model.RowSecurity.OFF;
    private final List<PolicyBuilder> policies = new ArrayList<>();
    private final List<GrantBuilder> grants = new ArrayList<>();

    /** A table in the {@code public} schema. */
    protected Table(String name) {
        this(QualifiedName.DEFAULT_SCHEMA, name);
    }

    /** A table in {@code schema}. */
    protected Table(String schema, String name) {
        this.location = SourceLocation.caller();
        try {
            Identifiers.require("schema of table " + Identifiers.show(String.valueOf(name)), schema);
            Identifiers.require("table in schema " + Identifiers.show(String.valueOf(schema)), name);
            this.name = QualifiedName.of(schema, name);
        } catch (InvalidModelException e) {
            throw new SchemaDefinitionException(location, e.getMessage());
        }
    }

    public final QualifiedName qualifiedName() {
        return name;
    }

    // ---- column types -------------------------------------------------------------------------

    protected final Column<UUID> uuid(String name) {
        return new Column<>(this, name, builtin(PgType.UUID), v -> DefaultValue.string(v.toString()));
    }

    protected final Column<String> text(String name) {
        return new Column<>(this, name, builtin(PgType.TEXT), DefaultValue::string);
    }

    protected final Column<String> varchar(String name, int length) {
        return new Column<>(this, name, sized(PgType.VARCHAR, length, name), DefaultValue::string);
    }

    /** varchar without a length limit. */
    protected final Column<String> varchar(String name) {
        return new Column<>(this, name, builtin(PgType.VARCHAR), DefaultValue::string);
    }

    /** char(n): fixed-length, blank-padded. */
    protected final Column<String> character(String name, int length) {
        return new Column<>(this, name, sized(PgType.CHAR, length, name), DefaultValue::string);
    }

    protected final Column<Short> smallint(String name) {
        return new Column<>(this, name, builtin(PgType.SMALLINT), Table::number);
    }

    protected final Column<Integer> integer(String name) {
        return new Column<>(this, name, builtin(PgType.INTEGER), Table::number);
    }

    protected final Column<Long> bigint(String name) {
        return new Column<>(this, name, builtin(PgType.BIGINT), Table::number);
    }

    /** An auto-incrementing integer (a sequence and a default, made by PostgreSQL). */
    protected final Column<Integer> serial(String name) {
        return new Column<>(this, name, builtin(PgType.SERIAL), Table::number);
    }

    /** An auto-incrementing bigint (a sequence and a default, made by PostgreSQL). */
    protected final Column<Long> bigserial(String name) {
        return new Column<>(this, name, builtin(PgType.BIGSERIAL), Table::number);
    }

    /** numeric(precision, scale): exact decimal. */
    protected final Column<BigDecimal> numeric(String name, int precision, int scale) {
        ColumnType type;
        try {
            type = new ColumnType.Builtin(PgType.NUMERIC, null, precision, scale);
        } catch (InvalidModelException e) {
            throw new SchemaDefinitionException(SourceLocation.caller(), "column " + Identifiers.show(name) + ": " + e.reason());
        }
        return new Column<>(this, name, type, v -> DefaultValue.number(v.toPlainString()));
    }

    /** numeric without precision: any exact decimal. */
    protected final Column<BigDecimal> numeric(String name) {
        return new Column<>(this, name, builtin(PgType.NUMERIC), v -> DefaultValue.number(v.toPlainString()));
    }

    protected final Column<Float> real(String name) {
        return new Column<>(this, name, builtin(PgType.REAL), Table::number);
    }

    protected final Column<Double> doublePrecision(String name) {
        return new Column<>(this, name, builtin(PgType.DOUBLE_PRECISION), Table::number);
    }

    protected final Column<Boolean> bool(String name) {
        return new Column<>(this, name, builtin(PgType.BOOLEAN), DefaultValue::bool);
    }

    protected final Column<LocalDate> date(String name) {
        return new Column<>(this, name, builtin(PgType.DATE), v -> DefaultValue.string(v.toString()));
    }

    protected final Column<LocalTime> time(String name) {
        return new Column<>(this, name, builtin(PgType.TIME), v -> DefaultValue.string(v.toString()));
    }

    /** timestamp without time zone. */
    protected final Column<LocalDateTime> timestamp(String name) {
        return new Column<>(this, name, builtin(PgType.TIMESTAMP), v -> DefaultValue.string(v.toString()));
    }

    /** timestamp with time zone: the right choice for instants. */
    protected final Column<OffsetDateTime> timestamptz(String name) {
        return new Column<>(this, name, builtin(PgType.TIMESTAMPTZ), v -> DefaultValue.string(v.toString()));
    }

    protected final Column<Duration> interval(String name) {
        return new Column<>(this, name, builtin(PgType.INTERVAL), v -> DefaultValue.string(v.toString()));
    }

    /** json: the document's text, stored as written. */
    protected final Column<String> json(String name) {
        return new Column<>(this, name, builtin(PgType.JSON), DefaultValue::string);
    }

    /** jsonb: the document's text, stored parsed. */
    protected final Column<String> jsonb(String name) {
        return new Column<>(this, name, builtin(PgType.JSONB), DefaultValue::string);
    }

    protected final Column<byte[]> bytea(String name) {
        return new Column<>(this, name, builtin(PgType.BYTEA), v -> DefaultValue.string("\\x" + hex(v)));
    }

    protected final Column<InetAddress> inet(String name) {
        return new Column<>(this, name, builtin(PgType.INET), v -> DefaultValue.string(v.getHostAddress()));
    }

    /** A column whose type is one of the schema's enums. */
    protected final <E> Column<E> column(String name, PgEnum<E> enumType) {
        if (enumType == null) {
            throw new SchemaDefinitionException(SourceLocation.caller(), "column " + Identifiers.show(name) + " in table "
                    + this.name.display() + ": the enum is null; is it declared in a static field initialised after this table?");
        }
        return new Column<E>(this, name, new ColumnType.EnumRef(enumType.name()),
                v -> DefaultValue.string(enumType.label(v))).withEnum(enumType);
    }

    /**
     * A column of any other type PostgreSQL knows, by name: a built-in type the DSL has no method for
     * ({@code "money"}, {@code "tsvector"}, {@code "point"}, {@code "bit varying(8)"}), an extension's
     * type ({@code "citext"}, {@code "geometry(Point,4326)"}) or a domain ({@code "app.positive_amount"}).
     * Write the type as SQL does, as PostgreSQL's {@code format_type} shows it: schema-qualified unless
     * it lives in pg_catalog or public, double quotes where SQL needs them. Shale never creates the type;
     * it must exist where the migrations run. Values and defaults are the type's text form.
     */
    protected final Column<String> custom(String name, String sqlType) {
        ColumnType type;
        try {
            type = ColumnType.named(sqlType);
        } catch (InvalidModelException e) {
            throw new SchemaDefinitionException(SourceLocation.caller(), "column " + Identifiers.show(name) + " in table "
                    + this.name.display() + ": " + e.getMessage());
        }
        return new Column<>(this, name, type, DefaultValue::string);
    }

    /** A column whose type is one of the schema's domains; values are the underlying type's text form. */
    protected final Column<String> column(String name, PgDomain domain) {
        if (domain == null) {
            throw new SchemaDefinitionException(SourceLocation.caller(), "column " + Identifiers.show(name) + " in table "
                    + this.name.display() + ": the domain is null; is it declared in a static field initialised after this table?");
        }
        return new Column<String>(this, name, new ColumnType.DomainRef(domain.name()), DefaultValue::string).withDeclaredType(domain);
    }

    /** A column whose type is one of the schema's composite types; values are row literals ({@code (a,b)}). */
    protected final Column<String> column(String name, PgComposite composite) {
        if (composite == null) {
            throw new SchemaDefinitionException(SourceLocation.caller(), "column " + Identifiers.show(name) + " in table "
                    + this.name.display() + ": the composite type is null; is it declared in a static field initialised after this table?");
        }
        return new Column<String>(this, name, new ColumnType.CompositeRef(composite.name()), DefaultValue::string)
                .withDeclaredType(composite);
    }

    /** money: an amount in the database's lc_monetary currency; values in its text form. */
    protected final Column<String> money(String name) {
        return named(name, "money");
    }

    /** tsvector: a document for full text search. */
    protected final Column<String> tsvector(String name) {
        return named(name, "tsvector");
    }

    /** tsquery: a full text search query. */
    protected final Column<String> tsquery(String name) {
        return named(name, "tsquery");
    }

    protected final Column<String> xml(String name) {
        return named(name, "xml");
    }

    /** cidr: an IPv4 or IPv6 network. */
    protected final Column<String> cidr(String name) {
        return named(name, "cidr");
    }

    protected final Column<String> macaddr(String name) {
        return named(name, "macaddr");
    }

    protected final Column<String> macaddr8(String name) {
        return named(name, "macaddr8");
    }

    /** bit(n): exactly {@code length} bits. */
    protected final Column<String> bit(String name, int length) {
        return named(name, "bit(" + length + ")");
    }

    /** bit varying(n): up to {@code length} bits. */
    protected final Column<String> varbit(String name, int length) {
        return named(name, "bit varying(" + length + ")");
    }

    /** time with time zone. */
    protected final Column<String> timetz(String name) {
        return named(name, "time with time zone");
    }

    /** time(p) without time zone: {@code precision} fractional digits of the seconds (0 to 6). */
    protected final Column<String> time(String name, int precision) {
        return named(name, "time(" + precision + ") without time zone");
    }

    /** timestamp(p) without time zone. */
    protected final Column<String> timestamp(String name, int precision) {
        return named(name, "timestamp(" + precision + ") without time zone");
    }

    /** timestamp(p) with time zone. */
    protected final Column<String> timestamptz(String name, int precision) {
        return named(name, "timestamp(" + precision + ") with time zone");
    }

    /** interval restricted to fields, as SQL writes them: {@code "year to month"}, {@code "day to second(3)"}. */
    protected final Column<String> interval(String name, String fields) {
        return named(name, "interval " + fields);
    }

    protected final Column<String> point(String name) {
        return named(name, "point");
    }

    protected final Column<String> line(String name) {
        return named(name, "line");
    }

    protected final Column<String> lseg(String name) {
        return named(name, "lseg");
    }

    protected final Column<String> box(String name) {
        return named(name, "box");
    }

    protected final Column<String> path(String name) {
        return named(name, "path");
    }

    protected final Column<String> polygon(String name) {
        return named(name, "polygon");
    }

    protected final Column<String> circle(String name) {
        return named(name, "circle");
    }

    protected final Column<String> int4range(String name) {
        return named(name, "int4range");
    }

    protected final Column<String> int8range(String name) {
        return named(name, "int8range");
    }

    protected final Column<String> numrange(String name) {
        return named(name, "numrange");
    }

    protected final Column<String> tsrange(String name) {
        return named(name, "tsrange");
    }

    protected final Column<String> tstzrange(String name) {
        return named(name, "tstzrange");
    }

    protected final Column<String> daterange(String name) {
        return named(name, "daterange");
    }

    /** int4multirange (PostgreSQL 14 and later), as the other multiranges. */
    protected final Column<String> int4multirange(String name) {
        return named(name, "int4multirange");
    }

    protected final Column<String> int8multirange(String name) {
        return named(name, "int8multirange");
    }

    protected final Column<String> nummultirange(String name) {
        return named(name, "nummultirange");
    }

    protected final Column<String> tsmultirange(String name) {
        return named(name, "tsmultirange");
    }

    protected final Column<String> tstzmultirange(String name) {
        return named(name, "tstzmultirange");
    }

    protected final Column<String> datemultirange(String name) {
        return named(name, "datemultirange");
    }

    /** pg_lsn: a write-ahead log position. */
    protected final Column<String> pgLsn(String name) {
        return named(name, "pg_lsn");
    }

    /** oid: an object identifier. */
    protected final Column<Long> oid(String name) {
        return new Column<>(this, name, ColumnType.named("oid"), v -> DefaultValue.number(v.toString()));
    }

    private Column<String> named(String name, String sqlType) {
        ColumnType type;
        try {
            type = ColumnType.named(sqlType);
        } catch (InvalidModelException e) {
            throw new SchemaDefinitionException(SourceLocation.caller(), "column " + Identifiers.show(name) + " in table "
                    + this.name.display() + ": " + e.getMessage());
        }
        return new Column<>(this, name, type, DefaultValue::string);
    }

    // ---- keys, constraints, indexes -----------------------------------------------------------

    /** A (composite) primary key named {@code <table>_pkey}. */
    protected final KeyOptions primaryKey(Column<?>... keyColumns) {
        return primaryKey(null, keyColumns);
    }

    /** A (composite) primary key with a chosen constraint name. */
    protected final KeyOptions primaryKey(String constraintName, Column<?>... keyColumns) {
        SourceLocation at = SourceLocation.caller();
        if (primaryKey != null) {
            throw new SchemaDefinitionException(at, "table " + name.display() + " already declares a primary key at "
                    + primaryKey.location() + "; a table has at most one");
        }
        this.primaryKeyName = constraintName == null ? null : checkName("primary key", constraintName, at);
        this.primaryKey = new Declared<>(List.of(keyColumns), at);
        KeyOptions o = new KeyOptions("primary key", at);
        options.put(primaryKey, o);
        return o;
    }

    /** A UNIQUE constraint over one or more columns. */
    protected final KeyOptions unique(String constraintName, Column<?>... keyColumns) {
        SourceLocation at = SourceLocation.caller();
        String n = checkName("unique constraint", constraintName, at);
        Declared<Unique> d = new Declared<>(modelOrFail(at, () -> new Unique(n, names(keyColumns))), at);
        uniques.add(d);
        KeyOptions o = new KeyOptions("unique constraint", at);
        options.put(d, o);
        return o;
    }

    /** A CHECK constraint; the expression is SQL, rendered as written. */
    protected final CheckOptions check(String constraintName, String expression) {
        SourceLocation at = SourceLocation.caller();
        String n = checkName("check constraint", constraintName, at);
        Declared<Check> d = new Declared<>(modelOrFail(at, () -> new Check(n, expression)), at);
        checks.add(d);
        CheckOptions o = new CheckOptions(at);
        options.put(d, o);
        return o;
    }

    /**
     * An EXCLUDE constraint; chain {@code .element(column, operator)} once per element, and optionally
     * {@code .using(...)}, {@code .include(...)}, {@code .where(...)}, {@code .deferrable()}.
     */
    protected final ExclusionBuilder exclude(String constraintName) {
        SourceLocation at = SourceLocation.caller();
        ExclusionBuilder b = new ExclusionBuilder(this, checkName("exclusion constraint", constraintName, at), at);
        exclusions.add(b);
        return b;
    }

    // ---- table options ------------------------------------------------------------------------

    /** {@code CREATE UNLOGGED TABLE}: faster writes, not replicated, emptied after a crash. */
    protected final void unlogged() {
        unlogged = true;
    }

    /** A storage parameter: {@code with("fillfactor", 70)} becomes {@code WITH (fillfactor = 70)}. */
    protected final void with(String parameter, Object value) {
        SourceLocation at = SourceLocation.caller();
        String v = String.valueOf(value);
        modelOrFail(at, () -> StorageParameters.copy("table " + name.display(), Map.of(String.valueOf(parameter), v)));
        storage.put(parameter, v);
    }

    /** {@code REPLICA IDENTITY FULL}: logical replication identifies a row by all its columns. */
    protected final void replicaIdentityFull() {
        replicaIdentity = new ReplicaIdentity(ReplicaIdentity.Kind.FULL, null);
    }

    /** {@code REPLICA IDENTITY NOTHING}: updates and deletes cannot be replicated. */
    protected final void replicaIdentityNothing() {
        replicaIdentity = new ReplicaIdentity(ReplicaIdentity.Kind.NOTHING, null);
    }

    /** {@code REPLICA IDENTITY USING INDEX}: a unique, non-partial index on NOT NULL columns (or a key's name). */
    protected final void replicaIdentityUsing(String indexName) {
        replicaIdentity = ReplicaIdentity.usingIndex(checkName("replica identity index", indexName, SourceLocation.caller()));
    }

    /** An index; chain {@code .on(...)}, and optionally {@code .using(...)} and {@code .where(...)}. */
    protected final IndexBuilder index(String indexName) {
        SourceLocation at = SourceLocation.caller();
        IndexBuilder b = new IndexBuilder(this, checkName("index", indexName, at), false, at);
        indexes.add(b);
        return b;
    }

    /** A unique index; chain {@code .on(...)}. */
    protected final IndexBuilder uniqueIndex(String indexName) {
        SourceLocation at = SourceLocation.caller();
        IndexBuilder b = new IndexBuilder(this, checkName("index", indexName, at), true, at);
        indexes.add(b);
        return b;
    }

    /**
     * A trigger calling {@code function}, named {@code <table>_<function>} ({@code users_set_updated_at}):
     * {@code trigger(Functions.SET_UPDATED_AT).beforeUpdate().forEachRow();}
     */
    protected final TriggerBuilder trigger(PgFunction function) {
        return trigger(DerivedNames.trigger(name.name(), function.name().name()), function);
    }

    /** A trigger with a chosen name calling a function declared in code. */
    protected final TriggerBuilder trigger(String triggerName, PgFunction function) {
        SourceLocation at = SourceLocation.caller();
        TriggerBuilder b = new TriggerBuilder(this, checkName("trigger", triggerName, at), function.name(), function, at);
        triggers.add(b);
        return b;
    }

    /** A trigger calling a function the schema code does not declare (one another system owns). */
    protected final TriggerBuilder trigger(String triggerName, QualifiedName function) {
        SourceLocation at = SourceLocation.caller();
        TriggerBuilder b = new TriggerBuilder(this, checkName("trigger", triggerName, at), function, null, at);
        triggers.add(b);
        return b;
    }

    /**
     * A one-column foreign key with a chosen constraint name, for when the name is not the derived
     * {@code <table>_<column>_fkey} that {@link Column#references} gives.
     */
    protected final <A> CompositeForeignKey.Of1<A> foreignKey(String constraintName, Column<A> a) {
        return new CompositeForeignKey.Of1<>(register(constraintName, a));
    }

    /** A two-column foreign key; the referenced columns must have the same Java types, in order. */
    protected final <A, B> CompositeForeignKey.Of2<A, B> foreignKey(String constraintName, Column<A> a, Column<B> b) {
        return new CompositeForeignKey.Of2<>(register(constraintName, a, b));
    }

    /** A three-column foreign key; the referenced columns must have the same Java types, in order. */
    protected final <A, B, C> CompositeForeignKey.Of3<A, B, C> foreignKey(String constraintName, Column<A> a, Column<B> b, Column<C> c) {
        return new CompositeForeignKey.Of3<>(register(constraintName, a, b, c));
    }

    /** Declares that this table used to be called {@code oldName} (same schema), so {@code generate} renames it. */
    protected final void renamedFrom(String oldName) {
        this.renamedFrom = checkName("old table name", oldName, SourceLocation.caller());
    }

    /** The table's comment ({@code COMMENT ON TABLE}). */
    protected final void comment(String text) {
        this.comment = text;
    }

    /**
     * A comment on one of this table's constraints (primary key, unique, check, foreign key) or indexes,
     * by its name: {@code commentOn("users_pkey", "Surrogate key")}.
     */
    protected final void commentOn(String constraintOrIndexName, String text) {
        SourceLocation at = SourceLocation.caller();
        partComments.put(checkName("constraint or index", constraintOrIndexName, at), new Declared<>(text, at));
    }

    // ---- row-level security and privileges ----------------------------------------------------

    /** {@code ENABLE ROW LEVEL SECURITY}: only rows a policy lets through are seen (owners excepted). */
    protected final void enableRowLevelSecurity() {
        rowSecurity = rowSecurity.withEnabled(true);
    }

    /** {@code FORCE ROW LEVEL SECURITY}: the policies apply to the table's owner too. */
    protected final void forceRowLevelSecurity() {
        rowSecurity = rowSecurity.withForced(true);
    }

    /** A row-level security policy; chain {@code .forAll()}, {@code .to(...)}, {@code .using(...)}, {@code .withCheck(...)}. */
    protected final PolicyBuilder policy(String policyName) {
        SourceLocation at = SourceLocation.caller();
        PolicyBuilder b = new PolicyBuilder(this, checkName("policy", policyName, at), at);
        policies.add(b);
        return b;
    }

    /** Privileges on this table; chain {@code .to(role...)} and optionally {@code .onColumns(...)}. */
    protected final GrantBuilder grant(dev.shale.model.Grant.Privilege... privileges) {
        GrantBuilder b = new GrantBuilder(dev.shale.model.Grant.On.TABLE, name, null, this, SourceLocation.caller(), privileges);
        grants.add(b);
        return b;
    }

    final dev.shale.model.RowSecurity rowSecurity() {
        return rowSecurity;
    }

    final List<PolicyBuilder> policies() {
        return policies;
    }

    final List<GrantBuilder> grants() {
        return grants;
    }

    // ---- partitioning -------------------------------------------------------------------------

    /** {@code PARTITION BY RANGE (keys)}: rows go to the partition whose FROM ... TO range holds the keys. */
    protected final void partitionByRange(Column<?>... keys) {
        partitionBy(dev.shale.model.Partitioning.Strategy.RANGE, SourceLocation.caller(), keys);
    }

    /** {@code PARTITION BY LIST (key)}: rows go to the partition that lists the key's value. */
    protected final void partitionByList(Column<?> key) {
        partitionBy(dev.shale.model.Partitioning.Strategy.LIST, SourceLocation.caller(), key);
    }

    /** {@code PARTITION BY HASH (keys)}: rows are spread over partitions by the keys' hash. */
    protected final void partitionByHash(Column<?>... keys) {
        partitionBy(dev.shale.model.Partitioning.Strategy.HASH, SourceLocation.caller(), keys);
    }

    /**
     * {@code PARTITION BY strategy ((expression), ...)} over SQL expressions ({@code "lower(name)"}),
     * for keys that are not plain columns.
     */
    protected final void partitionByExpressions(dev.shale.model.Partitioning.Strategy strategy, String... expressions) {
        SourceLocation at = SourceLocation.caller();
        List<dev.shale.model.IndexKey> keys = new ArrayList<>();
        for (String e : expressions) {
            keys.add(modelOrFail(at, () -> dev.shale.model.IndexKey.expression(e)));
        }
        setPartitioning(at, modelOrFail(at, () -> new dev.shale.model.Partitioning(strategy, keys)));
    }

    /**
     * Makes this table a partition of {@code parent}; choose its bound on the result. A partition takes
     * its columns from the parent and declares none; it may have indexes, checks and keys of its own,
     * over the parent's columns, and may be partitioned in turn.
     */
    protected final PartitionBound partitionOf(Table parentTable) {
        SourceLocation at = SourceLocation.caller();
        if (parentTable == null) {
            throw new SchemaDefinitionException(at, "table " + name.display() + ": the partitioned table is null;"
                    + " is it declared in a static field initialised after this partition?");
        }
        if (parent != null) {
            throw new SchemaDefinitionException(at, "table " + name.display() + " is already a partition of "
                    + parent.qualifiedName().display() + "; a table has one parent");
        }
        parent = parentTable;
        bound = new PartitionBound(this, at);
        return bound;
    }

    private void partitionBy(dev.shale.model.Partitioning.Strategy strategy, SourceLocation at, Column<?>... keys) {
        List<dev.shale.model.IndexKey> model = new ArrayList<>();
        for (Column<?> c : keys) {
            if (c == null || !ownsColumn(c)) {
                throw new SchemaDefinitionException(at, "table " + name.display() + ": partition key "
                        + (c == null ? "null" : "column " + Identifiers.show(c.name()) + " of another table, "
                        + c.table().qualifiedName().display()) + "; partition by this table's own columns");
            }
            model.add(dev.shale.model.IndexKey.column(c.name()));
        }
        setPartitioning(at, modelOrFail(at, () -> new dev.shale.model.Partitioning(strategy, model)));
    }

    private void setPartitioning(SourceLocation at, dev.shale.model.Partitioning value) {
        if (partitioning != null) {
            throw new SchemaDefinitionException(at, "table " + name.display() + " is already partitioned (at "
                    + partitioning.location() + "); a table is partitioned one way");
        }
        partitioning = new Declared<>(value, at);
    }

    /** Whether {@code c} is a column of this table or, for a partition, of one of its parents. */
    final boolean ownsColumn(Column<?> c) {
        int hops = 0;
        for (Table t = this; t != null && hops < 64; t = t.parent, hops++) {
            if (c.table() == t) {
                return true;
            }
        }
        return false;
    }

    final dev.shale.model.Partitioning partitioningModel() {
        return partitioning == null ? null : partitioning.value();
    }

    final dev.shale.model.PartitionOf partitionOfModel() {
        if (parent == null) {
            return null;
        }
        if (bound.text() == null) {
            throw new SchemaDefinitionException(bound.location(), "partition " + name.display() + " of "
                    + parent.qualifiedName().display() + " has no bound: call forValuesFrom(...).to(...), forValuesIn(...),"
                    + " forValuesWithModulus(...) or defaultPartition() on partitionOf(...)");
        }
        return modelOrFail(bound.location(), () -> new dev.shale.model.PartitionOf(parent.qualifiedName(), bound.text()));
    }

    // ---- package-private: read by SchemaBuilder -----------------------------------------------

    final String tableComment() {
        return comment;
    }

    final java.util.Map<String, Declared<String>> partComments() {
        return partComments;
    }

    final SourceLocation location() {
        return location;
    }

    final List<Column<?>> columns() {
        return columns;
    }

    final List<IndexBuilder> indexes() {
        return indexes;
    }

    final List<Declared<Check>> checks() {
        return checks.stream().map(d -> new Declared<>(modelOrFail(d.location(),
                () -> ((CheckOptions) options.get(d)).apply(d.value())), d.location())).toList();
    }

    final List<Declared<Unique>> uniques() {
        return uniques.stream().map(d -> new Declared<>(modelOrFail(d.location(),
                () -> ((KeyOptions) options.get(d)).apply(d.value())), d.location())).toList();
    }

    final List<ExclusionBuilder> exclusions() {
        return exclusions;
    }

    final List<TriggerBuilder> triggers() {
        return triggers;
    }

    final boolean isUnlogged() {
        return unlogged;
    }

    final Map<String, String> storage() {
        return storage;
    }

    final ReplicaIdentity replicaIdentity() {
        return replicaIdentity;
    }

    final List<CompositeForeignKey> foreignKeys() {
        return foreignKeys;
    }

    final String renamedFromName() {
        return renamedFrom;
    }

    /** The primary key, from {@link #primaryKey(Column[])} or a column's {@code primaryKey()}. */
    final PrimaryKey primaryKeyModel() {
        List<Column<?>> inline = columns.stream().filter(Column::isPrimaryKey).toList();
        if (!inline.isEmpty() && primaryKey != null) {
            throw new SchemaDefinitionException(primaryKey.location(), "table " + name.display() + " declares a primary key both on column "
                    + Identifiers.show(inline.get(0).name()) + " (at " + inline.get(0).location() + ") and here; keep one");
        }
        if (inline.size() > 1) {
            throw new SchemaDefinitionException(inline.get(1).location(), "table " + name.display() + ": columns "
                    + Identifiers.show(inline.get(0).name()) + " and " + Identifiers.show(inline.get(1).name())
                    + " both call primaryKey(); for a composite key call primaryKey(a, b) in the constructor");
        }
        List<Column<?>> keyColumns = primaryKey != null ? primaryKey.value() : inline;
        if (keyColumns.isEmpty()) {
            return null;
        }
        SourceLocation at = primaryKey != null ? primaryKey.location() : inline.get(0).location();
        String pkName = primaryKeyName != null ? primaryKeyName : DerivedNames.of(name.name(), List.of(), "pkey");
        for (Column<?> c : keyColumns) {
            checkOwn(c, "primary key", at);
        }
        KeyOptions o = primaryKey != null ? (KeyOptions) options.get(primaryKey) : null;
        return modelOrFail(at, () -> {
            PrimaryKey pk = new PrimaryKey(pkName, keyColumns.stream().map(Column::name).toList());
            return o == null ? pk : o.apply(pk);
        });
    }

    final String checkName(String what, String candidate, SourceLocation at) {
        try {
            return Identifiers.require(what + " in table " + name.display(), candidate);
        } catch (InvalidModelException e) {
            throw new SchemaDefinitionException(at, e.getMessage());
        }
    }

    final void register(Column<?> column) {
        columns.add(column);
    }

    final void checkOwn(Column<?> c, String what, SourceLocation at) {
        if (!ownsColumn(c)) {
            throw new SchemaDefinitionException(at, "table " + name.display() + ": " + what + " uses column "
                    + Identifiers.show(c.name()) + " of another table, " + c.table().qualifiedName().display());
        }
    }

    private CompositeForeignKey register(String constraintName, Column<?>... keyColumns) {
        SourceLocation at = SourceLocation.caller();
        String n = checkName("foreign key", constraintName, at);
        for (Column<?> c : keyColumns) {
            checkOwn(c, "foreign key " + Identifiers.show(n), at);
        }
        CompositeForeignKey fk = new CompositeForeignKey(n, List.of(keyColumns), at);
        foreignKeys.add(fk);
        return fk;
    }

    private static List<String> names(Column<?>... cols) {
        return java.util.Arrays.stream(cols).map(Column::name).toList();
    }

    private ColumnType sized(PgType type, int length, String columnName) {
        try {
            return new ColumnType.Builtin(type, length, null, null);
        } catch (InvalidModelException e) {
            throw new SchemaDefinitionException(SourceLocation.caller(), "column " + Identifiers.show(columnName)
                    + " in table " + name.display() + ": " + e.getMessage());
        }
    }

    private static ColumnType builtin(PgType type) {
        return ColumnType.Builtin.of(type);
    }

    private static DefaultValue number(Number n) {
        return DefaultValue.number(n.toString());
    }

    private static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            sb.append(String.format("%02x", b));
        }
        return sb.toString();
    }

    static <T> T modelOrFail(SourceLocation at, Supplier<T> build) {
        try {
            return build.get();
        } catch (InvalidModelException e) {
            throw new SchemaDefinitionException(at, e.getMessage());
        }
    }

    /** A declaration with the place it was made. */
    record Declared<T>(T value, SourceLocation location) {}

    /** The single-column foreign keys of this table's columns, and composite ones, as the model has them. */
    final List<ForeignKey> foreignKeyModels(Function<Column<?>, Column<?>> resolve) {
        List<ForeignKey> out = new ArrayList<>();
        for (Column<?> c : columns) {
            if (c.referenceTarget() == null) {
                continue;
            }
            Column<?> target = resolve.apply(c);
            String fkName = DerivedNames.of(name.name(), List.of(c.name()), "fkey");
            ReferentialAction del = c.onDelete();
            ReferentialAction upd = c.onUpdate();
            out.add(modelOrFail(c.referenceLocation(), () -> new ForeignKey(fkName, List.of(c.name()),
                    target.table().qualifiedName(), List.of(target.name()), del, upd)));
        }
        return out;
    }
}
