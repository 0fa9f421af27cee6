package dev.shale.dsl;

/**
 * Where in the user's schema code a declaration was made, so that errors can name the file and line.
 *
 * @param file the source file name ({@code Users.java}), or the class name when unknown
 * @param line the line number, or -1
 */
public record SourceLocation(String file, int line) {
    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    /** {@link #isLibrary} per class: asked for every frame of every declaration, answered once per class. */
    private static final ClassValue<Boolean> LIBRARY = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> c) {
            return isLibrary(c);
        }
    };

    /** The first caller outside the DSL library: the user's declaration. */
    static SourceLocation caller() {
        return WALKER.walk(frames -> frames
                .filter(f -> !LIBRARY.get(f.getDeclaringClass()))
                .findFirst()
                .map(f -> new SourceLocation(f.getFileName() != null ? f.getFileName() : f.getClassName(), f.getLineNumber()))
                .orElse(new SourceLocation("<unknown>", -1)));
    }

    /**
     * Whether {@code c} is one of the DSL's own classes. The package alone does not tell: a user's (or a
     * test's) table class may live in a package named {@code dev.shale.dsl} too, but not in the same jar.
     */
    private static boolean isLibrary(Class<?> c) {
        return c.getName().startsWith("dev.shale.dsl.")
                && c.getClassLoader() == SourceLocation.class.getClassLoader()
                && java.util.Objects.equals(codeSource(c), codeSource(SourceLocation.class));
    }

    private static Object codeSource(Class<?> c) {
        var source = c.getProtectionDomain().getCodeSource();
        return source == null ? null : source.getLocation();
    }

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line : file;
    }
}
