package dev.shale.evolution;

import dev.shale.change.AddConstraint;
import dev.shale.change.AddEnumValue;
import dev.shale.change.AlterColumn;
import dev.shale.change.CreateIndex;
import dev.shale.change.CreateTable;
import dev.shale.change.DropColumn;
import dev.shale.change.DropConstraint;
import dev.shale.change.DropTable;
import dev.shale.change.RenameColumn;
import dev.shale.change.RenameTable;
import dev.shale.model.Index;
import dev.shale.model.IndexMethod;
import dev.shale.model.Rename;
import dev.shale.testing.Models;

import java.util.List;

import static dev.shale.model.ReferentialAction.CASCADE;
import static dev.shale.model.ReferentialAction.NO_ACTION;
import static dev.shale.testing.Models.NOT_NULL;
import static dev.shale.testing.Models.enumOf;
import static dev.shale.testing.Models.key;
import static dev.shale.testing.Models.q;
import static dev.shale.testing.Models.schema;
import static dev.shale.testing.Models.table;

/**
 * Changes that depend on each other inside one migration: renames of referenced objects, names
 * reused in the same migration, a new enum value used by something other than a default.
 */
final class InterplayEvolutions {
    private InterplayEvolutions() {}

    private static final String TEAMS = "INSERT INTO \"public\".\"teams\" (\"id\", \"code\") VALUES (1, 'red'), (2, 'blue')";

    private static Models.TableSpec teams(String name) {
        return table(name).col("id", "integer").pk("id").col("code", "text", NOT_NULL);
    }

    private static Models.TableSpec players(String referenced) {
        return table("players").col("id", "integer").pk("id").col("team_id", "integer")
                .fk("players_team_id_fkey", "team_id", referenced, "id", CASCADE);
    }

    static List<Evolution> cases() {
        return List.of(
                Evolution.named("rename a table that another table references")
                        .from(schema(teams("teams"), players("teams")))
                        .to(schema(teams("squads"), players("squads")))
                        .rename(Rename.table(q("teams"), "squads"))
                        .seed(TEAMS + "; INSERT INTO \"public\".\"players\" VALUES (10, 1)")
                        .keeps("SELECT \"code\" FROM \"public\".\"squads\" ORDER BY \"id\"", "red", "blue")
                        .keeps("SELECT \"team_id\"::text FROM \"public\".\"players\"", "1")
                        .expects(RenameTable.class)
                        .forbids(DropTable.class, CreateTable.class)
                        .build(),
                Evolution.named("rename a column that a foreign key of another table references")
                        .from(schema(teams("teams"), players("teams")))
                        .to(schema(table("teams").col("team_no", "integer").pk("team_no").col("code", "text", NOT_NULL),
                                table("players").col("id", "integer").pk("id").col("team_id", "integer")
                                        .fk("players_team_id_fkey", List.of("team_id"), q("teams"), List.of("team_no"), CASCADE, NO_ACTION)))
                        .rename(Rename.column(q("teams"), "id", "team_no"))
                        .seed(TEAMS + "; INSERT INTO \"public\".\"players\" VALUES (10, 1)")
                        .keeps("SELECT \"team_no\"::text FROM \"public\".\"teams\" ORDER BY 1", "1", "2")
                        .expects(RenameColumn.class)
                        .forbids(DropColumn.class)
                        .build(),
                Evolution.named("rename a table and create a new table under its old name")
                        .from(schema(teams("teams")))
                        .to(schema(teams("legacy_teams"), table("teams").col("id", "uuid").pk("id")))
                        .rename(Rename.table(q("teams"), "legacy_teams"))
                        .seed(TEAMS)
                        .keeps("SELECT \"code\" FROM \"public\".\"legacy_teams\" ORDER BY \"id\"", "red", "blue")
                        .expects(RenameTable.class, CreateTable.class)
                        .forbids(DropTable.class)
                        .build(),
                Evolution.named("rename a column and add a new column under its old name")
                        .from(schema(table("people").col("id", "integer").pk("id").col("name", "text")))
                        .to(schema(table("people").col("id", "integer").pk("id").col("legacy_name", "text")
                                .col("name", "varchar(100)", NOT_NULL, Models.str("?"))))
                        .rename(Rename.column(q("people"), "name", "legacy_name"))
                        .seed("INSERT INTO \"public\".\"people\" VALUES (1, 'Ann')")
                        .keeps("SELECT \"legacy_name\" || \"name\" FROM \"public\".\"people\"", "Ann?")
                        .expects(RenameColumn.class, dev.shale.change.AddColumn.class)
                        .forbids(DropColumn.class)
                        .build(),
                Evolution.named("add a unique constraint and a foreign key that needs it")
                        .from(schema(teams("teams"), table("players").col("id", "integer").pk("id").col("team_code", "text")))
                        .to(schema(teams("teams").unique("teams_code_key", "code"),
                                table("players").col("id", "integer").pk("id").col("team_code", "text")
                                        .fk("players_team_code_fkey", "team_code", "teams", "code", CASCADE)))
                        .seed(TEAMS + "; INSERT INTO \"public\".\"players\" VALUES (10, 'red')")
                        .expects(AddConstraint.class)
                        .build(),
                Evolution.named("drop a unique constraint and the foreign key that needed it")
                        .from(schema(teams("teams").unique("teams_code_key", "code"),
                                table("players").col("id", "integer").pk("id").col("team_code", "text")
                                        .fk("players_team_code_fkey", "team_code", "teams", "code", CASCADE)))
                        .to(schema(teams("teams"), table("players").col("id", "integer").pk("id").col("team_code", "text")))
                        .seed(TEAMS + "; INSERT INTO \"public\".\"players\" VALUES (10, 'red')")
                        .keeps("SELECT \"team_code\" FROM \"public\".\"players\"", "red")
                        .expects(DropConstraint.class)
                        .build(),
                Evolution.named("replace a unique constraint by a unique index of the same name")
                        .from(schema(teams("teams").unique("teams_code_key", "code")))
                        .to(schema(teams("teams").index(new Index("teams_code_key", true, IndexMethod.BTREE,
                                List.of(Models.expr("lower(code)")), null))))
                        .seed(TEAMS)
                        .expects(DropConstraint.class, CreateIndex.class)
                        .build(),
                Evolution.named("widen a primary key referenced by a foreign key: integer to bigint on both sides")
                        .from(schema(teams("teams"), players("teams")))
                        .to(schema(table("teams").col("id", "bigint").pk("id").col("code", "text", NOT_NULL),
                                table("players").col("id", "integer").pk("id").col("team_id", "bigint")
                                        .fk("players_team_id_fkey", "team_id", "teams", "id", CASCADE)))
                        .seed(TEAMS + "; INSERT INTO \"public\".\"players\" VALUES (10, 2)")
                        .keeps("SELECT \"team_id\"::text FROM \"public\".\"players\"", "2")
                        .expects(AlterColumn.class)
                        .losesNoData()
                        .build(),
                Evolution.named("new enum value used in a partial index predicate in the same migration")
                        .from(schema(enumOf("mood", "happy", "sad"),
                                table("people").col("id", "integer").pk("id").col("mood", "enum:public.mood")))
                        .to(schema(enumOf("mood", "happy", "sad", "meh"),
                                table("people").col("id", "integer").pk("id").col("mood", "enum:public.mood")
                                        .index(new Index("people_meh_idx", false, IndexMethod.BTREE, List.of(key("id")), "mood = 'meh'"))))
                        .expects(AddEnumValue.class, CreateIndex.class)
                        .steps(2)
                        .build(),
                Evolution.named("text column converted to an enum that gains the value its rows hold")
                        .from(schema(enumOf("mood", "happy", "sad"),
                                table("people").col("id", "integer").pk("id").col("mood", "text")))
                        .to(schema(enumOf("mood", "happy", "sad", "meh"),
                                table("people").col("id", "integer").pk("id").col("mood", "enum:public.mood")))
                        .seed("INSERT INTO \"public\".\"people\" VALUES (1, 'meh'), (2, 'sad')")
                        .keeps("SELECT \"mood\"::text FROM \"public\".\"people\" ORDER BY \"id\"", "meh", "sad")
                        .expects(AddEnumValue.class, AlterColumn.class)
                        .steps(2)
                        .build());
    }
}
