package dev.shale.evolution;

import dev.shale.change.AlterExtension;
import dev.shale.change.AlterSequence;
import dev.shale.change.CreateExtension;
import dev.shale.change.CreateSchema;
import dev.shale.change.CreateSequence;
import dev.shale.change.DropExtension;
import dev.shale.change.DropSchema;
import dev.shale.change.DropSequence;
import dev.shale.change.DropTable;
import dev.shale.change.SetComment;
import dev.shale.change.SetSequenceOwner;
import dev.shale.dsl.Column;
import dev.shale.dsl.PgEnum;
import dev.shale.dsl.PgExtension;
import dev.shale.dsl.PgSchema;
import dev.shale.dsl.PgSequence;
import dev.shale.dsl.SchemaBuilder;
import dev.shale.dsl.Table;
import dev.shale.model.SchemaModel;

import java.util.List;

/** Schemas as objects, extensions, standalone sequences and comments, written with the DSL. */
final class ObjectEvolutions {
    private ObjectEvolutions() {}

    /** app.tickets, whose id draws from app.ticket_no; with or without comments. */
    static final class Tickets extends Table {
        final Column<Integer> id = integer("id").primaryKey().defaultSql("nextval('app.ticket_no')");
        final Column<String> title = text("title").notNull();
        final Column<Integer> legacy = integer("legacy_no");

        Tickets(boolean commented, String tableComment) {
            super("app", "tickets");
            check("tickets_title_check", "title <> ''");
            index("tickets_title_idx").on(title).comment(commented ? "Find by title" : null);
            comment(tableComment);
            if (commented) {
                commentOn("tickets_pkey", "The ticket number");
                commentOn("tickets_title_check", "No empty titles");
            }
        }
    }

    /** app.tickets as {@link Tickets}, its id drawing from the sequence under its new name app.ticket_number. */
    static final class RenumberedTickets extends Table {
        final Column<Integer> id = integer("id").primaryKey().defaultSql("nextval('app.ticket_number')");
        final Column<String> title = text("title").notNull();
        final Column<Integer> legacy = integer("legacy_no");

        RenumberedTickets() {
            super("app", "tickets");
            check("tickets_title_check", "title <> ''");
            index("tickets_title_idx").on(title);
        }
    }

    /** public.notes with a citext column (needs the extension). */
    static final class Notes extends Table {
        final Column<Integer> id = integer("id").primaryKey();
        final Column<String> email = custom("email", "citext");

        Notes() {
            super("notes");
        }
    }

    private static SchemaModel dsl(Object... objects) {
        return SchemaBuilder.build(List.of(objects)).model();
    }

    private static final String SEED = "INSERT INTO app.tickets (title) VALUES ('first'), ('second')";
    private static final String IDS = "SELECT id FROM app.tickets ORDER BY id";

    static List<Evolution> cases() {
        Tickets plain = new Tickets(false, null);
        Tickets commented = new Tickets(true, "Support tickets");
        Tickets recommented = new Tickets(true, "Support tickets; it's where users complain");
        PgSequence ticketNo = PgSequence.sequence("app", "ticket_no").as("integer").startWith(1000).incrementBy(10);
        PgSequence ticketNoOwned = PgSequence.sequence("app", "ticket_no").as("integer").startWith(1000).incrementBy(10)
                .ownedBy(plain.legacy);
        PgSequence ticketNoWider = PgSequence.sequence("app", "ticket_no").as("bigint").startWith(1000).incrementBy(5)
                .cache(20).cycle().maxValue(1_000_000);
        PgSchema app = PgSchema.schema("app").comment("The application");
        return List.of(
                Evolution.named("a declared, commented schema created while empty")
                        .from(SchemaModel.EMPTY)
                        .to(dsl(PgSchema.schema("app").comment("The application"), PgSchema.schema("empty")))
                        .expects(CreateSchema.class, SetComment.class)
                        .losesNoData().build(),
                Evolution.named("a schema's comment changed and a declared schema dropped")
                        .from(dsl(PgSchema.schema("app").comment("old"), PgSchema.schema("empty")))
                        .to(dsl(PgSchema.schema("app").comment("new")))
                        .expects(SetComment.class, DropSchema.class)
                        .build(),
                Evolution.named("the last table of a schema dropped drops the schema after it")
                        .from(dsl(app, ticketNo, plain))
                        .to(dsl(new Notes(), PgExtension.extension("citext")))
                        .seed(SEED)
                        .expects(DropTable.class, DropSequence.class, DropSchema.class, CreateExtension.class)
                        .losesData().build(),
                Evolution.named("extensions created (with a schema and a version), updated and used by a column")
                        .from(dsl(PgExtension.extension("pg_trgm").version("1.5")))
                        .to(dsl(PgExtension.extension("pg_trgm").version("1.6"), PgExtension.extension("citext").schema("public"),
                                new Notes()))
                        .expects(AlterExtension.class, CreateExtension.class)
                        .losesNoData().build(),
                Evolution.named("an extension dropped")
                        .from(dsl(PgExtension.extension("pgcrypto"), PgExtension.extension("hstore")))
                        .to(dsl(PgExtension.extension("hstore")))
                        .expects(DropExtension.class)
                        .losesData().build(),
                Evolution.named("a sequence created and drawn by a column default")
                        .from(SchemaModel.EMPTY)
                        .to(dsl(ticketNo, plain))
                        .expects(CreateSequence.class)
                        .build(),
                Evolution.named("a sequence's options altered in place keep its current value")
                        .from(dsl(ticketNo, plain))
                        .to(dsl(ticketNoWider, plain))
                        .seed(SEED)
                        .keeps(IDS, "1000", "1010")
                        .keeps("SELECT nextval('app.ticket_no')", "1015")
                        .expects(AlterSequence.class)
                        .forbids(DropSequence.class, CreateSequence.class)
                        .losesNoData().build(),
                Evolution.named("a sequence renamed keeps counting, and the default drawing from it follows")
                        .from(dsl(ticketNo, plain))
                        .to(dsl(PgSequence.sequence("app", "ticket_number").as("integer").startWith(1000).incrementBy(10)
                                .renamedFrom("ticket_no"), new RenumberedTickets()))
                        .rename(dev.shale.model.Rename.sequence(dev.shale.model.QualifiedName.of("app", "ticket_no"), "ticket_number"))
                        .seed(SEED)
                        .keeps(IDS, "1000", "1010")
                        .keeps("SELECT nextval('app.ticket_number')", "1020")
                        .expects(dev.shale.change.RenameSequence.class)
                        .forbids(DropSequence.class, CreateSequence.class)
                        .losesNoData().build(),
                Evolution.named("a sequence owned by a column, then released")
                        .from(dsl(ticketNo, plain))
                        .to(dsl(ticketNoOwned, plain))
                        .seed(SEED)
                        .keeps(IDS, "1000", "1010")
                        .expects(SetSequenceOwner.class)
                        .losesNoData().build(),
                Evolution.named("comments added on a table, its key, a check, an index, an enum and a sequence")
                        .from(dsl(ticketNo, plain, PgEnum.inSchema("app", "mood", "ok")))
                        .to(dsl(PgSequence.sequence("app", "ticket_no").as("integer").startWith(1000).incrementBy(10)
                                        .comment("Ticket numbers"), commented,
                                PgEnum.inSchema("app", "mood", "ok").comment("How it feels")))
                        .seed(SEED)
                        .keeps(IDS, "1000", "1010")
                        .expects(SetComment.class)
                        .forbids(DropSequence.class, DropTable.class)
                        .losesNoData().build(),
                Evolution.named("comments changed and removed")
                        .from(dsl(ticketNo, commented))
                        .to(dsl(ticketNo, new Tickets(false, "Support tickets; it's where users complain")))
                        .seed(SEED)
                        .keeps(IDS, "1000", "1010")
                        .expects(SetComment.class)
                        .losesNoData().build(),
                Evolution.named("a table comment changed")
                        .from(dsl(ticketNo, commented))
                        .to(dsl(ticketNo, recommented))
                        .expects(SetComment.class)
                        .losesNoData().build());
    }
}
