package dev.shale.diff;

import dev.shale.model.SequenceOptions;

/**
 * PostgreSQL's defaults for a sequence's options, which depend on its type and direction: as bigint,
 * increment 1, an ascending sequence from 1 to the type's maximum starting at its minimum, a descending
 * one from the type's minimum to -1 starting at its maximum, cache 1, no cycle. {@link #normalized}
 * turns every option that holds its default into null, so a model that spells a default out and one
 * that leaves it off (or a database, which stores every value) compare equal.
 */
public final class SequenceDefaults {
    private SequenceDefaults() {}

    /** The options with every value that equals PostgreSQL's default for it set to null. */
    public static SequenceOptions normalized(SequenceOptions o) {
        Effective e = effective(o);
        long defaultMin = e.ascending() ? 1 : typeMin(e.type());
        long defaultMax = e.ascending() ? typeMax(e.type()) : -1;
        long defaultStart = e.ascending() ? e.min() : e.max();
        return new SequenceOptions(e.type().equals("bigint") ? null : e.type(),
                e.start() == defaultStart ? null : e.start(),
                e.increment() == 1 ? null : e.increment(),
                e.min() == defaultMin ? null : e.min(),
                e.max() == defaultMax ? null : e.max(),
                e.cache() == 1 ? null : e.cache(),
                o.cycle());
    }

    /** Whether two option sets mean the same sequence. */
    public static boolean same(SequenceOptions a, SequenceOptions b) {
        return normalized(a).equals(normalized(b));
    }

    /** Every option with its value filled in. */
    public static Effective effective(SequenceOptions o) {
        String type = o.type() == null ? "bigint" : o.type();
        long increment = o.increment() == null ? 1 : o.increment();
        boolean ascending = increment > 0;
        long min = o.minValue() != null ? o.minValue() : ascending ? 1 : typeMin(type);
        long max = o.maxValue() != null ? o.maxValue() : ascending ? typeMax(type) : -1;
        long start = o.start() != null ? o.start() : ascending ? min : max;
        long cache = o.cache() == null ? 1 : o.cache();
        return new Effective(type, start, increment, min, max, cache, o.cycle());
    }

    /**
     * A sequence's options with every value filled in.
     *
     * @param type smallint, integer or bigint
     * @param start START WITH
     * @param increment INCREMENT BY
     * @param min MINVALUE
     * @param max MAXVALUE
     * @param cache CACHE
     * @param cycle CYCLE
     */
    public record Effective(String type, long start, long increment, long min, long max, long cache, boolean cycle) {
        public boolean ascending() {
            return increment > 0;
        }
    }

    static long typeMin(String type) {
        return switch (type) {
            case "smallint" -> Short.MIN_VALUE;
            case "integer" -> Integer.MIN_VALUE;
            default -> Long.MIN_VALUE;
        };
    }

    static long typeMax(String type) {
        return switch (type) {
            case "smallint" -> Short.MAX_VALUE;
            case "integer" -> Integer.MAX_VALUE;
            default -> Long.MAX_VALUE;
        };
    }
}
