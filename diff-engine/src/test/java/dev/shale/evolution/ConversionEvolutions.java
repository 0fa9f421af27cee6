package dev.shale.evolution;

import dev.shale.change.AddColumn;
import dev.shale.change.AlterColumn;
import dev.shale.change.DropColumn;

import java.util.List;

import static dev.shale.testing.Models.schema;
import static dev.shale.testing.Models.table;

/**
 * Type conversions PostgreSQL performs by changing stored values (time zone shifts, rounding, cutting),
 * each run on real rows: the rows show the change, and the plan carries a data-loss hazard, the kind
 * that makes {@code push} ask, or refuse without {@code --force}. Conversions that can only fail, and
 * never change a value that converts, carry none.
 */
final class ConversionEvolutions {
    private ConversionEvolutions() {}

    private static final String VALUES = "SELECT \"v\"::text FROM \"public\".\"items\" ORDER BY \"id\"";

    private static Evolution.Builder convert(String from, String to, String... values) {
        StringBuilder seed = new StringBuilder("INSERT INTO \"public\".\"items\" (\"id\", \"v\") VALUES ");
        for (int i = 0; i < values.length; i++) {
            seed.append(i == 0 ? "" : ", ").append('(').append(i + 1).append(", ").append(values[i]).append(')');
        }
        return Evolution.named("convert " + from + " to " + to)
                .from(schema(table("items").col("id", "integer").pk("id").col("v", from)))
                .to(schema(table("items").col("id", "integer").pk("id").col("v", to)))
                .seed(seed.toString())
                .expects(AlterColumn.class).forbids(DropColumn.class, AddColumn.class);
    }

    static List<Evolution> cases() {
        return List.of(
                convert("timestamptz", "timestamp", "'2024-01-01 12:00:00+02'")
                        // the instant became the local time of the migrating session's zone, whatever the zone is
                        .keeps("SELECT (\"v\" = (timestamptz '2024-01-01 12:00:00+02' AT TIME ZONE current_setting('TimeZone')))::text"
                                + " FROM \"public\".\"items\"", "true")
                        .losesData()
                        .build(),
                convert("timestamp", "timestamptz", "'2024-01-01 12:00:00'")
                        .keeps("SELECT (\"v\" = (timestamp '2024-01-01 12:00:00' AT TIME ZONE current_setting('TimeZone')))::text"
                                + " FROM \"public\".\"items\"", "true")
                        .losesData()
                        .build(),
                convert("timestamp", "date", "'2024-05-06 07:08:09'")
                        .keeps(VALUES, "2024-05-06")
                        .losesData()
                        .build(),
                convert("numeric(10,2)", "numeric(10,1)", "1.25", "2.35")
                        .keeps(VALUES, "1.3", "2.4")
                        .losesData()
                        .build(),
                convert("double precision", "integer", "2.5", "3.5", "-2.7")
                        .keeps(VALUES, "2", "4", "-3")
                        .losesData()
                        .build(),
                convert("double precision", "real", "1.23456789")
                        .keeps(VALUES, "1.2345679")
                        .losesData()
                        .build(),
                convert("varchar(10)", "varchar(3)", "'ab' || repeat(' ', 8)")
                        .keeps("SELECT length(\"v\")::text FROM \"public\".\"items\"", "3")
                        .losesData()
                        .build(),
                convert("bigint", "integer", "42", "-7")
                        .keeps(VALUES, "42", "-7")
                        .losesNoData()
                        .build(),
                convert("numeric(10,2)", "numeric(8,2)", "123456.78")
                        .keeps(VALUES, "123456.78")
                        .losesNoData()
                        .build());
    }
}
