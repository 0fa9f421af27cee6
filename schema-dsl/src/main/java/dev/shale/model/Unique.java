package dev.shale.model;

import java.util.List;

/**
 * A UNIQUE constraint.
 *
 * @param name the constraint name
 * @param columns the constrained columns in order
 */
public record Unique(String name, List<String> columns) implements Constraint {
    public Unique {
        Identifiers.require("unique constraint", name);
        columns = Identifiers.requireColumns("unique constraint " + Identifiers.show(name), columns);
    }

    @Override
    public Unique withName(String newName) {
        return new Unique(newName, columns);
    }

    public Unique withColumns(List<String> newColumns) {
        return new Unique(name, newColumns);
    }
}
