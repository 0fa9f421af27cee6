package dev.shale.introspect;

import dev.shale.model.Check;
import dev.shale.model.Column;
import dev.shale.model.ColumnType;
import dev.shale.model.DefaultValue;
import dev.shale.model.EnumType;
import dev.shale.model.Extension;
import dev.shale.model.Index;
import dev.shale.model.IndexKey;
import dev.shale.model.Namespace;
import dev.shale.model.PgType;
import dev.shale.model.PrimaryKey;
import dev.shale.model.QualifiedName;
import dev.shale.model.SchemaModel;
import dev.shale.model.Sequence;
import dev.shale.model.SequenceOptions;
import dev.shale.model.Table;
import dev.shale.model.Unique;
import dev.shale.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Schemas, extensions, standalone sequences and comments: migrated, introspected, canonicalized. */
class ObjectsIntrospectionTest {
    static final QualifiedName TICKETS = QualifiedName.of("app", "tickets");
    static final QualifiedName TICKET_NO = QualifiedName.of("app", "ticket_no");
    static final QualifiedName LOOSE = QualifiedName.of("loose_seq");

    static SchemaModel model() {
        Table tickets = Table.builder(TICKETS)
                .columns(List.of(new Column("id", ColumnType.Builtin.of(PgType.INTEGER), true,
                                DefaultValue.expression("nextval('app.ticket_no')")),
                        new Column("code", new ColumnType.Named("citext"), false, null),
                        new Column("title", ColumnType.Builtin.of(PgType.TEXT), true, null),
                        new Column("legacy_no", ColumnType.Builtin.of(PgType.INTEGER), false, null)))
                .primaryKey(new PrimaryKey("tickets_pkey", List.of("id")).withComment("Ticket number"))
                .uniques(List.of(new Unique("tickets_code_key", List.of("code")).withComment("Codes are unique")))
                .checks(List.of(new Check("tickets_title_check", "title <> ''").withComment("No empty titles")))
                .indexes(List.of(new Index("tickets_title_lower", false, null,
                        List.of(IndexKey.expression("lower(title)")), null).withComment("Fuzzy search")))
                .comment("Support tickets; it's where users complain")
                .build();
        return SchemaModel.builder()
                .namespaces(List.of(new Namespace("app", "The application"), Namespace.of("empty")))
                .extensions(List.of(Extension.of("citext"), new Extension("pg_trgm", "public", null)))
                .sequences(List.of(
                        new Sequence(TICKET_NO, new SequenceOptions("integer", 1000L, 10L, null, null, 20L, true),
                                new Sequence.OwnedBy(TICKETS, "legacy_no"), "Ticket numbers"),
                        Sequence.of(LOOSE).withOptions(SequenceOptions.DEFAULTS.withType("bigint").withIncrement(1L))))
                .enums(List.of(new EnumType(QualifiedName.of("app", "mood"), List.of("ok")).withComment("How it feels")))
                .tables(List.of(tickets))
                .build();
    }

    @Test
    void objectsAndCommentsRoundTrip() throws Exception {
        SchemaModel model = model();
        try (TestDatabase db = TestDatabase.create()) {
            RoundTrip.migrate(db, model);
            SchemaModel read = RoundTrip.assertCanonicalEqualsIntrospected(db, model);
            assertEquals(List.of(new Namespace("app", "The application"), Namespace.of("empty"), Namespace.of("public")),
                    read.namespaces(), "public's own comment reads as none");
            assertEquals(List.of("citext", "pg_trgm"), read.extensions().stream().map(Extension::name).toList());
            assertEquals("public", read.extension("citext").schema());
            assertEquals("1.6", read.extension("pg_trgm").version());
            Sequence ticket = read.sequence(TICKET_NO);
            assertEquals(new SequenceOptions("integer", 1000L, 10L, null, null, 20L, true), ticket.options());
            assertEquals(new Sequence.OwnedBy(TICKETS, "legacy_no"), ticket.ownedBy());
            assertEquals("Ticket numbers", ticket.comment());
            assertEquals(SequenceOptions.DEFAULTS, read.sequence(LOOSE).options(), "PostgreSQL's defaults read as none");
            Table t = read.table(TICKETS);
            assertEquals("Support tickets; it's where users complain", t.comment());
            assertEquals("Ticket number", t.primaryKey().comment());
            assertEquals("Codes are unique", t.uniques().get(0).comment());
            assertEquals("No empty titles", t.checks().get(0).comment());
            assertEquals("Fuzzy search", t.indexes().get(0).comment());
            assertEquals("How it feels", read.enums().get(0).comment());
            assertEquals("nextval('app.ticket_no'::regclass)", t.column("id").defaultValue().value());
            try (Connection c = db.connect()) {
                SchemaModel canonical = Canonicalizer.canonical(model, c);
                assertEquals(read.namespaces(), canonical.namespaces());
                assertEquals(read.extensions(), canonical.extensions());
                assertEquals(read.sequences(), canonical.sequences());
                Introspector.Introspection again = Introspector.read(c, model.schemas());
                assertEquals(List.of(), again.notManaged(), "standalone sequences are managed now");
            }
            db.execute("INSERT INTO app.tickets (title) VALUES ('a'), ('b')");
            assertEquals(List.of("1000", "1010"), db.strings("SELECT id FROM app.tickets ORDER BY id"));
        }
    }

    @Test
    void serialAndIdentitySequencesAreNotStandalone() throws Exception {
        try (TestDatabase db = TestDatabase.create(); Connection c = db.connect()) {
            db.execute("""
                    CREATE TABLE public.a (id serial PRIMARY KEY, n integer GENERATED ALWAYS AS IDENTITY);
                    CREATE SEQUENCE public.owned_seq OWNED BY public.a.n;
                    COMMENT ON SCHEMA public IS 'standard public schema';
                    """);
            SchemaModel read = Introspector.read(c, Set.of("public")).model();
            assertEquals(List.of(new Sequence(QualifiedName.of("owned_seq"), SequenceOptions.DEFAULTS,
                    new Sequence.OwnedBy(QualifiedName.of("a"), "n"), null)), read.sequences());
            assertNull(read.namespace("public").comment());
        }
    }
}
