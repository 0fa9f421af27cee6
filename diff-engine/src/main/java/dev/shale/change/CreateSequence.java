package dev.shale.change;

import dev.shale.model.Sequence;

/**
 * {@code CREATE SEQUENCE s AS t START WITH .. INCREMENT BY .. MINVALUE .. MAXVALUE .. CACHE .. CYCLE}
 * with the options the model sets; OWNED BY follows as a {@link SetSequenceOwner} once the table exists.
 *
 * @param sequence the sequence
 */
public record CreateSequence(Sequence sequence) implements Change {
    public CreateSequence {
        if (sequence == null) {
            throw new IllegalArgumentException("CreateSequence needs a sequence");
        }
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitCreateSequence(this);
    }
}
