package dev.shale.cli;

import dev.shale.diff.RenameQuestion;
import dev.shale.model.Identifiers;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

/**
 * Asks rename questions on a terminal, for {@code generate} and {@code push}.
 *
 * @param session where the question is printed and the answer read
 */
record TerminalRenamePrompt(Session session) implements Generator.RenamePrompt {
    /** Asks one rename question on the terminal; null means "dropped". */
    @Override
    public String ask(RenameQuestion q) {
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
            String line;
            try {
                line = session.in().readLine();
            } catch (IOException e) {
                throw new ShaleException("could not read the answer: " + e.getMessage());
            }
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
