package dev.shale.change;

import dev.shale.model.Routine;

/**
 * {@code DROP FUNCTION s.f(types)} (or PROCEDURE, AGGREGATE), never CASCADE: the triggers that use it
 * are dropped before it.
 *
 * @param routine the routine to drop
 */
public record DropRoutine(Routine routine) implements Change {
    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitDropRoutine(this);
    }
}
