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
import java.util.Set;
import java.util.function.Supplier;

/**
 * Push: the plan that turns a live database into the schema code (introspected, the code canonicalized
 * on the same database, diffed), and applying it all or nothing. The history table is never touched.
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
        String url = LiveDatabase.databaseUrl(project);
        try (Connection connection = LiveDatabase.connect(url)) {
            Plan plan = plan(connection, () -> LiveDatabase.connect(url), project, loaded.definition(), request, questions);
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
        return plan(connection, null, project, code, request, questions);
    }

    /**
     * Plans the push, canonicalising the code on a second connection to the same database while the catalog is
     * read on {@code connection}: the two are independent, and at 1,000 tables the catalog read is about a third
     * of the canonicalising (which builds the code's objects in a transaction it rolls back).
     *
     * @param second opens another connection to the database behind {@code connection}, closed here once used;
     *               {@code null}: canonicalise on {@code connection}, after the read
     */
    public static Plan plan(Connection connection, Supplier<Connection> second, Project project, SchemaDefinition code,
                            Request request, Questions questions) {
        SchemaFilter filter = project.schemaFilter();
        SchemaModel declared = filter.apply(code.model());
        Set<String> schemas = filter.schemas(LiveDatabase.schemasOf(declared));
        // Canonical forms matter only where the code meets objects the database has: onto a database that holds
        // none, the plan creates everything as declared, which is what canonicalising would have run anyway. One
        // query says whether it may hold any before the work starts beside the read; the read decides.
        Concurrently<SchemaModel> beside = second == null
                || !LiveDatabase.mayHoldObjects(connection, schemas, project.historyTable(), declared) ? null
                : Concurrently.start("canonical", () -> canonicalBeside(second, project, declared));
        Supplier<LiveDatabase.Read> read = () -> LiveDatabase.onlyDeclared(LiveDatabase.filtered(LiveDatabase.read(connection,
                schemas, project.historyTable()), filter), declared);
        LiveDatabase.Read live = beside == null ? read.get() : beside.meanwhile(read);
        SchemaModel target;
        if (holdsNothingToCompare(live.model())) {
            if (beside != null) {
                try {
                    beside.join(); // not needed after all: waited for, so nothing is left running
                } catch (RuntimeException notNeeded) {
                    // as if it had not been started: a comparison with nothing needs no canonical form
                }
            }
            target = declared;
        } else {
            SchemaModel canonical = beside == null ? null : beside.join();
            target = canonical != null ? canonical : LiveDatabase.canonical(project, declared, connection);
        }
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
     * {@code declared} canonicalised on a connection of its own; null when none could be opened (a connection
     * limit, a pooler's), and the caller canonicalises on its connection after the read instead.
     */
    private static SchemaModel canonicalBeside(Supplier<Connection> second, Project project, SchemaModel declared) {
        Connection c;
        try {
            c = second.get();
        } catch (WorkflowException e) {
            if (e.reason() != Reason.CONNECTION_FAILED) {
                throw e;
            }
            return null;
        }
        try (c) {
            return LiveDatabase.canonical(project, declared, c);
        } catch (SQLException e) {
            throw LiveDatabase.lost(e);
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
