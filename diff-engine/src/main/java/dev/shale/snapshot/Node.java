package dev.shale.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shale.model.InvalidModelException;

import java.util.function.Supplier;

/**
 * A value being read from a snapshot file, with its place for messages: the JSON path
 * ({@code $.tables."public.users".columns[2]}) and, for an entry of an object keyed by name, that key.
 *
 * @param json the value, or null when the file has none there
 * @param path where it is
 * @param key the key of the entry it is, or null
 * @param file the file, for messages
 */
record Node(JsonNode json, String path, String key, String file) {
    static Node root(JsonNode json, String file) {
        return new Node(json, "$", null, file);
    }

    /** The field {@code name} of this object (absent: a node whose json is null). */
    Node field(String name) {
        return new Node(json.get(name), path + "." + name, null, file);
    }

    Node element(int index) {
        return new Node(json.get(index), path + "[" + index + "]", null, file);
    }

    Node entry(String entryKey, JsonNode value) {
        return new Node(value, path + ".\"" + entryKey + "\"", entryKey, file);
    }

    boolean present() {
        return json != null;
    }

    SnapshotException fail(String reason) {
        return new SnapshotException(file, path, reason);
    }

    /** Builds a model object, reporting a broken model rule at this place. */
    <T> T model(Supplier<T> build) {
        try {
            return build.get();
        } catch (InvalidModelException e) {
            throw fail(e.getMessage());
        }
    }
}
