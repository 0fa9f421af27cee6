package dev.shale.cli;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A database URL as messages show it: host, port and database for "could not connect" messages, and
 * the text with its password replaced by {@code ***}. Accepts {@code jdbc:postgresql://},
 * {@code postgres://} and {@code postgresql://} URLs (the migrator does the real parsing).
 *
 * @param host the host, or {@code localhost} when the URL names none
 * @param port the port, {@code 5432} by default
 * @param database the database name, or the empty string when the URL names none
 * @param password the password in the URL (user info or {@code password=} option), or null
 */
record DatabaseUrl(String host, String port, String database, String password) {
    private static final Pattern URL = Pattern.compile(
            "(?i)(?:jdbc:postgresql|postgres|postgresql)://(?:([^@/?#]*)@)?([^/?#]*)(?:/([^?#]*))?(?:\\?(.*))?");
    private static final Pattern PASSWORD_OPTION = Pattern.compile("(?i)([?&;]password=)([^&;#\\s]*)");
    private static final Pattern USER_INFO = Pattern.compile("(?i)((?:jdbc:postgresql|postgres|postgresql)://[^:@/\\s]*:)([^@/\\s]*)(@)");

    static DatabaseUrl parse(String url) {
        Matcher m = URL.matcher(url.strip());
        if (!m.matches()) {
            return new DatabaseUrl("localhost", "5432", "", passwordOption(url));
        }
        String password = null;
        if (m.group(1) != null && m.group(1).contains(":")) {
            password = decode(m.group(1).substring(m.group(1).indexOf(':') + 1));
        }
        if (password == null) {
            password = passwordOption(url);
        }
        String hostPort = m.group(2) == null || m.group(2).isEmpty() ? "localhost" : m.group(2);
        String host = hostPort;
        String port = "5432";
        int colon = hostPort.lastIndexOf(':');
        if (colon > 0 && !hostPort.endsWith("]")) {
            host = hostPort.substring(0, colon);
            port = hostPort.substring(colon + 1);
        }
        return new DatabaseUrl(host, port, m.group(3) == null ? "" : decode(m.group(3)), password);
    }

    /** The URL with any password replaced by {@code ***}. */
    static String redact(String url) {
        String out = USER_INFO.matcher(url).replaceAll("$1***$3");
        return PASSWORD_OPTION.matcher(out).replaceAll("$1***");
    }

    /** {@code text} with the URL's password, in any form it appears, replaced by {@code ***}. */
    String scrub(String text) {
        if (text == null) {
            return null;
        }
        String out = redact(text);
        if (password != null && !password.isEmpty()) {
            out = out.replace(password, "***");
            String encoded = java.net.URLEncoder.encode(password, StandardCharsets.UTF_8);
            out = out.replace(encoded, "***");
        }
        return out;
    }

    private static String passwordOption(String url) {
        Matcher m = PASSWORD_OPTION.matcher(url);
        return m.find() ? decode(m.group(2)) : null;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
