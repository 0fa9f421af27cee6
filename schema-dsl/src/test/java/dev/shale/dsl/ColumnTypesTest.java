package dev.shale.dsl;

import dev.shale.model.ColumnType;
import dev.shale.model.PgType;
import dev.shale.model.QualifiedName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every column type the DSL offers, and the {@link ColumnType} it puts in the model. */
class ColumnTypesTest {

    enum Mood { HAPPY, SAD }

    static final PgEnum<Mood> MOOD = PgEnum.of("mood", Mood.class);

    static final class AllTypes extends Table {
        final Column<UUID> aUuid = uuid("a_uuid");
        final Column<String> aText = text("a_text");
        final Column<String> aVarchar = varchar("a_varchar", 255);
        final Column<String> aVarcharUnbounded = varchar("a_varchar_unbounded");
        final Column<String> aChar = character("a_char", 2);
        final Column<Short> aSmallint = smallint("a_smallint");
        final Column<Integer> anInteger = integer("an_integer");
        final Column<Long> aBigint = bigint("a_bigint");
        final Column<Integer> aSerial = serial("a_serial");
        final Column<Long> aBigserial = bigserial("a_bigserial");
        final Column<BigDecimal> aNumeric = numeric("a_numeric", 12, 2);
        final Column<BigDecimal> aNumericUnbounded = numeric("a_numeric_unbounded");
        final Column<Float> aReal = real("a_real");
        final Column<Double> aDouble = doublePrecision("a_double");
        final Column<Boolean> aBoolean = bool("a_boolean");
        final Column<LocalDate> aDate = date("a_date");
        final Column<LocalTime> aTime = time("a_time");
        final Column<LocalDateTime> aTimestamp = timestamp("a_timestamp");
        final Column<OffsetDateTime> aTimestamptz = timestamptz("a_timestamptz");
        final Column<Duration> anInterval = interval("an_interval");
        final Column<String> aJson = json("a_json");
        final Column<String> aJsonb = jsonb("a_jsonb");
        final Column<byte[]> aBytea = bytea("a_bytea");
        final Column<InetAddress> anInet = inet("an_inet");
        final Column<Mood> anEnum = column("an_enum", MOOD);

        AllTypes() {
            super("all_types");
        }
    }

    static final class Arrays extends Table {
        final Column<List<String>> tags = text("tags").array();
        final Column<List<Integer>> scores = integer("scores").array().notNull();
        final Column<List<String>> codes = varchar("codes", 8).array();
        final Column<List<BigDecimal>> prices = numeric("prices", 10, 2).array();
        final Column<List<UUID>> ids = uuid("ids").array();
        final Column<List<Mood>> moods = column("moods", MOOD).array();

        Arrays() {
            super("arrays");
        }
    }

    @Test
    void everyTypeHasItsSpec() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("a_uuid", "uuid");
        expected.put("a_text", "text");
        expected.put("a_varchar", "varchar(255)");
        expected.put("a_varchar_unbounded", "varchar");
        expected.put("a_char", "char(2)");
        expected.put("a_smallint", "smallint");
        expected.put("an_integer", "integer");
        expected.put("a_bigint", "bigint");
        expected.put("a_serial", "serial");
        expected.put("a_bigserial", "bigserial");
        expected.put("a_numeric", "numeric(12,2)");
        expected.put("a_numeric_unbounded", "numeric");
        expected.put("a_real", "real");
        expected.put("a_double", "double precision");
        expected.put("a_boolean", "boolean");
        expected.put("a_date", "date");
        expected.put("a_time", "time");
        expected.put("a_timestamp", "timestamp");
        expected.put("a_timestamptz", "timestamptz");
        expected.put("an_interval", "interval");
        expected.put("a_json", "json");
        expected.put("a_jsonb", "jsonb");
        expected.put("a_bytea", "bytea");
        expected.put("an_inet", "inet");
        expected.put("an_enum", "enum:public.mood");

        var table = Dsl.table(Dsl.model(new AllTypes()), "all_types");
        Map<String, String> actual = new LinkedHashMap<>();
        table.columns().forEach(c -> actual.put(c.name(), c.type().spec()));
        assertEquals(expected, actual, "columns keep declaration order and carry their type");
        // every builtin PgType is reachable from the DSL
        for (PgType t : PgType.values()) {
            assertTrue(actual.values().stream().anyMatch(spec -> spec.equals(t.sql()) || spec.startsWith(t.sql() + "(")),
                    "the DSL declares no column of type " + t.sql());
        }
    }

    @Test
    void builtinTypesCarryTheirModifiers() {
        var table = Dsl.table(Dsl.model(new AllTypes()), "all_types");
        assertEquals(new ColumnType.Builtin(PgType.VARCHAR, 255, null, null), table.column("a_varchar").type());
        assertEquals(new ColumnType.Builtin(PgType.CHAR, 2, null, null), table.column("a_char").type());
        assertEquals(new ColumnType.Builtin(PgType.NUMERIC, null, 12, 2), table.column("a_numeric").type());
        assertEquals(ColumnType.Builtin.of(PgType.NUMERIC), table.column("a_numeric_unbounded").type());
        assertEquals(new ColumnType.EnumRef(QualifiedName.of("mood")), table.column("an_enum").type());
    }

    @Test
    void columnsAreNullableUnlessDeclaredNotNullOrSerial() {
        var table = Dsl.table(Dsl.model(new AllTypes(), MOOD), "all_types");
        // PostgreSQL makes serial and bigserial columns NOT NULL whatever the declaration says
        table.columns().forEach(c -> assertEquals(c.type().spec().endsWith("serial"), c.notNull(), c.name()));
        table.columns().forEach(c -> assertEquals(null, c.defaultValue(), c.name()));
    }

    @Test
    void arraysWrapTheirElementType() {
        var table = Dsl.table(Dsl.model(new Arrays()), "arrays");
        assertEquals(List.of("text[]", "integer[]", "varchar(8)[]", "numeric(10,2)[]", "uuid[]", "enum:public.mood[]"),
                table.columns().stream().map(c -> c.type().spec()).toList());
        var moods = assertInstanceOf(ColumnType.ArrayOf.class, table.column("moods").type());
        assertEquals(new ColumnType.EnumRef(QualifiedName.of("mood")), moods.element());
        assertTrue(table.column("scores").notNull());
    }

    @Test
    void anEnumUsedByAColumnJoinsTheSchemaWithoutBeingListed() {
        var model = Dsl.model(new AllTypes());
        assertEquals(List.of("happy", "sad"), model.enumType(QualifiedName.of("mood")).values());
    }

    static final class Search extends Table {
        final Column<String> email = custom("email", "citext").notNull().unique();
        final Column<String> document = custom("document", "tsvector");
        final Column<String> place = custom("place", "geometry(Point,4326)");
        final Column<List<String>> tags = custom("tags", "citext").array();
        final Column<String> price = custom("price", "money").defaultValue("0");
        final Column<String> amount = custom("amount", "app.positive_amount");

        Search() {
            super("search");
        }
    }

    @Test
    void anyTypeByNameThroughCustom() {
        var t = Dsl.table(Dsl.model(new Search()), "search");
        assertEquals(List.of("named:citext", "named:tsvector", "named:geometry(Point,4326)", "named:citext[]", "named:money",
                "named:app.positive_amount"), t.columns().stream().map(c -> c.type().spec()).toList());
        assertEquals("'0'", "'" + t.column("price").defaultValue().value() + "'");
        assertEquals("search_email_key", t.uniques().get(0).name());
    }

    @Test
    void aCustomTypeThatIsNoTypeNameIsRefusedAtItsLine() {
        class Bad extends Table {
            final Column<String> x = custom("x", "text; drop table users");

            Bad() {
                super("bad");
            }
        }
        var e = Dsl.fails(Bad::new);
        assertEquals("ColumnTypesTest.java", e.location().file());
        assertTrue(e.getMessage().contains("column \"x\" in table \"public\".\"bad\""), e.getMessage());
        assertTrue(e.getMessage().contains("not a type name as SQL writes one"), e.getMessage());
    }
}
