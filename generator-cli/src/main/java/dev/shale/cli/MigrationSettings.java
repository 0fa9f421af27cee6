package dev.shale.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code [migrations]} table of {@code shale.toml}: where the history table lives and the timeouts
 * {@code migrate} and {@code rollback} run with. A null duration means the migrator's default.
 *
 * <pre>
 * [migrations]
 * schema = "public"
 * table = "shale_migrations"
 * lock_timeout = "10s"        # waiting for a table lock inside a migration
 * statement_timeout = "5min"  # one statement; unset means no limit
 * lock_wait = "60s"           # a second runner waiting for the migration lock
 * lock_retries = 3            # tries after a lock_timeout
 * lock_retry_delay = "1s"     # the first pause before one; each further pause doubles
 * </pre>
 *
 * @param schema the history table's schema
 * @param table the history table's name
 * @param lockTimeout {@code lock_timeout}, or null
 * @param statementTimeout {@code statement_timeout}, or null
 * @param lockWait how long to wait for the migration lock, or null
 * @param lockRetries how many times a statement that hit lock_timeout is tried again, or null
 * @param lockRetryDelay the pause before the first retry, or null
 */
public record MigrationSettings(String schema, String table, Duration lockTimeout, Duration statementTimeout, Duration lockWait,
                                Integer lockRetries, Duration lockRetryDelay) {
    public static final MigrationSettings DEFAULT = new MigrationSettings("public", "shale_migrations", null, null, null, null, null);
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|sec|m|min|h)?");

    /**
     * A duration as people write it: {@code 10} (seconds), {@code 10s}, {@code 500ms}, {@code 2min}, {@code 1h}.
     *
     * @param where what is being read, for the message ({@code lock_timeout in shale.toml})
     */
    static Duration parseDuration(String text, String where) {
        Matcher m = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new ShaleException(where + ": \"" + text + "\" is not a duration; write seconds (10), or a number"
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
