package dev.shale.migrator;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The data loss a down file declares or shows. A generated down file lists it in its header, one
 * {@code -- WARNING data loss: ...} line per hazard (the format of diff-engine's {@code MigrationScript});
 * a hand-written one usually lists nothing, so its statements are read instead: dropping a table, a schema
 * or a column, {@code TRUNCATE} and {@code DELETE} lose rows whatever the header says.
 */
final class DownWarnings {
    private static final Pattern HEADER = Pattern.compile("--\\s*WARNING\\s+data\\s+loss:\\s*(.*)", Pattern.CASE_INSENSITIVE);
    private static final List<Loss> STATEMENTS = List.of(
            new Loss(Pattern.compile("(?is)DROP\\s+TABLE\\b"), "drops a table and its rows"),
            new Loss(Pattern.compile("(?is)DROP\\s+SCHEMA\\b"), "drops a schema and everything in it"),
            new Loss(Pattern.compile("(?is)TRUNCATE\\b"), "empties a table"),
            new Loss(Pattern.compile("(?is)DELETE\\s+FROM\\b"), "deletes rows"),
            new Loss(Pattern.compile("(?is)ALTER\\s+TABLE\\b.*?[\\s,]DROP\\s+(?:COLUMN\\s+)?"
                    + "(?!CONSTRAINT\\b|DEFAULT\\b|NOT\\b|IDENTITY\\b|EXPRESSION\\b)"), "drops a column and its values"));

    private DownWarnings() {}

    /** A statement shape that loses data, and what it loses. */
    private record Loss(Pattern pattern, String what) {}

    /** The data-loss lines of a down file: its header's warnings, else what its statements drop. */
    static List<String> dataLoss(String sql, List<SqlStatement> statements) {
        List<String> out = new ArrayList<>();
        for (String line : Checksums.headerLines(sql)) {
            Matcher m = HEADER.matcher(line);
            if (m.matches()) {
                out.add(m.group(1).strip());
            }
        }
        if (!out.isEmpty()) {
            return out;
        }
        for (int i = 0; i < statements.size(); i++) {
            SqlStatement s = statements.get(i);
            for (Loss loss : STATEMENTS) {
                if (loss.pattern().matcher(s.sql()).lookingAt()) {
                    out.add("statement " + (i + 1) + " (line " + s.line() + ") " + loss.what() + ": " + StatementFailure.firstLine(s.sql()));
                    break;
                }
            }
        }
        return out;
    }
}
