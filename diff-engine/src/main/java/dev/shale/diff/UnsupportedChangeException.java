package dev.shale.diff;

/**
 * A difference between two schemas that PostgreSQL cannot express as DDL Shale would emit safely:
 * removing or reordering enum values, or changing a column between types PostgreSQL has no cast for
 * without a conversion from the code. The message
 * names the object and says what to write as a hand-written migration instead; a front end says how.
 */
public final class UnsupportedChangeException extends RuntimeException {
    private final String object;
    private final String reason;
    private final String remedy;

    /**
     * @param object the object at fault, as a reader would name it ({@code enum "public"."role"})
     * @param reason what cannot be expressed, and why
     * @param remedy what to write by hand instead
     */
    public UnsupportedChangeException(String object, String reason, String remedy) {
        super(object + ": " + reason + "; " + remedy);
        this.object = object;
        this.reason = reason;
        this.remedy = remedy;
    }

    public String object() {
        return object;
    }

    /** What cannot be expressed, and why (without the remedy, which is about the forward direction). */
    public String reason() {
        return reason;
    }

    /** What to write by hand instead. */
    public String remedy() {
        return remedy;
    }
}
