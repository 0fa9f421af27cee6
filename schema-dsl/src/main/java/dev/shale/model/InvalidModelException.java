package dev.shale.model;

/**
 * A schema model that breaks one of its own rules: a duplicate column, a foreign key to a table that
 * does not exist, an identifier PostgreSQL would truncate. The message names the object and says what
 * to change; callers that know a file or a source line (the DSL, the snapshot reader) wrap it.
 */
public final class InvalidModelException extends RuntimeException {
    private final String object;
    private final String reason;

    /**
     * @param object the object at fault, as a reader would name it ({@code table "public"."users"})
     * @param reason what is wrong and how to fix it
     */
    public InvalidModelException(String object, String reason) {
        super(object + ": " + reason);
        this.object = object;
        this.reason = reason;
    }

    public String object() {
        return object;
    }

    public String reason() {
        return reason;
    }
}
