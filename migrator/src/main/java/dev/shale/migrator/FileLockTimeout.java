package dev.shale.migrator;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code lock_timeout} a statement of a file ran with: the file's own {@code SET [LOCAL] lock_timeout}
 * before it (as online migrations set first), else the migrator's. So that a lock timeout is explained with
 * the value that actually applied.
 */
final class FileLockTimeout {
    private static final Pattern SET = Pattern.compile(
            "(?is)\\s*SET\\s+(?:LOCAL\\s+|SESSION\\s+)?lock_timeout\\s*(?:=|TO)\\s*'?\\s*(\\d+)\\s*(ms|s|min|h)?\\s*'?\\s*;?\\s*");

    private FileLockTimeout() {}

    /**
     * @param statements the file's statements
     * @param index the 0-based index of the statement that timed out
     * @param configured the migrator's lock timeout
     */
    static Duration effective(List<SqlStatement> statements, int index, Duration configured) {
        Duration out = configured;
        for (int i = 0; i < index && i < statements.size(); i++) {
            Matcher m = SET.matcher(statements.get(i).sql());
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                String unit = m.group(2) == null ? "ms" : m.group(2).toLowerCase(Locale.ROOT);
                out = switch (unit) {
                    case "s" -> Duration.ofSeconds(n);
                    case "min" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofMillis(n);
                };
            }
        }
        return out;
    }
}
