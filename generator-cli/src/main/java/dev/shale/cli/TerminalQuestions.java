package dev.shale.cli;

import dev.shale.diff.Hazard;
import dev.shale.diff.RenameQuestion;
import dev.shale.workflow.Questions;
import dev.shale.model.Identifiers;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * Asks the library's questions on a terminal: rename questions for {@code generate} and {@code push},
 * and whether to apply statements that lose data.
 *
 * @param session where the question is printed and the answer read
 */
record TerminalQuestions(Session session) implements Questions {
    /** The terminal's questions when a person is there, else {@link Questions#NONE}. */
    static Questions of(Session session) {
        return session.interactive() ? new TerminalQuestions(session) : Questions.NONE;
    }

    @Override
    public boolean canAsk() {
        return true;
    }

    @Override
    public boolean confirmDataLoss(List<Hazard> hazards) {
        PrintWriter out = session.out();
        out.print("This loses data (see the warnings above). Apply it? [y/N]: ");
        out.flush();
        String answer = readLine();
        answer = answer == null ? "" : answer.strip().toLowerCase(Locale.ROOT);
        return answer.equals("y") || answer.equals("yes");
    }

    private String readLine() {
        try {
            return session.in().readLine();
        } catch (IOException e) {
            throw new ShaleException("could not read the answer: " + e.getMessage());
        }
    }

    /** Asks one rename question on the terminal; null means "dropped". */
    @Override
    public String rename(RenameQuestion q) {
        PrintWriter out = session.out();
        out.println();
        out.println(RenameAnswers.describe(q));
        List<String> options = q.options();
        for (int i = 0; i < options.size(); i++) {
            out.println("  " + (i + 1) + ") renamed to " + Identifiers.show(options.get(i)));
        }
        out.println("  " + (options.size() + 1) + ") dropped (its data is lost)");
        while (true) {
            out.print("Answer [1-" + (options.size() + 1) + "]: ");
            out.flush();
            String line = readLine();
            if (line == null) {
                throw new ShaleException("no answer to the rename question (input ended)");
            }
            try {
                int n = Integer.parseInt(line.strip());
                if (n >= 1 && n <= options.size()) {
                    return options.get(n - 1);
                }
                if (n == options.size() + 1) {
                    return null;
                }
            } catch (NumberFormatException ignored) {
                // ask again
            }
            out.println("Please type a number from 1 to " + (options.size() + 1) + ".");
        }
    }
}
