package dev.shale.model;

import java.util.List;

/** A named table constraint. Indexes are not constraints; see {@link Index}. */
public sealed interface Constraint permits PrimaryKey, Unique, Check, ForeignKey, Exclusion {
    String name();

    /** The same constraint under another name. */
    Constraint withName(String newName);

    /** Its comment ({@code COMMENT ON CONSTRAINT}), or null. */
    String comment();

    /** The same constraint with another comment, or none (null). */
    Constraint withComment(String text);

    /** Calls the visitor's method for this constraint's kind and returns what it returns. */
    <R> R accept(ConstraintVisitor<R> visitor);

    /** What this kind of constraint is called in messages: {@code foreign key}, {@code exclusion constraint}. */
    default String kind() {
        return accept(ConstraintVisitor.KIND);
    }

    /** The columns the constraint covers, empty for a check (whose expression may name any). */
    default List<String> columns() {
        return List.of();
    }
}
