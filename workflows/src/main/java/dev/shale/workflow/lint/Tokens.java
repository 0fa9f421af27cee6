package dev.shale.workflow.lint;

import dev.shale.model.InvalidModelException;
import dev.shale.model.QualifiedName;

import java.util.ArrayList;
import java.util.List;

/** A statement's tokens with the small look-ups the rules need: keyword runs, names, top-level comma lists. */
record Tokens(List<SqlToken> list) {
    Tokens {
        list = List.copyOf(list);
    }

    int size() {
        return list.size();
    }

    SqlToken get(int i) {
        return i >= 0 && i < list.size() ? list.get(i) : null;
    }

    /** Whether the tokens from {@code i} are the keywords {@code words} (lower case). */
    boolean at(int i, String... words) {
        for (int k = 0; k < words.length; k++) {
            SqlToken t = get(i + k);
            if (t == null || !t.is(words[k])) {
                return false;
            }
        }
        return true;
    }

    /** The index of the first keyword {@code word} at parenthesis depth 0 from {@code from}, or -1. */
    int find(int from, String word) {
        int depth = 0;
        for (int i = from; i < list.size(); i++) {
            SqlToken t = list.get(i);
            if (t.isSymbol("(") || t.isSymbol("[")) {
                depth++;
            } else if (t.isSymbol(")") || t.isSymbol("]")) {
                depth--;
            } else if (depth == 0 && t.is(word)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether keyword {@code word} occurs at depth 0 from {@code from}. */
    boolean has(int from, String word) {
        return find(from, word) >= 0;
    }

    /** Whether the keyword run {@code words} occurs anywhere at depth 0 from {@code from}. */
    boolean hasRun(int from, String... words) {
        for (int i = find(from, words[0]); i >= 0; i = find(i + 1, words[0])) {
            if (at(i, words)) {
                return true;
            }
        }
        return false;
    }

    /** The tokens from {@code from} to {@code to} (exclusive). */
    Tokens slice(int from, int to) {
        return new Tokens(list.subList(Math.max(0, Math.min(from, list.size())), Math.max(0, Math.min(to, list.size()))));
    }

    /** The parts between commas at depth 0, from {@code from} to the end. */
    List<Tokens> commaList(int from) {
        List<Tokens> out = new ArrayList<>();
        int depth = 0;
        int start = from;
        for (int i = from; i < list.size(); i++) {
            SqlToken t = list.get(i);
            if (t.isSymbol("(") || t.isSymbol("[")) {
                depth++;
            } else if (t.isSymbol(")") || t.isSymbol("]")) {
                depth--;
            } else if (depth == 0 && t.isSymbol(",")) {
                out.add(slice(start, i));
                start = i + 1;
            }
        }
        if (start < list.size()) {
            out.add(slice(start, list.size()));
        }
        return out;
    }

    /** The index just past the parenthesis that closes the one opening at {@code open}. */
    int closing(int open) {
        int depth = 0;
        for (int i = open; i < list.size(); i++) {
            if (list.get(i).isSymbol("(")) {
                depth++;
            } else if (list.get(i).isSymbol(")") && --depth == 0) {
                return i + 1;
            }
        }
        return list.size();
    }

    /**
     * A possibly qualified name starting at {@code i} ({@code users}, {@code app.users},
     * {@code "public"."users"}), or null when no name starts there.
     */
    Name name(int i) {
        SqlToken first = get(i);
        if (first == null || !first.isName()) {
            return null;
        }
        SqlToken dot = get(i + 1);
        SqlToken second = get(i + 2);
        if (dot != null && dot.isSymbol(".") && second != null && second.isName()) {
            return new Name(first.value(), second.value(), true, i + 3);
        }
        return new Name(null, first.value(), false, i + 1);
    }

    /** Skips {@code IF EXISTS}, {@code IF NOT EXISTS} and {@code ONLY} at {@code i}. */
    int skipGuards(int i) {
        while (true) {
            if (at(i, "if", "not", "exists")) {
                i += 3;
            } else if (at(i, "if", "exists")) {
                i += 2;
            } else if (at(i, "only")) {
                i++;
            } else {
                return i;
            }
        }
    }

    /** The statement's text rebuilt from its tokens, for messages. */
    String text() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < list.size(); i++) {
            SqlToken t = list.get(i);
            boolean call = t.isSymbol("(") && i > 0 && list.get(i - 1).isName();
            if (b.length() > 0 && !call && !t.isSymbol(",") && !t.isSymbol(")") && !t.isSymbol(".") && !endsWith(b, "(")
                    && !endsWith(b, ".")) {
                b.append(' ');
            }
            b.append(t.text());
        }
        return b.toString();
    }

    private static boolean endsWith(StringBuilder b, String s) {
        return b.length() > 0 && b.charAt(b.length() - 1) == s.charAt(0);
    }

    /**
     * A name as written.
     *
     * @param schema the schema part, or null when unqualified
     * @param name the name
     * @param qualified whether a schema was written
     * @param end the index just past the name
     */
    record Name(String schema, String name, boolean qualified, int end) {
        /** The name qualified by {@code public} when unqualified (the default search path), or null when it cannot be one. */
        QualifiedName qualifiedName() {
            try {
                return schema == null ? QualifiedName.of(name) : QualifiedName.of(schema, name);
            } catch (InvalidModelException e) {
                return null;
            }
        }

        /** How messages show it: {@code "public"."users"}, or as written when it is no valid name. */
        String display() {
            QualifiedName q = qualifiedName();
            return q == null ? (schema == null ? name : schema + "." + name) : q.display();
        }
    }
}
