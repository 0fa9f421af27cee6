package dev.shale.dsl;

import dev.shale.model.DefaultValue;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Defaults: typed literals of each kind, now(), gen_random_uuid() and raw SQL. */
class DefaultsTest {

    enum Plan { FREE, PRO }

    static final PgEnum<Plan> PLAN = PgEnum.of("plan", Plan.class);

    static final class Defaults extends Table {
        final Column<UUID> id = uuid("id").primaryKey().defaultRandom();
        final Column<UUID> fixedId = uuid("fixed_id").defaultValue(UUID.fromString("00000000-0000-0000-0000-00000000002a"));
        final Column<String> greeting = text("greeting").defaultValue("it's \"fine\"");
        final Column<String> code = varchar("code", 10).notNull().defaultValue("ABC");
        final Column<Short> small = smallint("small").defaultValue((short) -3);
        final Column<Integer> quantity = integer("quantity").notNull().defaultValue(0);
        final Column<Long> big = bigint("big").defaultValue(9_000_000_000L);
        final Column<BigDecimal> price = numeric("price", 12, 2).defaultValue(new BigDecimal("19.90"));
        final Column<Double> ratio = doublePrecision("ratio").defaultValue(0.5);
        final Column<Boolean> active = bool("active").notNull().defaultValue(true);
        final Column<LocalDate> since = date("since").defaultValue(LocalDate.of(2024, 2, 29));
        final Column<OffsetDateTime> at = timestamptz("at").defaultValue(OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC));
        final Column<OffsetDateTime> createdAt = timestamptz("created_at").notNull().defaultNow();
        final Column<LocalDate> today = date("today").defaultNow();
        final Column<Duration> ttl = interval("ttl").defaultValue(Duration.ofHours(36));
        final Column<String> doc = jsonb("doc").defaultValue("{\"a\": [1, 2]}");
        final Column<byte[]> blob = bytea("blob").defaultValue(new byte[] {0x0f, (byte) 0xa0});
        final Column<InetAddress> ip = inet("ip").defaultValue(InetAddress.getLoopbackAddress());
        final Column<Plan> plan = column("plan", PLAN).notNull().defaultValue(Plan.PRO);
        final Column<List<String>> tags = text("tags").array().notNull().defaultValue(List.of("a", "b \"c\"", "d,e"));
        final Column<List<Integer>> empty = integer("empty").array().defaultValue(List.of());
        final Column<OffsetDateTime> expiresAt = timestamptz("expires_at").defaultSql("now() + interval '7 days'");
        final Column<String> slug = text("slug").defaultSql("md5(random()::text)");

        Defaults() {
            super("defaults");
        }
    }

    @Test
    void eachDefaultHasItsKindAndText() {
        Map<String, DefaultValue> expected = new LinkedHashMap<>();
        expected.put("id", DefaultValue.expression("gen_random_uuid()"));
        expected.put("fixed_id", DefaultValue.string("00000000-0000-0000-0000-00000000002a"));
        expected.put("greeting", DefaultValue.string("it's \"fine\""));
        expected.put("code", DefaultValue.string("ABC"));
        expected.put("small", DefaultValue.number("-3"));
        expected.put("quantity", DefaultValue.number("0"));
        expected.put("big", DefaultValue.number("9000000000"));
        expected.put("price", DefaultValue.number("19.90"));
        expected.put("ratio", DefaultValue.number("0.5"));
        expected.put("active", DefaultValue.bool(true));
        expected.put("since", DefaultValue.string("2024-02-29"));
        expected.put("at", DefaultValue.string("2024-01-02T03:04:05Z"));
        expected.put("created_at", DefaultValue.expression("now()"));
        expected.put("today", DefaultValue.expression("now()"));
        expected.put("ttl", DefaultValue.string("PT36H"));
        expected.put("doc", DefaultValue.string("{\"a\": [1, 2]}"));
        expected.put("blob", DefaultValue.string("\\x0fa0"));
        expected.put("ip", DefaultValue.string("127.0.0.1"));
        expected.put("plan", DefaultValue.string("pro"));
        expected.put("tags", DefaultValue.string("{\"a\",\"b \\\"c\\\"\",\"d,e\"}"));
        expected.put("empty", DefaultValue.string("{}"));
        expected.put("expires_at", DefaultValue.expression("now() + interval '7 days'"));
        expected.put("slug", DefaultValue.expression("md5(random()::text)"));

        var table = Dsl.table(Dsl.model(new Defaults()), "defaults");
        Map<String, DefaultValue> actual = new LinkedHashMap<>();
        table.columns().forEach(c -> actual.put(c.name(), c.defaultValue()));
        assertEquals(expected, actual);
    }

    @Test
    void aQuoteInsideAStringDefaultIsKeptAsWrittenForTheRendererToEscape() {
        var column = Dsl.table(Dsl.model(new Defaults()), "defaults").column("greeting");
        assertEquals(DefaultValue.Kind.STRING, column.defaultValue().kind());
        assertEquals("it's \"fine\"", column.defaultValue().value());
    }

    @Test
    void theLastDefaultDeclaredWins() {
        class Twice extends Table {
            final Column<Integer> n = integer("n").defaultValue(1).defaultSql("2 + 2");

            Twice() {
                super("twice");
            }
        }
        assertEquals(DefaultValue.expression("2 + 2"), Dsl.table(Dsl.model(new Twice()), "twice").column("n").defaultValue());
    }
}
