package dev.shale.introspect;

import dev.shale.model.QualifiedName;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The schema qualifier inside the literal of {@code nextval('app.ticket_no')} (and of
 * {@code 'app.ticket_no'::regclass} as PostgreSQL deparses it), which {@link ExpressionNames} leaves
 * alone as it does every string literal: replaced where it names a sequence the model moves.
 */
final class SequenceLiterals {
    private SequenceLiterals() {}

    private static final Pattern NEXTVAL = Pattern.compile(
            "(nextval\\(\\s*')(\"(?:[^\"']|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*)\\.(\"(?:[^\"']|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*)'");

    static String replace(String expression, Map<String, String> qualifiers, Set<QualifiedName> sequences) {
        if (!expression.contains("nextval")) {
            return expression;
        }
        Matcher m = NEXTVAL.matcher(expression);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String schema = unquote(m.group(2));
            String name = unquote(m.group(3));
            String to = qualifiers.get(schema);
            String replacement = to != null && sequences.contains(QualifiedName.of(schema, name))
                    ? m.group(1) + to + "." + m.group(3) + "'" : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String unquote(String part) {
        return part.startsWith("\"") ? part.substring(1, part.length() - 1).replace("\"\"", "\"")
                : part.toLowerCase(java.util.Locale.ROOT);
    }
}
