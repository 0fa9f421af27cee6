package dev.shale.snapshot;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A snapshot's text from the tree the codecs write: two-space indent, {@code "key": value}, keys sorted,
 * {@code \n} line endings, empty objects and arrays as {@code {}} and {@code []}. A value wrapped in
 * {@link OneLine} is written on one line ({@code {"name": "id", "type": "uuid"}}), so a column, a
 * constraint or an index is one line of a review diff; everything else puts each entry on its own line.
 * Without {@link OneLine} values the text is what Jackson's pretty printer wrote for format 1.
 */
final class JsonText {
    private JsonText() {}

    /**
     * A value written on one line, with everything inside it.
     *
     * @param value a String, Boolean, Integer, Long, List or Map of those
     */
    record OneLine(Object value) {}

    private static final JsonStringEncoder STRINGS = JsonStringEncoder.getInstance();

    /** The text of {@code tree}, without a trailing newline. */
    static String pretty(Object tree) {
        StringBuilder out = new StringBuilder(1 << 16);
        write(out, tree, 0, false);
        return out.toString();
    }

    private static void write(StringBuilder out, Object value, int depth, boolean oneLine) {
        if (value instanceof OneLine line) {
            write(out, line.value(), depth, true);
        } else if (value instanceof Map<?, ?> map) {
            Map<?, ?> sorted = map instanceof TreeMap<?, ?> ? map : new TreeMap<>(map);
            if (sorted.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : sorted.entrySet()) {
                separate(out, depth + 1, oneLine, first);
                first = false;
                string(out, (String) e.getKey());
                out.append(": ");
                write(out, e.getValue(), depth + 1, oneLine);
            }
            close(out, depth, oneLine);
            out.append('}');
        } else if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                separate(out, depth + 1, oneLine, i == 0);
                write(out, list.get(i), depth + 1, oneLine);
            }
            close(out, depth, oneLine);
            out.append(']');
        } else if (value instanceof String s) {
            string(out, s);
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
            out.append(value);
        } else {
            throw new IllegalStateException("a snapshot value of type " + (value == null ? "null" : value.getClass().getName())
                    + " cannot be written");
        }
    }

    private static void separate(StringBuilder out, int depth, boolean oneLine, boolean first) {
        if (oneLine) {
            out.append(first ? "" : ", ");
        } else {
            out.append(first ? "\n" : ",\n");
            indent(out, depth);
        }
    }

    private static void close(StringBuilder out, int depth, boolean oneLine) {
        if (!oneLine) {
            out.append('\n');
            indent(out, depth);
        }
    }

    private static void indent(StringBuilder out, int depth) {
        for (int i = 0; i < depth; i++) {
            out.append("  ");
        }
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        STRINGS.quoteAsString(s, out);
        out.append('"');
    }
}
