package dev.shale.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The variables config values may refer to: {@code .env}, then {@code .env.local} (which overrides it)
 * from the project root, then the real environment, which wins over both.
 */
final class EnvFiles {
    private EnvFiles() {}

    /** The merged variables for a project rooted at {@code root}. */
    static Map<String, String> variables(Path root, Map<String, String> environment) {
        Map<String, String> merged = new HashMap<>();
        for (String name : List.of(".env", ".env.local")) {
            Path file = root.resolve(name);
            if (Files.isRegularFile(file)) {
                merged.putAll(parse(file));
            }
        }
        merged.putAll(environment);
        return merged;
    }

    /**
     * Reads {@code KEY=value} lines: blank lines and {@code #} comments are skipped, an {@code export }
     * prefix is allowed, and a value may be wrapped in single or double quotes.
     */
    static Map<String, String> parse(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ShaleException("could not read " + file + ": " + e.getMessage());
        }
        Map<String, String> out = new HashMap<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).strip();
            }
            int eq = line.indexOf('=');
            String key = eq < 0 ? "" : line.substring(0, eq).strip();
            if (!key.matches("[A-Za-z_][A-Za-z0-9_.]*")) {
                throw new ShaleException(file + ":" + (n + 1) + ": expected KEY=value, found \"" + lines.get(n)
                        + "\"; fix the line or comment it out with #");
            }
            out.put(key, unquote(line.substring(eq + 1).strip()));
        }
        return out;
    }

    private static String unquote(String value) {
        if (value.length() >= 2) {
            char first = value.charAt(0);
            if ((first == '"' || first == '\'') && value.charAt(value.length() - 1) == first) {
                String inner = value.substring(1, value.length() - 1);
                return first == '"' ? inner.replace("\\n", "\n").replace("\\\"", "\"") : inner;
            }
        }
        int comment = value.indexOf(" #");
        return comment >= 0 ? value.substring(0, comment).strip() : value;
    }
}
