package dev.shale.maven;

import java.time.Duration;

/** The library's duration grammar ({@link dev.shale.workflow.Durations}) for a plugin parameter, failing with its name. */
final class Durations {
    private Durations() {}

    /**
     * @param parameter the parameter's name, for the message
     * @return null when {@code text} is unset
     * @throws IllegalArgumentException when it is not a duration
     */
    static Duration parse(String text, String parameter) {
        String value = AbstractShaleMojo.given(text);
        if (value == null) {
            return null;
        }
        try {
            return dev.shale.workflow.Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("<" + parameter + "> (-Dshale." + parameter + "): " + e.getMessage(), e);
        }
    }
}
