package dev.shale.introspect;

import dev.shale.model.ColumnType;
import dev.shale.model.InvalidModelException;
import dev.shale.model.PgType;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's {@code format_type} text of a column's type read back as a {@link ColumnType}: a
 * built-in type of the model, else the type by its name ({@link ColumnType.Named}).
 */
final class TypeMapping {
    private TypeMapping() {}

    private static final Map<String, PgType> PLAIN = Map.ofEntries(
            Map.entry("uuid", PgType.UUID),
            Map.entry("text", PgType.TEXT),
            Map.entry("character varying", PgType.VARCHAR),
            Map.entry("smallint", PgType.SMALLINT),
            Map.entry("integer", PgType.INTEGER),
            Map.entry("bigint", PgType.BIGINT),
            Map.entry("numeric", PgType.NUMERIC),
            Map.entry("real", PgType.REAL),
            Map.entry("double precision", PgType.DOUBLE_PRECISION),
            Map.entry("boolean", PgType.BOOLEAN),
            Map.entry("date", PgType.DATE),
            Map.entry("time without time zone", PgType.TIME),
            Map.entry("timestamp without time zone", PgType.TIMESTAMP),
            Map.entry("timestamp with time zone", PgType.TIMESTAMPTZ),
            Map.entry("interval", PgType.INTERVAL),
            Map.entry("json", PgType.JSON),
            Map.entry("jsonb", PgType.JSONB),
            Map.entry("bytea", PgType.BYTEA),
            Map.entry("inet", PgType.INET));

    private static final Pattern VARCHAR = Pattern.compile("character varying\\((\\d+)\\)");
    private static final Pattern CHAR = Pattern.compile("character\\((\\d+)\\)");
    private static final Pattern NUMERIC = Pattern.compile("numeric\\((\\d+),(\\d+)\\)");

    /**
     * The type {@code formatted} (no array suffix) names: a built-in type, else any type by name.
     * {@code format_type} ran with {@code search_path = pg_catalog}, so it qualified every type outside
     * pg_catalog; the {@code public.} qualifier is dropped, as the model writes such types. Null only
     * when the text is not a type name the model can carry.
     */
    static ColumnType column(String formatted) {
        ColumnType builtin = builtin(formatted);
        if (builtin != null) {
            return builtin;
        }
        try {
            return ColumnType.named(formatted.startsWith("public.") ? formatted.substring("public.".length()) : formatted);
        } catch (InvalidModelException e) {
            return null;
        }
    }

    /**
     * The built-in type {@code formatted} names (no array suffix), or null when the model has no such
     * type ({@code time(3) without time zone}, {@code money}, a domain).
     */
    static ColumnType builtin(String formatted) {
        PgType plain = PLAIN.get(formatted);
        if (plain != null) {
            return ColumnType.Builtin.of(plain);
        }
        Matcher m = VARCHAR.matcher(formatted);
        if (m.matches()) {
            return new ColumnType.Builtin(PgType.VARCHAR, Integer.valueOf(m.group(1)), null, null);
        }
        m = CHAR.matcher(formatted);
        if (m.matches()) {
            return new ColumnType.Builtin(PgType.CHAR, Integer.valueOf(m.group(1)), null, null);
        }
        m = NUMERIC.matcher(formatted);
        if (m.matches()) {
            return new ColumnType.Builtin(PgType.NUMERIC, null, Integer.valueOf(m.group(1)), Integer.valueOf(m.group(2)));
        }
        return null;
    }
}
