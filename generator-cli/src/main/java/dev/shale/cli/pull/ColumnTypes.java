package dev.shale.cli.pull;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.shale.model.ColumnType;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** How each model column type is declared in the DSL: its factory call and the Java type of its values. */
final class ColumnTypes {
    static final ClassName ENUMS = ClassName.get("", "Enums");

    private ColumnTypes() {}

    /** The generated {@code Types} class, next to {@code Enums}. */
    static ClassName typesClass(ClassName enumsClass) {
        return enumsClass.peerClass("Types");
    }

    /** The Java type a {@code Column<T>} of this type carries. */
    static TypeName javaType(ColumnType type) {
        if (type instanceof ColumnType.ArrayOf a) {
            return ParameterizedTypeName.get(ClassName.get(List.class), javaType(a.element()));
        }
        if (type instanceof ColumnType.EnumRef || type instanceof ColumnType.Named || type instanceof ColumnType.DomainRef
                || type instanceof ColumnType.CompositeRef) {
            return ClassName.get(String.class);
        }
        ColumnType.Builtin b = (ColumnType.Builtin) type;
        return switch (b.type()) {
            case UUID -> ClassName.get(UUID.class);
            case TEXT, VARCHAR, CHAR, JSON, JSONB -> ClassName.get(String.class);
            case SMALLINT -> ClassName.get(Short.class);
            case INTEGER, SERIAL -> ClassName.get(Integer.class);
            case BIGINT, BIGSERIAL -> ClassName.get(Long.class);
            case NUMERIC -> ClassName.get(BigDecimal.class);
            case REAL -> ClassName.get(Float.class);
            case DOUBLE_PRECISION -> ClassName.get(Double.class);
            case BOOLEAN -> ClassName.get(Boolean.class);
            case DATE -> ClassName.get(LocalDate.class);
            case TIME -> ClassName.get(LocalTime.class);
            case TIMESTAMP -> ClassName.get(LocalDateTime.class);
            case TIMESTAMPTZ -> ClassName.get(OffsetDateTime.class);
            case INTERVAL -> ClassName.get(Duration.class);
            case BYTEA -> ArrayTypeName.of(TypeName.BYTE);
            case INET -> ClassName.get(InetAddress.class);
        };
    }

    /**
     * The factory call declaring a column: {@code varchar("email", 255)}, {@code column("role", Enums.USER_ROLE)},
     * {@code custom("email", "citext")} for a type known by name, {@code text("tags").array()}.
     *
     * @param enumsClass the generated {@code Enums} class
     * @param names the generated names, for enum constants
     */
    static CodeBlock factory(String column, ColumnType type, ClassName enumsClass, JavaNames names) {
        if (type instanceof ColumnType.ArrayOf a) {
            return CodeBlock.of("$L.array()", factory(column, a.element(), enumsClass, names));
        }
        if (type instanceof ColumnType.EnumRef e) {
            return CodeBlock.of("column($S, $T.$N)", column, enumsClass, names.enumConstant(e.name()));
        }
        if (type instanceof ColumnType.DomainRef d) {
            return CodeBlock.of("column($S, $T.$N)", column, typesClass(enumsClass), names.typeConstant(d.name()));
        }
        if (type instanceof ColumnType.CompositeRef c) {
            return CodeBlock.of("column($S, $T.$N)", column, typesClass(enumsClass), names.typeConstant(c.name()));
        }
        if (type instanceof ColumnType.Named n) {
            return NamedTypes.factory(column, n.sql());
        }
        ColumnType.Builtin b = (ColumnType.Builtin) type;
        return switch (b.type()) {
            case VARCHAR -> b.length() == null ? CodeBlock.of("varchar($S)", column) : CodeBlock.of("varchar($S, $L)", column, b.length());
            case CHAR -> CodeBlock.of("character($S, $L)", column, b.length());
            case NUMERIC -> b.precision() == null ? CodeBlock.of("numeric($S)", column)
                    : CodeBlock.of("numeric($S, $L, $L)", column, b.precision(), b.scale());
            case UUID -> CodeBlock.of("uuid($S)", column);
            case TEXT -> CodeBlock.of("text($S)", column);
            case SMALLINT -> CodeBlock.of("smallint($S)", column);
            case INTEGER -> CodeBlock.of("integer($S)", column);
            case BIGINT -> CodeBlock.of("bigint($S)", column);
            case SERIAL -> CodeBlock.of("serial($S)", column);
            case BIGSERIAL -> CodeBlock.of("bigserial($S)", column);
            case REAL -> CodeBlock.of("real($S)", column);
            case DOUBLE_PRECISION -> CodeBlock.of("doublePrecision($S)", column);
            case BOOLEAN -> CodeBlock.of("bool($S)", column);
            case DATE -> CodeBlock.of("date($S)", column);
            case TIME -> CodeBlock.of("time($S)", column);
            case TIMESTAMP -> CodeBlock.of("timestamp($S)", column);
            case TIMESTAMPTZ -> CodeBlock.of("timestamptz($S)", column);
            case INTERVAL -> CodeBlock.of("interval($S)", column);
            case JSON -> CodeBlock.of("json($S)", column);
            case JSONB -> CodeBlock.of("jsonb($S)", column);
            case BYTEA -> CodeBlock.of("bytea($S)", column);
            case INET -> CodeBlock.of("inet($S)", column);
        };
    }
}
