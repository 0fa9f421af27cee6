package dev.shale.migrator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * A seeded generator of migration scripts for {@link SqlSplitterFuzzTest}: statements whose literals mix
 * semicolons, quotes, comments, E'' and U&amp;'' strings and dollar quotes, separated by comments, blank
 * lines and empty statements. It knows the statements it wrote, their lines, and the values each one
 * inserts into {@code t(v)}.
 */
final class SqlSplitterFuzzScripts {
    /**
     * @param script the whole file
     * @param statements what the splitter must return
     * @param inserted per statement, the values it appends to {@code t(v)}, in order
     * @param features the constructs this script used (to check the generator covers them all)
     */
    record Script(String script, List<SqlStatement> statements, List<List<String>> inserted, Set<String> features) {}

    /** Every feature the generator can use; a few hundred scripts use each of them. */
    static final Set<String> ALL_FEATURES = Set.of("standard", "E", "E-escaped-quote", "E-doubled-quote", "E-continued", "U&", "dollar",
            "dollar-tag", "continued", "block-comment", "nested-comment", "line-comment", "quoted-identifier", "DO",
            "BEGIN ATOMIC", "rule", "no-final-semicolon", "empty-statement", "BOM", "CRLF");

    private static final String[] CONTENT = {"a", "b", "Z", " ", ";", ";", "'", "''", "\"", "--", "/*", "*/", "$", "$$",
        "$a$", "$1", "\\", "\\'", "\n", "\r\n", "\t", "é", "€", "😀", "?", "{d '1'}", "E'", "x;y", "0"};
    private static final String[] COMMENT = {";", "'", "\"", "$$", "$t$", "--", " ", "x", "E'", "\\"};

    private final Random random;
    private final Set<String> features = new HashSet<>();

    private SqlSplitterFuzzScripts(long seed) {
        this.random = new Random(seed);
    }

    static Script generate(long seed) {
        return new SqlSplitterFuzzScripts(seed).script();
    }

    private Script script() {
        StringBuilder out = new StringBuilder();
        List<SqlStatement> statements = new ArrayList<>();
        List<List<String>> inserted = new ArrayList<>();
        if (random.nextInt(10) == 0) {
            out.append('\uFEFF');
            features.add("BOM");
        }
        out.append(separator());
        int count = 1 + random.nextInt(6);
        for (int i = 0; i < count; i++) {
            for (Statement statement : statement()) {
                if (!statements.isEmpty()) {
                    out.append(trailer()).append(';').append(separator());
                }
                statements.add(new SqlStatement(statement.sql(), lineAt(out)));
                inserted.add(statement.values());
                out.append(statement.sql());
            }
        }
        if (random.nextInt(4) == 0) {
            features.add("no-final-semicolon");
            out.append(random.nextBoolean() ? "\n" : " ").append(random.nextBoolean() ? "" : lineComment());
        } else {
            out.append(trailer()).append(';').append(separator());
        }
        return new Script(out.toString(), statements, inserted, Set.copyOf(features));
    }

    private record Statement(String sql, List<String> values) {}

    private List<Statement> statement() {
        Expression e = expression();
        switch (random.nextInt(8)) {
            case 0:
                return List.of(new Statement(kw("SELECT") + gap() + e.sql() + gap() + kw("AS") + " x", List.of()));
            case 1:
                return List.of(new Statement(kw("INSERT") + gap() + kw("INTO") + " t(v)" + gap() + kw("SELECT") + gap() + e.sql(), List.of(e.value())));
            case 2: {
                features.add("quoted-identifier");
                String id = quotedIdentifier();
                return List.of(new Statement(kw("INSERT INTO") + " t(v) " + kw("SELECT") + " " + id + gap() + kw("FROM") + " ("
                        + kw("SELECT") + " " + e.sql() + " " + kw("AS") + " " + id + ") " + kw("AS") + " s", List.of(e.value())));
            }
            case 3: {
                String body = " " + kw("BEGIN") + gap() + kw("INSERT INTO") + " t(v) " + kw("VALUES") + " (" + e.sql() + ");" + gap() + kw("END") + " ";
                String delimiter = delimiterFor(body, "do");
                features.add("DO");
                return List.of(new Statement(kw("DO") + " " + delimiter + body + delimiter, List.of(e.value())));
            }
            case 4: {
                features.add("BEGIN ATOMIC");
                Expression second = expression();
                String create = kw("CREATE OR REPLACE PROCEDURE") + " p()" + gap() + kw("LANGUAGE sql") + "\n" + kw("BEGIN ATOMIC") + "\n  "
                        + kw("INSERT INTO") + " t(v) " + kw("VALUES") + " (" + e.sql() + ");" + gap() + kw("INSERT INTO") + " t(v) "
                        + kw("VALUES") + " (" + second.sql() + ");\n" + kw("END");
                return List.of(new Statement(create, List.of()), new Statement(kw("CALL") + " p()", List.of(e.value(), second.value())));
            }
            case 5: {
                features.add("rule");
                Expression second = expression();
                String rule = kw("CREATE OR REPLACE RULE") + " r " + kw("AS ON INSERT TO") + " trigger_table " + kw("DO ALSO") + " ("
                        + kw("INSERT INTO") + " t(v) " + kw("VALUES") + " (" + e.sql() + ");" + gap() + kw("INSERT INTO") + " t(v) "
                        + kw("VALUES") + " (" + second.sql() + "))";
                return List.of(new Statement(rule, List.of()),
                        new Statement(kw("INSERT INTO") + " trigger_table " + kw("VALUES") + " (1)", List.of(e.value(), second.value())));
            }
            default:
                return List.of(new Statement(kw("INSERT") + gap() + kw("INTO") + " t(v)" + gap() + kw("VALUES") + gap() + "(" + e.sql() + ")", List.of(e.value())));
        }
    }

    private record Expression(String sql, String value) {}

    /** One to three literals joined by {@code ||}, with comments in between. */
    private Expression expression() {
        StringBuilder sql = new StringBuilder();
        StringBuilder value = new StringBuilder();
        int pieces = 1 + random.nextInt(3);
        for (int i = 0; i < pieces; i++) {
            if (i > 0) {
                sql.append(gap()).append("||").append(gap());
            }
            String content = content();
            value.append(content);
            sql.append(literal(content));
        }
        return new Expression(sql.toString(), value.toString());
    }

    private String literal(String content) {
        switch (random.nextInt(6)) {
            case 0:
                features.add("E");
                return (random.nextBoolean() ? "E'" : "e'") + escaped(content) + "'";
            case 1: {
                features.add("E-continued");
                int cut = cut(content);
                return "E'" + escaped(content.substring(0, cut)) + "'" + continuationGap() + "'" + escaped(content.substring(cut)) + "'";
            }
            case 2:
                features.add("U&");
                return (random.nextBoolean() ? "U&'" : "u&'") + unicodeEscaped(content) + "'";
            case 3: {
                features.add("dollar");
                String delimiter = delimiterFor(content, null);
                return delimiter + content + delimiter;
            }
            case 4: {
                features.add("continued");
                int cut = cut(content);
                return quoted(content.substring(0, cut)) + continuationGap() + quoted(content.substring(cut));
            }
            default:
                features.add("standard");
                return quoted(content);
        }
    }

    /** A random place to cut {@code content} in two, never inside a surrogate pair. */
    private int cut(String content) {
        int cut = random.nextInt(content.length() + 1);
        return cut > 0 && cut < content.length() && Character.isLowSurrogate(content.charAt(cut)) ? cut - 1 : cut;
    }

    private String content() {
        StringBuilder b = new StringBuilder();
        int units = random.nextInt(7);
        for (int i = 0; i < units; i++) {
            b.append(CONTENT[random.nextInt(CONTENT.length)]);
        }
        if (b.indexOf("\r\n") >= 0) {
            features.add("CRLF");
        }
        return b.toString();
    }

    private static String quoted(String content) {
        return "'" + content.replace("'", "''") + "'";
    }

    /** The text of an E'' string: backslash escapes chosen at random where one is possible. */
    private String escaped(String content) {
        StringBuilder b = new StringBuilder();
        content.codePoints().forEach(cp -> {
            switch (cp) {
                case '\\' -> b.append("\\\\");
                case '\'' -> {
                    if (random.nextInt(4) != 0) {
                        features.add("E-escaped-quote");
                        b.append("\\'");
                    } else {
                        features.add("E-doubled-quote");
                        b.append("''");
                    }
                }
                case '\n' -> b.append(random.nextBoolean() ? "\\n" : "\n");
                case '\r' -> b.append(random.nextBoolean() ? "\\r" : "\r");
                case '\t' -> b.append(random.nextBoolean() ? "\\t" : "\t");
                case ';' -> b.append(new String[] {";", "\\073", "\\x3B", "\\;"}[random.nextInt(4)]);
                default -> b.append(cp <= 0x7f || random.nextBoolean() ? new String(Character.toChars(cp))
                        : cp <= 0xffff ? String.format("\\u%04X", cp) : String.format("\\U%08X", cp));
            }
        });
        return b.toString();
    }

    /** The text of a U&amp;'' string: some characters as {@code \XXXX} or {@code \+XXXXXX} escapes. */
    private String unicodeEscaped(String content) {
        StringBuilder b = new StringBuilder();
        content.codePoints().forEach(cp -> {
            if (cp == '\'') {
                b.append("''");
            } else if (cp == '\\') {
                b.append("\\\\");
            } else if (cp > 0xffff || random.nextInt(3) == 0) {
                b.append(cp > 0xffff || random.nextBoolean() ? String.format("\\+%06X", cp) : String.format("\\%04x", cp));
            } else {
                b.append(Character.toChars(cp));
            }
        });
        return b.toString();
    }

    /** A dollar-quote delimiter that {@code body} cannot end early: {@code $$}, a preferred tag, or a random one. */
    private String delimiterFor(String body, String preferred) {
        for (int attempt = 0; ; attempt++) {
            String tag = attempt == 0 && preferred != null ? preferred : attempt < 3 && random.nextBoolean() ? "" : randomTag();
            String delimiter = "$" + tag + "$";
            if ((body + delimiter).indexOf(delimiter) == body.length()) {
                features.add(tag.isEmpty() ? "dollar" : "dollar-tag");
                return delimiter;
            }
        }
    }

    private String randomTag() {
        String first = "abtTZ_é";
        String rest = "abtTZ_é019";
        StringBuilder b = new StringBuilder().append(first.charAt(random.nextInt(first.length())));
        int more = random.nextInt(4);
        for (int i = 0; i < more; i++) {
            b.append(rest.charAt(random.nextInt(rest.length())));
        }
        return b.toString();
    }

    private String quotedIdentifier() {
        String[] units = {";", "\"", " ", "x", "é", "$", "'", "--", "/*"};
        StringBuilder b = new StringBuilder();
        int n = 1 + random.nextInt(5);
        for (int i = 0; i < n; i++) {
            b.append(units[random.nextInt(units.length)]);
        }
        return "\"" + b.toString().replace("\"", "\"\"") + "\"";
    }

    /** What may join two string segments into one: whitespace holding a newline, maybe with line comments. */
    private String continuationGap() {
        return new String[] {"\n", "\r\n", "  \n  ", " -- c;'\n", "\n-- x;$$\n\t", "\n\n"}[random.nextInt(6)];
    }

    /** Whitespace or a comment between two tokens of a statement. */
    private String gap() {
        return switch (random.nextInt(6)) {
            case 0 -> " " + blockComment() + " ";
            case 1 -> " " + lineComment();
            case 2 -> "\n  ";
            default -> " ";
        };
    }

    /** What may come between a statement's last token and its semicolon. */
    private String trailer() {
        return switch (random.nextInt(4)) {
            case 0 -> " " + blockComment();
            case 1 -> " " + lineComment();
            default -> "";
        };
    }

    /** What may come between statements: whitespace, comments and empty statements. */
    private String separator() {
        StringBuilder b = new StringBuilder();
        int parts = random.nextInt(4);
        for (int i = 0; i < parts; i++) {
            switch (random.nextInt(5)) {
                case 0 -> b.append(blockComment());
                case 1 -> b.append(lineComment());
                case 2 -> {
                    features.add("empty-statement");
                    b.append(";");
                }
                case 3 -> {
                    features.add("CRLF");
                    b.append("\r\n");
                }
                default -> b.append("\n");
            }
        }
        return b.append(random.nextBoolean() ? "\n" : " ").toString();
    }

    private String blockComment() {
        features.add("block-comment");
        StringBuilder b = new StringBuilder("/*").append(commentText());
        if (random.nextInt(3) == 0) {
            features.add("nested-comment");
            b.append("/*").append(commentText()).append("*/").append(commentText());
        }
        return b.append(random.nextBoolean() ? "\n" : "").append("*/").toString();
    }

    private String lineComment() {
        features.add("line-comment");
        return "--" + commentText() + (random.nextInt(4) == 0 ? "\r\n" : "\n");
    }

    private String commentText() {
        StringBuilder b = new StringBuilder(" ");
        int n = random.nextInt(5);
        for (int i = 0; i < n; i++) {
            b.append(COMMENT[random.nextInt(COMMENT.length)]);
        }
        return b.toString();
    }

    /** A keyword in random case. */
    private String kw(String keyword) {
        return random.nextBoolean() ? keyword : keyword.toLowerCase(Locale.ROOT);
    }

    /** The 1-based line at the end of {@code text}: \n, \r\n and a lone \r each end a line. */
    private static int lineAt(CharSequence text) {
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
                line++;
            }
        }
        return line;
    }
}
