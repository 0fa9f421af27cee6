package dev.shale.model;

import java.util.Set;

/**
 * The options of a sequence, standalone or behind an identity column. A null option is PostgreSQL's
 * default for it (which depends on the type and the direction), so a model that does not care about
 * an option compares equal to a database that holds its default.
 *
 * @param type {@code smallint}, {@code integer} or {@code bigint}, or null for the default
 *             ({@code bigint} for a standalone sequence, the column's type for an identity)
 * @param start START WITH, or null
 * @param increment INCREMENT BY, or null (1)
 * @param minValue MINVALUE, or null
 * @param maxValue MAXVALUE, or null
 * @param cache CACHE, or null (1)
 * @param cycle CYCLE
 */
public record SequenceOptions(String type, Long start, Long increment, Long minValue, Long maxValue, Long cache,
                              boolean cycle) {
    public static final SequenceOptions DEFAULTS = new SequenceOptions(null, null, null, null, null, null, false);
    private static final Set<String> TYPES = Set.of("smallint", "integer", "bigint");

    public SequenceOptions {
        if (type != null && !TYPES.contains(type)) {
            throw new InvalidModelException("sequence type " + type, "a sequence is smallint, integer or bigint");
        }
        if (increment != null && increment == 0) {
            throw new InvalidModelException("sequence", "INCREMENT must not be zero");
        }
        if (cache != null && cache < 1) {
            throw new InvalidModelException("sequence", "CACHE must be at least 1, got " + cache);
        }
        if (minValue != null && maxValue != null && minValue >= maxValue) {
            throw new InvalidModelException("sequence", "MINVALUE " + minValue + " must be less than MAXVALUE " + maxValue);
        }
    }

    public boolean isDefault() {
        return equals(DEFAULTS);
    }

    public SequenceOptions withType(String value) {
        return new SequenceOptions(value, start, increment, minValue, maxValue, cache, cycle);
    }

    public SequenceOptions withStart(Long value) {
        return new SequenceOptions(type, value, increment, minValue, maxValue, cache, cycle);
    }

    public SequenceOptions withIncrement(Long value) {
        return new SequenceOptions(type, start, value, minValue, maxValue, cache, cycle);
    }

    public SequenceOptions withMinValue(Long value) {
        return new SequenceOptions(type, start, increment, value, maxValue, cache, cycle);
    }

    public SequenceOptions withMaxValue(Long value) {
        return new SequenceOptions(type, start, increment, minValue, value, cache, cycle);
    }

    public SequenceOptions withCache(Long value) {
        return new SequenceOptions(type, start, increment, minValue, maxValue, value, cycle);
    }

    public SequenceOptions withCycle(boolean value) {
        return new SequenceOptions(type, start, increment, minValue, maxValue, cache, value);
    }
}
