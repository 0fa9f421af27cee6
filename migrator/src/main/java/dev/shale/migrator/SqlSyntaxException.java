package dev.shale.migrator;

/**
 * A migration file the splitter cannot split: a string, quoted identifier, comment, dollar-quoted body
 * or parenthesis that the file never closes. Raised before anything runs, because sending such a file
 * to the server would fail with a confusing error far from the real mistake.
 */
public final class SqlSyntaxException extends IllegalArgumentException {
    private final int line;

    /**
     * @param line the 1-based line where the unclosed construct starts
     * @param message what is unclosed, where, and how to fix it
     */
    public SqlSyntaxException(int line, String message) {
        super(message);
        this.line = line;
    }

    /** The 1-based line where the unclosed construct starts. */
    public int line() {
        return line;
    }
}
