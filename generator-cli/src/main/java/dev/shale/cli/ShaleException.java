package dev.shale.cli;

/**
 * An operation of the {@code shale} command that failed for a reason the user can fix (a missing
 * config file, a compile error in the schema code, an open rename question): the message is the whole
 * explanation, printed without a stack trace.
 */
public class ShaleException extends RuntimeException {
    public ShaleException(String message) {
        super(message);
    }

    public ShaleException(String message, Throwable cause) {
        super(message, cause);
    }
}
