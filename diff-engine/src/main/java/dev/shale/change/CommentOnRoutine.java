package dev.shale.change;

import dev.shale.model.Comments;
import dev.shale.model.Routine;

/**
 * {@code COMMENT ON FUNCTION s.f(types) IS '...'} (or PROCEDURE, AGGREGATE), or {@code IS NULL}.
 *
 * @param routine the routine, as it is once the migration has run
 * @param text the comment, or null to remove it
 */
public record CommentOnRoutine(Routine routine, String text) implements Change {
    public CommentOnRoutine {
        text = Comments.normalize(text);
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitCommentOnRoutine(this);
    }
}
