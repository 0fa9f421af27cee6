package dev.shale.snapshot;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** The value shapes snapshot parts are made of: strings, booleans, enum constants, arrays, objects keyed by name. */
final class Codecs {
    private Codecs() {}

    static final Codec<String> TEXT = Codec.of(v -> v, n -> {
        if (!n.json().isTextual()) {
            throw n.fail("must be a string");
        }
        return n.json().asText();
    });

    static final Codec<Boolean> BOOL = Codec.of(v -> v, n -> {
        if (!n.json().isBoolean()) {
            throw n.fail("must be true or false");
        }
        return n.json().asBoolean();
    });

    static final Codec<Integer> INT = Codec.of(v -> v, n -> {
        if (!n.json().isInt()) {
            throw n.fail("must be an integer");
        }
        return n.json().asInt();
    });

    static final Codec<Long> LONG = Codec.of(v -> v, n -> {
        if (!n.json().isIntegralNumber() || !n.json().canConvertToLong()) {
            throw n.fail("must be an integer");
        }
        return n.json().asLong();
    });

    static final Codec<List<String>> STRINGS = list(TEXT);

    /** Text values by name, as one JSON object with sorted keys (storage parameters). */
    static final Codec<Map<String, String>> TEXT_MAP = Codec.of(values -> new TreeMap<>(values), n -> {
        if (!n.json().isObject()) {
            throw n.fail("must be a JSON object");
        }
        Map<String, String> out = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = n.json().fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), TEXT.read(n.entry(e.getKey(), e.getValue())));
        }
        return out;
    });

    /** An array, in order. */
    static <E> Codec<List<E>> list(Codec<E> element) {
        return Codec.of(values -> {
            List<Object> out = new ArrayList<>();
            values.forEach(v -> out.add(element.write(v)));
            return out;
        }, n -> {
            if (!n.json().isArray()) {
                throw n.fail("must be a JSON array");
            }
            List<E> out = new ArrayList<>();
            for (int i = 0; i < n.json().size(); i++) {
                out.add(element.read(n.element(i)));
            }
            return out;
        });
    }

    /**
     * Named parts as one object keyed by name, so that a review diff shows only the part that changed.
     *
     * @param keyOf the key a part is stored under
     * @param keyRule what the key must be, for the message when a part does not match its key
     */
    static <E> Codec<List<E>> keyed(Codec<E> element, Function<E, String> keyOf, String keyRule) {
        return Codec.of(values -> {
            Map<String, Object> out = new TreeMap<>();
            values.forEach(v -> out.put(keyOf.apply(v), element.write(v)));
            return out;
        }, n -> {
            if (!n.json().isObject()) {
                throw n.fail("must be a JSON object");
            }
            List<E> out = new ArrayList<>();
            Iterator<Map.Entry<String, JsonNode>> it = n.json().fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                Node entry = n.entry(e.getKey(), e.getValue());
                E value = element.read(entry);
                if (!keyOf.apply(value).equals(e.getKey())) {
                    throw entry.fail("is keyed \"" + e.getKey() + "\" but names " + keyOf.apply(value)
                            + "; the key must be " + keyRule);
                }
                out.add(value);
            }
            return out;
        });
    }

    /** The same value written on one line, with everything inside it (see {@link JsonText}). */
    static <V> Codec<V> oneLine(Codec<V> codec) {
        return Codec.of(v -> new JsonText.OneLine(codec.write(v)), codec::read);
    }

    /** An enum constant as snapshots spell it: {@code SET_NULL} is {@code set null}. */
    static <E extends Enum<E>> Codec<E> constant(Class<E> type) {
        return Codec.of(Codecs::text, n -> constant(type, TEXT.read(n), n));
    }

    /** The constant of {@code type} spelled {@code text}, read at {@code at}. */
    static <E extends Enum<E>> E constant(Class<E> type, String text, Node at) {
        List<String> allowed = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            if (text(e).equals(text)) {
                return e;
            }
            allowed.add(text(e));
        }
        throw at.fail("\"" + text + "\" is not one of " + allowed);
    }

    /** How snapshots spell an enum constant. */
    static String text(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
