package dev.shale.model;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The built-in PostgreSQL column types the model supports, with their canonical SQL spelling. */
public enum PgType {
    UUID("uuid", Family.OTHER),
    TEXT("text", Family.STRING),
    VARCHAR("varchar", Family.STRING),
    CHAR("char", Family.STRING),
    SMALLINT("smallint", Family.NUMERIC),
    INTEGER("integer", Family.NUMERIC),
    BIGINT("bigint", Family.NUMERIC),
    SERIAL("serial", Family.NUMERIC),
    BIGSERIAL("bigserial", Family.NUMERIC),
    NUMERIC("numeric", Family.NUMERIC),
    REAL("real", Family.NUMERIC),
    DOUBLE_PRECISION("double precision", Family.NUMERIC),
    BOOLEAN("boolean", Family.OTHER),
    DATE("date", Family.DATETIME),
    TIME("time", Family.DATETIME),
    TIMESTAMP("timestamp", Family.DATETIME),
    TIMESTAMPTZ("timestamptz", Family.DATETIME),
    INTERVAL("interval", Family.OTHER),
    JSON("json", Family.JSON),
    JSONB("jsonb", Family.JSON),
    BYTEA("bytea", Family.OTHER),
    INET("inet", Family.OTHER);

    /** Groups of types PostgreSQL converts between without an explicit USING cast. */
    public enum Family { STRING, NUMERIC, DATETIME, JSON, OTHER }

    private static final Map<String, PgType> BY_SQL =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(PgType::sql, Function.identity()));

    private final String sql;
    private final Family family;

    PgType(String sql, Family family) {
        this.sql = sql;
        this.family = family;
    }

    /** The canonical SQL name, as snapshots and migrations spell it. */
    public String sql() {
        return sql;
    }

    public Family family() {
        return family;
    }

    /** varchar(n) and char(n) take a length. */
    public boolean takesLength() {
        return this == VARCHAR || this == CHAR;
    }

    /** numeric(p,s) takes a precision and scale. */
    public boolean takesPrecision() {
        return this == NUMERIC;
    }

    /** serial and bigserial are not real types: they create a sequence and a default. */
    public boolean isSerial() {
        return this == SERIAL || this == BIGSERIAL;
    }

    /** The type by its canonical SQL name, or null. */
    public static PgType bySql(String sql) {
        return BY_SQL.get(sql);
    }
}
