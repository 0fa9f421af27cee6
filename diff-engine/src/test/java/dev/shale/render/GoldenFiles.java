package dev.shale.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The golden files in {@code src/test/resources/golden}: expected SQL a reviewer can read. A mismatch
 * fails the test; run with {@code -Dshale.updateGoldens=true} to rewrite them from the current output,
 * then review the git diff (see the README there).
 */
final class GoldenFiles {
    static final String UPDATE_PROPERTY = "shale.updateGoldens";

    private GoldenFiles() {}

    /** The golden directory of this module, read from the source tree so that updates land there. */
    static Path directory() {
        return Path.of(System.getProperty("basedir", ".")).resolve("src/test/resources/golden");
    }

    static void assertMatches(String name, String actual) {
        Path file = directory().resolve(name + ".sql");
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            write(file, actual);
            return;
        }
        if (!Files.exists(file)) {
            fail("golden file " + file + " does not exist; create it by running the tests with -D"
                    + UPDATE_PROPERTY + "=true, then review it. The output was:\n" + actual);
        }
        try {
            String expected = Files.readString(file, StandardCharsets.UTF_8);
            assertEquals(expected, actual, "output differs from golden file " + file + "; if the change is intended, "
                    + "rerun with -D" + UPDATE_PROPERTY + "=true and review the diff");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Names (without {@code .sql}) of every golden file present. */
    static List<String> names() {
        try (Stream<Path> files = Files.list(directory())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql"))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
