package dev.shale.evolution;

import dev.shale.change.AddColumn;
import dev.shale.change.AddEnumValue;
import dev.shale.change.AlterCompositeType;
import dev.shale.change.AlterDomain;
import dev.shale.change.CreateCompositeType;
import dev.shale.change.CreateDomain;
import dev.shale.change.CreateEnum;
import dev.shale.change.DropColumn;
import dev.shale.change.DropCompositeType;
import dev.shale.change.DropDomain;
import dev.shale.change.DropEnum;
import dev.shale.change.ReplaceEnum;
import dev.shale.model.Check;
import dev.shale.model.CompositeType;
import dev.shale.model.Domain;
import dev.shale.testing.Models;

import java.util.List;

import static dev.shale.testing.Models.NOT_NULL;
import static dev.shale.testing.Models.composite;
import static dev.shale.testing.Models.domain;
import static dev.shale.testing.Models.enumOf;
import static dev.shale.testing.Models.key;
import static dev.shale.testing.Models.schema;
import static dev.shale.testing.Models.str;
import static dev.shale.testing.Models.table;

/**
 * Domains, composite types and enums whose values are removed or reordered, on tables holding rows:
 * created, changed in place and dropped, with the rows checked afterwards.
 */
final class TypeEvolutions {
    private TypeEvolutions() {}

    private static final Domain EMAIL = domain("email", "text").withChecks(List.of(new Check("email_check", "VALUE ~ '@'")));
    private static final CompositeType ADDRESS = composite("address", "street", "text", "zip", "varchar(10)");

    private static Models.TableSpec users() {
        return table("users").col("id", "integer").pk("id").col("email", "domain:public.email");
    }

    private static final String USERS = "INSERT INTO \"public\".\"users\" (\"id\", \"email\") VALUES (1, 'a@x'), (2, 'b@y'), (3, NULL)";
    private static final String EMAILS = "SELECT \"email\"::text FROM \"public\".\"users\" ORDER BY \"id\"";

    private static Models.TableSpec shops() {
        return table("shops").col("id", "integer").pk("id").col("address", "composite:public.address");
    }

    private static final String SHOPS = "INSERT INTO \"public\".\"shops\" (\"id\", \"address\") VALUES (1, ROW('Main St', '1000')), (2, NULL)";

    /** Must-show 5: the table holds rows using the enum, the column has an index and a default. */
    private static Models.TableSpec tickets() {
        return tickets("status <> 'archived' OR id > 0");
    }

    private static Models.TableSpec tickets(String check) {
        return table("tickets").col("id", "integer").pk("id")
                .col("status", "enum:public.status", NOT_NULL, str("open"))
                .col("history", "enum:public.status[]")
                .index("tickets_status_idx", key("status"))
                .index(dev.shale.model.Index.of("tickets_open_idx", List.of(key("id"))).withWhere("status <> 'closed'"))
                .check("tickets_status_check", check);
    }

    private static final String TICKETS = "INSERT INTO \"public\".\"tickets\" (\"id\", \"status\", \"history\") VALUES"
            + " (1, 'open', '{open}'), (2, 'closed', '{open,closed}'), (3, DEFAULT, NULL)";
    private static final String STATUSES = "SELECT \"status\"::text || ' ' || coalesce(\"history\"::text, '-') FROM \"public\".\"tickets\" ORDER BY \"id\"";

    static List<Evolution> cases() {
        return List.of(
                Evolution.named("create a domain and a table using it")
                        .from(schema(table("people").col("id", "integer").pk("id")))
                        .to(schema(table("people").col("id", "integer").pk("id"), EMAIL.withNotNull(true).withDefault(str("none@x")),
                                users()))
                        .expects(CreateDomain.class)
                        .build(),
                Evolution.named("add a domain column to a table holding rows")
                        .from(schema(table("users").col("id", "integer").pk("id")))
                        .to(schema(EMAIL.withDefault(str("none@x")), users()))
                        .seed("INSERT INTO \"public\".\"users\" (\"id\") VALUES (1), (2)")
                        .keeps(EMAILS, "none@x", "none@x")
                        .expects(CreateDomain.class, AddColumn.class)
                        .losesNoData()
                        .build(),
                Evolution.named("alter a domain in place: default, a new check, a renamed check, NOT NULL dropped")
                        .from(schema(EMAIL.withNotNull(true).withDefault(str("none@x")), users()))
                        .to(schema(EMAIL.withDefault(str("someone@x")).withChecks(List.of(new Check("email_has_at", "VALUE ~ '@'"),
                                new Check("email_length", "length(VALUE) < 200"))), users()))
                        .seed("INSERT INTO \"public\".\"users\" (\"id\", \"email\") VALUES (1, 'a@x'), (2, 'b@y')")
                        .keeps(EMAILS, "a@x", "b@y")
                        .expects(AlterDomain.class)
                        .forbids(DropDomain.class, CreateDomain.class)
                        .build(),
                Evolution.named("domain check added NOT VALID, then validated")
                        .from(schema(EMAIL.withChecks(List.of(new Check("email_check", "VALUE ~ '@'"),
                                new Check("email_short", "length(VALUE) < 100").withNotValid(true))), users()))
                        .to(schema(EMAIL.withChecks(List.of(new Check("email_check", "VALUE ~ '@'"),
                                new Check("email_short", "length(VALUE) < 100"))), users()))
                        .seed(USERS)
                        .keeps(EMAILS, "a@x", "b@y", null)
                        .expects(AlterDomain.class)
                        .build(),
                Evolution.named("domain SET NOT NULL on a column without NULLs")
                        .from(schema(EMAIL, users()))
                        .to(schema(EMAIL.withNotNull(true), users()))
                        .seed("INSERT INTO \"public\".\"users\" (\"id\", \"email\") VALUES (1, 'a@x')")
                        .keeps(EMAILS, "a@x")
                        .expects(AlterDomain.class)
                        .build(),
                Evolution.named("drop a domain with the column that uses it")
                        .from(schema(EMAIL, users()))
                        .to(schema(table("users").col("id", "integer").pk("id")))
                        .seed(USERS)
                        .keeps("SELECT \"id\"::text FROM \"public\".\"users\" ORDER BY 1", "1", "2", "3")
                        .expects(DropColumn.class, DropDomain.class)
                        .losesData()
                        .build(),
                Evolution.named("a column changes from text to a domain over text")
                        .from(schema(table("users").col("id", "integer").pk("id").col("email", "text")))
                        .to(schema(EMAIL, users()))
                        .seed(USERS)
                        .keeps(EMAILS, "a@x", "b@y", null)
                        .expects(CreateDomain.class)
                        .build(),
                Evolution.named("create a composite type and a table holding it")
                        .from(schema(table("people").col("id", "integer").pk("id")))
                        .to(schema(table("people").col("id", "integer").pk("id"), ADDRESS, shops(),
                                table("chains").col("id", "integer").pk("id").col("branches", "composite:public.address[]")))
                        .expects(CreateCompositeType.class)
                        .build(),
                Evolution.named("add an attribute to a composite type used by a table holding rows")
                        .from(schema(ADDRESS, shops()))
                        .to(schema(composite("address", "street", "text", "zip", "varchar(10)", "city", "text"), shops()))
                        .seed(SHOPS)
                        .keeps("SELECT \"address\"::text FROM \"public\".\"shops\" ORDER BY \"id\"", "(\"Main St\",1000,)", null)
                        .expects(AlterCompositeType.class)
                        .losesNoData()
                        .build(),
                Evolution.named("rename an attribute of a composite type used by a table holding rows (values keep it)")
                        .from(schema(ADDRESS, shops()))
                        .to(schema(composite("address", "street", "text", "postcode", "varchar(10)"), shops()))
                        .rename(dev.shale.model.Rename.attribute(dev.shale.model.QualifiedName.of("address"), "zip", "postcode"))
                        .seed(SHOPS)
                        .keeps("SELECT (\"address\").\"postcode\" FROM \"public\".\"shops\" WHERE \"id\" = 1", "1000")
                        .keeps("SELECT \"address\"::text FROM \"public\".\"shops\" ORDER BY \"id\"", "(\"Main St\",1000)", null)
                        .expects(dev.shale.change.RenameAttribute.class)
                        .forbids(AlterCompositeType.class, DropCompositeType.class, CreateCompositeType.class)
                        .losesNoData()
                        .build(),
                Evolution.named("drop an attribute of a composite type used by a table holding rows")
                        .from(schema(composite("address", "street", "text", "zip", "varchar(10)", "city", "text"), shops()))
                        .to(schema(ADDRESS, shops()))
                        .seed("INSERT INTO \"public\".\"shops\" (\"id\", \"address\") VALUES (1, ROW('Main St', '1000', 'Bern'))")
                        .keeps("SELECT \"address\"::text FROM \"public\".\"shops\" ORDER BY \"id\"", "(\"Main St\",1000)")
                        .expects(AlterCompositeType.class)
                        .losesData()
                        .build(),
                Evolution.named("change an attribute's type of an unused composite type")
                        .from(schema(ADDRESS))
                        .to(schema(composite("address", "street", "text", "zip", "text")))
                        .expects(AlterCompositeType.class)
                        .build(),
                Evolution.named("drop a composite type with its table")
                        .from(schema(ADDRESS, shops()))
                        .to(schema())
                        .seed(SHOPS)
                        .expects(DropCompositeType.class)
                        .losesData()
                        .build(),
                Evolution.named("types in dependency order: a domain over a composite with an enum and a domain attribute")
                        .from(schema())
                        .to(schema(enumOf("mood", "happy", "sad"), EMAIL,
                                composite("contact", "email", "domain:public.email", "mood", "enum:public.mood"),
                                domain("a_contact", "composite:public.contact"),
                                domain("moods", "enum:public.mood[]"),
                                table("people").col("id", "integer").pk("id").col("contact", "domain:public.a_contact")
                                        .col("contacts", "composite:public.contact[]").col("emails", "domain:public.email[]")
                                        .col("moods", "domain:public.moods")))
                        .expects(CreateEnum.class, CreateDomain.class, CreateCompositeType.class)
                        .build(),
                Evolution.named("types dropped in reverse dependency order")
                        .from(schema(enumOf("mood", "happy", "sad"), EMAIL,
                                composite("contact", "email", "domain:public.email", "mood", "enum:public.mood"),
                                domain("a_contact", "composite:public.contact"),
                                table("people").col("id", "integer").pk("id").col("contact", "domain:public.a_contact")))
                        .to(schema(table("people").col("id", "integer").pk("id")))
                        .seed("INSERT INTO \"public\".\"people\" VALUES (1, ROW('a@x', 'happy'))")
                        .expects(DropDomain.class, DropCompositeType.class, DropEnum.class)
                        .build(),
                Evolution.named("remove and reorder enum values on a table holding rows, with the column's index and default in place")
                        .from(schema(enumOf("status", "open", "archived", "closed"), tickets()))
                        .to(schema(enumOf("status", "closed", "open", "waiting"), tickets("status <> 'waiting' OR id > 0")))
                        .seed(TICKETS)
                        .keeps(STATUSES, "open {open}", "closed {open,closed}", "open -")
                        .keeps("INSERT INTO \"public\".\"tickets\" (\"id\") VALUES (4) RETURNING \"status\"::text", "open")
                        .keeps("SELECT string_agg(\"v\"::text, ',' ORDER BY \"v\") FROM unnest(enum_range(NULL::\"public\".\"status\")) AS \"v\"",
                                "closed,open,waiting")
                        .keeps("SELECT count(*)::text FROM pg_type WHERE typname = 'status__old'", "0")
                        .expects(ReplaceEnum.class, DropEnum.class)
                        .forbids(AddEnumValue.class, CreateEnum.class)
                        .steps(1)
                        .losesData()
                        .build(),
                Evolution.named("reorder enum values only")
                        .from(schema(enumOf("status", "open", "archived", "closed"), tickets()))
                        .to(schema(enumOf("status", "closed", "archived", "open"), tickets()))
                        .seed(TICKETS)
                        .keeps(STATUSES, "open {open}", "closed {open,closed}", "open -")
                        .keeps("SELECT min(\"status\")::text FROM \"public\".\"tickets\"", "closed")
                        .expects(ReplaceEnum.class)
                        .losesNoData()
                        .build(),
                Evolution.named("remove an enum value and drop a column that used it in the same migration")
                        .from(schema(enumOf("status", "open", "archived", "closed"), tickets("id > 0").col("old_status", "enum:public.status")))
                        .to(schema(enumOf("status", "open", "closed"), tickets("id > 0")))
                        .seed("INSERT INTO \"public\".\"tickets\" (\"id\", \"status\", \"old_status\") VALUES (1, 'open', 'archived')")
                        .keeps(STATUSES, "open -")
                        .expects(ReplaceEnum.class, DropColumn.class)
                        .build());
    }
}
