package dev.shale.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * Everything a command may touch outside its arguments, injected so tests can drive {@link Main} with
 * {@code StringWriter}s in a temporary project.
 *
 * @param workingDir where relative flags and the default {@code shale.toml} are resolved
 * @param environment environment variables (they win over {@code .env} files)
 * @param out normal output
 * @param err errors
 * @param in answers to prompts
 * @param interactive whether a person is at a terminal to answer questions
 */
public record Session(Path workingDir, Map<String, String> environment, PrintWriter out, PrintWriter err,
                      BufferedReader in, boolean interactive) {
    public Session {
        environment = Map.copyOf(environment);
    }

    /** The real process: the current directory, environment, standard streams and console. */
    public static Session system() {
        boolean terminal = System.console() != null;
        return new Session(Path.of("").toAbsolutePath(), System.getenv(),
                new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true),
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), terminal);
    }
}
