package dev.shale.workflow;

import dev.shale.diff.DiffStep;
import dev.shale.diff.Differ;
import dev.shale.diff.Hazard;
import dev.shale.diff.RenameDecisions;
import dev.shale.diff.UnsupportedChangeException;
import dev.shale.dsl.SchemaDefinition;
import dev.shale.migrator.Pipelined;
import dev.shale.model.Rename;
import dev.shale.model.SchemaModel;
import dev.shale.render.Statement;
import dev.shale.workflow.WorkflowException.Reason;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Push: the plan that turns a live database into the schema code (introspected, the code canonicalized
 * on the same connection, diffed), and applying it all or nothing. The history table is never touched.
 */
public final class Pusher {
    private Pusher() {}

    /**
     * What the user asked for.
     *
     * @param renames rename answers given up front
     * @param dropped "dropped" answers given up front
     * @param force apply statements that lose data without asking
     */
    public record Request(List<Rename> renames, List<Rename> dropped, boolean force) {
        public static final Request DEFAULT = new Request(List.of(), List.of(), false);

        public Request {
            renames = List.copyOf(renames);
            dropped = List.copyOf(dropped);
        }
    }

    /**
     * What a push would do.
     *
     * @param sql the statements, per transaction step, and their hazards
     * @param notManaged objects in the database the model cannot express, left alone ("trigger public.t.x")
     */
    public record Plan(PlanSql sql, List<String> notManaged) {
        public Plan {
            notManaged = List.copyOf(notManaged);
        }

        public boolean isEmpty() {
            return sql.isEmpty();
        }
    }

    /**
     * What a whole push did.
     *
     * @param plan what it planned
     * @param applied the number of statements run (0 when the plan was empty or refused)
     * @param refused true when the plan lost data and was not confirmed: nothing was changed
     * @param schema the schema code loaded
     */
    public record Result(Plan plan, int applied, boolean refused, SchemaLoader.LoadedSchema schema) {}

    /**
     * Loads the schema code, connects to the project's database, plans, asks about data loss (unless
     * {@link Request#force}) and applies, in one call.
     */
    public static Result push(Project project, Request request, Questions questions) {
        SchemaLoader.LoadedSchema loaded = SchemaLoader.load(project);
        try (Connection connection = LiveDatabase.connect(LiveDatabase.databaseUrl(project))) {
            Plan plan = plan(connection, project, loaded.definition(), request, questions);
            if (plan.isEmpty()) {
                return new Result(plan, 0, false, loaded);
            }
            List<Hazard> loss = plan.sql().dataLoss();
            if (!loss.isEmpty() && !request.force() && !questions.confirmDataLoss(loss)) {
                return new Result(plan, 0, true, loaded);
            }
            return new Result(plan, apply(connection, plan), false, loaded);
        } catch (SQLException e) {
            throw LiveDatabase.lost(e);
        }
    }

    /**
     * Plans the push of {@code code} onto the database behind {@code connection}.
     *
     * @param questions asks open rename questions; {@link Questions#NONE} makes open questions fail
     */
    public static Plan plan(Connection connection, Project project, SchemaDefinition code, Request request, Questions questions) {
        SchemaFilter filter = project.schemaFilter();
        SchemaModel declared = filter.apply(code.model());
        LiveDatabase.Read live = LiveDatabase.onlyDeclared(LiveDatabase.filtered(LiveDatabase.read(connection,
                filter.schemas(LiveDatabase.schemasOf(declared)), project.historyTable()), filter), declared);
        // Canonical forms matter only where the code meets objects the database has: onto a database that holds
        // none, the plan creates everything as declared, which is what canonicalising would have run anyway.
        SchemaModel target = holdsNothingToCompare(live.model()) ? declared : LiveDatabase.canonical(project, declared, connection);
        RenameDecisions decisions = RenameSettling.settle(live.model(), "the database", target, code.renames(), request.renames(),
                request.dropped(), questions);
        try {
            List<DiffStep> steps = Differ.plan(live.model(), target, decisions, code.conversions());
            return new Plan(PlanSql.of(steps), live.notManaged());
        } catch (UnsupportedChangeException e) {
            throw Generator.unsupported(e);
        }
    }

    /**
     * Whether {@code live} holds no object whose comparison with code needs PostgreSQL's spelling of it (what
     * is left, schemas, grants and roles, compares as declared).
     */
    private static boolean holdsNothingToCompare(SchemaModel live) {
        return live.tables().isEmpty() && live.enums().isEmpty() && live.sequences().isEmpty() && live.domains().isEmpty()
                && live.compositeTypes().isEmpty() && live.views().isEmpty() && live.routines().isEmpty()
                && live.triggers().isEmpty() && live.policies().isEmpty() && live.extensions().isEmpty();
    }

    /**
     * Runs the plan: every step in one transaction (the first step of a two-step plan commits on its own
     * first). A failing statement rolls its transaction back and is named in the exception.
     *
     * @return the number of statements run
     */
    public static int apply(Connection connection, Plan plan) {
        List<List<Statement>> steps = plan.sql().steps();
        int total = plan.sql().statements().size();
        int done = 0;
        try {
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            throw LiveDatabase.lost(e);
        }
        for (int i = 0; i < steps.size(); i++) {
            List<Statement> step = steps.get(i);
            try (var st = connection.createStatement()) {
                Pipelined.run(st, step.stream().map(Statement::sql).toList());
            } catch (Pipelined.Failure f) {
                SQLException e = f.getCause();
                rollback(connection, e);
                String rolledBack = i == 0 ? "The transaction was rolled back: the database is unchanged."
                        : "This step was rolled back; step 1 (adding the new enum values) had committed before it.";
                if (f.index() < 0) {
                    throw new WorkflowException(Reason.PUSH_FAILED, null, "push failed at one of statements " + (done + 1) + " to "
                            + (done + step.size()) + " of " + total + "; PostgreSQL said: " + String.valueOf(e.getMessage()).strip()
                            + "\n" + rolledBack, e);
                }
                Statement s = step.get(f.index());
                throw new WorkflowException(Reason.PUSH_FAILED, s.comment(), "push failed at statement " + (done + f.index() + 1)
                        + " of " + total + " (" + s.comment() + "):\n" + s.sql().strip() + "\nPostgreSQL said: "
                        + String.valueOf(e.getMessage()).strip() + "\n" + rolledBack, e);
            } catch (SQLException e) {
                rollback(connection, e);
                throw LiveDatabase.lost(e);
            }
            done += step.size();
            try {
                connection.commit();
            } catch (SQLException e) {
                rollback(connection, e);
                throw new WorkflowException(Reason.PUSH_FAILED, null, "push failed to commit: " + e.getMessage()
                        + ". The transaction was rolled back.", e);
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
