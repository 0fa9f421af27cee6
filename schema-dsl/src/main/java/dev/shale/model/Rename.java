package dev.shale.model;

/**
 * A decision that an object was renamed rather than dropped and re-created: from a
 * {@code renamedFrom("old")} hint in the schema code, a {@code --rename} flag, or an answer at the prompt.
 *
 * @param kind a table, a column, an enum value, a composite type's attribute or a sequence rename
 * @param table for a table or a sequence: its old name; for a column: the table's name in the new schema;
 *              for an enum value or an attribute: the type's name
 * @param from the old table or column name, or the old label
 * @param to the new table or column name, or the new label
 */
public record Rename(Kind kind, QualifiedName table, String from, String to) {
    /** What was renamed. */
    public enum Kind { TABLE, COLUMN, ENUM_VALUE, ATTRIBUTE, SEQUENCE }

    public Rename {
        if (kind == null || table == null) {
            throw new InvalidModelException("rename", "kind and table are required");
        }
        if (kind == Kind.ENUM_VALUE) {
            if (from == null || from.isEmpty() || to == null || to.isEmpty()) {
                throw new InvalidModelException("rename of a value of enum " + table.display(), "old and new labels are required");
            }
        } else {
            Identifiers.require("rename source", from);
            Identifiers.require("rename target", to);
        }
    }

    public static Rename table(QualifiedName oldName, String newName) {
        return new Rename(Kind.TABLE, oldName, oldName.name(), newName);
    }

    public static Rename column(QualifiedName table, String from, String to) {
        return new Rename(Kind.COLUMN, table, from, to);
    }

    /** A value of enum {@code enumName} relabelled ({@code ALTER TYPE ... RENAME VALUE}). */
    public static Rename enumValue(QualifiedName enumName, String from, String to) {
        return new Rename(Kind.ENUM_VALUE, enumName, from, to);
    }

    /** An attribute of composite type {@code type} renamed ({@code ALTER TYPE ... RENAME ATTRIBUTE}). */
    public static Rename attribute(QualifiedName type, String from, String to) {
        return new Rename(Kind.ATTRIBUTE, type, from, to);
    }

    /** A sequence renamed within its schema ({@code ALTER SEQUENCE ... RENAME TO}). */
    public static Rename sequence(QualifiedName oldName, String newName) {
        return new Rename(Kind.SEQUENCE, oldName, oldName.name(), newName);
    }

    /**
     * {@code schema.table=new}, {@code schema.table.old=new}, {@code enum:schema.enum.old=new},
     * {@code type:schema.type.old=new} or {@code sequence:schema.old=new}: the form {@code --rename} takes.
     */
    public String flag() {
        return switch (kind) {
            case TABLE -> table.key() + "=" + to;
            case COLUMN -> table.key() + "." + from + "=" + to;
            case ENUM_VALUE -> "enum:" + table.key() + "." + from + "=" + to;
            case ATTRIBUTE -> "type:" + table.key() + "." + from + "=" + to;
            case SEQUENCE -> "sequence:" + table.key() + "=" + to;
        };
    }
}
