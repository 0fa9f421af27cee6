package dev.shale.model;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Storage parameters ({@code WITH (fillfactor = 70, autovacuum_enabled = false)}) of a table or an index. */
public final class StorageParameters {
    private StorageParameters() {}

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)?");
    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9_.+\\-]+");

    /** An unmodifiable copy sorted by name; throws naming {@code owner} when a name or value cannot be one. */
    public static Map<String, String> copy(String owner, Map<String, String> parameters) {
        if (parameters == null || parameters.isEmpty()) {
            return Map.of();
        }
        TreeMap<String, String> sorted = new TreeMap<>();
        parameters.forEach((k, v) -> {
            if (k == null || !NAME.matcher(k).matches()) {
                throw new InvalidModelException(owner, "storage parameter name " + k
                        + " is not one; names are lower case, like fillfactor or toast.autovacuum_enabled");
            }
            if (v == null || !VALUE.matcher(v).matches()) {
                throw new InvalidModelException(owner, "storage parameter " + k + " has the value " + v
                        + ", which is not a number, word or boolean");
            }
            sorted.put(k, v);
        });
        return Collections.unmodifiableMap(sorted);
    }
}
