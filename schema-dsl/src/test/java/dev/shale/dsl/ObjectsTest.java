package dev.shale.dsl;

import dev.shale.model.Extension;
import dev.shale.model.Namespace;
import dev.shale.model.QualifiedName;
import dev.shale.model.SchemaModel;
import dev.shale.model.Sequence;
import dev.shale.model.SequenceOptions;
import dev.shale.model.Table;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.shale.dsl.PgExtension.extension;
import static dev.shale.dsl.PgSchema.schema;
import static dev.shale.dsl.PgSequence.sequence;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Schemas, extensions and sequences as objects, and comments on tables, their parts and enums. */
class ObjectsTest {

    static final class Tickets extends dev.shale.dsl.Table {
        final Column<Integer> id = integer("id").primaryKey().defaultSql("nextval('app.ticket_no')");
        final Column<Integer> legacy = integer("legacy_no");
        final Column<String> title = text("title").notNull();

        Tickets(String commentOn) {
            super("app", "tickets");
            check("tickets_title_check", "title <> ''");
            index("tickets_title_idx").on(title).comment("Find by title");
            comment("Support tickets");
            commentOn(commentOn, "The ticket number");
        }
    }

    /** What a project's static fields hold. */
    static final class Holder {
        static final PgSchema APP = schema("app").comment("The application");
        static final PgExtension TRGM = extension("pg_trgm").schema("public").version("1.6");
        static final Tickets TICKETS = new Tickets("tickets_pkey");
        static final PgSequence TICKET_NO = sequence("app", "ticket_no").as("integer").startWith(1000).incrementBy(10)
                .minValue(1).maxValue(1_000_000).cache(20).cycle().ownedBy(TICKETS.legacy).comment("Ticket numbers");
        static final PgEnum<String> MOOD = PgEnum.inSchema("app", "mood", "ok").comment("How it feels");
    }

    @Test
    void staticFieldsOfEveryKindBecomeTheModel() {
        SchemaModel m = SchemaBuilder.fromClasses(List.of(Holder.class)).model();
        assertEquals(List.of(new Namespace("app", "The application")), m.namespaces());
        assertEquals(List.of(new Extension("pg_trgm", "public", "1.6")), m.extensions());
        QualifiedName tickets = QualifiedName.of("app", "tickets");
        assertEquals(List.of(new Sequence(QualifiedName.of("app", "ticket_no"),
                new SequenceOptions("integer", 1000L, 10L, 1L, 1_000_000L, 20L, true),
                new Sequence.OwnedBy(tickets, "legacy_no"), "Ticket numbers")), m.sequences());
        Table t = m.table(tickets);
        assertEquals("Support tickets", t.comment());
        assertEquals("The ticket number", t.primaryKey().comment());
        assertNull(t.checks().get(0).comment());
        assertEquals("Find by title", t.indexes().get(0).comment());
        assertEquals("How it feels", m.enums().get(0).comment());
    }

    @Test
    void aSequenceAloneBringsItsOwnersTable() {
        Tickets t = new Tickets("tickets_title_check");
        SchemaModel m = SchemaBuilder.build(List.of(sequence("app", "s").ownedBy(t.legacy))).model();
        assertEquals("The ticket number", m.table(t.qualifiedName()).checks().get(0).comment());
    }

    @Test
    void mistakesNameTheDeclaration() {
        SchemaDefinitionException unknown = assertThrows(SchemaDefinitionException.class,
                () -> SchemaBuilder.build(List.of(new Tickets("tickets_nope"))));
        assertTrue(unknown.getMessage().contains("commentOn(\"tickets_nope\""), unknown.getMessage());
        assertTrue(unknown.getMessage().contains("tickets_pkey"), unknown.getMessage());
        SchemaDefinitionException type = assertThrows(SchemaDefinitionException.class, () -> sequence("s").as("numeric"));
        assertTrue(type.getMessage().contains("smallint, integer or bigint"), type.getMessage());
        SchemaDefinitionException twice = assertThrows(SchemaDefinitionException.class,
                () -> SchemaBuilder.build(List.of(sequence("s"), sequence("s"))));
        assertTrue(twice.getMessage().contains("declared twice"), twice.getMessage());
        SchemaDefinitionException elsewhere = assertThrows(SchemaDefinitionException.class,
                () -> SchemaBuilder.build(List.of(sequence("public", "s").ownedBy(new Tickets("tickets_pkey").legacy))));
        assertTrue(elsewhere.getMessage().contains("one schema"), elsewhere.getMessage());
    }
}
