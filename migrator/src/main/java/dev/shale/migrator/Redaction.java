package dev.shale.migrator;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds passwords in text nobody parsed: an exception message, a stack trace, a URL in any shape (one
 * slash missing, a misspelt or foreign scheme, JDBC options, percent-encoded user info). Three rules,
 * each one conservative (it masks a little too much rather than too little):
 * <ol>
 *   <li>an option {@code password=…} ({@code sslpassword}, {@code PGPASSWORD}, {@code pwd}, JSON
 *       {@code "password": "…"}): its value up to white space, {@code &} or {@code ;} (or its closing quote);</li>
 *   <li>user info {@code user:password@host} after any scheme, or none: from the first colon after the
 *       scheme's slashes to the {@code @} (the last one before the host, for a raw {@code @} in the password);</li>
 *   <li>a URL without {@code @} whose "port" is not a number ({@code postgres://user:secret/db}, the host
 *       forgotten): that "port".</li>
 * </ol>
 * The rest of the text is kept as it was. {@link DatabaseUrl#redact(String)} is the public door.
 */
final class Redaction {
    static final String MASK = "****";

    private static final Pattern OPTION = Pattern.compile(
            "(?i)(?<![A-Za-z0-9_])((?:ssl|pg)?password|passwd|pwd)(\\s*=\\s*)('[^']*'?|\"[^\"]*\"?|[^\\s&;]+)");
    private static final Pattern JSON = Pattern.compile("(?i)(\"(?:ssl|pg)?password\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern PORT_THEN_PATH = Pattern.compile("\\d{1,5}[/?#,].*", Pattern.DOTALL);
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.\\-]*:/");

    private Redaction() {}

    static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = OPTION.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + MASK));
        out = JSON.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "\"" + MASK + "\""));
        out = userInfo(out);
        return nonNumericPorts(out);
    }

    /** Rule 2: {@code …:password@…} in every white-space-delimited token. */
    private static String userInfo(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        int at = text.indexOf('@');
        while (at >= 0) {
            int tokenStart = at;
            while (tokenStart > 0 && !Character.isWhitespace(text.charAt(tokenStart - 1))) {
                tokenStart--;
            }
            int from = Math.max(tokenStart, copied);
            int authority = authorityStart(text, from, at);
            int colon = text.indexOf(':', authority);
            int end = lastAtBeforeHost(text, at);
            if (colon >= 0 && colon < at && !PORT_THEN_PATH.matcher(text.substring(colon + 1, at)).matches()) {
                out.append(text, copied, colon + 1).append(MASK);
                copied = end;
                at = text.indexOf('@', end + 1);
            } else {
                at = text.indexOf('@', at + 1);
            }
        }
        return out.append(text, copied, text.length()).toString();
    }

    /** Where user info would start in {@code text[from, at)}: after {@code //}, else after {@code :/}, else {@code from}. */
    private static int authorityStart(String text, int from, int at) {
        int slashes = text.indexOf("//", from);
        if (slashes >= 0 && slashes < at) {
            return slashes + 2;
        }
        int colonSlash = text.indexOf(":/", from);
        if (colonSlash >= 0 && colonSlash < at) {
            int i = colonSlash + 1;
            while (i < at && text.charAt(i) == '/') {
                i++;
            }
            return i;
        }
        return from;
    }

    /**
     * The last {@code @} of the token from {@code at} on, before its query ({@code ?}) or fragment
     * ({@code #}): a raw {@code @} in a password puts the host after the last one.
     */
    private static int lastAtBeforeHost(String text, int at) {
        int last = at;
        for (int i = at + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '?' || c == '#') {
                break;
            }
            if (c == '@') {
                last = i;
            }
        }
        return last;
    }

    /** Rule 3: {@code scheme://host:notaport}, no user info: the "port" is masked. */
    private static String nonNumericPorts(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        Matcher scheme = SCHEME.matcher(text);
        while (scheme.find()) {
            int start = scheme.end();
            while (start < text.length() && text.charAt(start) == '/') {
                start++;
            }
            int end = start;
            while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && "/?#@".indexOf(text.charAt(end)) < 0) {
                end++;
            }
            if (end < text.length() && text.charAt(end) == '@') {
                continue; // user info: rule 2 has masked it
            }
            int segment = start;
            for (String hostPort : text.substring(start, end).split(",", -1)) {
                int hostEnd = hostPort.startsWith("[") ? Math.max(0, hostPort.indexOf(']')) : 0;
                int colon = hostPort.indexOf(':', hostEnd);
                if (colon >= 0) {
                    String port = hostPort.substring(colon + 1);
                    if (!port.isEmpty() && !port.chars().allMatch(Character::isDigit) && !port.equals(MASK)) {
                        out.append(text, copied, segment + colon + 1).append(MASK);
                        copied = segment + hostPort.length();
                    }
                }
                segment += hostPort.length() + 1;
            }
        }
        return out.append(text, copied, text.length()).toString();
    }
}
