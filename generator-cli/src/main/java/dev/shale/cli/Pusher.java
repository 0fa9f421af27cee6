package dev.shale.cli;

import dev.shale.diff.DiffStep;
import dev.shale.diff.Differ;
import dev.shale.diff.RenameDecisions;
import dev.shale.diff.UnresolvedRenamesException;
import dev.shale.diff.UnsupportedChangeException;
import dev.shale.model.QualifiedName;
import dev.shale.model.Rename;
import dev.shale.model.SchemaModel;
import dev.shale.render.Statement;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * {@code shale push}: the plan that turns a live database into the schema code (introspected, the code
 * canonicalized on the same connection, diffed), and applying it all or nothing.
 */
final class Pusher {
    private Pusher() {}

    /**
     * What a push would do.
     *
     * @param sql the statements, per transaction step, and their hazards
     * @param notManaged objects in the database the model cannot express, left alone ("view public.x")
     */
    record Plan(PlanSql sql, List<String> notManaged) {
        Plan {
            notManaged = List.copyOf(notManaged);
        }

        boolean isEmpty() {
            return sql.isEmpty();
        }
    }

    /**
     * Plans the push of {@code code} onto the database behind {@code connection}.
     *
     * @param hints the code's rename hints
     * @param renames {@code --rename} answers
     * @param dropped {@code --dropped} answers
     * @param prompt asks open rename questions; null off a terminal (open questions then fail)
     * @param history the migration history table, which is never touched
     */
    static Plan plan(Connection connection, SchemaModel code, List<Rename> hints, List<Rename> renames, List<Rename> dropped,
                     Generator.RenamePrompt prompt, QualifiedName history) {
        LiveDatabase.Read live = LiveDatabase.read(connection, LiveDatabase.schemasOf(code), history);
        SchemaModel target = LiveDatabase.canonical(code, connection);
        RenameDecisions decisions = RenameAnswers.decisions(hints, renames, dropped);
        try {
            RenameAnswers.validate(live.model(), target, renames, dropped, decisions.renames());
            decisions = Generator.answer(live.model(), target, decisions, prompt);
        } catch (ShaleException e) {
            // the shared rename messages speak of generate and the snapshot; here the "before" is the database
            throw new ShaleException(e.getMessage().replace("the latest snapshot", "the database")
                    .replace("generate lists", "push lists").replace("run generate again", "run push again"), e);
        }
        try {
            List<DiffStep> steps = Differ.plan(live.model(), target, decisions);
            return new Plan(PlanSql.of(steps), live.notManaged());
        } catch (UnresolvedRenamesException e) {
            throw new ShaleException(RenameAnswers.openQuestions(e.questions(), ", and there is no terminal to ask on")
                    .replace("run generate again", "run push again"), e);
        } catch (UnsupportedChangeException e) {
            throw new ShaleException("push cannot turn the database into the schema code: " + e.getMessage(), e);
        }
    }

    /**
     * Runs the plan: every step in one transaction (the first step of a two-step plan commits on its own
     * first). A failing statement rolls its transaction back and is named in the exception.
     *
     * @return the number of statements run
     */
    static int apply(Connection connection, Plan plan) {
        List<List<Statement>> steps = plan.sql().steps();
        int total = plan.sql().statements().size();
        int done = 0;
        try {
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            throw new ShaleException("could not start a transaction: " + e.getMessage());
        }
        for (int i = 0; i < steps.size(); i++) {
            for (Statement s : steps.get(i)) {
                done++;
                try (var st = connection.createStatement()) {
                    st.execute(s.sql());
                } catch (SQLException e) {
                    rollback(connection, e);
                    throw new ShaleException("push failed at statement " + done + " of " + total + " (" + s.comment() + "):\n"
                            + s.sql().strip() + "\nPostgreSQL said: " + e.getMessage().strip() + "\n"
                            + (i == 0 ? "The transaction was rolled back: the database is unchanged."
                            : "This step was rolled back; step 1 (adding the new enum values) had committed before it.")
                            + " Fix the data or the schema code and push again.", e);
                }
            }
            try {
                connection.commit();
            } catch (SQLException e) {
                rollback(connection, e);
                throw new ShaleException("push failed to commit: " + e.getMessage() + ". The transaction was rolled back.", e);
            }
        }
        return total;
    }

    private static void rollback(Connection connection, SQLException cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
