package dev.shale.workflow.lint;

import java.util.Locale;

/**
 * One token of a statement as PostgreSQL's lexer sees it; comments and whitespace are not tokens.
 *
 * @param kind what sort of token
 * @param text the token exactly as written
 * @param value for a word, the text in lower case (unquoted names fold to lower case); for a quoted
 *     identifier, the name inside the quotes; for a string, its content; else the text
 */
record SqlToken(Kind kind, String text, String value) {
    /** Token kinds. */
    enum Kind {
        /** A keyword or an unquoted name. */
        WORD,
        /** A double-quoted name. */
        QUOTED,
        /** A string constant, of any prefix ({@code E''}, {@code $$...$$} too). */
        STRING,
        /** A number. */
        NUMBER,
        /** An operator or punctuation: {@code ( ) , . ;} or an operator such as {@code ::}. */
        SYMBOL
    }

    static SqlToken word(String text) {
        return new SqlToken(Kind.WORD, text, text.toLowerCase(Locale.ROOT));
    }

    /** Whether this is the unquoted keyword {@code keyword} (lower case). */
    boolean is(String keyword) {
        return kind == Kind.WORD && value.equals(keyword);
    }

    /** Whether this is the symbol {@code symbol}. */
    boolean isSymbol(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    /** Whether this names something: an unquoted word or a quoted identifier. */
    boolean isName() {
        return kind == Kind.WORD || kind == Kind.QUOTED;
    }
}
