package dev.shale.introspect;

import java.util.Locale;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * Replaces schema names that qualify a name in a SQL expression ({@code public.role} in
 * {@code 'a'::public.role}), leaving string literals, and names not followed by a dot, alone.
 */
final class ExpressionNames {
    private ExpressionNames() {}

    /**
     * {@code expression} with every schema qualifier found in {@code replacements} (keyed by the
     * schema's real name; an unquoted qualifier is folded to lower case first, as PostgreSQL does)
     * replaced by its value, which is written as is, so it must already be quoted where needed.
     * Dollar-quoted text is not recognised: such an expression is returned unchanged.
     */
    static String replace(String expression, Map<String, String> replacements) {
        return replace(expression, replacements, (schema, name) -> true);
    }

    /**
     * As {@link #replace(String, Map)}, but a qualifier is replaced only when {@code moved} holds for
     * the real schema name and the name it qualifies (unquoted names folded to lower case): the
     * qualifier of a type the model does not move ({@code 'x'::public.citext}) stays.
     */
    static String replace(String expression, Map<String, String> replacements, BiPredicate<String, String> moved) {
        if (expression.indexOf('$') >= 0 && expression.matches("(?s).*\\$[A-Za-z_]*\\$.*")) {
            return expression;
        }
        StringBuilder out = new StringBuilder(expression.length());
        int i = 0;
        int n = expression.length();
        while (i < n) {
            char ch = expression.charAt(i);
            if (ch == '\'') {
                int end = i + 1;
                while (end < n) {
                    if (expression.charAt(end) == '\'') {
                        if (end + 1 < n && expression.charAt(end + 1) == '\'') {
                            end += 2;
                            continue;
                        }
                        break;
                    }
                    end++;
                }
                end = Math.min(end + 1, n);
                out.append(expression, i, end);
                i = end;
            } else if (ch == '"') {
                int end = i + 1;
                StringBuilder name = new StringBuilder();
                while (end < n) {
                    char c = expression.charAt(end);
                    if (c == '"') {
                        if (end + 1 < n && expression.charAt(end + 1) == '"') {
                            name.append('"');
                            end += 2;
                            continue;
                        }
                        break;
                    }
                    name.append(c);
                    end++;
                }
                end = Math.min(end + 1, n);
                emit(out, expression, i, end, name.toString(), replacements, qualifier(expression, end, i), moved);
                i = end;
            } else if (Character.isLetter(ch) || ch == '_') {
                int end = i + 1;
                while (end < n && (Character.isLetterOrDigit(expression.charAt(end)) || expression.charAt(end) == '_'
                        || expression.charAt(end) == '$')) {
                    end++;
                }
                String word = expression.substring(i, end).toLowerCase(Locale.ROOT);
                emit(out, expression, i, end, word, replacements, qualifier(expression, end, i), moved);
                i = end;
            } else {
                out.append(ch);
                i++;
            }
        }
        return out.toString();
    }

    /** Whether the name ending at {@code end} qualifies another (a dot follows) and is not itself qualified. */
    private static boolean qualifier(String expression, int end, int start) {
        boolean dotAfter = end < expression.length() && expression.charAt(end) == '.';
        boolean dotBefore = start > 0 && expression.charAt(start - 1) == '.';
        return dotAfter && !dotBefore;
    }

    private static void emit(StringBuilder out, String expression, int start, int end, String name,
                             Map<String, String> replacements, boolean qualifier, BiPredicate<String, String> moved) {
        String replacement = qualifier ? replacements.get(name) : null;
        if (replacement != null && !moved.test(name, nameAt(expression, end + 1))) {
            replacement = null;
        }
        out.append(replacement != null ? replacement : expression.substring(start, end));
    }

    /** The identifier starting at {@code start}: unquoted folded to lower case, quoted with quotes undoubled. */
    private static String nameAt(String expression, int start) {
        int n = expression.length();
        if (start < n && expression.charAt(start) == '"') {
            StringBuilder name = new StringBuilder();
            for (int i = start + 1; i < n; i++) {
                char c = expression.charAt(i);
                if (c == '"') {
                    if (i + 1 < n && expression.charAt(i + 1) == '"') {
                        name.append('"');
                        i++;
                        continue;
                    }
                    break;
                }
                name.append(c);
            }
            return name.toString();
        }
        int end = start;
        while (end < n && (Character.isLetterOrDigit(expression.charAt(end)) || expression.charAt(end) == '_'
                || expression.charAt(end) == '$')) {
            end++;
        }
        return expression.substring(start, end).toLowerCase(Locale.ROOT);
    }
}
