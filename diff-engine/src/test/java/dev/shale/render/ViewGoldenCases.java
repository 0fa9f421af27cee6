package dev.shale.render;

import dev.shale.change.AlterView;
import dev.shale.change.CommentTarget;
import dev.shale.change.CreateIndex;
import dev.shale.change.CreateTable;
import dev.shale.change.CreateView;
import dev.shale.change.DropTable;
import dev.shale.change.DropView;
import dev.shale.change.ReplaceView;
import dev.shale.change.SetComment;
import dev.shale.model.Index;
import dev.shale.model.IndexKey;
import dev.shale.model.QualifiedName;
import dev.shale.model.Table;
import dev.shale.model.View;
import dev.shale.render.GoldenCases.Case;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.shale.testing.Models.col;

/**
 * Views and materialized views, on a table of their own that the story drops again at the end: create
 * with a column list, options and a check option, a materialized view WITH NO DATA and its index,
 * comments, CREATE OR REPLACE, options set and reset, and drops (one for a dependency's sake).
 */
final class ViewGoldenCases {
    private ViewGoldenCases() {}

    static final QualifiedName LEDGER = QualifiedName.of("ledger");
    static final Table LEDGER_TABLE = Table.of(LEDGER, List.of(col("id", "integer", true, null),
            col("amount", "numeric(12,2)", true, null), col("memo", "text", false, null)));

    static final View CREDITS = new View(QualifiedName.of("credits"),
            "SELECT id, amount FROM public.ledger WHERE amount > 0",
            List.of(new View.Column("entry_id", "integer"), new View.Column("amount", "numeric(12,2)")), false,
            View.CheckOption.LOCAL, true, false, true, Map.of(), List.of(), null);

    static final View CREDITS_WIDER = CREDITS.withQuery("SELECT id, amount, memo FROM public.ledger WHERE amount > 0")
            .withColumns(List.of(new View.Column("entry_id", "integer"), new View.Column("amount", "numeric(12,2)"),
                    new View.Column("memo", "text")));

    static final View TOTALS = View.materialized(QualifiedName.of("ledger_totals"),
                    "SELECT memo, sum(amount) AS total\nFROM public.ledger\nGROUP BY memo")
            .withData(false).withStorage(Map.of("fillfactor", "80"));

    static final Index TOTALS_MEMO_KEY = new Index("ledger_totals_memo_key", true, null, List.of(IndexKey.column("memo")), null);

    static List<Case> cases() {
        List<Case> all = new ArrayList<>();
        all.add(new Case("create_table_for_views", new CreateTable(LEDGER_TABLE)));
        all.add(new Case("create_view", new CreateView(CREDITS)));
        all.add(new Case("create_materialized_view_no_data", new CreateView(TOTALS)));
        all.add(new Case("create_index_on_materialized_view", new CreateIndex(TOTALS.name(), TOTALS_MEMO_KEY)));
        all.add(new Case("set_comment_view", new SetComment(CommentTarget.view(CREDITS.name(), false), "money in")));
        all.add(new Case("set_comment_materialized_view", new SetComment(CommentTarget.view(TOTALS.name(), true), "per memo")));
        all.add(new Case("replace_view", new ReplaceView(CREDITS, CREDITS_WIDER)));
        all.add(new Case("alter_view_options", new AlterView(CREDITS_WIDER,
                CREDITS_WIDER.withSecurityBarrier(false).withSecurityInvoker(true).withCheckOption(View.CheckOption.CASCADED))));
        all.add(new Case("alter_materialized_view_storage", new AlterView(TOTALS, TOTALS.withStorage(Map.of("autovacuum_enabled", "false")))));
        all.add(new Case("drop_view_for_dependency", new DropView(CREDITS_WIDER, true,
                "it reads table \"public\".\"ledger\", whose column \"amount\" changes type")));
        all.add(new Case("drop_materialized_view", new DropView(TOTALS, false, null)));
        all.add(new Case("drop_table_for_views", new DropTable(LEDGER_TABLE)));
        return all;
    }
}
