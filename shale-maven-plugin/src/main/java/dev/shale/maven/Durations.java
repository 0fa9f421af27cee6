package dev.shale.maven;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as the CLI's {@code shale.toml} takes them: {@code 10} (seconds), {@code 10s}, {@code 500ms}, {@code 2min}, {@code 1h}. */
final class Durations {
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|sec|m|min|h)?");

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
        Matcher m = DURATION.matcher(value.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("<" + parameter + "> (-Dshale." + parameter + "): \"" + text + "\" is not a duration;"
                    + " write seconds (10), or a number with a unit: 500ms, 10s, 2min, 1h");
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
