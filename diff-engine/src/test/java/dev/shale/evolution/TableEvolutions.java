package dev.shale.evolution;

import dev.shale.change.AddColumn;
import dev.shale.change.CreateTable;
import dev.shale.change.DropColumn;
import dev.shale.change.DropConstraint;
import dev.shale.change.DropTable;
import dev.shale.change.RenameColumn;
import dev.shale.change.RenameConstraint;
import dev.shale.change.RenameTable;
import dev.shale.model.Rename;
import dev.shale.testing.Models;

import java.util.List;

import static dev.shale.testing.Models.NOT_NULL;
import static dev.shale.testing.Models.bool;
import static dev.shale.testing.Models.enumOf;
import static dev.shale.testing.Models.key;
import static dev.shale.testing.Models.q;
import static dev.shale.testing.Models.schema;
import static dev.shale.testing.Models.str;
import static dev.shale.testing.Models.table;

/** Tables and columns: create, drop, rename (keeping data), add and drop columns, arrays. */
final class TableEvolutions {
    private TableEvolutions() {}

    private static final String SEED = "INSERT INTO \"public\".\"people\" (\"id\", \"name\") VALUES (1, 'Ann'), (2, 'Bob')";

    private static Models.TableSpec people() {
        return table("people").col("id", "integer").pk("id").col("name", "text");
    }

    static List<Evolution> cases() {
        return List.of(
                Evolution.named("create table")
                        .from(schema(people()))
                        .to(schema(people(), table("teams").col("id", "uuid", Models.sql("gen_random_uuid()")).pk("id")
                                .col("name", "varchar(100)", NOT_NULL).col("created_at", "timestamptz", NOT_NULL, Models.sql("now()"))))
                        .seed(SEED)
                        .keeps("SELECT \"name\" FROM \"public\".\"people\" ORDER BY 1", "Ann", "Bob")
                        .expects(CreateTable.class)
                        .forbids(DropTable.class)
                        .losesNoData()
                        .build(),
                Evolution.named("drop table")
                        .from(schema(people(), table("teams").col("id", "integer").pk("id")))
                        .to(schema(people()))
                        .seed(SEED)
                        .keeps("SELECT \"name\" FROM \"public\".\"people\" ORDER BY 1", "Ann", "Bob")
                        .expects(DropTable.class)
                        .losesData()
                        .build(),
                Evolution.named("rename table (with data)")
                        .from(schema(people()))
                        .to(schema(table("persons").col("id", "integer").pk("id").col("name", "text")))
                        .rename(Rename.table(q("people"), "persons"))
                        .seed(SEED)
                        .keeps("SELECT \"name\" FROM \"public\".\"persons\" ORDER BY 1", "Ann", "Bob")
                        .expects(RenameTable.class, RenameConstraint.class)
                        .forbids(DropTable.class, CreateTable.class, DropConstraint.class)
                        .losesNoData()
                        .build(),
                Evolution.named("rename column (with data)")
                        .from(schema(people()))
                        .to(schema(table("people").col("id", "integer").pk("id").col("full_name", "text")))
                        .rename(Rename.column(q("people"), "name", "full_name"))
                        .seed(SEED)
                        .keeps("SELECT \"full_name\" FROM \"public\".\"people\" ORDER BY 1", "Ann", "Bob")
                        .expects(RenameColumn.class)
                        .forbids(DropColumn.class, AddColumn.class)
                        .losesNoData()
                        .build(),
                Evolution.named("column rename inside a renamed table")
                        .from(schema(people()))
                        .to(schema(table("persons").col("id", "integer").pk("id").col("full_name", "text")))
                        .rename(Rename.table(q("people"), "persons"))
                        .rename(Rename.column(q("persons"), "name", "full_name"))
                        .seed(SEED)
                        .keeps("SELECT \"full_name\" FROM \"public\".\"persons\" ORDER BY 1", "Ann", "Bob")
                        .expects(RenameTable.class, RenameColumn.class)
                        .forbids(DropTable.class, CreateTable.class, DropColumn.class, AddColumn.class)
                        .build(),
                Evolution.named("rename a table and its serial column (the sequence follows and keeps counting)")
                        .from(schema(table("tickets").col("id", "serial").pk("id").col("title", "text")))
                        .to(schema(table("desk_tickets").col("ticket_id", "serial").pk("ticket_id").col("title", "text")))
                        .rename(Rename.table(q("tickets"), "desk_tickets"))
                        .rename(Rename.column(q("desk_tickets"), "id", "ticket_id"))
                        .seed("INSERT INTO \"public\".\"tickets\" (\"title\") VALUES ('a'), ('b')")
                        .keeps("SELECT \"title\" || ' ' || \"ticket_id\" FROM \"public\".\"desk_tickets\" ORDER BY 1", "a 1", "b 2")
                        .keeps("SELECT last_value::text FROM \"public\".\"desk_tickets_ticket_id_seq\"", "2")
                        .expects(RenameTable.class, RenameColumn.class)
                        .forbids(DropTable.class, CreateTable.class, DropColumn.class, AddColumn.class)
                        .losesNoData()
                        .build(),
                Evolution.named("add nullable column")
                        .from(schema(people()))
                        .to(schema(people().col("nickname", "text")))
                        .seed(SEED)
                        .keeps("SELECT coalesce(\"nickname\", '-') || \"name\" FROM \"public\".\"people\" ORDER BY 1", "-Ann", "-Bob")
                        .expects(AddColumn.class)
                        .losesNoData()
                        .build(),
                Evolution.named("add NOT NULL column with a default to a table with rows")
                        .from(schema(people()))
                        .to(schema(people().col("active", "boolean", NOT_NULL, bool(true)).col("country", "char(2)", NOT_NULL, str("NZ"))))
                        .seed(SEED)
                        .keeps("SELECT \"active\"::text || ' ' || \"country\" FROM \"public\".\"people\" ORDER BY \"id\"", "true NZ", "true NZ")
                        .expects(AddColumn.class)
                        .losesNoData()
                        .build(),
                Evolution.named("drop column")
                        .from(schema(people().col("age", "smallint")))
                        .to(schema(people()))
                        .seed(SEED)
                        .keeps("SELECT \"name\" FROM \"public\".\"people\" ORDER BY 1", "Ann", "Bob")
                        .expects(DropColumn.class)
                        .losesData()
                        .build(),
                Evolution.named("drop column together with its index")
                        .from(schema(people().col("email", "text").index("people_email_idx", key("email"))))
                        .to(schema(people()))
                        .seed(SEED)
                        .keeps("SELECT \"name\" FROM \"public\".\"people\" ORDER BY 1", "Ann", "Bob")
                        .expects(DropColumn.class)
                        .losesData()
                        .build(),
                Evolution.named("add serial and bigserial columns to a table with rows")
                        .from(schema(people()))
                        .to(schema(people().col("position", "serial").col("big_position", "bigserial")))
                        .seed(SEED)
                        .keeps("SELECT \"position\" || '/' || \"big_position\" FROM \"public\".\"people\" ORDER BY \"id\"", "1/1", "2/2")
                        .expects(AddColumn.class)
                        .build(),
                Evolution.named("array columns: add text[], integer[] with default, enum[]")
                        .from(schema(people()))
                        .to(schema(enumOf("tag", "red", "blue"), people()
                                .col("aliases", "text[]")
                                .col("scores", "integer[]", NOT_NULL, str("{}"))
                                .col("tags", "enum:public.tag[]")))
                        .seed(SEED)
                        .keeps("SELECT array_length(\"scores\", 1) IS NULL AND \"aliases\" IS NULL FROM \"public\".\"people\" ORDER BY \"id\"", "t", "t")
                        .expects(AddColumn.class)
                        .build(),
                Evolution.named("array column element type widened: integer[] to bigint[]")
                        .from(schema(people().col("scores", "integer[]")))
                        .to(schema(people().col("scores", "bigint[]")))
                        .seed("INSERT INTO \"public\".\"people\" (\"id\", \"scores\") VALUES (1, '{1,2147483647}')")
                        .keeps("SELECT \"scores\"::text FROM \"public\".\"people\"", "{1,2147483647}")
                        .losesNoData()
                        .build());
    }
}
