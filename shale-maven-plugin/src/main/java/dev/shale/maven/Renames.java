package dev.shale.maven;

import dev.shale.diff.RenameQuestion;
import dev.shale.model.Identifiers;
import dev.shale.model.InvalidModelException;
import dev.shale.model.QualifiedName;
import dev.shale.model.Rename;
import org.apache.maven.plugin.MojoFailureException;

import java.util.ArrayList;
import java.util.List;

/**
 * Rename answers given in the pom ({@code <renames><rename>public.users.name=full_name</rename></renames>},
 * {@code <dropped><table>public.users.nickname</table></dropped>}) or as {@code -Dshale.renames=a,b}, and the
 * message listing open rename questions with every way to answer them in a build, where nobody can be asked.
 */
final class Renames {
    private Renames() {}

    /** {@code schema.table=new} or {@code schema.table.old_column=new_column} (the table by its new name). */
    static List<Rename> renames(List<String> values) throws MojoFailureException {
        List<Rename> out = new ArrayList<>();
        for (String value : values == null ? List.<String>of() : values) {
            int eq = value.indexOf('=');
            String[] parts = eq < 0 ? new String[0] : value.substring(0, eq).strip().split("\\.", -1);
            try {
                if (parts.length == 2) {
                    out.add(Rename.table(QualifiedName.of(parts[0], parts[1]), value.substring(eq + 1).strip()));
                    continue;
                }
                if (parts.length == 3) {
                    out.add(Rename.column(QualifiedName.of(parts[0], parts[1]), parts[2], value.substring(eq + 1).strip()));
                    continue;
                }
            } catch (InvalidModelException e) {
                throw new MojoFailureException("<renames> entry \"" + value + "\": " + e.getMessage());
            }
            throw new MojoFailureException("<renames> entry \"" + value + "\" is not understood; write schema.table=new_name for a"
                    + " table, or schema.table.old_column=new_column for a column (the table by its new name), e.g."
                    + " <rename>public.users.name=full_name</rename>.");
        }
        return out;
    }

    /** {@code schema.table} or {@code schema.table.column}: the answer "it was dropped, not renamed". */
    static List<Rename> dropped(List<String> values) throws MojoFailureException {
        List<Rename> out = new ArrayList<>();
        for (String value : values == null ? List.<String>of() : values) {
            String[] parts = value.strip().split("\\.", -1);
            try {
                if (parts.length == 2) {
                    out.add(Rename.table(QualifiedName.of(parts[0], parts[1]), parts[1]));
                    continue;
                }
                if (parts.length == 3) {
                    out.add(Rename.column(QualifiedName.of(parts[0], parts[1]), parts[2], parts[2]));
                    continue;
                }
            } catch (InvalidModelException e) {
                throw new MojoFailureException("<dropped> entry \"" + value + "\": " + e.getMessage());
            }
            throw new MojoFailureException("<dropped> entry \"" + value + "\" is not understood; write schema.table for a table, or"
                    + " schema.table.column for a column, e.g. <table>public.users.nickname</table>.");
        }
        return out;
    }

    /** One line: what disappeared and what it may have become. */
    static String describe(RenameQuestion q) {
        String what = q.kind() == Rename.Kind.TABLE ? "table " + q.table().display()
                : "column " + Identifiers.show(q.from()) + " of table " + q.table().display();
        return what + " disappeared while " + String.join(", ", q.options().stream().map(Identifiers::show).toList())
                + " appeared: renamed, or dropped?";
    }

    /** The failure when rename questions are open: a build cannot ask them. */
    static String openQuestions(List<RenameQuestion> questions, String goal) {
        StringBuilder b = new StringBuilder();
        b.append(questions.size() == 1 ? "a rename question is open, and a build cannot ask it"
                        : questions.size() + " rename questions are open, and a build cannot ask them")
                .append(". A disappeared table or column beside a new one of a compatible shape may")
                .append(" be a rename; Shale never guesses, since guessing wrong drops data:\n");
        int n = 1;
        for (RenameQuestion q : questions) {
            b.append("\n  ").append(n++).append(". ").append(describe(q)).append('\n');
            for (String option : q.options()) {
                String hint = q.kind() == Rename.Kind.TABLE
                        ? "renamedFrom(\"" + q.from() + "\") in the constructor of the table " + Identifiers.show(option)
                        : ".renamedFrom(\"" + q.from() + "\") on the column " + Identifiers.show(option);
                b.append("     renamed to ").append(Identifiers.show(option)).append(": ").append(hint)
                        .append(", or <rename>").append(q.answer(option).flag()).append("</rename>\n");
            }
            b.append("     dropped: <table>").append(q.table().key())
                    .append(q.kind() == Rename.Kind.COLUMN ? "." + q.from() : "").append("</table> in <dropped>\n");
        }
        b.append("\nAnswer in the schema code (a renamedFrom(\"old\") hint, reviewed with the code), or in the plugin's")
                .append(" <renames> / <dropped> configuration (or -Dshale.renames=... / -Dshale.dropped=...), then run mvn shale:")
                .append(goal).append(" again.");
        return b.toString();
    }
}
