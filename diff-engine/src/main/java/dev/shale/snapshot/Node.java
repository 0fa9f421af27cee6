package dev.shale.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shale.model.InvalidModelException;

import java.util.function.Supplier;

/**
 * A value being read from a snapshot file, with its place for messages: the JSON path
 * ({@code $.tables."public.users".columns[2]}) and, for an entry of an object keyed by name, that key.
 * The path is spelled out only when a message needs it: a file of thousands of tables has hundreds of
 * thousands of places, and nearly all of them are read without one.
 */
final class Node {
    private final JsonNode json;
    private final Node parent;
    /** The field name this node is of its parent, {@code $} for the root, or null for an element or entry. */
    private final String step;
    private final int index;
    private final String key;
    private final String file;

    private Node(JsonNode json, Node parent, String step, int index, String key, String file) {
        this.json = json;
        this.parent = parent;
        this.step = step;
        this.index = index;
        this.key = key;
        this.file = file;
    }

    static Node root(JsonNode json, String file) {
        return new Node(json, null, "$", -1, null, file);
    }

    /** The value, or null when the file has none here. */
    JsonNode json() {
        return json;
    }

    /** The key of the entry it is, or null. */
    String key() {
        return key;
    }

    /** The file, for messages. */
    String file() {
        return file;
    }

    /** Where it is: {@code $.tables."public.users".columns[2]}. */
    String path() {
        StringBuilder out = new StringBuilder();
        appendPath(out);
        return out.toString();
    }

    private void appendPath(StringBuilder out) {
        if (parent != null) {
            parent.appendPath(out);
        }
        if (step != null) {
            out.append(parent == null ? "" : ".").append(step);
        } else if (key != null) {
            out.append(".\"").append(key).append('"');
        } else {
            out.append('[').append(index).append(']');
        }
    }

    /** The field {@code name} of this object (absent: a node whose json is null). */
    Node field(String name) {
        return new Node(json.get(name), this, name, -1, null, file);
    }

    Node element(int index) {
        return new Node(json.get(index), this, null, index, null, file);
    }

    Node entry(String entryKey, JsonNode value) {
        return new Node(value, this, null, -1, entryKey, file);
    }

    /** The same place holding another value (a part completed before it is read). */
    Node with(JsonNode value) {
        return new Node(value, parent, step, index, key, file);
    }

    boolean present() {
        return json != null;
    }

    SnapshotException fail(String reason) {
        return new SnapshotException(file, path(), reason);
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
