package dev.shale.snapshot;

/**
 * A snapshot file that cannot be read or does not fit the chain: names the file, the place in it
 * (a JSON path or line), what is wrong, and what to do.
 */
public final class SnapshotException extends RuntimeException {
    private final String file;
    private final String place;
    private final String reason;

    /**
     * @param file the snapshot file
     * @param place where in it ({@code line 12, column 5} or {@code tables."public.users".columns[2]}), or null
     * @param reason what is wrong and how to fix it
     */
    public SnapshotException(String file, String place, String reason) {
        super(file + (place == null ? "" : " (" + place + ")") + ": " + reason);
        this.file = file;
        this.place = place;
        this.reason = reason;
    }

    public String file() {
        return file;
    }

    public String place() {
        return place;
    }

    public String reason() {
        return reason;
    }
}
