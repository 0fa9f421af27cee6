package dev.shale.evolution;

import dev.shale.change.AddColumn;
import dev.shale.change.AlterColumn;
import dev.shale.change.DropColumn;
import dev.shale.change.SetComment;
import dev.shale.model.Column;
import dev.shale.model.ColumnType;
import dev.shale.model.Identity;
import dev.shale.model.PgType;
import dev.shale.model.SchemaModel;
import dev.shale.model.SequenceOptions;

import java.util.ArrayList;
import java.util.List;

import static dev.shale.testing.Models.schema;
import static dev.shale.testing.Models.table;

/**
 * Column features on tables with rows: switching between serial, identity and plain integers (a row
 * inserted afterwards gets the next id, never one the table holds), identity options, generated columns
 * (a new expression recomputes the values; DROP EXPRESSION keeps them), collations, comments, and type
 * changes converted by the code's {@code using} expression.
 */
final class ColumnFeatureEvolutions {
    private ColumnFeatureEvolutions() {}

    private static final String SEED = "INSERT INTO \"public\".\"items\" (\"name\") VALUES ('a'), ('b')";
    private static final String SEED_IDS = "INSERT INTO \"public\".\"items\" (\"id\", \"name\") VALUES (1, 'a'), (2, 'b')";
    /** Inserts a row without an id and returns the id it got. */
    private static final String NEXT_ID = "WITH r AS (INSERT INTO \"public\".\"items\" (\"name\") VALUES ('new') RETURNING \"id\")"
            + " SELECT \"id\"::text FROM r";
    private static final String IDS = "SELECT \"id\"::text FROM \"public\".\"items\" ORDER BY \"items\".\"id\"";

    private static Column col(String name, PgType type) {
        return Column.of(name, ColumnType.Builtin.of(type));
    }

    private static SchemaModel items(Column id, Column... more) {
        List<Column> columns = new ArrayList<>(List.of(id, col("name", PgType.TEXT)));
        columns.addAll(List.of(more));
        return schema(table("items", columns.toArray(Column[]::new)).pk("id"));
    }

    private static final Column SERIAL = col("id", PgType.SERIAL);
    private static final Column BIGSERIAL = col("id", PgType.BIGSERIAL);
    private static final Column PLAIN = col("id", PgType.INTEGER).withNotNull(true);
    private static final Column BIG_PLAIN = col("id", PgType.BIGINT).withNotNull(true);
    private static final Column BY_DEFAULT = PLAIN.withIdentity(Identity.byDefault());
    private static final Column ALWAYS = PLAIN.withIdentity(Identity.always());

    private static Evolution.Builder ids(String name, Column from, Column to, String seed) {
        return Evolution.named(name).from(items(from)).to(items(to)).seed(seed)
                .expects(AlterColumn.class).forbids(DropColumn.class, AddColumn.class).losesNoData();
    }

    private static SchemaModel orders(Column total, Column... more) {
        List<Column> columns = new ArrayList<>(List.of(col("id", PgType.INTEGER).withNotNull(true),
                col("price", PgType.INTEGER), col("quantity", PgType.INTEGER), total));
        columns.addAll(List.of(more));
        return schema(table("orders", columns.toArray(Column[]::new)).pk("id"));
    }

    private static final String ORDERS_SEED = "INSERT INTO \"public\".\"orders\" (\"id\", \"price\", \"quantity\") VALUES (1, 3, 2), (2, 5, 1)";
    private static final String TOTALS = "SELECT \"total\"::text FROM \"public\".\"orders\" ORDER BY \"id\"";

    static List<Evolution> cases() {
        Column total = col("total", PgType.INTEGER);
        Column name = col("name", PgType.TEXT);
        return List.of(
                ids("serial to identity", SERIAL, BY_DEFAULT, SEED).keeps(NEXT_ID, "3").keeps(IDS, "1", "2", "3").build(),
                ids("serial to identity always", SERIAL, ALWAYS, SEED).keeps(NEXT_ID, "3").build(),
                ids("bigserial to integer identity", BIGSERIAL, ALWAYS, SEED).keeps(NEXT_ID, "3").build(),
                ids("identity to serial", BY_DEFAULT, SERIAL, SEED).keeps(NEXT_ID, "3").build(),
                ids("identity to bigserial", ALWAYS, BIGSERIAL, SEED).keeps(NEXT_ID, "3").build(),
                ids("identity to plain integer", ALWAYS, PLAIN, SEED)
                        .keeps("WITH r AS (INSERT INTO \"public\".\"items\" (\"id\", \"name\") VALUES (10, 'own') RETURNING \"id\")"
                                + " SELECT \"id\"::text FROM r", "10")
                        .keeps(IDS, "1", "2", "10").build(),
                ids("plain integer to identity", PLAIN, ALWAYS, SEED_IDS).keeps(NEXT_ID, "3").build(),
                ids("plain bigint to identity with a start", BIG_PLAIN,
                        BIG_PLAIN.withIdentity(Identity.byDefault().withOptions(SequenceOptions.DEFAULTS.withStart(100L))), SEED_IDS)
                        .keeps(NEXT_ID, "100").build(),
                ids("serial to plain integer", SERIAL, PLAIN, SEED).keeps(IDS, "1", "2").build(),
                ids("plain integer to serial", PLAIN, SERIAL, SEED_IDS).keeps(NEXT_ID, "3").build(),
                ids("serial to bigserial", SERIAL, BIGSERIAL, SEED).keeps(NEXT_ID, "3").build(),
                ids("identity options and generation", BY_DEFAULT,
                        ALWAYS.withIdentity(Identity.always().withOptions(SequenceOptions.DEFAULTS.withIncrement(10L)
                                .withMaxValue(1_000_000L).withCache(5L).withCycle(true))), SEED)
                        .keeps(NEXT_ID, "12").build(),
                ids("identity options back to the defaults",
                        PLAIN.withIdentity(Identity.byDefault().withOptions(new SequenceOptions(null, 50L, 5L, 10L, 999L, 3L, true))),
                        BY_DEFAULT, SEED).keeps(IDS, "50", "55").build(),
                Evolution.named("a generation expression changes: values recomputed")
                        .from(orders(total.withGenerated("price * quantity")))
                        .to(orders(total.withGenerated("price * quantity + 1")))
                        .seed(ORDERS_SEED).keeps(TOTALS, "7", "6")
                        .expects(DropColumn.class, AddColumn.class).losesNoData().build(),
                Evolution.named("a plain column becomes generated")
                        .from(orders(total)).to(orders(total.withGenerated("price * quantity")))
                        .seed(ORDERS_SEED).keeps(TOTALS, "6", "5")
                        .expects(DropColumn.class, AddColumn.class).losesData().build(),
                Evolution.named("a generated column becomes plain and keeps its values")
                        .from(orders(total.withGenerated("price * quantity"))).to(orders(total))
                        .seed(ORDERS_SEED).keeps(TOTALS, "6", "5")
                        .expects(AlterColumn.class).forbids(DropColumn.class, AddColumn.class).losesNoData().build(),
                Evolution.named("a column gets a collation")
                        .from(items(SERIAL, col("code", PgType.TEXT))).to(items(SERIAL, col("code", PgType.TEXT).withCollation("C")))
                        .seed("INSERT INTO \"public\".\"items\" (\"name\", \"code\") VALUES ('x', 'b'), ('y', 'B'), ('z', 'a')")
                        .keeps("SELECT \"code\" FROM \"public\".\"items\" ORDER BY \"code\"", "B", "a", "b")
                        .expects(AlterColumn.class).losesNoData().build(),
                Evolution.named("a collation changes and goes back to the default with a type change")
                        .from(items(SERIAL, col("code", PgType.VARCHAR).withCollation("C")))
                        .to(items(SERIAL, Column.of("code", ColumnType.parse("varchar(10)")).withCollation("POSIX"),
                                col("note", PgType.TEXT).withCollation("C")))
                        .seed("INSERT INTO \"public\".\"items\" (\"name\", \"code\") VALUES ('x', 'b')")
                        .keeps("SELECT \"code\" FROM \"public\".\"items\"", "b").build(),
                Evolution.named("column comments are added, changed and removed")
                        .from(schema(table("items", SERIAL.withComment("the key"), name.withComment("old"), col("note", PgType.TEXT)).pk("id")))
                        .to(schema(table("items", SERIAL, name.withComment("it's new"),
                                col("note", PgType.TEXT).withComment("a note"), col("extra", PgType.TEXT).withComment("added")).pk("id")))
                        .seed(SEED).keeps(IDS, "1", "2")
                        .expects(SetComment.class, AddColumn.class).forbids(AlterColumn.class, DropColumn.class).losesNoData().build(),
                Evolution.named("a type change without a cast, converted by the code's using")
                        .from(items(SERIAL, col("created", PgType.BIGINT)))
                        .to(items(SERIAL, col("created", PgType.TIMESTAMPTZ)))
                        .converts("items", "created", "to_timestamp(created)")
                        .seed("INSERT INTO \"public\".\"items\" (\"name\", \"created\") VALUES ('a', 86400)")
                        .keeps("SELECT extract(epoch FROM \"created\")::bigint::text FROM \"public\".\"items\"", "86400")
                        .expects(AlterColumn.class).forbids(DropColumn.class).build(),
                Evolution.named("using overrides a cast that exists")
                        .from(items(SERIAL, col("v", PgType.TEXT)))
                        .to(items(SERIAL, col("v", PgType.INTEGER)))
                        .converts("items", "v", "length(v)")
                        .seed("INSERT INTO \"public\".\"items\" (\"name\", \"v\") VALUES ('a', 'abc'), ('b', 'hello')")
                        .keeps("SELECT \"v\"::text FROM \"public\".\"items\" ORDER BY \"id\"", "3", "5")
                        .expects(AlterColumn.class).build(),
                Evolution.named("a new table with identity, generated, collated and commented columns")
                        .from(schema(table("other", PLAIN).pk("id")))
                        .to(schema(table("other", PLAIN).pk("id"), table("items", ALWAYS.withComment("key"),
                                col("price", PgType.INTEGER), col("twice", PgType.INTEGER).withGenerated("price * 2"),
                                col("code", PgType.TEXT).withCollation("C").withComment("in C order")).pk("id")))
                        .expects(SetComment.class).build());
    }
}
