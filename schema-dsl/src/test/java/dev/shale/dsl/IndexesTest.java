package dev.shale.dsl;

import dev.shale.model.Index;
import dev.shale.model.IndexKey;
import dev.shale.model.IndexMethod;
import dev.shale.model.NullsOrder;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static dev.shale.dsl.IndexKeySpec.expression;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Indexes: unique, composite, partial, expression, access methods, sort order and NULLS placement. */
class IndexesTest {

    static final class Events extends Table {
        final Column<UUID> id = uuid("id").primaryKey();
        final Column<String> email = text("email");
        final Column<String> kind = text("kind").notNull();
        final Column<OffsetDateTime> at = timestamptz("at").notNull();
        final Column<OffsetDateTime> deletedAt = timestamptz("deleted_at");
        final Column<String> payload = jsonb("payload");
        final Column<String> token = text("token");

        Events() {
            super("events");
            uniqueIndex("events_email_lower_key").on(expression("lower(email)"));
            index("events_kind_at_idx").on(kind, at.desc()).where("deleted_at is null");
            index("events_at_brin").on(at).using(IndexMethod.BRIN);
            index("events_payload_gin").on(payload).using(IndexMethod.GIN);
            index("events_token_hash").on(token).using(IndexMethod.HASH);
            index("events_deleted_desc_nulls_last").on(deletedAt.desc().nullsLast());
            index("events_deleted_nulls_first").on(deletedAt.asc().nullsFirst(), expression("date_trunc('day', at)").desc());
            uniqueIndex("events_kind_token_key").on(kind, token);
        }
    }

    private static List<Index> indexes() {
        return Dsl.table(Dsl.model(new Events()), "events").indexes();
    }

    @Test
    void everyIndexAsTheModelHasIt() {
        assertEquals(List.of(
                new Index("events_at_brin", false, IndexMethod.BRIN, List.of(IndexKey.column("at")), null),
                new Index("events_deleted_desc_nulls_last", false, IndexMethod.BTREE,
                        List.of(new IndexKey("deleted_at", null, true, NullsOrder.LAST)), null),
                new Index("events_deleted_nulls_first", false, IndexMethod.BTREE,
                        List.of(new IndexKey("deleted_at", null, false, NullsOrder.FIRST),
                                new IndexKey(null, "date_trunc('day', at)", true, NullsOrder.DEFAULT)), null),
                new Index("events_email_lower_key", true, IndexMethod.BTREE, List.of(IndexKey.expression("lower(email)")), null),
                new Index("events_kind_at_idx", false, IndexMethod.BTREE,
                        List.of(IndexKey.column("kind"), new IndexKey("at", null, true, NullsOrder.DEFAULT)), "deleted_at is null"),
                new Index("events_kind_token_key", true, IndexMethod.BTREE,
                        List.of(IndexKey.column("kind"), IndexKey.column("token")), null),
                new Index("events_payload_gin", false, IndexMethod.GIN, List.of(IndexKey.column("payload")), null),
                new Index("events_token_hash", false, IndexMethod.HASH, List.of(IndexKey.column("token")), null)),
                indexes());
    }

    @Test
    void aUniqueIndexOnPlainColumnsCanBeAForeignKeyTarget() {
        var events = Dsl.table(Dsl.model(new Events()), "events");
        assertEquals(true, events.isUniqueKey(List.of("token", "kind")));
        assertEquals(false, events.isUniqueKey(List.of("email")), "an expression index does not make email unique");
    }

    @Test
    void aUniqueIndexWithAnotherMethodIsRejectedAtItsDeclaration() {
        class Bad extends Table {
            final Column<String> v = text("v");

            Bad() {
                super("bad");
                uniqueIndex("bad_v_key").on(v).using(IndexMethod.HASH);
            }
        }
        var e = Dsl.fails(() -> Dsl.model(new Bad()));
        assertEquals("IndexesTest.java", e.location().file());
        assertEquals(true, e.getMessage().contains("unique indexes only with the btree method"), e.getMessage());
    }
}
