package dev.shale.render;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rendering prints nothing, not even jOOQ's start-up banner and tip of the day, in a JVM where nobody
 * set {@code org.jooq.no-logo} (surefire sets it for the other tests, so this one forks its own JVM).
 */
class SilentRenderingTest {
    @Test
    void renderingPrintsNothing() throws IOException, InterruptedException {
        // Without SLF4J on the class path (testcontainers brings it, with a logger that discards everything),
        // jOOQ logs through java.util.logging to stderr, as it would in a plain CLI.
        String classPath = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("slf4j")).collect(Collectors.joining(File.pathSeparator));
        assertTrue(classPath.contains("jooq"), "the test class path lists its jars: " + classPath);
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, SilentRendering.class.getName())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the rendering JVM did not finish");
        assertEquals(0, p.exitValue(), output);
        assertEquals("", output, "rendering must print nothing");
    }
}
