package dev.shale.render;

import dev.shale.model.ColumnType;
import dev.shale.model.DefaultValue;
import dev.shale.model.PgType;
import dev.shale.model.QualifiedName;
import org.jooq.DSLContext;
import org.jooq.QueryPart;
import org.jooq.SQLDialect;
import org.jooq.conf.BackslashEscaping;
import org.jooq.conf.ParamType;
import org.jooq.conf.RenderKeywordCase;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

import java.util.Locale;
import java.util.Set;

/**
 * The small vocabulary every PostgreSQL statement is written with: quoted identifiers and string
 * literals (both through jOOQ, so quoting has one implementation), type names, defaults, and
 * expression wrapping. Package-private: only the renderer writes SQL.
 */
final class Sql {
    static {
        // jOOQ prints a banner and a "tip of the day" when its first class initializes; a CLI must not.
        // Respect a value the user set explicitly.
        if (System.getProperty("org.jooq.no-logo") == null) {
            System.setProperty("org.jooq.no-logo", "true");
        }
        if (System.getProperty("org.jooq.no-tips") == null) {
            System.setProperty("org.jooq.no-tips", "true");
        }
    }

    /**
     * Quoted names always, upper-case keywords, parameters inlined (else {@code ADD VALUE ?}), and
     * backslashes left alone: PostgreSQL's standard_conforming_strings (on since 9.1) reads them literally.
     */
    static final DSLContext JOOQ = DSL.using(SQLDialect.POSTGRES, new Settings()
            .withRenderQuotedNames(RenderQuotedNames.ALWAYS)
            .withRenderKeywordCase(RenderKeywordCase.UPPER)
            .withParamType(ParamType.INLINED)
            .withBackslashEscaping(BackslashEscaping.OFF)
            .withRenderFormatted(false));

    /** Indentation of the lines inside a statement (columns of a table, clauses of an ALTER TABLE). */
    static final String INDENT = "    ";

    /** Words that end PostgreSQL's restricted expression grammar (b_expr) used by DEFAULT in a column definition. */
    private static final Set<String> A_EXPR_ONLY_WORDS = Set.of(
            "and", "or", "not", "is", "in", "between", "like", "ilike", "similar", "isnull", "notnull", "collate", "at");

    private Sql() {}

    /** Does nothing but make sure the static initializer above has run. */
    static void init() {
        // the class is initialized by the call itself
    }

    /** Renders a jOOQ statement or clause with the settings above. */
    static String jooq(QueryPart part) {
        return JOOQ.renderInlined(part);
    }

    /** {@code "name"}, embedded double quotes doubled. */
    static String ident(String name) {
        return jooq(DSL.quotedName(name));
    }

    /** {@code "schema"."name"}. */
    static String qualified(QualifiedName name) {
        return jooq(DSL.quotedName(name.schema(), name.name()));
    }

    /** {@code 'text'}, embedded single quotes doubled. */
    static String literal(String value) {
        return jooq(DSL.inline(value));
    }

    /** {@code "a", "b"}. */
    static String idents(java.util.List<String> names) {
        StringBuilder out = new StringBuilder();
        for (String n : names) {
            if (!out.isEmpty()) {
                out.append(", ");
            }
            out.append(ident(n));
        }
        return out.toString();
    }

    /**
     * A column type as a column definition spells it: {@code varchar(255)}, {@code "public"."role"},
     * {@code text[]}. Serial kinds stay serial: they create their sequence.
     */
    static String type(ColumnType type) {
        return type.sql();
    }

    /**
     * A column type as {@code ALTER COLUMN ... TYPE} spells it: serial and bigserial are not types
     * there (only shorthands in a column definition), so they become integer and bigint.
     */
    static String typeForAlter(ColumnType type) {
        if (type instanceof ColumnType.Builtin b && b.type().isSerial()) {
            return b.type() == PgType.SERIAL ? "integer" : "bigint";
        }
        return type(type);
    }

    /**
     * A default's SQL: strings quoted, numbers and booleans as written, expressions as written unless
     * they use an operator the restricted DEFAULT grammar of a column definition rejects
     * ({@code now() AT TIME ZONE 'utc'}, {@code a OR b}); those are parenthesized, which is valid everywhere.
     */
    static String defaultValue(DefaultValue value) {
        return switch (value.kind()) {
            case STRING -> literal(value.value());
            case NUMBER, BOOLEAN -> value.value();
            case EXPRESSION -> {
                String expr = value.value().strip();
                yield needsParenthesesAsDefault(expr) ? "(" + expr + ")" : expr;
            }
        };
    }

    /** {@code (expr)}, unless the expression is already one parenthesized whole. */
    static String parenthesized(String expression) {
        String expr = expression.strip();
        return isParenthesized(expr) ? expr : "(" + expr + ")";
    }

    /**
     * Whether the whole expression sits inside one pair of parentheses: {@code (a > 1)} yes,
     * {@code (a) or (b)} no. Quotes are respected; text with dollar quotes or backslashes is treated
     * as not wrapped, so the answer errs towards an extra, harmless pair.
     */
    static boolean isParenthesized(String expr) {
        if (expr.length() < 2 || expr.charAt(0) != '(' || expr.indexOf('$') >= 0 || expr.indexOf('\\') >= 0) {
            return false;
        }
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < expr.length(); i++) {
            char ch = expr.charAt(i);
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
                if (depth == 0) {
                    return i == expr.length() - 1;
                }
            }
        }
        return false;
    }

    /** Whether a default expression has, outside parentheses and quotes, a word that b_expr does not accept. */
    private static boolean needsParenthesesAsDefault(String expr) {
        if (isParenthesized(expr)) {
            return false;
        }
        if (expr.indexOf('$') >= 0 || expr.indexOf('\\') >= 0) {
            return true;
        }
        int depth = 0;
        char quote = 0;
        StringBuilder word = new StringBuilder();
        for (int i = 0; i <= expr.length(); i++) {
            char ch = i < expr.length() ? expr.charAt(i) : ' ';
            if (quote != 0) {
                if (ch == quote) {
                    quote = 0;
                }
                continue;
            }
            if (depth == 0 && (Character.isLetterOrDigit(ch) || ch == '_')) {
                word.append(ch);
                continue;
            }
            if (word.length() > 0 && A_EXPR_ONLY_WORDS.contains(word.toString().toLowerCase(Locale.ROOT))) {
                return true;
            }
            word.setLength(0);
            if (ch == '\'' || ch == '"') {
                quote = ch;
            } else if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth--;
            }
        }
        return false;
    }

    /**
     * Text made safe for a {@code --} comment: a line break or other control character in a name
     * would otherwise end the comment and turn the rest of the line into SQL.
     */
    static String oneLine(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(ch) || ch == '\u2028' || ch == '\u2029') {
                        out.append(String.format("\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        return out.toString();
    }
}
