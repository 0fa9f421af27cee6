package dev.shale.model;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** PostgreSQL's rules for names, checked once here for every object in the model. */
public final class Identifiers {
    /** PostgreSQL's NAMEDATALEN - 1: longer names are silently truncated by the server. */
    public static final int MAX_BYTES = 63;

    private Identifiers() {}

    /**
     * Returns {@code name} if it is a legal PostgreSQL identifier, else throws naming {@code object}.
     *
     * @param object what the name belongs to, for the message ({@code column in table "users"})
     * @param name the identifier
     */
    public static String require(String object, String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidModelException(object, "name is required and must not be blank");
        }
        if (name.indexOf('\0') >= 0) {
            throw new InvalidModelException(object, "name " + show(name) + " contains a NUL character, which PostgreSQL does not allow");
        }
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw new InvalidModelException(object, "name " + show(name) + " is " + bytes
                    + " bytes long; PostgreSQL truncates identifiers to " + MAX_BYTES
                    + " bytes, so two long names could collide. Choose a name of at most " + MAX_BYTES + " bytes");
        }
        return name;
    }

    /** Checks a list of column names: not empty, each legal, no repeats. */
    public static List<String> requireColumns(String object, List<String> columns) {
        if (columns == null || columns.isEmpty()) {
            throw new InvalidModelException(object, "at least one column is required");
        }
        Set<String> seen = new HashSet<>();
        for (String c : columns) {
            require(object, c);
            if (!seen.add(c)) {
                throw new InvalidModelException(object, "column " + show(c) + " is listed twice");
            }
        }
        return List.copyOf(columns);
    }

    /** A name as messages show it: in double quotes, with embedded quotes doubled as SQL would. */
    public static String show(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
