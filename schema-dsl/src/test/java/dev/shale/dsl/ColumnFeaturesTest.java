package dev.shale.dsl;

import dev.shale.model.Conversion;
import dev.shale.model.Identity;
import dev.shale.model.QualifiedName;
import dev.shale.model.SequenceOptions;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Identity, generated, collated and commented columns, and using(), as the DSL declares them. */
class ColumnFeaturesTest {

    static final class Orders extends Table {
        final Column<Long> id = bigint("id").primaryKey().generatedAlwaysAsIdentity();
        final Column<Integer> ref = integer("ref").generatedByDefaultAsIdentity(seq -> seq.startWith(1000).incrementBy(5).cache(20));
        final Column<Integer> price = integer("price").notNull();
        final Column<Integer> total = integer("total").generatedAlwaysAs("price * 2").comment("twice the price");
        final Column<String> code = text("code").collate("C");
        final Column<java.time.OffsetDateTime> createdAt = timestamptz("created_at").using("to_timestamp(created_at)");

        Orders() {
            super("orders");
        }
    }

    @Test
    void featuresReachTheModel() {
        SchemaDefinition d = SchemaBuilder.build(List.of(new Orders()));
        var t = d.model().table(QualifiedName.of("orders"));
        assertEquals(Identity.always(), t.column("id").identity());
        assertEquals(Identity.byDefault().withOptions(SequenceOptions.DEFAULTS.withStart(1000L).withIncrement(5L).withCache(20L)),
                t.column("ref").identity());
        assertTrue(t.column("ref").notNull(), "an identity column is NOT NULL");
        assertEquals("price * 2", t.column("total").generated());
        assertEquals("twice the price", t.column("total").comment());
        assertEquals("C", t.column("code").collation());
        assertNull(t.column("price").collation());
    }

    @Test
    void usingIsAConversionBesideTheModelNotInIt() {
        SchemaDefinition d = SchemaBuilder.build(List.of(new Orders()));
        assertEquals(List.of(new Conversion(QualifiedName.of("orders"), "created_at", "to_timestamp(created_at)")), d.conversions());
        assertEquals(dev.shale.model.Column.of("created_at", dev.shale.model.ColumnType.parse("timestamptz")),
                d.model().table(QualifiedName.of("orders")).column("created_at"));
    }

    static final class BadIdentity extends Table {
        final Column<String> name = text("name").generatedAlwaysAsIdentity();

        BadIdentity() {
            super("bad");
        }
    }

    static final class BadOptions extends Table {
        final Column<Integer> id = integer("id").generatedAlwaysAsIdentity(seq -> seq.incrementBy(0));

        BadOptions() {
            super("bad_options");
        }
    }

    @Test
    void badFeaturesSayWhatIsWrong() {
        SchemaDefinitionException e = assertThrows(SchemaDefinitionException.class, () -> SchemaBuilder.build(List.of(new BadIdentity())));
        assertTrue(e.getMessage().contains("identity columns are smallint, integer or bigint"), e.getMessage());
        SchemaDefinitionException o = assertThrows(SchemaDefinitionException.class, () -> SchemaBuilder.build(List.of(new BadOptions())));
        assertTrue(o.getMessage().contains("INCREMENT must not be zero") && o.getMessage().contains("\"id\""), o.getMessage());
    }
}
