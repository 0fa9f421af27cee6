package dev.shale.embedded;

/** The embedded server could not be had: unsupported version or platform, no binaries, or it failed to start. */
public final class EmbeddedPostgresException extends RuntimeException {
    public EmbeddedPostgresException(String message) {
        super(message);
    }

    public EmbeddedPostgresException(String message, Throwable cause) {
        super(message, cause);
    }
}
