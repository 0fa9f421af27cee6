package dev.shale.cli.pull;

import com.palantir.javapoet.CodeBlock;
import dev.shale.model.ColumnType;
import dev.shale.model.DefaultValue;
import dev.shale.model.EnumType;
import dev.shale.model.PgType;
import dev.shale.model.SchemaModel;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * A column default as DSL code. A literal becomes a typed {@code defaultValue(...)} only when the DSL
 * turns that Java value back into exactly the same model default; anything else is written as
 * {@code defaultSql(...)}, and {@code now()} and {@code gen_random_uuid()} read as {@code defaultNow()}
 * and {@code defaultRandom()}.
 */
final class Defaults {
    private Defaults() {}

    /** The chained call, such as {@code .defaultValue(0)}, or an empty block when there is no default. */
    static CodeBlock call(dev.shale.model.Column column, SchemaModel model) {
        DefaultValue d = column.defaultValue();
        if (d == null) {
            return CodeBlock.of("");
        }
        ColumnType type = column.type();
        if (d.kind() == DefaultValue.Kind.EXPRESSION) {
            if (d.value().equals("now()") && type instanceof ColumnType.Builtin b && b.type().family() == PgType.Family.DATETIME) {
                return CodeBlock.of(".defaultNow()");
            }
            if (d.value().equals("gen_random_uuid()") && type instanceof ColumnType.Builtin b && b.type() == PgType.UUID) {
                return CodeBlock.of(".defaultRandom()");
            }
            return CodeBlock.of(".defaultSql($S)", d.value());
        }
        CodeBlock literal = literal(type, d, model);
        if (literal != null) {
            return CodeBlock.of(".defaultValue($L)", literal);
        }
        // No Java value gives this default back exactly; keep its meaning as SQL.
        String sql = d.kind() == DefaultValue.Kind.STRING ? "'" + d.value().replace("'", "''") + "'" : d.value();
        return CodeBlock.of(".defaultSql($S)", sql);
    }

    /** A Java expression the DSL's {@code defaultValue} turns into exactly {@code d}, or null. */
    static CodeBlock literal(ColumnType type, DefaultValue d, SchemaModel model) {
        if (type instanceof ColumnType.ArrayOf a) {
            return d.kind() == DefaultValue.Kind.STRING ? arrayLiteral(a.element(), d.value(), model) : null;
        }
        if (type instanceof ColumnType.EnumRef e) {
            EnumType en = model.enumType(e.name());
            return d.kind() == DefaultValue.Kind.STRING && en != null && en.values().contains(d.value())
                    ? CodeBlock.of("$S", d.value()) : null;
        }
        if (type instanceof ColumnType.Named || type instanceof ColumnType.DomainRef || type instanceof ColumnType.CompositeRef) {
            return d.kind() == DefaultValue.Kind.STRING ? CodeBlock.of("$S", d.value()) : null; // these columns take text
        }
        PgType t = ((ColumnType.Builtin) type).type();
        String v = d.value();
        return switch (d.kind()) {
            case NUMBER -> switch (t) {
                case SMALLINT -> exact(v, x -> Short.toString(Short.parseShort(x)), "(short) $L");
                case INTEGER, SERIAL -> exact(v, x -> Integer.toString(Integer.parseInt(x)), "$L");
                case BIGINT, BIGSERIAL -> exact(v, x -> Long.toString(Long.parseLong(x)), "$LL");
                case NUMERIC -> exact(v, x -> new BigDecimal(x).toPlainString(), "new $T($S)", BigDecimal.class);
                case REAL -> exact(v, x -> Float.toString(Float.parseFloat(x)), "$Lf");
                case DOUBLE_PRECISION -> exact(v, x -> Double.toString(Double.parseDouble(x)), "$L");
                default -> null;
            };
            case BOOLEAN -> t == PgType.BOOLEAN ? CodeBlock.of("$L", v) : null;
            case STRING -> switch (t) {
                case TEXT, VARCHAR, CHAR, JSON, JSONB -> CodeBlock.of("$S", v);
                case UUID -> exact(v, x -> UUID.fromString(x).toString(), "$T.fromString($S)", UUID.class);
                case DATE -> exact(v, x -> LocalDate.parse(x).toString(), "$T.parse($S)", LocalDate.class);
                case TIME -> exact(v, x -> LocalTime.parse(x).toString(), "$T.parse($S)", LocalTime.class);
                case TIMESTAMP -> exact(v, x -> LocalDateTime.parse(x).toString(), "$T.parse($S)", LocalDateTime.class);
                case TIMESTAMPTZ -> exact(v, x -> OffsetDateTime.parse(x).toString(), "$T.parse($S)", OffsetDateTime.class);
                case INTERVAL -> exact(v, x -> Duration.parse(x).toString(), "$T.parse($S)", Duration.class);
                case BYTEA -> bytes(v);
                default -> null;
            };
            case EXPRESSION -> null;
        };
    }

    /** {@code format} with the value when {@code canonical} gives the value back unchanged. */
    private static CodeBlock exact(String v, Function<String, String> canonical, String format, Object... before) {
        try {
            if (!canonical.apply(v).equals(v)) {
                return null;
            }
        } catch (RuntimeException e) {
            return null;
        }
        List<Object> args = new ArrayList<>(List.of(before));
        args.add(v);
        return CodeBlock.of(format, args.toArray());
    }

    private static CodeBlock bytes(String v) {
        if (!v.matches("\\\\x([0-9a-f]{2})*")) {
            return null;
        }
        if (v.length() == 2) {
            return CodeBlock.of("new byte[0]");
        }
        List<CodeBlock> items = new ArrayList<>();
        for (int i = 2; i < v.length(); i += 2) {
            items.add(CodeBlock.of("(byte) 0x$L", v.substring(i, i + 2)));
        }
        return CodeBlock.of("new byte[] {$L}", CodeBlock.join(items, ", "));
    }

    /** {@code List.of(...)} when the array literal is exactly what the DSL writes for those elements. */
    private static CodeBlock arrayLiteral(ColumnType element, String v, SchemaModel model) {
        List<String> items = parseArray(v);
        if (items == null) {
            return null;
        }
        List<CodeBlock> literals = new ArrayList<>();
        StringBuilder again = new StringBuilder("{");
        for (String item : items) {
            DefaultValue asElement = elementDefault(element, item);
            CodeBlock lit = asElement == null ? null : literal(element, asElement, model);
            if (lit == null) {
                return null;
            }
            literals.add(lit);
            again.append(again.length() > 1 ? "," : "").append('"')
                    .append(item.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        if (!again.append('}').toString().equals(v)) {
            return null;
        }
        return CodeBlock.of("$T.of($L)", List.class, CodeBlock.join(literals, ", "));
    }

    private static DefaultValue elementDefault(ColumnType element, String item) {
        try {
            if (element instanceof ColumnType.Builtin b && b.type().family() == PgType.Family.NUMERIC) {
                return DefaultValue.number(item);
            }
            if (element instanceof ColumnType.Builtin b && b.type() == PgType.BOOLEAN) {
                return new DefaultValue(DefaultValue.Kind.BOOLEAN, item);
            }
            return DefaultValue.string(item);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The elements of {@code {"a","b"}} (every element quoted, as the DSL writes them), or null. */
    private static List<String> parseArray(String v) {
        if (!v.startsWith("{") || !v.endsWith("}")) {
            return null;
        }
        List<String> out = new ArrayList<>();
        int i = 1;
        int end = v.length() - 1;
        while (i < end) {
            if (v.charAt(i) != '"') {
                return null;
            }
            StringBuilder sb = new StringBuilder();
            i++;
            while (i < end && v.charAt(i) != '"') {
                if (v.charAt(i) == '\\' && i + 1 < end) {
                    i++;
                }
                sb.append(v.charAt(i++));
            }
            if (i >= end) {
                return null;
            }
            out.add(sb.toString());
            i++;
            if (i < end && v.charAt(i++) != ',') {
                return null;
            }
        }
        return out;
    }
}
