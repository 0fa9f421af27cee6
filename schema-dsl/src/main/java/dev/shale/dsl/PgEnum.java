package dev.shale.dsl;

import dev.shale.model.EnumType;
import dev.shale.model.InvalidModelException;
import dev.shale.model.QualifiedName;
import dev.shale.model.Rename;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A PostgreSQL enum declared in code. Either backed by a Java enum, whose constants become labels
 * (lower-cased, or {@link Labelled#label()} when the enum implements it), or by plain string labels.
 * Hold it in a static field: {@code static final PgEnum<Role> USER_ROLE = PgEnum.of("user_role", Role.class);}
 *
 * @param <T> the Java type of a value: the Java enum, or String
 */
public final class PgEnum<T> {
    /** A Java enum whose database labels differ from its lower-cased constant names. */
    public interface Labelled {
        String label();
    }

    private final QualifiedName name;
    private final List<String> labels;
    private final Function<T, String> toLabel;
    private final SourceLocation location;
    private String comment;
    private final Map<String, String> renamedValues = new LinkedHashMap<>();

    private PgEnum(String schema, String name, List<String> labels, Function<T, String> toLabel) {
        this.location = SourceLocation.caller();
        try {
            this.name = QualifiedName.of(schema, name);
            this.labels = List.copyOf(labels);
            new EnumType(this.name, this.labels);
        } catch (InvalidModelException e) {
            throw new SchemaDefinitionException(location, e.getMessage());
        }
        this.toLabel = toLabel;
    }

    /** An enum in the {@code public} schema whose labels are the Java enum's constants. */
    public static <E extends Enum<E>> PgEnum<E> of(String name, Class<E> javaEnum) {
        return of(QualifiedName.DEFAULT_SCHEMA, name, javaEnum);
    }

    /** An enum in {@code schema} whose labels are the Java enum's constants. */
    public static <E extends Enum<E>> PgEnum<E> of(String schema, String name, Class<E> javaEnum) {
        List<String> labels = new ArrayList<>();
        for (E constant : javaEnum.getEnumConstants()) {
            labels.add(labelOf(constant));
        }
        return new PgEnum<>(schema, name, labels, PgEnum::labelOf);
    }

    /** An enum in the {@code public} schema with string labels, in sort order. */
    public static PgEnum<String> of(String name, String... labels) {
        return new PgEnum<>(QualifiedName.DEFAULT_SCHEMA, name, List.of(labels), Function.identity());
    }

    /** An enum in {@code schema} with string labels, in sort order. */
    public static PgEnum<String> inSchema(String schema, String name, String... labels) {
        return new PgEnum<>(schema, name, List.of(labels), Function.identity());
    }

    private static String labelOf(Enum<?> constant) {
        return constant instanceof Labelled l ? l.label() : constant.name().toLowerCase(Locale.ROOT);
    }

    public QualifiedName name() {
        return name;
    }

    /** The label a value is stored as; rejects a string that is not one of the labels. */
    String label(T value) {
        String label = toLabel.apply(value);
        if (!labels.contains(label)) {
            throw new SchemaDefinitionException(SourceLocation.caller(), "'" + label + "' is not a value of enum "
                    + name.display() + "; its values are " + labels);
        }
        return label;
    }

    SourceLocation location() {
        return location;
    }

    /** Its comment ({@code COMMENT ON TYPE}). */
    public PgEnum<T> comment(String text) {
        this.comment = text;
        return this;
    }

    /**
     * Says that value {@code newLabel} was called {@code oldLabel} before, so the migration renames it
     * ({@code ALTER TYPE ... RENAME VALUE}, the rows keep it) rather than removing one value and adding
     * another. Like {@code renamedFrom} on a table, the hint may stay in the code after the migration.
     */
    public PgEnum<T> renamedValue(String oldLabel, String newLabel) {
        SourceLocation at = SourceLocation.caller();
        if (oldLabel == null || oldLabel.isEmpty()) {
            throw new SchemaDefinitionException(at, "enum " + name.display() + ": renamedValue needs the old label");
        }
        if (!labels.contains(newLabel)) {
            throw new SchemaDefinitionException(at, "enum " + name.display() + ": renamedValue names '" + newLabel
                    + "' as the new label, but the enum's values are " + labels);
        }
        if (labels.contains(oldLabel)) {
            throw new SchemaDefinitionException(at, "enum " + name.display() + ": '" + oldLabel
                    + "' is still one of its values, so it cannot have been renamed; remove it or the hint");
        }
        if (renamedValues.containsValue(newLabel) || renamedValues.containsKey(oldLabel)) {
            throw new SchemaDefinitionException(at, "enum " + name.display() + ": '" + oldLabel + "' -> '" + newLabel
                    + "' repeats a label of another renamedValue; give each rename once");
        }
        renamedValues.put(oldLabel, newLabel);
        return this;
    }

    /** The {@link #renamedValue} hints, as renames. */
    List<Rename> renames() {
        List<Rename> out = new ArrayList<>();
        renamedValues.forEach((from, to) -> out.add(Rename.enumValue(name, from, to)));
        return out;
    }

    public EnumType toModel() {
        return new EnumType(name, labels).withComment(comment);
    }
}
