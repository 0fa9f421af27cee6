package dev.shale.cli;

import dev.shale.diff.RenameQuestion;
import dev.shale.model.Identifiers;
import dev.shale.model.InvalidModelException;
import dev.shale.model.QualifiedName;
import dev.shale.model.Rename;

import java.util.List;

/**
 * Rename answers given on the command line ({@code --rename schema.table=new},
 * {@code --rename schema.table.old=new}, {@code --dropped schema.table[.column]}) and the message that
 * lists open rename questions with every way to answer them. Checking and settling the answers is the
 * library's ({@link dev.shale.workflow.RenameSettling}).
 */
public final class RenameAnswers {
    private RenameAnswers() {}

    /** How a {@code --rename} of an enum value begins: {@code enum:schema.enum.old=new}. */
    static final String ENUM_PREFIX = "enum:";

    /** How a {@code --rename} of a composite type's attribute begins: {@code type:schema.type.old=new}. */
    static final String TYPE_PREFIX = "type:";

    /** How a {@code --rename} of a sequence begins: {@code sequence:schema.old=new}. */
    static final String SEQUENCE_PREFIX = "sequence:";

    /** Parses one {@code --rename} value. */
    public static Rename parseRename(String flag) {
        int eq = flag.indexOf('=');
        if (eq < 0) {
            throw usage(flag, "--rename");
        }
        if (flag.startsWith(SEQUENCE_PREFIX)) {
            String[] parts = flag.substring(SEQUENCE_PREFIX.length(), eq).split("\\.", -1);
            if (parts.length == 2) {
                try {
                    return Rename.sequence(QualifiedName.of(parts[0], parts[1]), flag.substring(eq + 1));
                } catch (InvalidModelException e) {
                    throw new ShaleException("--rename " + flag + ": " + e.getMessage());
                }
            }
            throw usage(flag, "--rename");
        }
        if (flag.startsWith(ENUM_PREFIX) || flag.startsWith(TYPE_PREFIX)) {
            // enum:schema.enum.old=new; a label may hold dots, so the old label is all after the second dot
            boolean enumValue = flag.startsWith(ENUM_PREFIX);
            String[] parts = flag.substring((enumValue ? ENUM_PREFIX : TYPE_PREFIX).length(), eq).split("\\.", 3);
            if (parts.length == 3) {
                try {
                    QualifiedName type = QualifiedName.of(parts[0], parts[1]);
                    return enumValue ? Rename.enumValue(type, parts[2], flag.substring(eq + 1))
                            : Rename.attribute(type, parts[2], flag.substring(eq + 1));
                } catch (InvalidModelException e) {
                    throw new ShaleException("--rename " + flag + ": " + e.getMessage());
                }
            }
            throw usage(flag, "--rename");
        }
        String[] parts = flag.substring(0, eq).split("\\.", -1);
        String to = flag.substring(eq + 1);
        try {
            if (parts.length == 2) {
                return Rename.table(QualifiedName.of(parts[0], parts[1]), to);
            }
            if (parts.length == 3) {
                return Rename.column(QualifiedName.of(parts[0], parts[1]), parts[2], to);
            }
        } catch (InvalidModelException e) {
            throw new ShaleException("--rename " + flag + ": " + e.getMessage());
        }
        throw usage(flag, "--rename");
    }

    /** Parses one {@code --dropped} value: the answer "it was dropped, not renamed". */
    public static Rename parseDropped(String flag) {
        String[] parts = flag.split("\\.", -1);
        try {
            if (parts.length == 2) {
                return Rename.table(QualifiedName.of(parts[0], parts[1]), parts[1]);
            }
            if (parts.length == 3) {
                return Rename.column(QualifiedName.of(parts[0], parts[1]), parts[2], parts[2]);
            }
        } catch (InvalidModelException e) {
            throw new ShaleException("--dropped " + flag + ": " + e.getMessage());
        }
        throw usage(flag, "--dropped");
    }

    /** One line describing a question: what disappeared and what it may have become. */
    public static String describe(RenameQuestion q) {
        String what = q.kind() == Rename.Kind.TABLE ? "table " + q.table().display()
                : "column " + Identifiers.show(q.from()) + " of table " + q.table().display();
        List<String> options = q.options().stream().map(Identifiers::show).toList();
        return what + " disappeared while " + String.join(", ", options) + " appeared"
                + ": renamed, or dropped?";
    }

    /**
     * The explanation printed when questions are open and no terminal can ask them: each candidate and
     * the exact code hint and flag that answer it.
     *
     * @param context why they are not asked, appended to the first sentence ({@code ", and there is no terminal to ask on"})
     * @param command the command to run again once they are answered ({@code generate}, {@code push})
     */
    public static String openQuestions(List<RenameQuestion> questions, String context, String command) {
        StringBuilder b = new StringBuilder();
        b.append(questions.size() == 1 ? "a rename question is open" : questions.size() + " rename questions are open")
                .append(context).append(". A disappeared ")
                .append("table or column beside a new one of a compatible shape may be a rename; Shale never guesses,")
                .append(" since guessing wrong drops data:\n");
        int n = 1;
        for (RenameQuestion q : questions) {
            b.append("\n  ").append(n++).append(". ").append(describe(q)).append('\n');
            for (String option : q.options()) {
                Rename r = q.answer(option);
                String hint = q.kind() == Rename.Kind.TABLE
                        ? "renamedFrom(\"" + q.from() + "\") in the constructor of the table " + Identifiers.show(option)
                        : ".renamedFrom(\"" + q.from() + "\") on the column " + Identifiers.show(option);
                b.append("     renamed to ").append(Identifiers.show(option)).append(": ").append(hint)
                        .append(", or --rename ").append(r.flag()).append('\n');
            }
            b.append("     dropped: --dropped ").append(q.table().key())
                    .append(q.kind() == Rename.Kind.COLUMN ? "." + q.from() : "").append('\n');
        }
        b.append("\nAnswer in the schema code (a renamedFrom(\"old\") hint, reviewed with the code, so CI needs no flags)")
                .append(" or on the command line (--rename / --dropped as above), then run ").append(command).append(" again.");
        return b.toString();
    }

    private static ShaleException usage(String flag, String name) {
        return new ShaleException(name + " " + flag + " is not understood; write " + name
                + (name.equals("--rename") ? " schema.table=new_name for a table, --rename schema.table.old_column=new_column for a column,"
                + " --rename enum:schema.enum.old_value=new_value for an enum value,"
                + " --rename type:schema.type.old_attribute=new_attribute for an attribute of a composite type,"
                + " or --rename sequence:schema.old_sequence=new_sequence for a sequence"
                : " schema.table for a table, or --dropped schema.table.column for a column")
                + " (the table by its new name, for a column), e.g. " + name
                + (name.equals("--rename") ? " public.users.name=full_name" : " public.users.nickname"));
    }
}
