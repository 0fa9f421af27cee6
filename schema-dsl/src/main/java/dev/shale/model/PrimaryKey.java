package dev.shale.model;

import java.util.List;

/**
 * A table's primary key.
 *
 * @param name the constraint name ({@code <table>_pkey} unless declared)
 * @param columns the key's columns in order
 */
public record PrimaryKey(String name, List<String> columns) implements Constraint {
    public PrimaryKey {
        Identifiers.require("primary key", name);
        columns = Identifiers.requireColumns("primary key " + Identifiers.show(name), columns);
    }

    @Override
    public PrimaryKey withName(String newName) {
        return new PrimaryKey(newName, columns);
    }

    public PrimaryKey withColumns(List<String> newColumns) {
        return new PrimaryKey(name, newColumns);
    }
}
