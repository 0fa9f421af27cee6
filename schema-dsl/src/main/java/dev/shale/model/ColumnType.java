package dev.shale.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The type of a column: a built-in type with its modifiers, a reference to an enum of the schema, any
 * other type PostgreSQL knows by its name, or a one-dimensional array of one of these. {@link #spec()}
 * is the canonical text form used in snapshots and {@link #parse(String)} reads it back.
 */
public sealed interface ColumnType permits ColumnType.Builtin, ColumnType.EnumRef, ColumnType.Named, ColumnType.ArrayOf,
        ColumnType.DomainRef, ColumnType.CompositeRef {

    /**
     * Canonical text: {@code varchar(255)}, {@code numeric(12,2)}, {@code enum:public.role},
     * {@code named:citext}, {@code domain:public.email}, {@code composite:public.address}, {@code text[]}.
     */
    String spec();

    /** A type known by name: {@code named("citext")}, {@code named("geometry(Point,4326)")}; see {@link Named}. */
    static ColumnType named(String sql) {
        return new Named(sql);
    }

    /**
     * The type as PostgreSQL spells it in a column definition and as messages show it:
     * {@code varchar(255)}, {@code "public"."role"}, {@code text[]}.
     */
    default String sql() {
        if (this instanceof EnumRef e) {
            return e.name().display();
        }
        if (this instanceof DomainRef d) {
            return d.name().display();
        }
        if (this instanceof CompositeRef c) {
            return c.name().display();
        }
        if (this instanceof ArrayOf a) {
            return a.element().sql() + "[]";
        }
        return spec();
    }

    /**
     * A built-in type.
     *
     * @param type the base type
     * @param length for varchar/char: the length, or null for unbounded varchar
     * @param precision for numeric: the precision, or null for unconstrained numeric
     * @param scale for numeric: the scale, or null when precision is null
     */
    record Builtin(PgType type, Integer length, Integer precision, Integer scale) implements ColumnType {
        public Builtin {
            if (type == null) {
                throw new InvalidModelException("column type", "type is required");
            }
            if (length != null && (!type.takesLength() || length < 1 || length > 10_485_760)) {
                throw new InvalidModelException("type " + type.sql(), type.takesLength()
                        ? "length must be between 1 and 10485760, got " + length
                        : "takes no length");
            }
            if (type == PgType.CHAR && length == null) {
                length = 1;
            }
            if (precision != null || scale != null) {
                if (!type.takesPrecision()) {
                    throw new InvalidModelException("type " + type.sql(), "takes no precision or scale");
                }
                if (precision == null || precision < 1 || precision > 1000) {
                    throw new InvalidModelException("type numeric", "precision must be between 1 and 1000, got " + precision);
                }
                if (scale == null) {
                    scale = 0;
                }
                if (scale < 0 || scale > precision) {
                    throw new InvalidModelException("type numeric(" + precision + "," + scale + ")",
                            "scale must be between 0 and the precision " + precision);
                }
            }
        }

        public static Builtin of(PgType type) {
            return new Builtin(type, null, null, null);
        }

        @Override
        public String spec() {
            if (length != null) {
                return type.sql() + "(" + length + ")";
            }
            if (precision != null) {
                return type.sql() + "(" + precision + "," + scale + ")";
            }
            return type.sql();
        }
    }

    /**
     * A column whose type is one of the schema's enums.
     *
     * @param name the enum's qualified name
     */
    record EnumRef(QualifiedName name) implements ColumnType {
        public EnumRef {
            if (name == null) {
                throw new InvalidModelException("enum column type", "the enum's name is required");
            }
        }

        @Override
        public String spec() {
            return "enum:" + name.key();
        }
    }

    /**
     * A type PostgreSQL knows that the model does not describe: a built-in type outside {@link PgType}
     * ({@code money}, {@code tsvector}, {@code point}, {@code bit varying(8)}), an extension's type
     * ({@code citext}, {@code geometry(Point,4326)}), a domain or a composite type. It is carried by
     * its SQL text as PostgreSQL's {@code format_type} writes it (identifiers quoted where SQL needs it,
     * modifiers included), schema-qualified unless the type lives in {@code pg_catalog} or
     * {@code public}. Shale never creates, alters or drops the type itself.
     *
     * @param sql the type as a column definition spells it, without an array suffix
     */
    record Named(String sql) implements ColumnType {
        private static final String IDENT = "(?:[\\p{L}_][\\p{L}\\p{N}_$]*|\"(?:[^\"\\u0000]|\"\")+\")";
        private static final Pattern SHAPE = Pattern.compile(IDENT + "(?:\\." + IDENT + ")?"
                + "(?: ?\\([\\p{L}\\p{N}_ ,.+\\-]*\\)| [\\p{L}_][\\p{L}\\p{N}_]*)*");

        public Named {
            if (sql == null || sql.isBlank()) {
                throw new InvalidModelException("named column type", "the type's name is required");
            }
            if (!SHAPE.matcher(sql).matches() || sql.contains("--")) {
                throw new InvalidModelException("column type \"" + sql + "\"", "not a type name as SQL writes one: give a name,"
                        + " optionally schema-qualified, with double quotes where SQL needs them and modifiers in parentheses"
                        + " (citext, app.\"Money\", geometry(Point,4326)); for an array call array() rather than writing []");
            }
            if (builtinSpec(sql) != null) {
                throw new InvalidModelException("column type \"" + sql + "\"", "this type is built in to the model;"
                        + " declare it as that type rather than by name");
            }
        }

        @Override
        public String spec() {
            return "named:" + sql;
        }
    }

    /**
     * A one-dimensional array.
     *
     * @param element the element type; never itself an array, and never serial
     */
    record ArrayOf(ColumnType element) implements ColumnType {
        public ArrayOf {
            if (element == null) {
                throw new InvalidModelException("array type", "element type is required");
            }
            if (element instanceof ArrayOf) {
                throw new InvalidModelException("array type " + element.spec() + "[]",
                        "only one-dimensional arrays are supported");
            }
            if (element instanceof Builtin b && b.type().isSerial()) {
                throw new InvalidModelException("array type " + element.spec() + "[]",
                        "serial types cannot be array elements; use integer[] or bigint[]");
            }
        }

        @Override
        public String spec() {
            return element.spec() + "[]";
        }
    }

    /**
     * A column whose type is one of the schema's domains.
     *
     * @param name the domain's qualified name
     */
    record DomainRef(QualifiedName name) implements ColumnType {
        public DomainRef {
            if (name == null) {
                throw new InvalidModelException("domain column type", "the domain's name is required");
            }
        }

        @Override
        public String spec() {
            return "domain:" + name.key();
        }
    }

    /**
     * A column whose type is one of the schema's composite types.
     *
     * @param name the composite type's qualified name
     */
    record CompositeRef(QualifiedName name) implements ColumnType {
        public CompositeRef {
            if (name == null) {
                throw new InvalidModelException("composite column type", "the composite type's name is required");
            }
        }

        @Override
        public String spec() {
            return "composite:" + name.key();
        }
    }

    /** The schema object this type refers to (an enum, domain or composite type, or an array of one), or null. */
    default QualifiedName userType() {
        ColumnType t = this instanceof ArrayOf a ? a.element() : this;
        if (t instanceof EnumRef e) {
            return e.name();
        }
        if (t instanceof DomainRef d) {
            return d.name();
        }
        if (t instanceof CompositeRef c) {
            return c.name();
        }
        return null;
    }

    Pattern MODIFIERS = Pattern.compile("([a-z ]+)\\((\\d+)(?:,(\\d+))?\\)");

    /** Reads a {@link #spec()} string back; throws naming the text when it is not one. */
    static ColumnType parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new InvalidModelException("column type", "type is required");
        }
        if (spec.endsWith("[]")) {
            return new ArrayOf(parse(spec.substring(0, spec.length() - 2)));
        }
        if (spec.startsWith("enum:")) {
            return new EnumRef(refName(spec, "enum"));
        }
        if (spec.startsWith("domain:")) {
            return new DomainRef(refName(spec, "domain"));
        }
        if (spec.startsWith("composite:")) {
            return new CompositeRef(refName(spec, "composite"));
        }
        if (spec.startsWith("named:")) {
            return new Named(spec.substring(6));
        }
        Builtin b = builtinSpec(spec);
        if (b == null) {
            throw new InvalidModelException("column type \"" + spec + "\"", "not a supported type");
        }
        return b;
    }

    private static QualifiedName refName(String spec, String prefix) {
        String key = spec.substring(prefix.length() + 1);
        int dot = key.indexOf('.');
        if (dot <= 0 || dot == key.length() - 1) {
            throw new InvalidModelException("column type \"" + spec + "\"", (prefix.equals("enum") ? "an enum" : "a " + prefix) + " type is written "
                    + prefix + ":<schema>.<name>");
        }
        return QualifiedName.of(key.substring(0, dot), key.substring(dot + 1));
    }

    /** The built-in type {@code spec} names ({@code integer}, {@code varchar(20)}), or null when it names none. */
    private static Builtin builtinSpec(String spec) {
        Matcher m = MODIFIERS.matcher(spec);
        if (m.matches()) {
            PgType t = PgType.bySql(m.group(1));
            if (t != null && t.takesLength() && m.group(3) == null) {
                return new Builtin(t, Integer.valueOf(m.group(2)), null, null);
            }
            if (t != null && t.takesPrecision()) {
                return new Builtin(t, null, Integer.valueOf(m.group(2)), m.group(3) == null ? 0 : Integer.valueOf(m.group(3)));
            }
        }
        PgType t = PgType.bySql(spec);
        return t == null ? null : Builtin.of(t);
    }
}
