package dev.shale.model;

import java.util.List;

/** A named table constraint. Indexes are not constraints; see {@link Index}. */
public sealed interface Constraint permits PrimaryKey, Unique, Check, ForeignKey, Exclusion {
    String name();

    /** The same constraint under another name. */
    Constraint withName(String newName);

    /** Its comment ({@code COMMENT ON CONSTRAINT}), or null. */
    String comment();

    /** The columns the constraint covers, empty for a check (whose expression may name any). */
    default List<String> columns() {
        return List.of();
    }
}
