package dev.shale.change;

import dev.shale.model.EnumType;

/**
 * {@code DROP TYPE}: comes after every column using the type is gone.
 *
 * @param type the enum as it was, so a reviewer (and a down migration) sees its values
 */
public record DropEnum(EnumType type) implements Change {
    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitDropEnum(this);
    }
}
