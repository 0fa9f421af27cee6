package dev.shale.workflow;

import dev.shale.change.RenameColumn;
import dev.shale.change.RenameTable;
import dev.shale.diff.Differ;
import dev.shale.diff.RenameDecisions;
import dev.shale.diff.RenameQuestion;
import dev.shale.diff.UnresolvedRenamesException;
import dev.shale.model.Rename;
import dev.shale.model.SchemaModel;
import dev.shale.render.PostgresRenderer;
import dev.shale.render.Statement;
import dev.shale.snapshot.Snapshot;

import java.util.List;

/**
 * Rename answers carried from one history to another ({@link Rebaser}): the answers a generated migration
 * was given (at a prompt, by a flag) are in no file but its SQL, so they are read back from it, then answer
 * the same questions on the merged history; only what is still open is asked.
 */
final class RenameReplay {
    private RenameReplay() {}

    /**
     * The rename answers a migration was generated with, read back from its SQL: for each question its own
     * snapshots raise, the rename its file holds, else "dropped". The code's own hints come first.
     */
    static RenameDecisions recovered(Snapshot before, Snapshot after, String sql, List<Rename> hints) {
        RenameDecisions decisions = RenameSettling.decisions(hints, List.of(), List.of());
        if (before == null || after == null) {
            return decisions;
        }
        PostgresRenderer renderer = new PostgresRenderer();
        SchemaModel from = before.model();
        SchemaModel to = after.model();
        for (int round = 0; round < 1000; round++) {
            List<RenameQuestion> open = Differ.questions(from, to, decisions);
            if (open.isEmpty()) {
                return decisions;
            }
            for (RenameQuestion q : open) {
                Rename chosen = null;
                for (String option : q.options()) {
                    Rename r = q.answer(option);
                    Statement s = renderer.render(List.of(r.kind() == Rename.Kind.TABLE
                            ? new RenameTable(r.table(), r.table().withName(r.to()))
                            : new RenameColumn(r.table(), r.from(), r.to()))).get(0);
                    if (sql.contains(s.sql())) {
                        chosen = r;
                        break;
                    }
                }
                decisions = chosen == null ? decisions.withDropped(q) : decisions.withRename(chosen);
            }
        }
        throw new IllegalStateException("rename questions do not converge");
    }

    /** Decisions for the merged diff: the recovered ones, then whatever the merge raised anew, asked. */
    static RenameDecisions settle(SchemaModel from, SchemaModel to, RenameDecisions decisions, Questions questions) {
        for (int round = 0; round < 1000; round++) {
            List<RenameQuestion> open = Differ.questions(from, to, decisions);
            if (open.isEmpty()) {
                return decisions;
            }
            if (!questions.canAsk()) {
                throw new UnresolvedRenamesException(open);
            }
            for (RenameQuestion q : open) {
                String option = questions.rename(q);
                decisions = option == null ? decisions.withDropped(q) : decisions.withRename(q.answer(option));
            }
        }
        throw new IllegalStateException("rename questions do not converge");
    }
}
