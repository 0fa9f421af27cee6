package dev.shale.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Schema sources newer than their compiled classes. The plugin reads compiled classes only; a goal run
 * on its own after an edit ({@code mvn shale:check} without {@code compile}) would read the old schema
 * and could pass on code that was never generated. A source counts as stale when its top-level class
 * file is missing or older.
 */
final class StaleClasses {
    private StaleClasses() {}

    /**
     * @param sourceRoots the project's compile source roots
     * @param classes the output directory
     * @param packageDir the schema package as a path ({@code com/example/db})
     * @return the stale {@code .java} files, sorted
     */
    static List<Path> find(List<Path> sourceRoots, Path classes, String packageDir) {
        List<Path> stale = new ArrayList<>();
        for (Path root : sourceRoots) {
            Path dir = root.resolve(packageDir);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path source : files.filter(f -> f.getFileName().toString().endsWith(".java")).sorted().toList()) {
                    String name = source.getFileName().toString();
                    if (name.equals("package-info.java") || name.equals("module-info.java")) {
                        continue;
                    }
                    Path compiled = classes.resolve(packageDir).resolve(name.substring(0, name.length() - 5) + ".class");
                    if (!Files.isRegularFile(compiled)
                            || Files.getLastModifiedTime(compiled).compareTo(Files.getLastModifiedTime(source)) < 0) {
                        stale.add(source);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not list " + dir, e);
            }
        }
        return stale;
    }
}
