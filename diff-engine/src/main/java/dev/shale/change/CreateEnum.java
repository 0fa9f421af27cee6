package dev.shale.change;

import dev.shale.model.EnumType;

/**
 * {@code CREATE TYPE ... AS ENUM}.
 *
 * @param type the enum to create
 */
public record CreateEnum(EnumType type) implements Change {
    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitCreateEnum(this);
    }
}
