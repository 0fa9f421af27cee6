package dev.shale.snapshot;

import java.util.function.Function;

/**
 * How one kind of value is written to a snapshot file and read back: both directions side by side,
 * so a value's JSON shape is defined in one place.
 *
 * @param <V> the value
 */
interface Codec<V> {
    /** The value as Jackson writes it: a String, Boolean, Integer, List or sorted Map of those. */
    Object write(V value);

    /**
     * The value at {@code node}, which is present in the file.
     *
     * @throws SnapshotException naming the value's place when it has the wrong shape or breaks a model rule
     */
    V read(Node node);

    /** A codec from its two directions. */
    static <V> Codec<V> of(Function<V, Object> write, Function<Node, V> read) {
        return new Codec<>() {
            @Override
            public Object write(V value) {
                return write.apply(value);
            }

            @Override
            public V read(Node node) {
                return read.apply(node);
            }
        };
    }
}
