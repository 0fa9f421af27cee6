package dev.shale.change;

import dev.shale.model.Routine;

/**
 * {@code CREATE FUNCTION} / {@code CREATE PROCEDURE} / {@code CREATE AGGREGATE}, the body dollar-quoted.
 * Its comment, if any, is a {@link CommentOnRoutine} of its own.
 *
 * @param routine the routine to create
 */
public record CreateRoutine(Routine routine) implements Change {
    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitCreateRoutine(this);
    }
}
