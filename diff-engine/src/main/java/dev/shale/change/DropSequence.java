package dev.shale.change;

import dev.shale.model.Sequence;

/**
 * {@code DROP SEQUENCE}: its current value is lost; after the tables whose defaults used it changed.
 *
 * @param sequence the sequence as it was
 */
public record DropSequence(Sequence sequence) implements Change {
    public DropSequence {
        if (sequence == null) {
            throw new IllegalArgumentException("DropSequence needs a sequence");
        }
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitDropSequence(this);
    }
}
