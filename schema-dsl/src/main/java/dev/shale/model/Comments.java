package dev.shale.model;

/** The one rule for comments: PostgreSQL stores an empty comment as none, so the model does too. */
public final class Comments {
    private Comments() {}

    /** {@code text}, or null when it is null or empty (COMMENT ... IS '' removes a comment). */
    public static String normalize(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
