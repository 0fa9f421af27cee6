package dev.shale.evolution;

import dev.shale.change.AddConstraint;
import dev.shale.change.DropColumn;
import dev.shale.change.DropConstraint;
import dev.shale.change.DropTable;
import dev.shale.testing.Models;

import java.util.List;

import static dev.shale.model.ReferentialAction.CASCADE;
import static dev.shale.model.ReferentialAction.NO_ACTION;
import static dev.shale.model.ReferentialAction.SET_NULL;
import static dev.shale.testing.Models.NOT_NULL;
import static dev.shale.testing.Models.q;
import static dev.shale.testing.Models.schema;
import static dev.shale.testing.Models.table;

/** Primary keys, unique and check constraints, and foreign keys: added, dropped and changed. */
final class ConstraintEvolutions {
    private ConstraintEvolutions() {}

    private static Models.TableSpec memberships() {
        return table("memberships").col("team_id", "integer", NOT_NULL).col("user_id", "integer", NOT_NULL).col("role", "text");
    }

    private static Models.TableSpec items() {
        return table("items").col("id", "integer").pk("id").col("sku", "varchar(32)").col("qty", "integer", NOT_NULL);
    }

    private static final String ITEMS = "INSERT INTO \"public\".\"items\" (\"id\", \"sku\", \"qty\") VALUES (1, 'A-1', 3), (2, 'B-2', 0)";

    private static Models.TableSpec teams() {
        return table("teams").col("id", "integer").pk("id").col("name", "text");
    }

    private static Models.TableSpec players() {
        return table("players").col("id", "integer").pk("id").col("team_id", "integer");
    }

    private static final String TEAMS = "INSERT INTO \"public\".\"teams\" VALUES (1, 'red'), (2, 'blue');"
            + " INSERT INTO \"public\".\"players\" VALUES (10, 1), (11, 2), (12, NULL)";
    private static final String PLAYERS = "SELECT \"id\" || ':' || coalesce(\"team_id\"::text, '-') FROM \"public\".\"players\" ORDER BY \"id\"";

    static List<Evolution> cases() {
        return List.of(
                Evolution.named("add composite primary key")
                        .from(schema(memberships()))
                        .to(schema(memberships().pk("team_id", "user_id")))
                        .seed("INSERT INTO \"public\".\"memberships\" VALUES (1, 1, 'owner'), (1, 2, NULL), (2, 1, NULL)")
                        .keeps("SELECT count(*)::text FROM \"public\".\"memberships\"", "3")
                        .expects(AddConstraint.class)
                        .forbids(DropTable.class)
                        .build(),
                Evolution.named("drop composite primary key, its columns becoming nullable")
                        .from(schema(memberships().pk("team_id", "user_id")))
                        .to(schema(table("memberships").col("team_id", "integer").col("user_id", "integer").col("role", "text")))
                        .seed("INSERT INTO \"public\".\"memberships\" VALUES (1, 1, 'owner'), (1, 2, NULL)")
                        .keeps("INSERT INTO \"public\".\"memberships\" (\"role\") VALUES ('x') RETURNING \"role\"", "x")
                        .expects(DropConstraint.class)
                        .forbids(DropTable.class, DropColumn.class)
                        .build(),
                Evolution.named("add unique constraint")
                        .from(schema(items()))
                        .to(schema(items().unique("items_sku_key", "sku")))
                        .seed(ITEMS)
                        .keeps("SELECT \"sku\" FROM \"public\".\"items\" ORDER BY 1", "A-1", "B-2")
                        .expects(AddConstraint.class)
                        .losesNoData()
                        .build(),
                Evolution.named("drop composite unique constraint")
                        .from(schema(items().unique("items_sku_qty_key", "sku", "qty")))
                        .to(schema(items()))
                        .seed(ITEMS)
                        .keeps("SELECT \"sku\" FROM \"public\".\"items\" ORDER BY 1", "A-1", "B-2")
                        .expects(DropConstraint.class)
                        .build(),
                Evolution.named("add check constraint")
                        .from(schema(items()))
                        .to(schema(items().check("items_qty_check", "qty >= 0")))
                        .seed(ITEMS)
                        .keeps("SELECT \"qty\"::text FROM \"public\".\"items\" ORDER BY 1", "0", "3")
                        .expects(AddConstraint.class)
                        .build(),
                Evolution.named("drop check constraint")
                        .from(schema(items().check("items_qty_check", "qty >= 0")))
                        .to(schema(items()))
                        .seed(ITEMS)
                        .keeps("INSERT INTO \"public\".\"items\" VALUES (3, 'C', -1) RETURNING \"qty\"::text", "-1")
                        .expects(DropConstraint.class)
                        .build(),
                Evolution.named("change check constraint expression")
                        .from(schema(items().check("items_qty_check", "qty >= 0")))
                        .to(schema(items().check("items_qty_check", "qty >= 0 AND qty <= 1000")))
                        .seed(ITEMS)
                        .keeps("SELECT \"qty\"::text FROM \"public\".\"items\" ORDER BY 1", "0", "3")
                        .expects(DropConstraint.class, AddConstraint.class)
                        .build(),
                Evolution.named("add foreign key ON DELETE CASCADE")
                        .from(schema(teams(), players()))
                        .to(schema(teams(), players().fk("players_team_id_fkey", "team_id", "teams", "id", CASCADE)))
                        .seed(TEAMS)
                        .keeps(PLAYERS, "10:1", "11:2", "12:-")
                        .keeps("WITH d AS (DELETE FROM \"public\".\"teams\" WHERE \"id\" = 1 RETURNING 1)"
                                + " SELECT count(*)::text FROM d", "1")
                        .keeps(PLAYERS, "11:2", "12:-")
                        .expects(AddConstraint.class)
                        .build(),
                Evolution.named("add foreign key ON DELETE SET NULL")
                        .from(schema(teams(), players()))
                        .to(schema(teams(), players().fk("players_team_id_fkey", "team_id", "teams", "id", SET_NULL)))
                        .seed(TEAMS)
                        .keeps("DELETE FROM \"public\".\"teams\" WHERE \"id\" = 1 RETURNING \"name\"", "red")
                        .keeps(PLAYERS, "10:-", "11:2", "12:-")
                        .expects(AddConstraint.class)
                        .build(),
                Evolution.named("change foreign key action CASCADE to SET NULL")
                        .from(schema(teams(), players().fk("players_team_id_fkey", "team_id", "teams", "id", CASCADE)))
                        .to(schema(teams(), players().fk("players_team_id_fkey", "team_id", "teams", "id", SET_NULL)))
                        .seed(TEAMS)
                        .keeps(PLAYERS, "10:1", "11:2", "12:-")
                        .expects(DropConstraint.class, AddConstraint.class)
                        .build(),
                Evolution.named("drop foreign key")
                        .from(schema(teams(), players().fk("players_team_id_fkey", "team_id", "teams", "id", NO_ACTION)))
                        .to(schema(teams(), players()))
                        .seed(TEAMS)
                        .keeps("INSERT INTO \"public\".\"players\" VALUES (13, 99) RETURNING \"team_id\"::text", "99")
                        .expects(DropConstraint.class)
                        .forbids(DropColumn.class)
                        .build(),
                Evolution.named("composite foreign key with ON DELETE and ON UPDATE CASCADE")
                        .from(schema(table("teams").col("org_id", "integer").col("id", "integer").pk("org_id", "id"),
                                table("players").col("id", "integer").pk("id").col("org_id", "integer", NOT_NULL).col("team_id", "integer")))
                        .to(schema(table("teams").col("org_id", "integer").col("id", "integer").pk("org_id", "id"),
                                table("players").col("id", "integer").pk("id").col("org_id", "integer", NOT_NULL).col("team_id", "integer")
                                        .fk("players_team_fkey", List.of("org_id", "team_id"), q("teams"), List.of("org_id", "id"),
                                                CASCADE, CASCADE)))
                        .seed("INSERT INTO \"public\".\"teams\" VALUES (1, 1), (1, 2);"
                                + " INSERT INTO \"public\".\"players\" VALUES (10, 1, 1), (11, 1, 2)")
                        .keeps("UPDATE \"public\".\"teams\" SET \"id\" = 5 WHERE \"id\" = 2 RETURNING \"id\"::text", "5")
                        .keeps("SELECT \"team_id\"::text FROM \"public\".\"players\" ORDER BY \"id\"", "1", "5")
                        .expects(AddConstraint.class)
                        .build());
    }
}
