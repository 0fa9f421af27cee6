package dev.shale.evolution;

import dev.shale.change.AddColumn;
import dev.shale.change.AlterColumn;
import dev.shale.change.CreateEnum;
import dev.shale.change.DropColumn;
import dev.shale.testing.Models;

import java.util.List;

import static dev.shale.testing.Models.NOT_NULL;
import static dev.shale.testing.Models.enumOf;
import static dev.shale.testing.Models.num;
import static dev.shale.testing.Models.schema;
import static dev.shale.testing.Models.sql;
import static dev.shale.testing.Models.str;
import static dev.shale.testing.Models.table;

/** Altering a column in place: its type (with and without USING), NOT NULL, and its default. */
final class ColumnEvolutions {
    private ColumnEvolutions() {}

    /** A one-column table "items"("id", "v") with {@code v} as given. */
    private static Models.TableSpec items(String type, Object... mods) {
        return table("items").col("id", "integer").pk("id").col("v", type, mods);
    }

    private static final String VALUES = "SELECT \"v\"::text FROM \"public\".\"items\" ORDER BY \"id\"";

    private static String seed(String... values) {
        StringBuilder sql = new StringBuilder("INSERT INTO \"public\".\"items\" (\"id\", \"v\") VALUES ");
        for (int i = 0; i < values.length; i++) {
            sql.append(i == 0 ? "" : ", ").append('(').append(i + 1).append(", ").append(values[i]).append(')');
        }
        return sql.toString();
    }

    private static Evolution.Builder alter(String name, Models.TableSpec from, Models.TableSpec to) {
        return alter(name, from, schema(to));
    }

    private static Evolution.Builder alter(String name, Models.TableSpec from, dev.shale.model.SchemaModel to) {
        return Evolution.named(name).from(schema(from)).to(to)
                .expects(AlterColumn.class).forbids(DropColumn.class, AddColumn.class);
    }

    static List<Evolution> cases() {
        return List.of(
                alter("change type varchar(50) to varchar(255) (widening)", items("varchar(50)"), items("varchar(255)"))
                        .seed(seed("'short'", "repeat('x', 50)"))
                        .keeps("SELECT length(\"v\")::text FROM \"public\".\"items\" ORDER BY \"id\"", "5", "50")
                        .losesNoData()
                        .build(),
                alter("change type integer to bigint (widening)", items("integer", NOT_NULL), items("bigint", NOT_NULL))
                        .seed(seed("2147483647", "-2147483648"))
                        .keeps(VALUES, "2147483647", "-2147483648")
                        .losesNoData()
                        .build(),
                alter("change type varchar(80) to text", items("varchar(80)"), items("text"))
                        .seed(seed("'it stays'"))
                        .keeps(VALUES, "it stays")
                        .losesNoData()
                        .build(),
                alter("change type text to integer (USING)", items("text"), items("integer"))
                        .seed(seed("'42'", "' 7'", "NULL"))
                        .keeps(VALUES, "42", "7", null)
                        .build(),
                alter("change type text to a new enum (USING)", items("text"),
                        schema(enumOf("status", "draft", "live", "archived"), items("enum:public.status")))
                        .seed(seed("'draft'", "'live'"))
                        .keeps(VALUES, "draft", "live")
                        .expects(CreateEnum.class)
                        .build(),
                alter("change type and default together: text default 'draft' to enum default 'draft'",
                        items("text", NOT_NULL, str("draft")),
                        schema(enumOf("status", "draft", "live"), items("enum:public.status", NOT_NULL, str("draft"))))
                        .seed(seed("'live'", "DEFAULT"))
                        .keeps(VALUES, "live", "draft")
                        .build(),
                alter("change type and default together: integer default 0 to numeric(12,2) default 1.50",
                        items("integer", NOT_NULL, num("0")), items("numeric(12,2)", NOT_NULL, num("1.50")))
                        .seed(seed("3", "DEFAULT"))
                        .keeps(VALUES, "3.00", "0.00")
                        .losesNoData()
                        .build(),
                alter("set NOT NULL", items("text"), items("text", NOT_NULL))
                        .seed(seed("'a'", "'b'"))
                        .keeps(VALUES, "a", "b")
                        .build(),
                alter("drop NOT NULL", items("text", NOT_NULL), items("text"))
                        .seed(seed("'a'"))
                        .keeps("INSERT INTO \"public\".\"items\" (\"id\") VALUES (9) RETURNING coalesce(\"v\", 'null')", "null")
                        .losesNoData()
                        .build(),
                alter("set a literal default", items("integer"), items("integer", num("0")))
                        .seed(seed("5"))
                        .keeps("INSERT INTO \"public\".\"items\" (\"id\") VALUES (9) RETURNING \"v\"::text", "0")
                        .losesNoData()
                        .build(),
                alter("drop a default", items("integer", NOT_NULL, num("0")), items("integer", NOT_NULL))
                        .seed(seed("5"))
                        .keeps(VALUES, "5")
                        .build(),
                alter("change default from a literal to now()", items("timestamptz", NOT_NULL, str("2020-01-01T00:00:00Z")),
                        items("timestamptz", NOT_NULL, sql("now()")))
                        .seed(seed("DEFAULT"))
                        .keeps("SELECT (\"v\" = '2020-01-01T00:00:00Z')::text FROM \"public\".\"items\"", "true")
                        .keeps("INSERT INTO \"public\".\"items\" (\"id\") VALUES (9) RETURNING (\"v\" > '2021-01-01')::text", "true")
                        .build(),
                alter("change default from a literal to an expression", items("text", str("none")),
                        items("text", sql("md5('shale' || 'x')")))
                        .keeps("INSERT INTO \"public\".\"items\" (\"id\") VALUES (9) RETURNING \"v\" = md5('shalex')", "t")
                        .build(),
                alter("change a literal default to another literal", items("varchar(20)", NOT_NULL, str("draft")),
                        items("varchar(20)", NOT_NULL, str("pending")))
                        .keeps("INSERT INTO \"public\".\"items\" (\"id\") VALUES (9) RETURNING \"v\"", "pending")
                        .build());
    }
}
