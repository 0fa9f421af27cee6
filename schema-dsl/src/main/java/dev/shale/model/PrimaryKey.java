package dev.shale.model;

import java.util.List;

/**
 * A table's primary key.
 *
 * @param name the constraint name ({@code <table>_pkey} unless declared)
 * @param columns the key's columns in order
 * @param deferral when it is checked
 * @param comment its comment, or null
 */
public record PrimaryKey(String name, List<String> columns, Deferral deferral, String comment) implements Constraint {
    public PrimaryKey {
        Identifiers.require("primary key", name);
        columns = Identifiers.requireColumns("primary key " + Identifiers.show(name), columns);
        deferral = deferral == null ? Deferral.NOT_DEFERRABLE : deferral;
        comment = Comments.normalize(comment);
    }

    /** A primary key checked per statement, without a comment. */
    public PrimaryKey(String name, List<String> columns) {
        this(name, columns, Deferral.NOT_DEFERRABLE, null);
    }

    @Override
    public PrimaryKey withName(String newName) {
        return new PrimaryKey(newName, columns, deferral, comment);
    }

    public PrimaryKey withColumns(List<String> newColumns) {
        return new PrimaryKey(name, newColumns, deferral, comment);
    }

    public PrimaryKey withDeferral(Deferral value) {
        return new PrimaryKey(name, columns, value, comment);
    }

    public PrimaryKey withComment(String value) {
        return new PrimaryKey(name, columns, deferral, value);
    }

    @Override
    public <R> R accept(ConstraintVisitor<R> visitor) {
        return visitor.visitPrimaryKey(this);
    }
}
