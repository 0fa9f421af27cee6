package dev.shale.diff;

import dev.shale.model.Check;
import dev.shale.model.IndexKey;
import dev.shale.model.Partitioning;
import dev.shale.model.SchemaModel;
import dev.shale.model.Table;
import dev.shale.render.PostgresRenderer;
import dev.shale.render.Statement;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.shale.testing.Models.NOT_NULL;
import static dev.shale.testing.Models.key;
import static dev.shale.testing.Models.q;
import static dev.shale.testing.Models.schema;
import static dev.shale.testing.Models.table;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Where online mode puts each change ({@link OnlineSteps}): a case per rule, from-schema, to-schema, and the
 * steps as SQL, each under {@code [transaction]} or {@code [no transaction]}. The last step's schema is always
 * the target's.
 */
class OnlineStepsTest {
    private static final SchemaModel ACCOUNTS = schema(table("accounts").col("id", "bigint", NOT_NULL).pk("id")
            .col("code", "text", NOT_NULL));

    private static List<String> online(SchemaModel from, SchemaModel to) {
        List<DiffStep> steps = OnlineSteps.of(from, Differ.plan(from, to, RenameDecisions.NONE));
        assertEquals(to, steps.get(steps.size() - 1).after(), "the last step ends at the target");
        List<String> out = new ArrayList<>();
        for (DiffStep s : steps) {
            out.add(s.noTransaction() ? "[no transaction]" : "[transaction]");
            for (Statement st : new PostgresRenderer().render(s.changes())) {
                out.add(st.sql());
            }
        }
        return out;
    }

    private static SchemaModel with(SchemaModel base, Table... tables) {
        SchemaModel out = base;
        for (Table t : tables) {
            out = out.table(t.name()) == null ? out.withTables(append(out.tables(), t)) : out.withTable(t);
        }
        return out;
    }

    private static List<Table> append(List<Table> list, Table t) {
        List<Table> out = new ArrayList<>(list);
        out.add(t);
        return out;
    }

    @Test
    void aNewTablesIndexAndForeignKeyStayInTheTransaction() {
        SchemaModel to = with(ACCOUNTS, table("refunds").col("id", "bigint", NOT_NULL).pk("id").col("account_id", "bigint")
                .fk("refunds_account_id_fkey", "account_id", "accounts", "id", null).index("refunds_account_id_idx", key("account_id")).build());
        assertEquals(List.of("[transaction]",
                "CREATE TABLE \"public\".\"refunds\" (\n    \"id\" bigint NOT NULL,\n    \"account_id\" bigint,\n"
                        + "    CONSTRAINT \"refunds_pkey\" PRIMARY KEY (\"id\")\n);",
                "CREATE INDEX \"refunds_account_id_idx\" ON \"public\".\"refunds\" (\"account_id\");",
                "ALTER TABLE \"public\".\"refunds\" ADD CONSTRAINT \"refunds_account_id_fkey\" FOREIGN KEY (\"account_id\")"
                        + " REFERENCES \"public\".\"accounts\" (\"id\");"), online(ACCOUNTS, to));
    }

    @Test
    void aUniqueIndexANewForeignKeyReferencesIsBuiltInTheTransactionThatAddsTheKey() {
        SchemaModel from = with(ACCOUNTS, table("orders").col("id", "bigint", NOT_NULL).pk("id").col("account_code", "text").build());
        SchemaModel to = with(from, ACCOUNTS.table(q("accounts")).withIndexes(List.of(dev.shale.testing.Models.uniqueIndex("accounts_code_key", "code"))),
                from.table(q("orders")).withForeignKeys(List.of(dev.shale.testing.Models.fk("orders_account_code_fkey", "account_code",
                        "accounts", "code", null))));
        assertEquals(List.of("[transaction]",
                "CREATE UNIQUE INDEX \"accounts_code_key\" ON \"public\".\"accounts\" (\"code\");",
                "ALTER TABLE \"public\".\"orders\" ADD CONSTRAINT \"orders_account_code_fkey\" FOREIGN KEY (\"account_code\")"
                        + " REFERENCES \"public\".\"accounts\" (\"code\") NOT VALID;",
                "[no transaction]",
                "ALTER TABLE \"public\".\"orders\" VALIDATE CONSTRAINT \"orders_account_code_fkey\";"), online(from, to));
    }

    @Test
    void anIndexRebuiltUnderItsNameIsDroppedThenBuiltConcurrently() {
        SchemaModel from = with(ACCOUNTS, ACCOUNTS.table(q("accounts")).withIndexes(List.of(dev.shale.testing.Models.index("accounts_code_idx", "code"))));
        SchemaModel to = with(ACCOUNTS, ACCOUNTS.table(q("accounts")).withIndexes(List.of(dev.shale.testing.Models.index("accounts_code_idx", "code", "id"))));
        assertEquals(List.of("[no transaction]",
                "DROP INDEX CONCURRENTLY IF EXISTS \"public\".\"accounts_code_idx\";",
                "CREATE INDEX CONCURRENTLY IF NOT EXISTS \"accounts_code_idx\" ON \"public\".\"accounts\" (\"code\", \"id\");"),
                online(from, to));
    }

    @Test
    void anIndexDropStaysWhenAConstraintTakesItsNameOrAColumnItCoversChangesType() {
        SchemaModel from = with(ACCOUNTS, ACCOUNTS.table(q("accounts")).withIndexes(List.of(dev.shale.testing.Models.uniqueIndex("accounts_code_key", "code"))));
        SchemaModel constraint = schema(table("accounts").col("id", "bigint", NOT_NULL).pk("id").col("code", "text", NOT_NULL)
                .unique("accounts_code_key", "code"));
        assertEquals("[transaction]", online(from, constraint).get(0));
        assertEquals("DROP INDEX \"public\".\"accounts_code_key\";", online(from, constraint).get(1));

        SchemaModel retyped = schema(table("accounts").col("id", "bigint", NOT_NULL).pk("id").col("code", "varchar(20)", NOT_NULL));
        assertEquals(List.of("[transaction]", "DROP INDEX \"public\".\"accounts_code_key\";",
                "ALTER TABLE \"public\".\"accounts\" ALTER COLUMN \"code\" TYPE varchar(20);"), online(from, retyped));
    }

    @Test
    void notNullWithATypeChangeKeepsTheTypeChangeAndProvesTheNotNull() {
        SchemaModel from = schema(table("t").col("id", "bigint", NOT_NULL).pk("id").col("n", "integer"));
        SchemaModel to = schema(table("t").col("id", "bigint", NOT_NULL).pk("id").col("n", "bigint", NOT_NULL));
        assertEquals(List.of("[transaction]",
                "ALTER TABLE \"public\".\"t\" ALTER COLUMN \"n\" TYPE bigint;",
                "ALTER TABLE \"public\".\"t\" ADD CONSTRAINT \"t_n_not_null_check\" CHECK (\"n\" IS NOT NULL) NOT VALID;",
                "[no transaction]",
                "ALTER TABLE \"public\".\"t\" VALIDATE CONSTRAINT \"t_n_not_null_check\";",
                "[transaction]",
                "ALTER TABLE \"public\".\"t\" ALTER COLUMN \"n\" SET NOT NULL;",
                "ALTER TABLE \"public\".\"t\" DROP CONSTRAINT \"t_n_not_null_check\";"), online(from, to));
    }

    @Test
    void theProofsNameAvoidsTheTablesConstraintsAndFitsSixtyThreeBytes() {
        String longName = "a".repeat(50);
        SchemaModel from = schema(table(longName).col("id", "bigint", NOT_NULL).pk("id").col("n", "integer"));
        SchemaModel to = schema(table(longName).col("id", "bigint", NOT_NULL).pk("id").col("n", "integer", NOT_NULL));
        assertEquals("ALTER TABLE \"public\".\"" + longName + "\" ADD CONSTRAINT \"" + "a".repeat(46) + "_n_not_null_check\""
                + " CHECK (\"n\" IS NOT NULL) NOT VALID;", online(from, to).get(1));

        SchemaModel taken = schema(table("t").col("id", "bigint", NOT_NULL).pk("id").col("n", "integer").check("t_n_not_null_check", "n > 0"));
        SchemaModel wanted = schema(table("t").col("id", "bigint", NOT_NULL).pk("id").col("n", "integer", NOT_NULL).check("t_n_not_null_check", "n > 0"));
        assertEquals("ALTER TABLE \"public\".\"t\" ADD CONSTRAINT \"t_n_not_null_check2\" CHECK (\"n\" IS NOT NULL) NOT VALID;",
                online(taken, wanted).get(1));
    }

    @Test
    void aConstraintTheCodeNowWantsValidIsValidatedOutsideTheTransaction() {
        SchemaModel from = schema(table("t").col("id", "bigint", NOT_NULL).pk("id").col("n", "integer").check("t_n_check", "n > 0"));
        Table t = from.table(q("t"));
        SchemaModel notValid = from.withTable(t.withChecks(List.of(new Check("t_n_check", "n > 0").withNotValid(true))));
        assertEquals(List.of("[no transaction]", "ALTER TABLE \"public\".\"t\" VALIDATE CONSTRAINT \"t_n_check\";"), online(notValid, from));
    }

    @Test
    void aPartitionedTableIsLeftAsItIs() {
        Table events = table("events").col("id", "bigint", NOT_NULL).col("at", "date", NOT_NULL).col("n", "integer").build().toBuilder()
                .partitioning(new Partitioning(Partitioning.Strategy.RANGE, List.of(IndexKey.column("at")))).build();
        SchemaModel from = schema(events);
        SchemaModel to = schema(events.withIndexes(List.of(dev.shale.testing.Models.index("events_n_idx", "n")))
                .withChecks(List.of(new Check("events_n_check", "n > 0"))));
        assertEquals(List.of("[transaction]",
                "ALTER TABLE \"public\".\"events\" ADD CONSTRAINT \"events_n_check\" CHECK (n > 0);",
                "CREATE INDEX \"events_n_idx\" ON \"public\".\"events\" (\"n\");"), online(from, to));
    }
}
