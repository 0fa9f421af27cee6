package dev.shale.cli.pull;

import dev.shale.model.Column;
import dev.shale.model.ColumnType;
import dev.shale.model.DefaultValue;
import dev.shale.model.PgType;
import dev.shale.model.QualifiedName;
import dev.shale.model.SchemaModel;
import dev.shale.model.Table;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the defaults PostgreSQL reports as expressions ({@code 'free'::public.plan}, {@code 0},
 * {@code true}) back into the literals a person would write ({@code defaultValue("free")}), where that
 * is safe: the cast names exactly the column's type and the DSL writes exactly that literal back.
 * PostgreSQL stores both spellings the same way, so the database does not see the difference; the
 * pulled code and the baseline snapshot both use the readable form, so {@code generate} finds no change.
 */
public final class ReadableDefaults {
    private static final Pattern CAST_LITERAL = Pattern.compile("'((?:[^']|'')*)'::(.+)");
    private static final Pattern NUMBER = Pattern.compile("-?(\\d+(\\.\\d*)?|\\.\\d+)");

    private ReadableDefaults() {}

    /** {@code model} with every expression default that is a plain literal of its column's type written as that literal. */
    public static SchemaModel of(SchemaModel model) {
        return model.toBuilder().tables(model.tables().stream().map(t -> table(t, model)).toList())
                .externalTables(model.externalTables().stream().map(t -> table(t, model)).toList()).build();
    }

    private static Table table(Table t, SchemaModel model) {
        List<Column> columns = t.columns().stream().map(c -> {
            DefaultValue readable = readable(c.type(), c.defaultValue(), model);
            return readable == c.defaultValue() ? c : c.withDefault(readable);
        }).toList();
        // with... keeps every other part of the table and column (identity, comments, options, partitioning)
        return t.withColumns(columns);
    }

    /** The literal default {@code d} stands for, or {@code d} itself. */
    static DefaultValue readable(ColumnType type, DefaultValue d, SchemaModel model) {
        if (d == null || d.kind() != DefaultValue.Kind.EXPRESSION) {
            return d;
        }
        String sql = d.value().strip();
        DefaultValue candidate = null;
        Matcher m = CAST_LITERAL.matcher(sql);
        if (m.matches() && castNames(type, m.group(2))) {
            String text = m.group(1).replace("''", "'");
            candidate = isNumeric(type) ? (NUMBER.matcher(text).matches() ? DefaultValue.number(text) : null)
                    : isBoolean(type) ? null : DefaultValue.string(text);
        } else if (isNumeric(type) && NUMBER.matcher(sql).matches()) {
            candidate = DefaultValue.number(sql);
        } else if (isBoolean(type) && (sql.equals("true") || sql.equals("false"))) {
            candidate = new DefaultValue(DefaultValue.Kind.BOOLEAN, sql);
        }
        return candidate != null && Defaults.literal(type, candidate, model) != null ? candidate : d;
    }

    private static boolean isNumeric(ColumnType type) {
        return type instanceof ColumnType.Builtin b && b.type().family() == PgType.Family.NUMERIC;
    }

    private static boolean isBoolean(ColumnType type) {
        return type instanceof ColumnType.Builtin b && b.type() == PgType.BOOLEAN;
    }

    /** Whether {@code cast} is how PostgreSQL's format_type names {@code type} (ignoring a length or precision). */
    private static boolean castNames(ColumnType type, String cast) {
        if (type instanceof ColumnType.ArrayOf a) {
            return cast.endsWith("[]") && castNames(a.element(), cast.substring(0, cast.length() - 2));
        }
        if (type instanceof ColumnType.EnumRef e) {
            return cast.equals(e.name().key()) || cast.equals(e.name().name()) || cast.equals(e.name().display())
                    || cast.equals(e.name().schema() + "." + "\"" + e.name().name() + "\"");
        }
        if (type instanceof ColumnType.Named n) {
            return cast.equals(n.sql()) || cast.equals("public." + n.sql()); // deparsed under search_path pg_catalog
        }
        QualifiedName ref = type instanceof ColumnType.DomainRef d ? d.name()
                : type instanceof ColumnType.CompositeRef c ? c.name() : null;
        if (ref != null) {
            return cast.equals(ref.key()) || cast.equals(ref.name()) || cast.equals(ref.display());
        }
        String base = cast.replaceAll("\\(\\d+(,\\d+)?\\)", "");
        return switch (((ColumnType.Builtin) type).type()) {
            case UUID -> base.equals("uuid");
            case TEXT -> base.equals("text");
            case VARCHAR -> base.equals("character varying");
            case CHAR -> base.equals("bpchar") || base.equals("character");
            case SMALLINT -> base.equals("smallint");
            case INTEGER, SERIAL -> base.equals("integer");
            case BIGINT, BIGSERIAL -> base.equals("bigint");
            case NUMERIC -> base.equals("numeric");
            case REAL -> base.equals("real");
            case DOUBLE_PRECISION -> base.equals("double precision");
            case BOOLEAN -> base.equals("boolean");
            case DATE -> base.equals("date");
            case TIME -> base.equals("time without time zone");
            case TIMESTAMP -> base.equals("timestamp without time zone");
            case TIMESTAMPTZ -> base.equals("timestamp with time zone");
            case INTERVAL -> base.equals("interval");
            case JSON -> base.equals("json");
            case JSONB -> base.equals("jsonb");
            case BYTEA -> base.equals("bytea");
            case INET -> base.equals("inet");
        };
    }
}
