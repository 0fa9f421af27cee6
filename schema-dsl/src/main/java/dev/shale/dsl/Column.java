package dev.shale.dsl;

import dev.shale.model.ColumnType;
import dev.shale.model.DefaultValue;
import dev.shale.model.Identifiers;
import dev.shale.model.Identity;
import dev.shale.model.InvalidModelException;
import dev.shale.model.PgType;
import dev.shale.model.ReferentialAction;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A column declared in a {@link Table}. Its type parameter is the Java type of its values, so that a
 * foreign key can only reference a column of the same Java type: {@code uuid("user_id").references(() -> USERS.id)}
 * compiles, and a reference from a {@code Column<Long>} to a {@code Column<UUID>} does not.
 *
 * @param <T> the Java type of the column's values
 */
public final class Column<T> {
    private final Table table;
    private final String name;
    private final SourceLocation location;
    private ColumnType type;
    private Function<Object, DefaultValue> literal;
    private boolean notNull;
    private DefaultValue defaultValue;
    private boolean primaryKey;
    private boolean unique;
    private String renamedFrom;
    private Supplier<? extends Column<?>> referenceTarget;
    private SourceLocation referenceLocation;
    private ReferentialAction onDelete = ReferentialAction.NO_ACTION;
    private ReferentialAction onUpdate = ReferentialAction.NO_ACTION;
    private PgEnum<?> pgEnum;
    private Identity identity;
    private String generated;
    private String collation;
    private String comment;
    private String using;
    private Object declaredType;

    @SuppressWarnings("unchecked")
    Column(Table table, String name, ColumnType type, Function<? super T, DefaultValue> literal) {
        this.location = SourceLocation.caller();
        this.table = table;
        this.name = table.checkName("column", name, location);
        this.type = type;
        this.literal = (Function<Object, DefaultValue>) literal;
        table.register(this);
    }

    /** Rejects NULL. */
    public Column<T> notNull() {
        this.notNull = true;
        return this;
    }

    /** Makes this column the table's (single-column) primary key; implies NOT NULL. */
    public Column<T> primaryKey() {
        this.primaryKey = true;
        this.notNull = true;
        return this;
    }

    /** Adds a UNIQUE constraint on this column alone, named {@code <table>_<column>_key}. */
    public Column<T> unique() {
        this.unique = true;
        return this;
    }

    /** A literal default: strings, numbers, booleans, enum constants, dates and UUIDs are quoted as SQL needs. */
    public Column<T> defaultValue(T value) {
        if (value == null) {
            throw new SchemaDefinitionException(SourceLocation.caller(), "column " + Identifiers.show(name)
                    + " in table " + table.qualifiedName().display() + ": a null default is PostgreSQL's default already; remove defaultValue(null)");
        }
        this.defaultValue = literal.apply(value);
        return this;
    }

    /** {@code DEFAULT now()}, for date and time columns. */
    public Column<T> defaultNow() {
        ColumnType base = type instanceof ColumnType.Builtin b ? b : null;
        if (base == null || ((ColumnType.Builtin) base).type().family() != PgType.Family.DATETIME) {
            throw new SchemaDefinitionException(SourceLocation.caller(), "column " + Identifiers.show(name) + " in table "
                    + table.qualifiedName().display() + ": defaultNow() needs a date or time column, but the type is " + type.spec());
        }
        this.defaultValue = DefaultValue.expression("now()");
        return this;
    }

    /** {@code DEFAULT gen_random_uuid()}, for uuid columns. */
    public Column<T> defaultRandom() {
        if (!(type instanceof ColumnType.Builtin b && b.type() == PgType.UUID)) {
            throw new SchemaDefinitionException(SourceLocation.caller(), "column " + Identifiers.show(name) + " in table "
                    + table.qualifiedName().display() + ": defaultRandom() needs a uuid column, but the type is " + type.spec());
        }
        this.defaultValue = DefaultValue.expression("gen_random_uuid()");
        return this;
    }

    /** A default given as a SQL expression, rendered exactly as written. */
    public Column<T> defaultSql(String expression) {
        try {
            this.defaultValue = DefaultValue.expression(expression);
        } catch (InvalidModelException e) {
            throw new SchemaDefinitionException(SourceLocation.caller(), "column " + Identifiers.show(name) + ": " + e.reason());
        }
        return this;
    }

    /** Turns this column into a one-dimensional array of its type: {@code text("tags").array()}. */
    @SuppressWarnings("unchecked")
    public Column<List<T>> array() {
        try {
            this.type = new ColumnType.ArrayOf(type);
        } catch (InvalidModelException e) {
            throw new SchemaDefinitionException(SourceLocation.caller(), "column " + Identifiers.show(name) + ": " + e.reason());
        }
        Function<Object, DefaultValue> element = literal;
        this.literal = value -> DefaultValue.string(arrayLiteral((List<?>) value, element));
        return (Column<List<T>>) (Column<?>) this;
    }

    /** A foreign key to {@code target}; the supplier lets two tables refer to each other. */
    public Column<T> references(Supplier<Column<T>> target) {
        return references(target, ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION);
    }

    /** A foreign key to {@code target} with an ON DELETE action. */
    public Column<T> references(Supplier<Column<T>> target, ReferentialAction onDelete) {
        return references(target, onDelete, ReferentialAction.NO_ACTION);
    }

    /** A foreign key to {@code target} with ON DELETE and ON UPDATE actions. */
    public Column<T> references(Supplier<Column<T>> target, ReferentialAction onDelete, ReferentialAction onUpdate) {
        this.referenceTarget = target;
        this.referenceLocation = SourceLocation.caller();
        this.onDelete = onDelete;
        this.onUpdate = onUpdate;
        return this;
    }

    /** Declares that this column used to be called {@code oldName}, so {@code generate} renames it. */
    public Column<T> renamedFrom(String oldName) {
        this.renamedFrom = table.checkName("old column name", oldName, SourceLocation.caller());
        return this;
    }

    /** {@code GENERATED ALWAYS AS IDENTITY}: values come from the column's own sequence; an INSERT may not supply one. */
    public Column<T> generatedAlwaysAsIdentity() {
        return identity(Identity.Generation.ALWAYS, null);
    }

    /** {@code GENERATED ALWAYS AS IDENTITY (...)} with sequence options: {@code seq -> seq.startWith(1000).cache(20)}. */
    public Column<T> generatedAlwaysAsIdentity(Consumer<IdentitySequence> options) {
        return identity(Identity.Generation.ALWAYS, options);
    }

    /** {@code GENERATED BY DEFAULT AS IDENTITY}: values come from the column's sequence unless an INSERT supplies one. */
    public Column<T> generatedByDefaultAsIdentity() {
        return identity(Identity.Generation.BY_DEFAULT, null);
    }

    /** {@code GENERATED BY DEFAULT AS IDENTITY (...)} with sequence options. */
    public Column<T> generatedByDefaultAsIdentity(Consumer<IdentitySequence> options) {
        return identity(Identity.Generation.BY_DEFAULT, options);
    }

    private Column<T> identity(Identity.Generation generation, Consumer<IdentitySequence> options) {
        SourceLocation at = SourceLocation.caller();
        IdentitySequence spec = new IdentitySequence(at, "column " + Identifiers.show(name) + " in table "
                + table.qualifiedName().display());
        if (options != null) {
            options.accept(spec);
        }
        try {
            this.identity = new Identity(generation, spec.toModel());
        } catch (InvalidModelException e) {
            throw new SchemaDefinitionException(at, "column " + Identifiers.show(name) + " in table "
                    + table.qualifiedName().display() + ": " + e.getMessage());
        }
        this.notNull = true;
        return this;
    }

    /**
     * {@code GENERATED ALWAYS AS (expression) STORED}: PostgreSQL computes the value from other columns of
     * the row: {@code numeric("total", 12, 2).generatedAlwaysAs("price * quantity")}.
     */
    public Column<T> generatedAlwaysAs(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new SchemaDefinitionException(SourceLocation.caller(), "column " + Identifiers.show(name) + " in table "
                    + table.qualifiedName().display() + ": generatedAlwaysAs needs an expression");
        }
        this.generated = expression;
        return this;
    }

    /** {@code COLLATE "name"}: the column's collation ({@code "C"}, {@code "und-x-icu"}, {@code "app.my_collation"}). */
    public Column<T> collate(String collationName) {
        if (collationName == null || collationName.isBlank()) {
            throw new SchemaDefinitionException(SourceLocation.caller(), "column " + Identifiers.show(name) + " in table "
                    + table.qualifiedName().display() + ": collate needs a collation name");
        }
        this.collation = collationName;
        return this;
    }

    /** {@code COMMENT ON COLUMN}: what the column holds, for people reading the database. */
    public Column<T> comment(String text) {
        this.comment = text;
        return this;
    }

    /**
     * How to convert the stored values when this column's type changes: the expression of
     * {@code ALTER COLUMN ... TYPE ... USING (expression)}, for a change PostgreSQL has no cast for
     * ({@code bigint("created_at")} becoming {@code timestamptz("created_at").using("to_timestamp(created_at)")})
     * or to convert differently than the cast would. Only the next migration uses it; it is not part of the
     * schema, so remove it once that migration is generated.
     */
    public Column<T> using(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new SchemaDefinitionException(SourceLocation.caller(), "column " + Identifiers.show(name) + " in table "
                    + table.qualifiedName().display() + ": using needs an expression");
        }
        this.using = expression;
        return this;
    }

    /** This column as a descending index key. */
    public IndexKeySpec desc() {
        return IndexKeySpec.of(this).desc();
    }

    /** This column as an ascending index key (the default), to chain {@code nullsFirst()}. */
    public IndexKeySpec asc() {
        return IndexKeySpec.of(this);
    }

    public String name() {
        return name;
    }

    public Table table() {
        return table;
    }

    SourceLocation location() {
        return location;
    }

    Column<T> withEnum(PgEnum<?> e) {
        this.pgEnum = e;
        return this;
    }

    PgEnum<?> pgEnum() {
        return pgEnum;
    }

    Column<T> withDeclaredType(Object domainOrComposite) {
        this.declaredType = domainOrComposite;
        return this;
    }

    /** The {@link PgDomain} or {@link PgComposite} this column's type is, or null. */
    Object declaredType() {
        return declaredType;
    }

    ColumnType type() {
        return type;
    }

    boolean isPrimaryKey() {
        return primaryKey;
    }

    boolean isUnique() {
        return unique;
    }

    String renamedFromName() {
        return renamedFrom;
    }

    String usingExpression() {
        return using;
    }

    Supplier<? extends Column<?>> referenceTarget() {
        return referenceTarget;
    }

    SourceLocation referenceLocation() {
        return referenceLocation;
    }

    ReferentialAction onDelete() {
        return onDelete;
    }

    ReferentialAction onUpdate() {
        return onUpdate;
    }

    dev.shale.model.Column toModel() {
        return new dev.shale.model.Column(name, type, notNull, defaultValue, identity, generated, collation, comment);
    }

    private static String arrayLiteral(List<?> values, Function<Object, DefaultValue> element) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            DefaultValue v = element.apply(values.get(i));
            sb.append('"').append(v.value().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return sb.append('}').toString();
    }
}
