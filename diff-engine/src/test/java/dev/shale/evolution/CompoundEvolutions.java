package dev.shale.evolution;

import dev.shale.change.AddColumn;
import dev.shale.change.AddConstraint;
import dev.shale.change.AlterColumn;
import dev.shale.change.CreateIndex;
import dev.shale.change.CreateTable;
import dev.shale.change.DropColumn;
import dev.shale.change.DropConstraint;
import dev.shale.change.DropIndex;
import dev.shale.change.DropTable;
import dev.shale.change.RenameColumn;
import dev.shale.change.RenameConstraint;
import dev.shale.change.RenameIndex;
import dev.shale.change.RenameTable;
import dev.shale.model.Rename;
import dev.shale.testing.Models;

import java.util.List;

import static dev.shale.model.ReferentialAction.CASCADE;
import static dev.shale.model.ReferentialAction.SET_NULL;
import static dev.shale.testing.Models.NOT_NULL;
import static dev.shale.testing.Models.key;
import static dev.shale.testing.Models.q;
import static dev.shale.testing.Models.schema;
import static dev.shale.testing.Models.table;

/** Several changes to one object in one migration, and changes whose order within a table matters. */
final class CompoundEvolutions {
    private CompoundEvolutions() {}

    private static Models.TableSpec teams() {
        return table("teams").col("id", "integer").pk("id");
    }

    private static final String SEED = "INSERT INTO \"public\".\"teams\" VALUES (1);"
            + " INSERT INTO \"public\".\"people\" (\"id\", \"email\", \"age\", \"team_id\") VALUES (1, 'ann@x.org', 30, 1)";

    /** A table whose key, unique, check, foreign key and index are named after it, as the DSL names them. */
    private static Models.TableSpec people(String name) {
        return table(name).col("id", "integer").pk("id").col("email", "text", NOT_NULL).col("age", "integer")
                .col("team_id", "integer")
                .unique(name + "_email_key", "email")
                .check(name + "_age_check", "age >= 0")
                .fk(name + "_team_id_fkey", "team_id", "teams", "id", CASCADE)
                .index(name + "_team_id_idx", key("team_id"))
                .index(name + "_email_lower_idx", Models.expr("lower(email)"));
    }

    static List<Evolution> cases() {
        return List.of(
                Evolution.named("rename a table whose key, unique, check, foreign key and index names follow it")
                        .from(schema(teams(), people("people")))
                        .to(schema(teams(), people("persons")))
                        .rename(Rename.table(q("people"), "persons"))
                        .seed(SEED)
                        .keeps("SELECT \"email\" FROM \"public\".\"persons\"", "ann@x.org")
                        .expects(RenameTable.class, RenameConstraint.class, RenameIndex.class)
                        .forbids(DropTable.class, CreateTable.class, DropConstraint.class, DropIndex.class)
                        .losesNoData()
                        .build(),
                Evolution.named("rename and widen a column at once")
                        .from(schema(table("people").col("id", "integer").pk("id").col("name", "varchar(50)", NOT_NULL)))
                        .to(schema(table("people").col("id", "integer").pk("id").col("full_name", "varchar(255)", NOT_NULL)))
                        .rename(Rename.column(q("people"), "name", "full_name"))
                        .seed("INSERT INTO \"public\".\"people\" VALUES (1, 'Ann')")
                        .keeps("SELECT \"full_name\" FROM \"public\".\"people\"", "Ann")
                        .expects(RenameColumn.class, AlterColumn.class)
                        .forbids(DropColumn.class, AddColumn.class)
                        .losesNoData()
                        .build(),
                Evolution.named("narrow varchar(255) to varchar(50): the data fits, the plan warns of data loss")
                        .from(schema(table("people").col("id", "integer").pk("id").col("name", "varchar(255)")))
                        .to(schema(table("people").col("id", "integer").pk("id").col("name", "varchar(50)")))
                        .seed("INSERT INTO \"public\".\"people\" VALUES (1, 'Ann')")
                        .keeps("SELECT \"name\" FROM \"public\".\"people\"", "Ann")
                        .expects(AlterColumn.class)
                        .losesData()
                        .build(),
                Evolution.named("change type json to jsonb and text to uuid")
                        .from(schema(table("events").col("id", "text").pk("id").col("payload", "json")))
                        .to(schema(table("events").col("id", "uuid").pk("id").col("payload", "jsonb")))
                        .seed("INSERT INTO \"public\".\"events\" VALUES ('00000000-0000-0000-0000-00000000000a', '{\"b\": 1,  \"a\": 2}')")
                        .keeps("SELECT \"id\"::text || ' ' || \"payload\"::text FROM \"public\".\"events\"",
                                "00000000-0000-0000-0000-00000000000a {\"a\": 2, \"b\": 1}")
                        .expects(AlterColumn.class)
                        .build(),
                Evolution.named("drop a column that a unique constraint, a check and an index use")
                        .from(schema(teams(), people("people")))
                        .to(schema(teams(), table("people").col("id", "integer").pk("id").col("age", "integer").col("team_id", "integer")
                                .check("people_age_check", "age >= 0")
                                .fk("people_team_id_fkey", "team_id", "teams", "id", CASCADE)
                                .index("people_team_id_idx", key("team_id"))))
                        .seed(SEED)
                        .keeps("SELECT \"age\"::text FROM \"public\".\"people\"", "30")
                        .expects(DropColumn.class)
                        .losesData()
                        .build(),
                Evolution.named("add a column with a check, a foreign key and an index on it")
                        .from(schema(teams(), table("people").col("id", "integer").pk("id")))
                        .to(schema(teams(), table("people").col("id", "integer").pk("id").col("team_id", "integer")
                                .check("people_team_id_check", "team_id > 0")
                                .fk("people_team_id_fkey", "team_id", "teams", "id", SET_NULL)
                                .index("people_team_id_idx", key("team_id"))))
                        .seed("INSERT INTO \"public\".\"teams\" VALUES (1); INSERT INTO \"public\".\"people\" VALUES (1)")
                        .expects(AddColumn.class, AddConstraint.class, CreateIndex.class)
                        .build(),
                Evolution.named("change the primary key's columns")
                        .from(schema(table("versions").col("id", "integer").col("version", "integer", NOT_NULL).pk("id")))
                        .to(schema(table("versions").col("id", "integer").col("version", "integer", NOT_NULL).pk("id", "version")))
                        .seed("INSERT INTO \"public\".\"versions\" VALUES (1, 1), (2, 1)")
                        .keeps("INSERT INTO \"public\".\"versions\" VALUES (1, 2) RETURNING \"version\"::text", "2")
                        .expects(DropConstraint.class, AddConstraint.class)
                        .build(),
                Evolution.named("same table name in two schemas: one dropped, the other changed")
                        .from(schema(table("users").col("id", "integer").pk("id"),
                                table("archive.users").col("id", "integer").pk("id").col("note", "text")))
                        .to(schema(table("users").col("id", "integer").pk("id").col("note", "text")))
                        .seed("INSERT INTO \"public\".\"users\" VALUES (1)")
                        .keeps("SELECT \"id\"::text FROM \"public\".\"users\"", "1")
                        .expects(DropTable.class, AddColumn.class)
                        .forbids(RenameTable.class)
                        .losesData()
                        .build());
    }
}
