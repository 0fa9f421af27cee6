package dev.shale.dsl;

import java.util.List;

/**
 * Default constraint names, chosen the way PostgreSQL chooses them ({@code users_pkey},
 * {@code users_email_key}, {@code profiles_user_id_fkey}), including its truncation of long parts,
 * so a database built by hand and one built by Shale agree on names. Public so that code generation
 * ({@code shale pull}) can tell a default name, which needs no declaration, from a chosen one.
 */
public final class DerivedNames {
    private static final int MAX = 63;

    private DerivedNames() {}

    /** PostgreSQL's makeObjectName: table, then columns joined by '_', then the label, trimmed to 63 bytes. */
    public static String of(String table, List<String> columns, String label) {
        String name2 = columns.isEmpty() ? null : String.join("_", columns);
        int overhead = label.length() + 1 + (name2 == null ? 0 : 1);
        int avail = MAX - overhead;
        int n1 = table.length();
        int n2 = name2 == null ? 0 : name2.length();
        while (n1 + n2 > avail) {
            if (n1 > n2) {
                n1--;
            } else {
                n2--;
            }
        }
        StringBuilder sb = new StringBuilder(table.substring(0, n1));
        if (name2 != null) {
            sb.append('_').append(name2, 0, n2);
        }
        return sb.append('_').append(label).toString();
    }
}
