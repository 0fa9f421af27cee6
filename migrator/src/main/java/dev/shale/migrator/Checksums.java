package dev.shale.migrator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How a migration file's text is normalized and checksummed, so a checkout on another OS (CRLF line
 * endings, a byte-order mark) is not a mismatch. The algorithm has a version, recorded in the history
 * table, so a future change of normalization can be told apart from an edited file.
 */
public final class Checksums {
    /** The algorithm version recorded as {@code checksum_version}: SHA-256 hex of the normalized UTF-8 text. */
    public static final int VERSION = 1;

    private Checksums() {}

    /** The text with a leading byte-order mark removed and CRLF and CR turned into LF. */
    public static String normalize(String text) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return t.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** SHA-256 hex (lower case) of the normalized text. */
    public static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalize(text).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * Whether the file's header (its leading comment and blank lines) holds the line
     * {@code -- shale:<directive>}.
     */
    static boolean hasHeaderDirective(String text, String directive) {
        Pattern line = Pattern.compile("--\\s*shale:" + Pattern.quote(directive) + "\\s*");
        return headerLines(text).stream().anyMatch(l -> line.matcher(l).matches());
    }

    /** The comment lines of the file's header (its leading comment and blank lines), stripped, in order. */
    static List<String> headerLines(String text) {
        List<String> out = new ArrayList<>();
        for (String l : normalize(text).split("\n", -1)) {
            String t = l.strip();
            if (t.isEmpty()) {
                continue;
            }
            if (!t.startsWith("--")) {
                break;
            }
            out.add(t);
        }
        return out;
    }
}
