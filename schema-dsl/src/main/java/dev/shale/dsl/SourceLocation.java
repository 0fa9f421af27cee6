package dev.shale.dsl;

/**
 * Where in the user's schema code a declaration was made, so that errors can name the file and line.
 *
 * @param file the source file name ({@code Users.java}), or the class name when unknown
 * @param line the line number, or -1
 */
public record SourceLocation(String file, int line) {
    private static final StackWalker WALKER = StackWalker.getInstance();

    /** The first caller outside the DSL package: the user's declaration. */
    static SourceLocation caller() {
        return WALKER.walk(frames -> frames
                .filter(f -> !f.getClassName().startsWith("dev.shale.dsl."))
                .findFirst()
                .map(f -> new SourceLocation(f.getFileName() != null ? f.getFileName() : f.getClassName(), f.getLineNumber()))
                .orElse(new SourceLocation("<unknown>", -1)));
    }

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line : file;
    }
}
