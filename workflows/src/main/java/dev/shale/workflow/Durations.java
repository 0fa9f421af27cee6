package dev.shale.workflow;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them in any front end's settings: {@code 10} (seconds), {@code 10s},
 * {@code 500ms}, {@code 2min}, {@code 1h}. The one grammar the CLI's {@code shale.toml} and flags and
 * the Maven plugin's parameters share.
 */
public final class Durations {
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|sec|m|min|h)?");

    private Durations() {}

    /**
     * @throws IllegalArgumentException when {@code text} is not a duration; the message quotes it and shows
     *                                  the forms accepted, and the caller prefixes the setting's name
     */
    public static Duration parse(String text) {
        Matcher m = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("\"" + text + "\" is not a duration; write seconds (10), or a number"
                    + " with a unit: 500ms, 10s, 2min, 1h");
        }
        double n = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double millis = switch (unit) {
            case "ms" -> n;
            case "s", "sec" -> n * 1000;
            case "m", "min" -> n * 60_000;
            default -> n * 3_600_000;
        };
        return Duration.ofMillis(Math.round(millis));
    }
}
