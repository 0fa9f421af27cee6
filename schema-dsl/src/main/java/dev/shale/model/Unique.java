package dev.shale.model;

import java.util.List;

/**
 * A UNIQUE constraint.
 *
 * @param name the constraint name
 * @param columns the constrained columns in order
 * @param nullsNotDistinct {@code UNIQUE NULLS NOT DISTINCT} (PostgreSQL 15): two NULLs collide
 * @param deferral when it is checked
 * @param comment its comment, or null
 */
public record Unique(String name, List<String> columns, boolean nullsNotDistinct, Deferral deferral, String comment)
        implements Constraint {
    public Unique {
        Identifiers.require("unique constraint", name);
        columns = Identifiers.requireColumns("unique constraint " + Identifiers.show(name), columns);
        deferral = deferral == null ? Deferral.NOT_DEFERRABLE : deferral;
        comment = Comments.normalize(comment);
    }

    /** A plain unique constraint: NULLs distinct, checked per statement, no comment. */
    public Unique(String name, List<String> columns) {
        this(name, columns, false, Deferral.NOT_DEFERRABLE, null);
    }

    @Override
    public Unique withName(String newName) {
        return new Unique(newName, columns, nullsNotDistinct, deferral, comment);
    }

    public Unique withColumns(List<String> newColumns) {
        return new Unique(name, newColumns, nullsNotDistinct, deferral, comment);
    }

    public Unique withNullsNotDistinct(boolean value) {
        return new Unique(name, columns, value, deferral, comment);
    }

    public Unique withDeferral(Deferral value) {
        return new Unique(name, columns, nullsNotDistinct, value, comment);
    }

    public Unique withComment(String value) {
        return new Unique(name, columns, nullsNotDistinct, deferral, value);
    }

    @Override
    public <R> R accept(ConstraintVisitor<R> visitor) {
        return visitor.visitUnique(this);
    }
}
