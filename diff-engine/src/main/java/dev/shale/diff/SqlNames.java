package dev.shale.diff;

import dev.shale.model.QualifiedName;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The relations a piece of SQL text names, found without parsing it: every identifier outside string
 * literals, dollar quotes and comments, alone or qualified ({@code schema.name}), that is the name of
 * a relation the model knows. It may find more than the query uses (a column named like a table), never
 * less for the relations it is given, which is what dependency ordering needs: a spare dependency only
 * drops and creates a view once more.
 */
final class SqlNames {
    private SqlNames() {}

    /**
     * The relations of {@code known} that {@code sql} names: qualified ones exactly, an unqualified name
     * in {@code defaultSchemas} (the object's own schema and {@code public}).
     */
    static Set<QualifiedName> relations(String sql, Set<QualifiedName> known, Set<String> defaultSchemas) {
        List<String> tokens = tokens(sql);
        Set<QualifiedName> out = new TreeSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            if (t.equals(".")) {
                continue;
            }
            if (i + 2 < tokens.size() && tokens.get(i + 1).equals(".") && !tokens.get(i + 2).equals(".")) {
                QualifiedName q = QualifiedName.of(t, tokens.get(i + 2));
                if (known.contains(q)) {
                    out.add(q);
                }
            }
            for (String schema : defaultSchemas) {
                QualifiedName q = QualifiedName.of(schema, t);
                if (known.contains(q)) {
                    out.add(q);
                }
            }
        }
        return out;
    }

    /** Identifiers (unquoted ones in lower case) and dots, in order; everything else is left out. */
    static List<String> tokens(String sql) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'') {
                i = skipQuoted(sql, i, '\'');
            } else if (c == '"') {
                int end = skipQuoted(sql, i, '"');
                String name = sql.substring(i + 1, Math.max(i + 1, end - 1)).replace("\"\"", "\"");
                if (!name.isEmpty()) {
                    out.add(name);
                }
                i = end;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '$' && dollarTag(sql, i) != null) {
                String tag = dollarTag(sql, i);
                int end = sql.indexOf(tag, i + tag.length());
                i = end < 0 ? n : end + tag.length();
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_' || sql.charAt(i) == '$')) {
                    i++;
                }
                out.add(sql.substring(start, i).toLowerCase(Locale.ROOT));
            } else if (c == '.') {
                out.add(".");
                i++;
            } else if (Character.isDigit(c)) {
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '.')) {
                    i++;
                }
            } else {
                out.add(" ");
                i++;
            }
        }
        out.removeIf(String::isBlank);
        return out;
    }

    private static int skipQuoted(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    private static String dollarTag(String sql, int start) {
        int i = start + 1;
        while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
            i++;
        }
        if (i < sql.length() && sql.charAt(i) == '$' && (i == start + 1 || !Character.isDigit(sql.charAt(start + 1)))) {
            return sql.substring(start, i + 1);
        }
        return null;
    }
}
