package dev.shale.dsl;

import dev.shale.model.Identifiers;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Default constraint names, chosen the way PostgreSQL chooses them ({@code users_pkey},
 * {@code users_email_key}, {@code profiles_user_id_fkey}), including its truncation of long parts,
 * so a database built by hand and one built by Shale agree on names. Public so that code generation
 * ({@code shale pull}) can tell a default name, which needs no declaration, from a chosen one.
 *
 * <p>PostgreSQL measures names in bytes of the server encoding (UTF-8 here), not in characters: a
 * name has at most {@link Identifiers#MAX_BYTES} bytes, and a part that must be shortened is cut at a
 * character boundary, never inside a multibyte character (its {@code makeObjectName} and
 * {@code pg_mbcliplen}).
 */
public final class DerivedNames {
    private DerivedNames() {}

    /**
     * PostgreSQL's makeObjectName: table, then columns joined by '_', then the label, at most 63 bytes.
     * When the parts do not fit, the longer of table and columns gives up a byte at a time (the
     * columns on a tie), then each is cut back to a character boundary.
     */
    public static String of(String table, List<String> columns, String label) {
        String name2 = columns.isEmpty() ? null : String.join("_", columns);
        byte[] b1 = table.getBytes(StandardCharsets.UTF_8);
        byte[] b2 = name2 == null ? new byte[0] : name2.getBytes(StandardCharsets.UTF_8);
        int overhead = label.getBytes(StandardCharsets.UTF_8).length + 1 + (name2 == null ? 0 : 1);
        int avail = Identifiers.MAX_BYTES - overhead;
        int n1 = b1.length;
        int n2 = b2.length;
        while (n1 + n2 > avail) {
            if (n1 > n2) {
                n1--;
            } else {
                n2--;
            }
        }
        StringBuilder sb = new StringBuilder(prefix(b1, n1));
        if (name2 != null) {
            sb.append('_').append(prefix(b2, n2));
        }
        return sb.append('_').append(label).toString();
    }

    /**
     * The name of a trigger declared without one: {@code <table>_<function>} ({@code users_set_updated_at}),
     * the table part shortened to fit 63 bytes; a function name too long to leave room is used alone.
     */
    public static String trigger(String table, String function) {
        if (function.getBytes(StandardCharsets.UTF_8).length > Identifiers.MAX_BYTES - 8) {
            return function;
        }
        return of(table, List.of(), function);
    }

    /** The longest prefix of the UTF-8 {@code bytes} that is at most {@code limit} bytes and ends on a character boundary. */
    static String prefix(byte[] bytes, int limit) {
        int end = Math.min(limit, bytes.length);
        while (end > 0 && end < bytes.length && (bytes[end] & 0xC0) == 0x80) {
            end--; // bytes[end] continues the character before it: cut before that character starts
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }
}
