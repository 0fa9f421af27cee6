package dev.shale.evolution;

import dev.shale.change.AlterColumn;
import dev.shale.change.AlterView;
import dev.shale.change.CreateIndex;
import dev.shale.change.CreateView;
import dev.shale.change.DropIndex;
import dev.shale.change.DropTable;
import dev.shale.change.DropView;
import dev.shale.change.RenameColumn;
import dev.shale.change.RenameTable;
import dev.shale.change.ReplaceView;
import dev.shale.change.SetComment;
import dev.shale.model.QualifiedName;
import dev.shale.model.Rename;
import dev.shale.model.View;
import dev.shale.testing.Models;

import java.util.List;

import static dev.shale.testing.Models.NOT_NULL;
import static dev.shale.testing.Models.enumOf;
import static dev.shale.testing.Models.index;
import static dev.shale.testing.Models.materializedView;
import static dev.shale.testing.Models.q;
import static dev.shale.testing.Models.schema;
import static dev.shale.testing.Models.table;
import static dev.shale.testing.Models.uniqueIndex;
import static dev.shale.testing.Models.view;

/**
 * Views and materialized views, and the dependency machinery: what reads a changed table is dropped
 * before the change and created again after it, stacked views top-down and bottom-up, with rows in the
 * tables throughout. View names are chosen so that alphabetical order is the wrong order.
 */
final class ViewEvolutions {
    private ViewEvolutions() {}

    private static Models.TableSpec accounts(String emailType, String balanceType) {
        return table("accounts").col("id", "integer").pk("id").col("email", emailType, NOT_NULL).col("balance", balanceType, NOT_NULL);
    }

    private static final String SEED = "INSERT INTO \"public\".\"accounts\" VALUES (1, 'a@x', 50), (2, 'b@x', 500), (3, 'c@x', 0)";

    /** Reads "accounts"; sorts after "a_rich_accounts", which reads it. */
    private static View positive() {
        return view("z_positive_accounts", "select id, email, balance from public.accounts where balance > 0");
    }

    /** Stacked on "z_positive_accounts". */
    private static View rich() {
        return view("a_rich_accounts", "select id, email from public.z_positive_accounts where balance > 100")
                .withComment("accounts worth talking to");
    }

    private static View totals() {
        return materializedView("account_totals", "select email, sum(balance) as total from public.accounts group by email")
                .withIndexes(List.of(uniqueIndex("account_totals_email_key", "email"), index("account_totals_total_idx", "total")))
                .withComment("per-address totals");
    }

    /**
     * Issue 10's must-show 3: accounts with the two stacked views, the indexed materialized view, an audit
     * trigger that fires on UPDATE OF balance when it changes, and row-level security with a policy on balance.
     */
    private static dev.shale.model.SchemaModel withPolicyAndTrigger(String emailType, String balanceType) {
        dev.shale.model.SchemaModel base = schema(accounts(emailType, balanceType), positive(), rich(), totals());
        QualifiedName accounts = q("accounts");
        dev.shale.model.Routine audit = dev.shale.model.Routine.function(q("touch_balance"), List.of(), "trigger", "plpgsql",
                "BEGIN NEW.email = lower(NEW.email); RETURN NEW; END");
        dev.shale.model.Trigger trigger = dev.shale.model.Trigger.of(accounts, "accounts_touch_balance",
                dev.shale.model.Trigger.Timing.BEFORE, java.util.Set.of(dev.shale.model.Trigger.Event.UPDATE), true,
                audit.name()).withUpdateColumns(List.of("balance")).withWhen("NEW.balance <> OLD.balance");
        dev.shale.model.Policy policy = dev.shale.model.Policy.of(accounts, "no overdrafts").withUsing("balance >= 0");
        return base.toBuilder().tables(List.of(base.table(accounts).withRowSecurity(dev.shale.model.RowSecurity.ENABLED)))
                .routines(List.of(audit)).triggers(List.of(trigger)).policies(List.of(policy)).build();
    }

    /** {@code model} with the column of "accounts" given {@code collation}. */
    private static dev.shale.model.SchemaModel collated(dev.shale.model.SchemaModel model, String column, String collation) {
        dev.shale.model.Table t = model.table(q("accounts"));
        List<dev.shale.model.Column> columns = t.columns().stream()
                .map(c -> c.name().equals(column) ? c.withCollation(collation) : c).toList();
        return model.toBuilder().tables(List.of(t.withColumns(columns))).build();
    }

    static List<Evolution> cases() {
        return List.of(
                Evolution.named("a column's type changes under stacked views, an indexed materialized view, a policy and a trigger")
                        .from(withPolicyAndTrigger("varchar(100)", "integer"))
                        .to(withPolicyAndTrigger("text", "bigint"))
                        .seed(SEED)
                        .keeps("SELECT email FROM \"public\".\"a_rich_accounts\" ORDER BY 1", "b@x")
                        .keeps("SELECT total::text FROM \"public\".\"account_totals\" ORDER BY total", "0", "50", "500")
                        .keeps("SELECT pg_typeof(balance)::text FROM \"public\".\"z_positive_accounts\" LIMIT 1", "bigint")
                        .keeps("SELECT count(*)::text FROM pg_policy WHERE polname = 'no overdrafts'", "1")
                        .keeps("SELECT tgname::text FROM pg_trigger WHERE NOT tgisinternal", "accounts_touch_balance")
                        .expects(DropView.class, AlterColumn.class, CreateView.class, CreateIndex.class, SetComment.class,
                                dev.shale.change.DropPolicy.class, dev.shale.change.CreatePolicy.class,
                                dev.shale.change.DropTrigger.class, dev.shale.change.CreateTrigger.class)
                        .losesNoData()
                        .build(),
                Evolution.named("a column's collation changes under stacked views, an indexed materialized view, a policy and a trigger")
                        .from(withPolicyAndTrigger("text", "integer"))
                        .to(collated(withPolicyAndTrigger("text", "integer"), "email", "C"))
                        .seed(SEED)
                        .keeps("SELECT email FROM \"public\".\"a_rich_accounts\" ORDER BY 1", "b@x")
                        .keeps("SELECT total::text FROM \"public\".\"account_totals\" ORDER BY total", "0", "50", "500")
                        .keeps("SELECT collation_name FROM information_schema.columns WHERE table_name = 'z_positive_accounts'"
                                + " AND column_name = 'email'", "C")
                        .expects(DropView.class, AlterColumn.class, CreateView.class, CreateIndex.class)
                        .losesNoData()
                        .build(),
                Evolution.named("a column's type changes under two stacked views and a materialized view with indexes")
                        .from(schema(accounts("varchar(100)", "integer"), positive(), rich(), totals()))
                        .to(schema(accounts("text", "bigint"), positive(), rich(), totals()))
                        .seed(SEED)
                        .keeps("SELECT email FROM \"public\".\"a_rich_accounts\" ORDER BY 1", "b@x")
                        .keeps("SELECT total::text FROM \"public\".\"account_totals\" ORDER BY total", "0", "50", "500")
                        .keeps("SELECT pg_typeof(balance)::text FROM \"public\".\"z_positive_accounts\" LIMIT 1", "bigint")
                        .expects(DropView.class, AlterColumn.class, CreateView.class, CreateIndex.class, SetComment.class)
                        .losesNoData()
                        .build(),
                Evolution.named("views and a materialized view created with a new table")
                        .from(schema(table("unrelated").col("id", "integer").pk("id")))
                        .to(schema(table("unrelated").col("id", "integer").pk("id"), accounts("text", "integer"),
                                rich(), positive().withSecurityBarrier(true).withCheckOption(View.CheckOption.CASCADED),
                                totals().withData(false).withStorage(java.util.Map.of("fillfactor", "70"))))
                        .expects(CreateView.class, CreateIndex.class, SetComment.class)
                        .forbids(DropView.class)
                        .build(),
                Evolution.named("a view with typed columns gains a column in place")
                        .from(schema(accounts("text", "integer"), typed("select id, email from public.accounts", "id", "email")))
                        .to(schema(accounts("text", "integer"), typed("select id, email, balance from public.accounts",
                                "id", "email", "balance")))
                        .seed(SEED)
                        .keeps("SELECT balance::text FROM \"public\".\"account_list\" ORDER BY id", "50", "500", "0")
                        .expects(ReplaceView.class)
                        .forbids(DropView.class)
                        .build(),
                Evolution.named("a view whose columns are not known is dropped and created again when its query changes")
                        .from(schema(accounts("text", "integer"), positive(), rich()))
                        .to(schema(accounts("text", "integer"), positive().withQuery(
                                "select id, email, balance from public.accounts where balance >= 0"), rich()))
                        .seed(SEED)
                        .keeps("SELECT count(*)::text FROM \"public\".\"z_positive_accounts\"", "3")
                        .expects(DropView.class, CreateView.class)
                        .build(),
                Evolution.named("view options change in place")
                        .from(schema(accounts("text", "integer"), positive(), rich()))
                        .to(schema(accounts("text", "integer"), positive().withSecurityBarrier(true)
                                .withCheckOption(View.CheckOption.LOCAL), rich().withComment(null)))
                        .expects(AlterView.class, SetComment.class)
                        .forbids(DropView.class, CreateView.class)
                        .build(),
                Evolution.named("a materialized view's indexes change while it stays")
                        .from(schema(accounts("text", "integer"), totals()))
                        .to(schema(accounts("text", "integer"), totals().withIndexes(List.of(index("account_totals_email_idx", "email")))))
                        .seed(SEED)
                        .expects(DropIndex.class, CreateIndex.class)
                        .forbids(DropView.class)
                        .build(),
                Evolution.named("a table dropped with the views on it, which are named and dropped first")
                        .from(schema(table("unrelated").col("id", "integer").pk("id"), accounts("text", "integer"), positive(), rich(), totals()))
                        .to(schema(table("unrelated").col("id", "integer").pk("id")))
                        .seed(SEED)
                        .expects(DropView.class, DropTable.class)
                        .losesData()
                        .build(),
                Evolution.named("a renamed column and a renamed table under stacked views")
                        .from(schema(accounts("text", "integer"), positive(), rich()))
                        .to(schema(table("members").col("id", "integer").pk("id").col("mail", "text", NOT_NULL)
                                        .col("balance", "integer", NOT_NULL),
                                view("z_positive_accounts", "select id, mail as email, balance from public.members where balance > 0"),
                                rich()))
                        .rename(Rename.table(q("accounts"), "members"))
                        .rename(Rename.column(q("members"), "email", "mail"))
                        .seed(SEED)
                        .keeps("SELECT email FROM \"public\".\"a_rich_accounts\"", "b@x")
                        .expects(RenameTable.class, RenameColumn.class, DropView.class, CreateView.class)
                        .losesNoData()
                        .build(),
                Evolution.named("an enum loses a value under a view of its column")
                        .from(schema(enumOf("zz_state", "open", "stale", "closed"), table("tickets").col("id", "integer").pk("id")
                                .col("state", "enum:public.zz_state", NOT_NULL), view("a_open_tickets",
                                "select id, state from public.tickets where state <> 'closed'")))
                        .to(schema(enumOf("zz_state", "closed", "open"), table("tickets").col("id", "integer").pk("id")
                                .col("state", "enum:public.zz_state", NOT_NULL), view("a_open_tickets",
                                "select id, state from public.tickets where state <> 'closed'")))
                        .seed("INSERT INTO \"public\".\"tickets\" VALUES (1, 'open'), (2, 'closed')")
                        .keeps("SELECT id::text FROM \"public\".\"a_open_tickets\"", "1")
                        .expects(DropView.class, CreateView.class)
                        .build(),
                Evolution.named("a dropped column no view reads any more")
                        .from(schema(accounts("text", "integer"), positive()))
                        .to(schema(table("accounts").col("id", "integer").pk("id").col("balance", "integer", NOT_NULL),
                                view("z_positive_accounts", "select id, balance from public.accounts where balance > 0")))
                        .seed(SEED)
                        .keeps("SELECT id::text FROM \"public\".\"z_positive_accounts\" ORDER BY id", "1", "2")
                        .expects(DropView.class, CreateView.class)
                        .build());
    }

    /** A view "account_list" with its columns typed, as introspection reads them. */
    private static View typed(String query, String... columns) {
        java.util.Map<String, String> types = java.util.Map.of("id", "integer", "email", "text", "balance", "integer");
        return view("account_list", query).withColumns(java.util.Arrays.stream(columns)
                .map(c -> new View.Column(c, types.get(c))).toList());
    }
}
