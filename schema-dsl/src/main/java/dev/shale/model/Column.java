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

    public Column withName(String newName) {
        return new Column(newName, type, notNull, defaultValue);
    }

    public Column withNotNull(boolean value) {
        return new Column(name, type, value, defaultValue);
    }
}
