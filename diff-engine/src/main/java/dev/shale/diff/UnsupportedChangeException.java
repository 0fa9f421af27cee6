package dev.shale.diff;

/**
 * A difference between two schemas that PostgreSQL cannot express as DDL Shale would emit safely:
 * removing or reordering enum values, or turning a column into or out of a serial type. The message
 * names the object and says what to write as a hand-written migration instead; a front end says how.
 */
public final class UnsupportedChangeException extends RuntimeException {
    private final String object;
    private final String reason;

    /**
     * @param object the object at fault, as a reader would name it ({@code enum "public"."role"})
     * @param reason what cannot be expressed and what to do instead
     */
    public UnsupportedChangeException(String object, String reason) {
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
