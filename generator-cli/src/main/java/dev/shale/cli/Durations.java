package dev.shale.cli;

import java.time.Duration;

/** The library's duration grammar ({@link dev.shale.workflow.Durations}), failing as a CLI error that names the setting. */
final class Durations {
    private Durations() {}

    /** @param where what is being read, for the message ({@code lock_timeout in shale.toml}, {@code --lock-wait}) */
    static Duration parse(String text, String where) {
        try {
            return dev.shale.workflow.Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ShaleException(where + ": " + e.getMessage(), e);
        }
    }
}
