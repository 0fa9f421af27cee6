package dev.shale.model;

/**
 * A table column.
 *
 * @param name the column's name
 * @param type its type
 * @param notNull whether NULL is rejected (primary key columns are always NOT NULL)
 * @param defaultValue the default, or null for none
 */
public record Column(String name, ColumnType type, boolean notNull, DefaultValue defaultValue) {
    public Column {
        Identifiers.require("column", name);
        if (type == null) {
            throw new InvalidModelException("column " + Identifiers.show(name), "type is required");
        }
        if (defaultValue != null && type instanceof ColumnType.Builtin b && b.type().isSerial()) {
            throw new InvalidModelException("column " + Identifiers.show(name),
                    b.type().sql() + " columns get their default from their sequence; remove the default");
        }
    }

    public Column withName(String newName) {
        return new Column(newName, type, notNull, defaultValue);
    }

    public Column withNotNull(boolean value) {
        return new Column(name, type, value, defaultValue);
    }
}
