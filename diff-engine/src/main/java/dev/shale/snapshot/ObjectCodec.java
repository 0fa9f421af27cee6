package dev.shale.snapshot;

import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A JSON object made of named fields, each declared once with its name, how to get it from the value
 * and its codec; the same list writes the object, reads it back in order, and names the fields a file
 * may hold. Reading is strict: an unknown field, a missing required one or a value of the wrong
 * type is an error naming its JSON path.
 *
 * @param <T> the value the object holds
 */
final class ObjectCodec<T> implements Codec<T> {
    /**
     * One field of an object, or a group of fields taken from the object itself (an inlined object)
     * or from the key it is stored under.
     *
     * @param <T> the value the object holds
     * @param <V> the field's value
     */
    interface Field<T, V> {
        /** The JSON field names it writes and reads. */
        Set<String> names();

        void write(T owner, Map<String, Object> out);

        V read(Node object);
    }

    /** The values read for the fields, to build the object from. */
    interface Values {
        <V> V get(Field<?, V> field);
    }

    private final List<Field<T, ?>> fields;
    private final Function<Values, T> build;
    private final Set<String> names;

    private ObjectCodec(List<Field<T, ?>> fields, Function<Values, T> build) {
        this.fields = List.copyOf(fields);
        this.build = build;
        Set<String> all = new LinkedHashSet<>();
        for (Field<T, ?> f : fields) {
            for (String n : f.names()) {
                if (!all.add(n)) {
                    throw new IllegalArgumentException("field \"" + n + "\" is declared twice");
                }
            }
        }
        this.names = Set.copyOf(all);
    }

    /**
     * An object of these fields, read in this order.
     *
     * @param build makes the value from the fields' values; a broken model rule is reported at the object
     */
    @SafeVarargs
    static <T> ObjectCodec<T> of(Function<Values, T> build, Field<T, ?>... fields) {
        return new ObjectCodec<>(List.of(fields), build);
    }

    /** A field that is always there. */
    static <T, V> Field<T, V> required(String name, Function<T, V> get, Codec<V> codec) {
        return new Named<>(name, get, codec, false);
    }

    /** A field left out when its value is null, and read as null when absent. */
    static <T, V> Field<T, V> optional(String name, Function<T, V> get, Codec<V> codec) {
        return new Named<>(name, get, codec, true);
    }

    /**
     * A field left out when its value is {@code absent} (false, an empty list, the default option), and
     * read as {@code absent} when missing: a part that grows an option keeps older files readable and
     * writes them byte-identical while nobody uses it.
     */
    static <T, V> Field<T, V> defaulted(String name, Function<T, V> get, Codec<V> codec, V absent) {
        Named<T, V> inner = new Named<>(name, owner -> {
            V value = get.apply(owner);
            return value == null || value.equals(absent) ? null : value;
        }, codec, true);
        return new Field<>() {
            @Override
            public Set<String> names() {
                return inner.names();
            }

            @Override
            public void write(T owner, Map<String, Object> out) {
                inner.write(owner, out);
            }

            @Override
            public V read(Node object) {
                V value = inner.read(object);
                return value == null ? absent : value;
            }
        };
    }

    /** The name a part is stored under in an object keyed by name: written as the key, not as a field. */
    static <T> Field<T, String> key(Function<T, String> get) {
        return new Field<>() {
            @Override
            public Set<String> names() {
                return Set.of();
            }

            @Override
            public void write(T owner, Map<String, Object> out) {
                // the enclosing object writes it as the entry's key
            }

            @Override
            public String read(Node object) {
                if (object.key() == null) {
                    throw new IllegalStateException(object.path() + " is read by key but is not an entry of a keyed object");
                }
                return object.key();
            }
        };
    }

    /** Another object's fields written into this one, as a table's {@code schema} and {@code name}. */
    static <T, V> Field<T, V> inline(Function<T, V> get, ObjectCodec<V> codec) {
        return new Field<>() {
            @Override
            public Set<String> names() {
                return codec.names;
            }

            @Override
            public void write(T owner, Map<String, Object> out) {
                codec.writeInto(get.apply(owner), out);
            }

            @Override
            public V read(Node object) {
                return codec.readFields(object);
            }
        };
    }

    /** How many fields (or inlined groups) the object has: one per component of the value it holds. */
    int fieldCount() {
        return fields.size();
    }

    @Override
    public Map<String, Object> write(T value) {
        Map<String, Object> out = new TreeMap<>();
        writeInto(value, out);
        return out;
    }

    private void writeInto(T value, Map<String, Object> out) {
        for (Field<T, ?> f : fields) {
            f.write(value, out);
        }
    }

    @Override
    public T read(Node node) {
        if (!node.json().isObject()) {
            throw node.fail("must be a JSON object");
        }
        Iterator<String> present = node.json().fieldNames();
        while (present.hasNext()) {
            String n = present.next();
            if (!names.contains(n)) {
                throw node.field(n).fail("is not a known field (expected one of " + new TreeSet<>(names)
                        + "); the file may have been edited by hand or written by a newer Shale");
            }
        }
        return readFields(node);
    }

    /** Reads the fields from {@code object} without checking for unknown ones (the caller did). */
    private T readFields(Node object) {
        Map<Field<?, ?>, Object> values = new IdentityHashMap<>();
        for (Field<T, ?> f : fields) {
            values.put(f, f.read(object));
        }
        return object.model(() -> build.apply(new Values() {
            @Override
            @SuppressWarnings("unchecked")
            public <V> V get(Field<?, V> field) {
                if (!values.containsKey(field)) {
                    throw new IllegalStateException("field " + field.names() + " is not a field of this object");
                }
                return (V) values.get(field);
            }
        }));
    }

    private record Named<T, V>(String name, Function<T, V> get, Codec<V> codec, boolean optional) implements Field<T, V> {
        @Override
        public Set<String> names() {
            return Set.of(name);
        }

        @Override
        public void write(T owner, Map<String, Object> out) {
            V value = get.apply(owner);
            if (value == null && !optional) {
                throw new IllegalStateException("required snapshot field \"" + name + "\" has no value");
            }
            if (value != null) {
                out.put(name, codec.write(value));
            }
        }

        @Override
        public V read(Node object) {
            Node node = object.field(name);
            if (!node.present()) {
                if (optional) {
                    return null;
                }
                throw node.fail("is missing");
            }
            return codec.read(node);
        }
    }
}
