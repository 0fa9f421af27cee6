package dev.shale.change;

import dev.shale.model.Comments;

/**
 * {@code COMMENT ON ... IS '...'}, or {@code IS NULL} to remove one: comes after every object it may be
 * about exists.
 *
 * @param target what the comment is on
 * @param text the new comment, or null to remove it ('' is taken as null, as PostgreSQL does)
 */
public record SetComment(CommentTarget target, String text) implements Change {
    public SetComment {
        if (target == null) {
            throw new IllegalArgumentException("a comment needs a target");
        }
        text = Comments.normalize(text);
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitSetComment(this);
    }
}
