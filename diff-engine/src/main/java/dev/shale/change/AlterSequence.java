package dev.shale.change;

import dev.shale.model.QualifiedName;
import dev.shale.model.SequenceOptions;

/**
 * {@code ALTER SEQUENCE s AS .. INCREMENT BY .. MINVALUE .. MAXVALUE .. START WITH .. CACHE .. [NO] CYCLE}:
 * options changed in place, keeping the current value (a new START WITH does not move it).
 *
 * @param name the sequence
 * @param from its options before
 * @param to its options after; they differ from {@code from} once PostgreSQL's defaults are filled in
 */
public record AlterSequence(QualifiedName name, SequenceOptions from, SequenceOptions to) implements Change {
    public AlterSequence {
        if (name == null || from == null || to == null) {
            throw new IllegalArgumentException("AlterSequence needs a name and both options");
        }
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitAlterSequence(this);
    }
}
