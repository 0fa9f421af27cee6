package dev.shale.model;

/**
 * A table column.
 *
 * @param name the column's name
 * @param type its type
 * @param notNull whether NULL is rejected (primary key and serial columns always are)
 * @param defaultValue the default, or null for none
 */
public record Column(String name, ColumnType type, boolean notNull, DefaultValue defaultValue) {
    public Column {
        Identifiers.require("column", name);
        if (type == null) {
            throw new InvalidModelException("column " + Identifiers.show(name), "type is required");
        }
        if (type instanceof ColumnType.Builtin b && b.type().isSerial()) {
            if (defaultValue != null) {
                throw new InvalidModelException("column " + Identifiers.show(name),
                        b.type().sql() + " columns get their default from their sequence; remove the default");
            }
            notNull = true; // PostgreSQL makes every serial column NOT NULL
        }
    }

    /** A nullable column without a default; add the rest with the {@code with...} methods. */
    public static Column of(String name, ColumnType type) {
        return new Column(name, type, false, null);
    }

    public Column withName(String newName) {
        return new Column(newName, type, notNull, defaultValue);
    }

    public Column withNotNull(boolean value) {
        return new Column(name, type, value, defaultValue);
    }

    public Column withType(ColumnType newType) {
        return new Column(name, newType, notNull, defaultValue);
    }

    /** This column with another default, or none (null). */
    public Column withDefault(DefaultValue newDefault) {
        return new Column(name, type, notNull, newDefault);
    }
}
