package dev.shale.workflow.lint;

import dev.shale.model.ColumnType;
import dev.shale.model.InvalidModelException;
import dev.shale.model.PgType;
import dev.shale.model.QualifiedName;

import java.util.List;
import java.util.Map;

/**
 * A column type as a migration spells it ({@code int4}, {@code character varying(20)},
 * {@code timestamp with time zone}, {@code "public"."role"}, {@code text[]}) read as the model's
 * {@link ColumnType}, so lint can ask the diff engine what converting a stored column does.
 */
final class TypeNames {
    private TypeNames() {}

    private static final Map<String, PgType> NAMES = Map.ofEntries(
            Map.entry("uuid", PgType.UUID), Map.entry("text", PgType.TEXT),
            Map.entry("varchar", PgType.VARCHAR), Map.entry("character varying", PgType.VARCHAR),
            Map.entry("char", PgType.CHAR), Map.entry("character", PgType.CHAR), Map.entry("bpchar", PgType.CHAR),
            Map.entry("smallint", PgType.SMALLINT), Map.entry("int2", PgType.SMALLINT),
            Map.entry("integer", PgType.INTEGER), Map.entry("int", PgType.INTEGER), Map.entry("int4", PgType.INTEGER),
            Map.entry("bigint", PgType.BIGINT), Map.entry("int8", PgType.BIGINT),
            Map.entry("serial", PgType.SERIAL), Map.entry("serial4", PgType.SERIAL),
            Map.entry("bigserial", PgType.BIGSERIAL), Map.entry("serial8", PgType.BIGSERIAL),
            Map.entry("numeric", PgType.NUMERIC), Map.entry("decimal", PgType.NUMERIC),
            Map.entry("real", PgType.REAL), Map.entry("float4", PgType.REAL),
            Map.entry("double precision", PgType.DOUBLE_PRECISION), Map.entry("float8", PgType.DOUBLE_PRECISION),
            Map.entry("boolean", PgType.BOOLEAN), Map.entry("bool", PgType.BOOLEAN),
            Map.entry("date", PgType.DATE), Map.entry("time", PgType.TIME), Map.entry("time without time zone", PgType.TIME),
            Map.entry("timestamp", PgType.TIMESTAMP), Map.entry("timestamp without time zone", PgType.TIMESTAMP),
            Map.entry("timestamptz", PgType.TIMESTAMPTZ), Map.entry("timestamp with time zone", PgType.TIMESTAMPTZ),
            Map.entry("interval", PgType.INTERVAL), Map.entry("json", PgType.JSON), Map.entry("jsonb", PgType.JSONB),
            Map.entry("bytea", PgType.BYTEA), Map.entry("inet", PgType.INET));

    /**
     * The base type's name in lower case with its words joined by one space ({@code character varying},
     * {@code int4}), without modifiers or array brackets; for a quoted or qualified name, its last part.
     */
    static String base(List<SqlToken> type) {
        StringBuilder b = new StringBuilder();
        for (SqlToken t : type) {
            if (t.isSymbol("(") || t.isSymbol("[")) {
                break;
            }
            if (t.isSymbol(".")) {
                b.setLength(0);
                continue;
            }
            if (t.isName()) {
                if (b.length() > 0) {
                    b.append(' ');
                }
                b.append(t.kind() == SqlToken.Kind.WORD ? t.value() : t.value());
            }
        }
        return b.toString();
    }

    /** The type the tokens spell, or null when lint cannot tell (a type it does not know by that spelling). */
    static ColumnType parse(List<SqlToken> type) {
        if (type.isEmpty()) {
            return null;
        }
        boolean array = type.get(type.size() - 1).isSymbol("]") || type.get(type.size() - 1).is("array");
        List<Integer> modifiers = new java.util.ArrayList<>();
        boolean inParens = false;
        for (SqlToken t : type) {
            if (t.isSymbol("(")) {
                inParens = true;
            } else if (t.isSymbol(")")) {
                inParens = false;
            } else if (inParens && t.kind() == SqlToken.Kind.NUMBER) {
                try {
                    modifiers.add(Integer.valueOf(t.text()));
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        ColumnType element = element(type, modifiers);
        if (element == null) {
            return null;
        }
        return array ? new ColumnType.ArrayOf(element) : element;
    }

    private static ColumnType element(List<SqlToken> type, List<Integer> modifiers) {
        boolean quotedOrQualified = type.stream().anyMatch(t -> t.kind() == SqlToken.Kind.QUOTED || t.isSymbol("."));
        String base = base(type);
        PgType pg = quotedOrQualified ? null : NAMES.get(base);
        try {
            if (pg == null) {
                if (quotedOrQualified) {
                    List<SqlToken> names = type.stream().filter(SqlToken::isName).toList();
                    if (names.size() == 2) {
                        return new ColumnType.EnumRef(QualifiedName.of(names.get(0).value(), names.get(1).value()));
                    }
                }
                return null; // a type known only by name: whether its conversions rewrite is not lint's to guess
            }
            return switch (pg) {
                case VARCHAR -> new ColumnType.Builtin(pg, modifiers.isEmpty() ? null : modifiers.get(0), null, null);
                case CHAR -> new ColumnType.Builtin(pg, modifiers.isEmpty() ? 1 : modifiers.get(0), null, null);
                case NUMERIC -> modifiers.isEmpty() ? ColumnType.Builtin.of(pg)
                        : new ColumnType.Builtin(pg, null, modifiers.get(0), modifiers.size() > 1 ? modifiers.get(1) : 0);
                default -> modifiers.isEmpty() ? ColumnType.Builtin.of(pg) : null;
            };
        } catch (InvalidModelException e) {
            return null;
        }
    }
}
