package dev.shale.workflow.lint;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one statement (as {@link dev.shale.migrator.SqlSplitter} cut it from its file) into tokens by
 * PostgreSQL's lexical rules: {@code --} and nested block comments are skipped, strings ({@code ''},
 * {@code E''} with backslash escapes, {@code B''}, {@code X''}, {@code N''}, {@code U&''}) and dollar-quoted
 * bodies ({@code $$...$$}, {@code $tag$...$tag$}) are one token each, quoted identifiers keep their case.
 * The splitter already refused text that does not lex (an unterminated string), so this one is lenient:
 * what is left open runs to the end of the statement.
 */
final class SqlTokenizer {
    private SqlTokenizer() {}

    static List<SqlToken> tokens(String sql) {
        List<SqlToken> out = new ArrayList<>();
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            char next = i + 1 < n ? sql.charAt(i + 1) : '\0';
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && next == '-') {
                while (i < n && sql.charAt(i) != '\n' && sql.charAt(i) != '\r') {
                    i++;
                }
            } else if (c == '/' && next == '*') {
                int depth = 0;
                while (i < n) {
                    if (sql.startsWith("/*", i)) {
                        depth++;
                        i += 2;
                    } else if (sql.startsWith("*/", i)) {
                        i += 2;
                        if (--depth == 0) {
                            break;
                        }
                    } else {
                        i++;
                    }
                }
            } else if (c == '\'') {
                i = quoted(sql, i, i, '\'', false, SqlToken.Kind.STRING, out);
            } else if (c == '"') {
                i = quoted(sql, i, i, '"', false, SqlToken.Kind.QUOTED, out);
            } else if (c == '$' && dollarTagEnd(sql, i) > 0) {
                int tagEnd = dollarTagEnd(sql, i);
                String tag = sql.substring(i, tagEnd);
                int close = sql.indexOf(tag, tagEnd);
                int end = close < 0 ? n : close + tag.length();
                out.add(new SqlToken(SqlToken.Kind.STRING, sql.substring(i, end), sql.substring(tagEnd, close < 0 ? n : close)));
                i = end;
            } else if (Character.isLetter(c) || c == '_' || c >= 0x80) {
                int end = i + 1;
                while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_' || sql.charAt(end) == '$'
                        || sql.charAt(end) >= 0x80)) {
                    end++;
                }
                char after = end < n ? sql.charAt(end) : '\0';
                char p = Character.toLowerCase(c);
                if (end == i + 1 && after == '\'' && (p == 'e' || p == 'b' || p == 'x' || p == 'n')) {
                    i = quoted(sql, i, end, '\'', p == 'e', SqlToken.Kind.STRING, out);
                } else if (end == i + 1 && p == 'u' && after == '&' && end + 1 < n
                        && (sql.charAt(end + 1) == '\'' || sql.charAt(end + 1) == '"')) {
                    char q = sql.charAt(end + 1);
                    i = quoted(sql, i, end + 1, q, false, q == '"' ? SqlToken.Kind.QUOTED : SqlToken.Kind.STRING, out);
                } else {
                    out.add(SqlToken.word(sql.substring(i, end)));
                    i = end;
                }
            } else if (Character.isDigit(c) || c == '.' && Character.isDigit(next)) {
                int end = i + 1;
                while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '.' || sql.charAt(end) == '_')) {
                    end++;
                }
                out.add(new SqlToken(SqlToken.Kind.NUMBER, sql.substring(i, end), sql.substring(i, end)));
                i = end;
            } else if ("(),;.[]".indexOf(c) >= 0) {
                out.add(new SqlToken(SqlToken.Kind.SYMBOL, String.valueOf(c), String.valueOf(c)));
                i++;
            } else {
                int end = i + 1;
                while (end < n && "+-*/<>=~!@#%^&|`?:".indexOf(sql.charAt(end)) >= 0 && !sql.startsWith("--", end)
                        && !sql.startsWith("/*", end)) {
                    end++;
                }
                out.add(new SqlToken(SqlToken.Kind.SYMBOL, sql.substring(i, end), sql.substring(i, end)));
                i = end;
            }
        }
        return List.copyOf(out);
    }

    /** The end of a {@code $$} or {@code $tag$} opening at {@code i}, or -1 when {@code i} starts none ({@code $1}, a lone {@code $}). */
    private static int dollarTagEnd(String sql, int i) {
        int j = i + 1;
        if (j < sql.length() && (Character.isLetter(sql.charAt(j)) || sql.charAt(j) == '_' || sql.charAt(j) >= 0x80)) {
            j++;
            while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_' || sql.charAt(j) >= 0x80)) {
                j++;
            }
        }
        return j < sql.length() && sql.charAt(j) == '$' ? j + 1 : -1;
    }

    /** A quoted token from {@code begin} whose opening quote is at {@code quoteAt}; returns where it ends. */
    private static int quoted(String sql, int begin, int quoteAt, char quote, boolean backslash, SqlToken.Kind kind,
                              List<SqlToken> out) {
        StringBuilder value = new StringBuilder();
        int n = sql.length();
        int i = quoteAt + 1;
        while (i < n) {
            char c = sql.charAt(i);
            if (backslash && c == '\\' && i + 1 < n) {
                value.append(sql.charAt(i + 1));
                i += 2;
            } else if (c == quote) {
                if (i + 1 < n && sql.charAt(i + 1) == quote) {
                    value.append(quote);
                    i += 2;
                } else {
                    i++;
                    break;
                }
            } else {
                value.append(c);
                i++;
            }
        }
        out.add(new SqlToken(kind, sql.substring(begin, Math.min(i, n)), value.toString()));
        return i;
    }
}
