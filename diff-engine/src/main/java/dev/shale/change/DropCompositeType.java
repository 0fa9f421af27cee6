package dev.shale.change;

import dev.shale.model.CompositeType;

/**
 * {@code DROP TYPE s.t} of a composite type, after the columns that use it are gone.
 *
 * @param type the composite type as it was
 */
public record DropCompositeType(CompositeType type) implements Change {
    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitDropCompositeType(this);
    }
}
