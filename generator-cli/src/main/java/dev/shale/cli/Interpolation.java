package dev.shale.cli;

import java.util.Map;
import java.util.function.Function;

/**
 * Replaces {@code ${NAME}} and {@code ${NAME:-default}} in config values with variables from the
 * environment (and {@code .env} files). {@code $$} stands for a literal {@code $}.
 */
final class Interpolation {
    private Interpolation() {}

    /**
     * @param value the raw value
     * @param variables the variables to look up
     * @param where the config key, for messages ({@code database.url in shale.toml})
     */
    static String apply(String value, Map<String, String> variables, String where) {
        return apply(value, variables::get, where);
    }

    static String apply(String value, Function<String, String> lookup, String where) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (c == '$' && i + 1 < value.length() && value.charAt(i + 1) == '$') {
                out.append('$');
                i += 2;
            } else if (c == '$' && i + 1 < value.length() && value.charAt(i + 1) == '{') {
                int end = value.indexOf('}', i + 2);
                if (end < 0) {
                    throw new ShaleException(where + ": \"${\" at position " + (i + 1) + " of \"" + value
                            + "\" is not closed; write ${NAME} or ${NAME:-default} (and $$ for a literal $)");
                }
                String body = value.substring(i + 2, end);
                int sep = body.indexOf(":-");
                String name = sep < 0 ? body : body.substring(0, sep);
                if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                    throw new ShaleException(where + ": \"${" + body + "}\" does not name an environment variable;"
                            + " write ${NAME} or ${NAME:-default} with NAME made of letters, digits and _");
                }
                String found = lookup.apply(name);
                if (found == null || (sep >= 0 && found.isEmpty())) {
                    if (sep < 0) {
                        throw new UnsetVariable(where + " uses ${" + name + "}, but the environment variable " + name
                                + " is not set; set it, add it to .env or .env.local beside the config file,"
                                + " or give a default: ${" + name + ":-value}");
                    }
                    found = body.substring(sep + 2);
                }
                out.append(found);
                i = end + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** A variable the value names is not set (and the value gives no default). */
    static final class UnsetVariable extends ShaleException {
        UnsetVariable(String message) {
            super(message);
        }
    }
}
