package dev.shale.diff;

import dev.shale.model.ColumnType;
import dev.shale.model.PgType;

import java.util.Map;
import java.util.Set;

/**
 * The one place that knows how PostgreSQL converts a column from one type to another: whether
 * {@code ALTER COLUMN ... TYPE} needs an explicit {@code USING} cast, and what the conversion does to
 * the values already stored ({@link #effect}): whether some of them come out different (rounded,
 * cut, shifted into the migrating session's time zone) and whether some make it fail.
 *
 * <p>The cast table is PostgreSQL 15's {@code pg_cast} rows of context "implicit" or "assignment"
 * between the supported types, plus the rule that any type converts to a string type by I/O on
 * assignment. A type known only by name (an extension's type, a domain) is assumed to alter values
 * and possibly fail either way, except that it converts to text unchanged, and {@code citext} takes
 * every text value unchanged.
 */
public final class TypeConversions {
    private TypeConversions() {}

    /** Assignment-or-implicit casts from pg_cast (serial kinds are their integer types). */
    private static final Map<PgType, Set<PgType>> ASSIGNABLE = Map.ofEntries(
            Map.entry(PgType.SMALLINT, Set.of(PgType.INTEGER, PgType.BIGINT, PgType.NUMERIC, PgType.REAL, PgType.DOUBLE_PRECISION)),
            Map.entry(PgType.INTEGER, Set.of(PgType.SMALLINT, PgType.BIGINT, PgType.NUMERIC, PgType.REAL, PgType.DOUBLE_PRECISION)),
            Map.entry(PgType.BIGINT, Set.of(PgType.SMALLINT, PgType.INTEGER, PgType.NUMERIC, PgType.REAL, PgType.DOUBLE_PRECISION)),
            Map.entry(PgType.NUMERIC, Set.of(PgType.SMALLINT, PgType.INTEGER, PgType.BIGINT, PgType.REAL, PgType.DOUBLE_PRECISION)),
            Map.entry(PgType.REAL, Set.of(PgType.SMALLINT, PgType.INTEGER, PgType.BIGINT, PgType.NUMERIC, PgType.DOUBLE_PRECISION)),
            Map.entry(PgType.DOUBLE_PRECISION, Set.of(PgType.SMALLINT, PgType.INTEGER, PgType.BIGINT, PgType.NUMERIC, PgType.REAL)),
            Map.entry(PgType.DATE, Set.of(PgType.TIMESTAMP, PgType.TIMESTAMPTZ)),
            Map.entry(PgType.TIMESTAMP, Set.of(PgType.DATE, PgType.TIME, PgType.TIMESTAMPTZ)),
            Map.entry(PgType.TIMESTAMPTZ, Set.of(PgType.DATE, PgType.TIME, PgType.TIMESTAMP)),
            Map.entry(PgType.TIME, Set.of(PgType.INTERVAL)),
            Map.entry(PgType.INTERVAL, Set.of(PgType.TIME)),
            Map.entry(PgType.JSON, Set.of(PgType.JSONB)),
            Map.entry(PgType.JSONB, Set.of(PgType.JSON)));

    /**
     * What converting the stored values does, as the phrases a warning ends with. A conversion that
     * can do neither is a widening: every old value survives unchanged.
     *
     * @param alters how values that convert can come out different ({@code "rounds values to 1 decimal place"}),
     *               or null when each value that converts keeps its meaning
     * @param fails how the conversion can fail on a stored value ({@code "fails if a value is longer than 5 characters"}),
     *              or null when it cannot
     */
    public record Effect(String alters, String fails) {
        static final Effect NONE = new Effect(null, null);
        static final Effect UNKNOWN = new Effect(UNKNOWN_ALTERS, null);

        /** Whether every stored value converts, unchanged. */
        public boolean widening() {
            return alters == null && fails == null;
        }

        Effect orFails(String failure) {
            return new Effect(alters, fails == null ? failure : fails);
        }
    }

    private static final String UNKNOWN_ALTERS = "can lose or alter values";
    private static final String SESSION_ZONE = "the migrating session's time zone";
    private static final String ROUNDS_TO_INTEGER = "rounds values to whole numbers";

    /** Whether {@code ALTER COLUMN ... TYPE to} needs {@code USING col::to} when the column has type {@code from}. */
    public static boolean needsUsing(ColumnType from, ColumnType to) {
        if (from.equals(to)) {
            return false;
        }
        if (to instanceof ColumnType.Builtin t && t.type().family() == PgType.Family.STRING && !(from instanceof ColumnType.ArrayOf)) {
            return false;
        }
        if (from instanceof ColumnType.ArrayOf a && to instanceof ColumnType.ArrayOf b) {
            return needsUsing(a.element(), b.element());
        }
        if (from instanceof ColumnType.Builtin a && to instanceof ColumnType.Builtin b) {
            PgType x = plain(a.type());
            PgType y = plain(b.type());
            return x != y && !ASSIGNABLE.getOrDefault(x, Set.of()).contains(y);
        }
        return true;
    }

    /**
     * Whether PostgreSQL can convert a column from {@code from} to {@code to} by a cast at all (implicit,
     * assignment or explicit, including the I/O conversions to and from the string types). Where it cannot
     * (bigint to timestamp, uuid to integer, boolean to date), the code must supply a {@code USING}
     * expression. Types known only by name are assumed to have a cast.
     */
    public static boolean castExists(ColumnType from, ColumnType to) {
        if (from.equals(to) || isString(to) || isString(from)) {
            return true; // every type has an I/O conversion to and from the string types
        }
        if (from instanceof ColumnType.ArrayOf a && to instanceof ColumnType.ArrayOf b) {
            return castExists(a.element(), b.element());
        }
        if (from instanceof ColumnType.ArrayOf || to instanceof ColumnType.ArrayOf) {
            return from instanceof ColumnType.Named || to instanceof ColumnType.Named;
        }
        if (from instanceof ColumnType.Named || to instanceof ColumnType.Named) {
            return true;
        }
        if (from instanceof ColumnType.EnumRef || to instanceof ColumnType.EnumRef) {
            return from instanceof ColumnType.EnumRef && to instanceof ColumnType.EnumRef; // through text
        }
        PgType x = plain(((ColumnType.Builtin) from).type());
        PgType y = plain(((ColumnType.Builtin) to).type());
        return x == y || ASSIGNABLE.getOrDefault(x, Set.of()).contains(y)
                || x == PgType.INTEGER && y == PgType.BOOLEAN || x == PgType.BOOLEAN && y == PgType.INTEGER;
    }

    /** Whether every value of {@code from} converts to {@code to} exactly, so the change cannot lose data or fail. */
    public static boolean isWidening(ColumnType from, ColumnType to) {
        return effect(from, to).widening();
    }

    /** What converting a column of type {@code from} to {@code to} does to its values; see {@link Effect}. */
    public static Effect effect(ColumnType from, ColumnType to) {
        Effect e = rawEffect(from, to);
        if (e.alters() == null && e.fails() == null || e.fails() != null) {
            return e;
        }
        // Any conversion not known exactly may also fail on a value it cannot take.
        return e.alters().equals(UNKNOWN_ALTERS) ? e.orFails(needsUsing(from, to)
                ? "fails if a value does not convert" : "fails if a value does not fit") : e;
    }

    private static Effect rawEffect(ColumnType from, ColumnType to) {
        if (from.equals(to)) {
            return Effect.NONE;
        }
        if (from instanceof ColumnType.ArrayOf a && to instanceof ColumnType.ArrayOf b) {
            return rawEffect(a.element(), b.element());
        }
        if (from instanceof ColumnType.ArrayOf || to instanceof ColumnType.ArrayOf) {
            return isText(to) ? Effect.NONE : Effect.UNKNOWN;
        }
        if (to instanceof ColumnType.Builtin b && b.type().family() == PgType.Family.STRING) {
            return toString(from, b);
        }
        if (to instanceof ColumnType.EnumRef) {
            return isString(from) || from instanceof ColumnType.EnumRef
                    ? new Effect(null, "fails if a value is not a label of the enum") : Effect.UNKNOWN;
        }
        if (to instanceof ColumnType.Named n) {
            return n.sql().equals("citext") && isString(from) ? Effect.NONE : Effect.UNKNOWN;
        }
        if (from instanceof ColumnType.Builtin a && to instanceof ColumnType.Builtin b) {
            return builtin(a, b);
        }
        return Effect.UNKNOWN;
    }

    /** To text, varchar or char: I/O conversion, so only lengths and padding matter. */
    private static Effect toString(ColumnType from, ColumnType.Builtin to) {
        Integer limit = to.length();
        if (limit == null) {
            return Effect.NONE; // text or unbounded varchar: every type's text form, unchanged
        }
        String tooLong = "fails if a value is longer than " + characters(limit);
        ColumnType.Builtin f = from instanceof ColumnType.Builtin b && b.type().family() == PgType.Family.STRING ? b : null;
        boolean fits = f != null && f.length() != null && f.length() <= limit;
        if (to.type() == PgType.CHAR) {
            if (f != null && f.type() == PgType.CHAR) {
                return fits ? Effect.NONE : new Effect(null, tooLong);
            }
            return new Effect(isString(from) ? "pads values with spaces to " + characters(limit)
                    + " and stops counting their trailing spaces" : null, fits ? null : tooLong);
        }
        if (fits) {
            return Effect.NONE;
        }
        // Assignment to varchar(n) cuts excess characters silently when they are all spaces, else fails.
        boolean spaces = isString(from) && !(f != null && f.type() == PgType.CHAR);
        return new Effect(spaces ? "cuts trailing spaces beyond " + characters(limit) : null, tooLong);
    }

    private static Effect builtin(ColumnType.Builtin a, ColumnType.Builtin b) {
        PgType x = plain(a.type());
        PgType y = plain(b.type());
        if (x == y && x != PgType.NUMERIC) {
            return Effect.NONE;
        }
        return switch (y) {
            case SMALLINT, INTEGER, BIGINT -> toInteger(a, x, y);
            case NUMERIC -> toNumeric(a, x, b);
            case REAL -> switch (x) {
                case SMALLINT -> Effect.NONE;
                case INTEGER, BIGINT -> new Effect("rounds values to the about 6 significant digits of real", null);
                case NUMERIC, DOUBLE_PRECISION -> new Effect("rounds values to the about 6 significant digits of real",
                        "fails if a value is outside the range of real");
                default -> Effect.UNKNOWN;
            };
            case DOUBLE_PRECISION -> switch (x) {
                case SMALLINT, INTEGER, REAL -> Effect.NONE;
                case BIGINT -> new Effect("rounds values beyond about 15 significant digits", null);
                case NUMERIC -> new Effect("rounds values beyond about 15 significant digits",
                        "fails if a value is outside the range of double precision");
                default -> Effect.UNKNOWN;
            };
            case DATE -> switch (x) {
                case TIMESTAMP -> new Effect("drops the time of day", null);
                case TIMESTAMPTZ -> new Effect("drops the time of day after shifting each instant to " + SESSION_ZONE, null);
                default -> Effect.UNKNOWN;
            };
            case TIME -> switch (x) {
                case TIMESTAMP -> new Effect("drops the date", null);
                case TIMESTAMPTZ -> new Effect("drops the date after shifting each instant to " + SESSION_ZONE, null);
                case INTERVAL -> new Effect("drops the days and months of each interval", null);
                default -> Effect.UNKNOWN;
            };
            case TIMESTAMP -> switch (x) {
                case DATE -> Effect.NONE;
                case TIMESTAMPTZ -> new Effect("turns each instant into its local time in " + SESSION_ZONE, null);
                default -> Effect.UNKNOWN;
            };
            case TIMESTAMPTZ -> switch (x) {
                case DATE -> new Effect("reads each date as midnight in " + SESSION_ZONE, null);
                case TIMESTAMP -> new Effect("reads each value as a local time in " + SESSION_ZONE, null);
                default -> Effect.UNKNOWN;
            };
            case INTERVAL -> x == PgType.TIME ? Effect.NONE : Effect.UNKNOWN;
            case JSON -> x == PgType.JSONB ? Effect.NONE : Effect.UNKNOWN;
            case JSONB -> x == PgType.JSON ? new Effect("drops duplicate keys and the whitespace and key order of documents",
                    "fails if a document holds the escape \\u0000") : Effect.UNKNOWN;
            default -> Effect.UNKNOWN;
        };
    }

    /** Digits an integer type needs to fit in numeric(p, s) without loss. */
    private static final Map<PgType, Integer> INTEGER_DIGITS = Map.of(PgType.SMALLINT, 5, PgType.INTEGER, 10, PgType.BIGINT, 19);

    private static final Map<PgType, Integer> INTEGER_RANK = Map.of(PgType.SMALLINT, 1, PgType.INTEGER, 2, PgType.BIGINT, 3);

    private static Effect toInteger(ColumnType.Builtin a, PgType x, PgType y) {
        String range = "fails if a value is outside the range of " + y.sql();
        if (INTEGER_RANK.containsKey(x)) {
            return INTEGER_RANK.get(x) < INTEGER_RANK.get(y) ? Effect.NONE : new Effect(null, range);
        }
        if (x == PgType.NUMERIC && a.scale() != null && a.scale() == 0) {
            return a.precision() < INTEGER_DIGITS.get(y) ? Effect.NONE : new Effect(null, range);
        }
        return x == PgType.NUMERIC || x == PgType.REAL || x == PgType.DOUBLE_PRECISION
                ? new Effect(ROUNDS_TO_INTEGER, range) : Effect.UNKNOWN;
    }

    private static Effect toNumeric(ColumnType.Builtin a, PgType x, ColumnType.Builtin b) {
        Integer p = b.precision();
        Integer s = b.scale();
        if (x == PgType.NUMERIC) {
            if (p == null) {
                return Effect.NONE;
            }
            boolean fromAny = a.precision() == null;
            boolean rounds = fromAny || s < a.scale();
            int integerDigits = fromAny ? Integer.MAX_VALUE : a.precision() - a.scale();
            boolean overflows = p - s < integerDigits || rounds && p - s <= integerDigits;
            return new Effect(rounds ? roundsTo(s) : null, overflows ? digits(p - s) : null);
        }
        Integer needed = INTEGER_DIGITS.get(x);
        if (needed != null) {
            return p == null || p - s >= needed ? Effect.NONE : new Effect(null, digits(p - s));
        }
        if (x == PgType.REAL || x == PgType.DOUBLE_PRECISION) {
            String kept = "keeps only about " + (x == PgType.REAL ? 6 : 15) + " significant digits of each value";
            return p == null ? new Effect(kept, null) : new Effect(roundsTo(s), digits(p - s));
        }
        return Effect.UNKNOWN;
    }

    private static String roundsTo(int scale) {
        return scale == 0 ? ROUNDS_TO_INTEGER : "rounds values to " + scale + (scale == 1 ? " decimal place" : " decimal places");
    }

    private static String digits(int n) {
        return "fails if a value has more than " + n + (n == 1 ? " digit" : " digits") + " before the decimal point";
    }

    private static String characters(int n) {
        return n + (n == 1 ? " character" : " characters");
    }

    private static boolean isString(ColumnType t) {
        return t instanceof ColumnType.Builtin b && b.type().family() == PgType.Family.STRING;
    }

    private static boolean isText(ColumnType t) {
        return t instanceof ColumnType.Builtin b && (b.type() == PgType.TEXT || b.type() == PgType.VARCHAR && b.length() == null);
    }

    private static PgType plain(PgType t) {
        return switch (t) {
            case SERIAL -> PgType.INTEGER;
            case BIGSERIAL -> PgType.BIGINT;
            default -> t;
        };
    }
}
