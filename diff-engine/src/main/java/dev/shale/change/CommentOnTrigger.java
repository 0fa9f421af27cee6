package dev.shale.change;

import dev.shale.model.Comments;
import dev.shale.model.Trigger;

/**
 * {@code COMMENT ON TRIGGER t ON s.tbl IS '...'}, or {@code IS NULL}.
 *
 * @param trigger the trigger
 * @param text the comment, or null to remove it
 */
public record CommentOnTrigger(Trigger trigger, String text) implements Change {
    public CommentOnTrigger {
        text = Comments.normalize(text);
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitCommentOnTrigger(this);
    }
}
