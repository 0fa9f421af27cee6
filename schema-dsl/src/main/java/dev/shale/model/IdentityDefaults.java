package dev.shale.model;

/**
 * PostgreSQL's defaults for the sequence behind an identity column, and the one rule that an identity's
 * options hold only what differs from them: an option equal to its default is stored as null, so
 * {@code startWith(1)} in code, no option at all, and a database sequence that starts at 1 are the same
 * model.
 */
public final class IdentityDefaults {
    private IdentityDefaults() {}

    /** {@code options} with every option equal to PostgreSQL's default for a column of {@code columnType} made null. */
    public static SequenceOptions strip(SequenceOptions options, PgType columnType) {
        String type = options.type() == null ? columnType.sql() : options.type();
        long increment = options.increment() == null ? 1 : options.increment();
        long typeMax = max(type);
        long typeMin = -typeMax - 1;
        long defaultMin = increment > 0 ? 1 : typeMin;
        long defaultMax = increment > 0 ? typeMax : -1;
        long min = options.minValue() == null ? defaultMin : options.minValue();
        long max = options.maxValue() == null ? defaultMax : options.maxValue();
        long defaultStart = increment > 0 ? min : max;
        return new SequenceOptions(
                type.equals(columnType.sql()) ? null : type,
                options.start() == null || options.start() == defaultStart ? null : options.start(),
                increment == 1 ? null : increment,
                min == defaultMin ? null : min,
                max == defaultMax ? null : max,
                options.cache() == null || options.cache() == 1 ? null : options.cache(),
                options.cycle());
    }

    /** The largest value of {@code smallint}, {@code integer} or {@code bigint}. */
    public static long max(String type) {
        return switch (type) {
            case "smallint" -> Short.MAX_VALUE;
            case "integer" -> Integer.MAX_VALUE;
            default -> Long.MAX_VALUE;
        };
    }
}
