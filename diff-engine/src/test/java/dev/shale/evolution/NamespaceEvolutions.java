package dev.shale.evolution;

import dev.shale.change.AddColumn;
import dev.shale.change.AddConstraint;
import dev.shale.change.CreateEnum;
import dev.shale.change.CreateSchema;
import dev.shale.change.CreateTable;
import dev.shale.change.DropConstraint;
import dev.shale.change.DropTable;
import dev.shale.change.RenameColumn;
import dev.shale.change.RenameTable;
import dev.shale.dsl.Column;
import dev.shale.dsl.ExternalTable;
import dev.shale.dsl.SchemaBuilder;
import dev.shale.dsl.Table;
import dev.shale.model.QualifiedName;
import dev.shale.model.Rename;
import dev.shale.model.SchemaModel;
import dev.shale.testing.Models;

import java.util.List;
import java.util.UUID;

import static dev.shale.model.ReferentialAction.CASCADE;
import static dev.shale.model.ReferentialAction.SET_NULL;
import static dev.shale.testing.Models.NOT_NULL;
import static dev.shale.testing.Models.bool;
import static dev.shale.testing.Models.enumOf;
import static dev.shale.testing.Models.schema;
import static dev.shale.testing.Models.str;
import static dev.shale.testing.Models.table;

/** Schemas other than public, tables Shale does not own (written with the DSL), arrays of them. */
final class NamespaceEvolutions {
    private NamespaceEvolutions() {}

    /** Supabase's auth.users: created by hand, referenced by the schema, never created or dropped by Shale. */
    static final class AuthUsers extends ExternalTable {
        final Column<UUID> id = uuid("id");

        AuthUsers() {
            super("auth", "users");
        }
    }

    /** public.profiles, with or without its foreign key to auth.users. */
    static final class Profiles extends Table {
        final Column<UUID> id = uuid("id").primaryKey().defaultRandom();
        final Column<String> bio = text("bio");
        final Column<UUID> userId;

        Profiles(AuthUsers users) {
            super("profiles");
            userId = users == null ? uuid("user_id").notNull() : uuid("user_id").notNull().references(() -> users.id, CASCADE);
        }
    }

    static final QualifiedName AUTH_USERS = QualifiedName.of("auth", "users");

    private static final String AUTH_SETUP = "CREATE SCHEMA \"auth\";"
            + " CREATE TABLE \"auth\".\"users\" (\"id\" uuid PRIMARY KEY, \"email\" text NOT NULL);"
            + " INSERT INTO \"auth\".\"users\" VALUES ('00000000-0000-0000-0000-000000000001', 'ann@x.org')";
    private static final String PROFILE_SEED = "INSERT INTO \"public\".\"profiles\" (\"bio\", \"user_id\")"
            + " VALUES ('hello', '00000000-0000-0000-0000-000000000001')";
    private static final String AUTH_EMAILS = "SELECT \"email\" FROM \"auth\".\"users\"";

    private static SchemaModel dsl(Object... tablesAndEnums) {
        return SchemaBuilder.build(List.of(tablesAndEnums)).model();
    }

    static List<Evolution> cases() {
        AuthUsers users = new AuthUsers();
        return List.of(
                Evolution.named("tables and an enum in a new non-public schema (CREATE SCHEMA)")
                        .from(schema(table("users").col("id", "integer").pk("id")))
                        .to(schema(table("users").col("id", "integer").pk("id"),
                                enumOf("billing.plan", "free", "pro"),
                                table("billing.invoices").col("id", "integer").pk("id")
                                        .col("plan", "enum:billing.plan", NOT_NULL, str("free"))
                                        .col("user_id", "integer").fk("invoices_user_id_fkey", "user_id", "public.users", "id", SET_NULL),
                                table("billing.invoice_lines").col("invoice_id", "integer").col("line", "smallint").pk("invoice_id", "line")
                                        .fk("invoice_lines_invoice_id_fkey", "invoice_id", "billing.invoices", "id", CASCADE)))
                        .seed("INSERT INTO \"public\".\"users\" VALUES (1)")
                        .expects(CreateSchema.class, CreateEnum.class, CreateTable.class, AddConstraint.class)
                        .build(),
                Evolution.named("rename and extend a table inside a non-public schema")
                        .from(schema(table("billing.invoices").col("id", "integer").pk("id").col("amount", "numeric(10,2)")))
                        .to(schema(table("billing.bills").col("id", "integer").pk("id").col("amount", "numeric(12,2)")
                                .col("paid", "boolean", NOT_NULL, bool(false))))
                        .rename(Rename.table(QualifiedName.of("billing", "invoices"), "bills"))
                        .seed("INSERT INTO \"billing\".\"invoices\" VALUES (1, 12345678.90)")
                        .keeps("SELECT \"amount\" || ' ' || \"paid\" FROM \"billing\".\"bills\"", "12345678.90 false")
                        .expects(RenameTable.class, AddColumn.class)
                        .forbids(DropTable.class, CreateTable.class)
                        .build(),
                Evolution.named("foreign key to an external table (auth.users) added; Shale never creates it")
                        .setup(AUTH_SETUP)
                        .from(dsl(users, new Profiles(null)))
                        .to(dsl(users, new Profiles(users)))
                        .seed(PROFILE_SEED)
                        .keeps(AUTH_EMAILS, "ann@x.org")
                        .keeps("SELECT \"bio\" FROM \"public\".\"profiles\"", "hello")
                        .expects(AddConstraint.class)
                        .untouched(AUTH_USERS)
                        .build(),
                Evolution.named("foreign key to an external table (auth.users) dropped; Shale never drops it")
                        .setup(AUTH_SETUP)
                        .from(dsl(users, new Profiles(users)))
                        .to(dsl(new Profiles(null)))
                        .seed(PROFILE_SEED)
                        .keeps(AUTH_EMAILS, "ann@x.org")
                        .keeps("SELECT \"bio\" FROM \"public\".\"profiles\"", "hello")
                        .expects(DropConstraint.class)
                        .forbids(DropTable.class)
                        .untouched(AUTH_USERS)
                        .build(),
                Evolution.named("identifiers with a double quote in them")
                        .from(schema(enumOf("public.mo\"od", "a\"b", "c"),
                                table("we\"ird").col("i\"d", "integer").pk("i\"d").col("na\"me", "text")
                                        .col("mood", "enum:public.mo\"od").index("we\"ird_na\"me_idx", Models.key("na\"me"))))
                        .to(schema(enumOf("public.mo\"od", "a\"b", "c", "d\"e"),
                                table("we\"ird").col("i\"d", "integer").pk("i\"d").col("full \"name\"", "text")
                                        .col("mood", "enum:public.mo\"od").index("we\"ird_na\"me_idx", Models.key("full \"name\""))
                                        .check("we\"ird_i\"d_check", "\"i\"\"d\" > 0"),
                                table("o\"ther").col("id", "integer").pk("id").col("we\"ird_id", "integer")
                                        .fk("o\"ther_we\"ird_fkey", "we\"ird_id", "we\"ird", "i\"d", CASCADE)))
                        .rename(Rename.column(QualifiedName.of("we\"ird"), "na\"me", "full \"name\""))
                        .seed("INSERT INTO \"public\".\"we\"\"ird\" VALUES (1, 'Ann', 'a\"b')")
                        .keeps("SELECT \"full \"\"name\"\"\" || ' ' || \"mood\" FROM \"public\".\"we\"\"ird\"", "Ann a\"b")
                        .expects(RenameColumn.class, CreateTable.class, AddConstraint.class)
                        .build(),
                Evolution.named("string defaults, checks and enum labels with a single quote")
                        .from(schema(table("notes").col("id", "integer").pk("id").col("body", "text", NOT_NULL)))
                        .to(schema(enumOf("public.tone", "don't", "o'clock"),
                                table("notes").col("id", "integer").pk("id").col("body", "text", NOT_NULL, str("it's"))
                                        .col("title", "varchar(40)", str("''quoted'' \\ back"))
                                        .col("tone", "enum:public.tone", NOT_NULL, str("o'clock"))
                                        .check("notes_body_check", "body <> 'n''a'")))
                        .seed("INSERT INTO \"public\".\"notes\" VALUES (1, 'x')")
                        .keeps("INSERT INTO \"public\".\"notes\" (\"id\") VALUES (2)"
                                + " RETURNING \"body\" || '|' || \"title\" || '|' || \"tone\"", "it's|''quoted'' \\ back|o'clock")
                        .keeps("SELECT \"tone\"::text FROM \"public\".\"notes\" WHERE \"id\" = 1", "o'clock")
                        .expects(AddColumn.class, CreateEnum.class)
                        .build());
    }
}
