package dev.shale.introspect;

import dev.shale.model.IndexKey;
import dev.shale.model.NullsOrder;
import dev.shale.model.Partitioning;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A partitioned table's key from the catalog: the strategy code of {@code pg_partitioned_table}, the
 * text of {@code pg_get_partkeydef} ({@code RANGE (at)}, {@code LIST (lower(kind) COLLATE "C")},
 * {@code HASH (id, (a + b) text_ops)}) and, per key, its column (null for an expression) and its
 * operator class when it is not the default. Columns come from the catalog; an expression, its
 * collation and operator class are read off the key's text, split at its top-level commas.
 */
final class PartitionKeys {
    private PartitionKeys() {}

    private static final Pattern COLLATE = Pattern.compile("^(.*) COLLATE (\"(?:[^\"]|\"\")*\"|[^ ]+)$", Pattern.DOTALL);

    static Partitioning parse(String strategy, String definition, String[] columns, String[] opclasses) {
        Partitioning.Strategy s = switch (strategy) {
            case "r" -> Partitioning.Strategy.RANGE;
            case "l" -> Partitioning.Strategy.LIST;
            case "h" -> Partitioning.Strategy.HASH;
            default -> throw new IllegalStateException("unknown partition strategy " + strategy + " in " + definition);
        };
        int open = definition.indexOf('(');
        List<String> parts = split(definition.substring(open + 1, definition.length() - 1));
        List<IndexKey> keys = new ArrayList<>();
        for (int k = 0; k < columns.length; k++) {
            String text = parts.get(k).strip();
            String opclass = opclasses[k];
            if (opclass != null) {
                text = text.substring(0, text.lastIndexOf(' ')).strip();
            }
            String collation = null;
            Matcher m = COLLATE.matcher(text);
            if (m.matches()) {
                text = m.group(1).strip();
                collation = unquote(m.group(2).substring(m.group(2).lastIndexOf('.') + 1));
            }
            String expression = null;
            if (columns[k] == null) {
                expression = Sqls.unwrap(text);
            }
            keys.add(new IndexKey(columns[k], expression, false, NullsOrder.DEFAULT, collation, opclass));
        }
        return new Partitioning(s, keys);
    }

    /** The pieces of a comma-separated list, splitting only outside parentheses and quotes. */
    static List<String> split(String list) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int start = 0;
        for (int i = 0; i < list.length(); i++) {
            char ch = list.charAt(i);
            if (quote != 0) {
                if (ch == quote) {
                    quote = 0;
                }
            } else if (ch == '\'' || ch == '"') {
                quote = ch;
            } else if (ch == '(' || ch == '[') {
                depth++;
            } else if (ch == ')' || ch == ']') {
                depth--;
            } else if (ch == ',' && depth == 0) {
                out.add(list.substring(start, i));
                start = i + 1;
            }
        }
        out.add(list.substring(start));
        return out;
    }

    private static String unquote(String name) {
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
            return name.substring(1, name.length() - 1).replace("\"\"", "\"");
        }
        return name;
    }

    /** Small text helpers. */
    static final class Sqls {
        private Sqls() {}

        /** The expression without one pair of parentheses around the whole of it. */
        static String unwrap(String expr) {
            String e = expr.strip();
            if (e.length() < 2 || e.charAt(0) != '(' || e.charAt(e.length() - 1) != ')') {
                return e;
            }
            int depth = 0;
            char quote = 0;
            for (int i = 0; i < e.length(); i++) {
                char ch = e.charAt(i);
                if (quote != 0) {
                    if (ch == quote) {
                        quote = 0;
                    }
                } else if (ch == '\'' || ch == '"') {
                    quote = ch;
                } else if (ch == '(') {
                    depth++;
                } else if (ch == ')') {
                    depth--;
                    if (depth == 0 && i < e.length() - 1) {
                        return e;
                    }
                }
            }
            return e.substring(1, e.length() - 1).strip();
        }
    }
}
