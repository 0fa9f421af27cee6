package dev.shale.dsl;

/**
 * A schema declaration that cannot become a valid model: the message names the source file and line
 * of the declaration at fault, what is wrong, and what to change.
 */
public final class SchemaDefinitionException extends RuntimeException {
    private final SourceLocation location;
    private final String reason;

    /**
     * @param location the declaration at fault
     * @param reason what is wrong and how to fix it
     */
    public SchemaDefinitionException(SourceLocation location, String reason) {
        super(location + ": " + reason);
        this.location = location;
        this.reason = reason;
    }

    public SourceLocation location() {
        return location;
    }

    public String reason() {
        return reason;
    }
}
