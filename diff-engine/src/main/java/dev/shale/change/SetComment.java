package dev.shale.change;

/**
 * {@code COMMENT ON <kind> <name> IS '<text>'}, or {@code IS NULL} to remove the comment. One change
 * for every kind of object a comment can be on (see {@link CommentTarget}).
 *
 * @param target what the comment is on
 * @param text the new comment, or null to remove it
 */
public record SetComment(CommentTarget target, String text) implements Change {
    public SetComment {
        if (target == null) {
            throw new IllegalArgumentException("a comment needs a target");
        }
        if (text != null && text.isEmpty()) {
            text = null; // PostgreSQL stores an empty comment as none
        }
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitSetComment(this);
    }
}
