package dev.shale.diff;

import dev.shale.model.ColumnType;
import dev.shale.model.PgType;

import java.util.Map;
import java.util.Set;

/**
 * The one place that knows how PostgreSQL converts a column from one type to another: whether
 * {@code ALTER COLUMN ... TYPE} needs an explicit {@code USING} cast, and whether the change is a
 * widening (every old value survives unchanged) or may lose data.
 *
 * <p>The cast table is PostgreSQL 15's {@code pg_cast} rows of context "implicit" or "assignment"
 * between the supported types, plus the rule that any type converts to a string type by I/O on
 * assignment.
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

    /** Digits an integer type needs to fit in numeric(p, s) without loss. */
    private static final Map<PgType, Integer> INTEGER_DIGITS = Map.of(
            PgType.SMALLINT, 5, PgType.INTEGER, 10, PgType.SERIAL, 10, PgType.BIGINT, 19, PgType.BIGSERIAL, 19);

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

    /** Whether every value of {@code from} converts to {@code to} exactly, so the change cannot lose data. */
    public static boolean isWidening(ColumnType from, ColumnType to) {
        if (from.equals(to)) {
            return true;
        }
        if (from instanceof ColumnType.ArrayOf a && to instanceof ColumnType.ArrayOf b) {
            return isWidening(a.element(), b.element());
        }
        if (to instanceof ColumnType.Builtin t && t.type() == PgType.TEXT && !(from instanceof ColumnType.ArrayOf)) {
            return true;
        }
        if (!(from instanceof ColumnType.Builtin a) || !(to instanceof ColumnType.Builtin b)) {
            return false;
        }
        PgType x = plain(a.type());
        PgType y = plain(b.type());
        switch (y) {
            case VARCHAR -> {
                return (x == PgType.VARCHAR || x == PgType.CHAR || x == PgType.TEXT && b.length() == null)
                        && (b.length() == null || a.length() != null && a.length() <= b.length());
            }
            case CHAR -> {
                return x == PgType.CHAR && a.length() <= b.length();
            }
            case INTEGER -> {
                return x == PgType.SMALLINT;
            }
            case BIGINT -> {
                return x == PgType.SMALLINT || x == PgType.INTEGER;
            }
            case REAL -> {
                return x == PgType.SMALLINT;
            }
            case DOUBLE_PRECISION -> {
                return x == PgType.SMALLINT || x == PgType.INTEGER || x == PgType.REAL;
            }
            case NUMERIC -> {
                if (x == PgType.NUMERIC) {
                    return b.precision() == null || a.precision() != null
                            && b.scale() >= a.scale() && b.precision() - b.scale() >= a.precision() - a.scale();
                }
                Integer digits = INTEGER_DIGITS.get(x);
                return digits != null && (b.precision() == null || b.precision() - b.scale() >= digits);
            }
            case TIMESTAMP, TIMESTAMPTZ -> {
                return x == PgType.DATE || x == PgType.TIMESTAMP || x == PgType.TIMESTAMPTZ;
            }
            case JSON -> {
                return x == PgType.JSONB;
            }
            default -> {
                return false;
            }
        }
    }

    private static PgType plain(PgType t) {
        return switch (t) {
            case SERIAL -> PgType.INTEGER;
            case BIGSERIAL -> PgType.BIGINT;
            default -> t;
        };
    }
}
