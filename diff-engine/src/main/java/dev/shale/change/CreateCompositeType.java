package dev.shale.change;

import dev.shale.model.CompositeType;

/**
 * {@code CREATE TYPE s.t AS (a type [COLLATE c], ...)}.
 *
 * @param type the composite type to create
 */
public record CreateCompositeType(CompositeType type) implements Change {
    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitCreateCompositeType(this);
    }
}
