package dev.shale.dsl;

import dev.shale.model.Check;
import dev.shale.model.ColumnType;
import dev.shale.model.DefaultValue;
import dev.shale.model.Domain;
import dev.shale.model.Identifiers;
import dev.shale.model.InvalidModelException;
import dev.shale.model.QualifiedName;

import java.util.ArrayList;
import java.util.List;

/**
 * A domain declared in code: a type with NOT NULL, a default, a collation and named checks
 * ({@code VALUE} in a check is the value checked). Hold it in a static field and use it in columns
 * with {@code column("email", EMAIL)}:
 * {@code static final PgDomain EMAIL = PgDomain.inSchema("app", "email", "citext").check("email_check", "VALUE ~ '@'");}
 */
public final class PgDomain {
    private final QualifiedName name;
    private ColumnType type;
    private final Object uses;
    private final SourceLocation location;
    private boolean notNull;
    private DefaultValue defaultValue;
    private String collation;
    private final List<Check> checks = new ArrayList<>();
    private String comment;

    private PgDomain(String schema, String name, ColumnType type, Object uses) {
        this.location = SourceLocation.caller();
        try {
            this.name = QualifiedName.of(schema, name);
            Domain.of(this.name, type);
        } catch (InvalidModelException e) {
            throw new SchemaDefinitionException(location, e.getMessage());
        }
        this.type = type;
        this.uses = uses;
    }

    /** A domain in {@code public} over a type written as SQL does ({@code "text"}, {@code "numeric(12,2)"}, {@code "citext"}). */
    public static PgDomain of(String name, String sqlType) {
        return inSchema(QualifiedName.DEFAULT_SCHEMA, name, sqlType);
    }

    /** A domain in {@code schema} over a type written as SQL does. */
    public static PgDomain inSchema(String schema, String name, String sqlType) {
        ColumnType type;
        try {
            type = DslTypes.of(sqlType);
        } catch (InvalidModelException e) {
            throw new SchemaDefinitionException(SourceLocation.caller(), "domain " + Identifiers.show(name) + ": " + e.getMessage());
        }
        return new PgDomain(schema, name, type, null);
    }

    /** A domain in {@code schema} over one of the schema's enums. */
    public static PgDomain inSchema(String schema, String name, PgEnum<?> enumType) {
        return new PgDomain(schema, name, new ColumnType.EnumRef(enumType.name()), enumType);
    }

    /** A domain in {@code schema} over one of the schema's composite types. */
    public static PgDomain inSchema(String schema, String name, PgComposite composite) {
        return new PgDomain(schema, name, new ColumnType.CompositeRef(composite.name()), composite);
    }

    /** A domain in {@code schema} over another domain of the schema. */
    public static PgDomain inSchema(String schema, String name, PgDomain base) {
        return new PgDomain(schema, name, new ColumnType.DomainRef(base.name()), base);
    }

    /** Makes the domain one over an array of the type given ({@code text[]}, an array of an enum). */
    public PgDomain array() {
        if (type instanceof ColumnType.ArrayOf) {
            throw new SchemaDefinitionException(SourceLocation.caller(), "domain " + name.display() + " is already over an array");
        }
        this.type = new ColumnType.ArrayOf(type);
        return this;
    }

    /** Rejects NULL in every column of the domain. */
    public PgDomain notNull() {
        this.notNull = true;
        return this;
    }

    /** The default, a string literal of the type ({@code 'x'}). */
    public PgDomain defaultValue(String literal) {
        this.defaultValue = DefaultValue.string(literal);
        return this;
    }

    /** The default as an SQL expression ({@code now()}, {@code 0}). */
    public PgDomain defaultExpression(String sql) {
        this.defaultValue = DefaultValue.expression(sql);
        return this;
    }

    /** The collation ({@code "C"}). */
    public PgDomain collate(String collationName) {
        this.collation = collationName;
        return this;
    }

    /** A named CHECK; {@code VALUE} is the value checked. */
    public PgDomain check(String checkName, String expression) {
        return add(new Check(checkName, expression));
    }

    /** A named CHECK added {@code NOT VALID}: existing values are not checked (yet). */
    public PgDomain checkNotValid(String checkName, String expression) {
        return add(new Check(checkName, expression).withNotValid(true));
    }

    public PgDomain comment(String text) {
        this.comment = text;
        return this;
    }

    private PgDomain add(Check check) {
        try {
            List<Check> next = new ArrayList<>(checks);
            next.add(check);
            Domain.of(name, type).withChecks(next);
        } catch (InvalidModelException | IllegalArgumentException e) {
            throw new SchemaDefinitionException(SourceLocation.caller(), e.getMessage());
        }
        checks.add(check);
        return this;
    }

    public QualifiedName name() {
        return name;
    }

    /** The enum or composite type the domain is over, or null. */
    Object uses() {
        return uses;
    }

    SourceLocation location() {
        return location;
    }

    public Domain toModel() {
        return new Domain(name, type, notNull, defaultValue, collation, checks, comment);
    }
}
