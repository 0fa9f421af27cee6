package dev.shale.workflow;

import dev.shale.diff.Differ;
import dev.shale.diff.RenameDecisions;
import dev.shale.diff.RenameQuestion;
import dev.shale.diff.UnresolvedRenamesException;
import dev.shale.model.Identifiers;
import dev.shale.model.QualifiedName;
import dev.shale.model.Rename;
import dev.shale.model.SchemaModel;
import dev.shale.model.Table;
import dev.shale.workflow.WorkflowException.Reason;

import java.util.ArrayList;
import java.util.List;

/**
 * The one rename-settling step every workflow shares: the code's {@code renamedFrom} hints and the
 * answers a front end passed in become decisions, answers that answer nothing are refused, and what is
 * still open is asked ({@link #settle}) or, where nobody decides (diff, drift, down files), taken as
 * dropped ({@link #assumeDropped}). An answer can raise new questions (the columns of a renamed table),
 * so both loop until nothing is open.
 */
public final class RenameSettling {
    private static final int MAX_ROUNDS = 1000;

    private RenameSettling() {}

    /**
     * Renames decided without asking: the questions left open were taken as dropped.
     *
     * @param decisions the decisions, every question answered
     * @param assumedDropped the questions answered "dropped" because nobody decides, in the order met
     */
    public record Settled(RenameDecisions decisions, List<RenameQuestion> assumedDropped) {
        public Settled {
            assumedDropped = List.copyOf(assumedDropped);
        }
    }

    /**
     * The given answers, checked, with every open question then asked.
     *
     * @param from the schema before (the latest snapshot, or the database)
     * @param fromName how messages name {@code from} ({@code "the latest snapshot"}, {@code "the database"})
     * @param to the schema code
     * @param hints the code's {@code renamedFrom} hints (not checked: they stay in the code after the rename is generated)
     * @param renames rename answers given by the front end
     * @param dropped "dropped" answers given by the front end
     * @param questions who answers what is still open; with nobody to ask, open questions throw
     * @throws UnresolvedRenamesException when questions are open and nobody can answer them
     */
    public static RenameDecisions settle(SchemaModel from, String fromName, SchemaModel to, List<Rename> hints,
                                         List<Rename> renames, List<Rename> dropped, Questions questions) {
        RenameDecisions decisions = decisions(hints, renames, dropped);
        validate(from, fromName, to, renames, dropped, decisions.renames());
        for (int round = 0; round < MAX_ROUNDS; round++) {
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

    /** Every question still open after {@code decisions} answered "dropped": a comparison never guesses a rename. */
    public static Settled assumeDropped(SchemaModel from, SchemaModel to, RenameDecisions decisions) {
        List<RenameQuestion> assumed = new ArrayList<>();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            List<RenameQuestion> open = Differ.questions(from, to, decisions);
            if (open.isEmpty()) {
                return new Settled(decisions, assumed);
            }
            for (RenameQuestion q : open) {
                assumed.add(q);
                decisions = decisions.withDropped(q);
            }
        }
        throw new IllegalStateException("rename questions do not converge");
    }

    /** The decisions from code hints and given answers; the code's hints come first. */
    public static RenameDecisions decisions(List<Rename> hints, List<Rename> renames, List<Rename> dropped) {
        List<Rename> all = new ArrayList<>(hints);
        all.addAll(renames);
        return new RenameDecisions(all, dropped);
    }

    /**
     * Refuses answers that answer nothing, so a typo is not silently ignored: the old name must exist
     * before and be gone from the code, and for a rename the new name must exist in the code.
     *
     * @param tableRenames every table rename decided (to find a column's table under its old name)
     */
    static void validate(SchemaModel from, String fromName, SchemaModel to, List<Rename> renames, List<Rename> dropped,
                         List<Rename> tableRenames) {
        for (Rename r : renames) {
            check(r, r.flag(), Reason.RENAME_ANSWERS_NOTHING, from, fromName, to, tableRenames, true);
        }
        for (Rename r : dropped) {
            check(r, r.table().key() + (r.kind() == Rename.Kind.COLUMN ? "." + r.from() : ""), Reason.DROPPED_ANSWERS_NOTHING,
                    from, fromName, to, tableRenames, false);
        }
    }

    private static void check(Rename r, String answer, Reason reason, SchemaModel from, String fromName, SchemaModel to,
                              List<Rename> tableRenames, boolean rename) {
        String problem = null;
        if (r.kind() == Rename.Kind.ENUM_VALUE) {
            dev.shale.model.EnumType before = from.enumType(r.table());
            dev.shale.model.EnumType after = to.enumType(r.table());
            if (before == null || !before.values().contains(r.from())) {
                problem = fromName + " has no value '" + r.from() + "' in enum " + r.table().display();
            } else if (after != null && after.values().contains(r.from())) {
                problem = "value '" + r.from() + "' is still in enum " + r.table().display() + " in the schema code";
            } else if (rename && (after == null || !after.values().contains(r.to()))) {
                problem = "the schema code has no value '" + r.to() + "' in enum " + r.table().display();
            }
        } else if (r.kind() == Rename.Kind.SEQUENCE) {
            if (from.sequence(r.table()) == null) {
                problem = fromName + " has no sequence " + r.table().display();
            } else if (to.sequence(r.table()) != null) {
                problem = "sequence " + r.table().display() + " still exists in the schema code";
            } else if (rename && to.sequence(r.table().withName(r.to())) == null) {
                problem = "the schema code has no sequence " + r.table().withName(r.to()).display();
            }
        } else if (r.kind() == Rename.Kind.ATTRIBUTE) {
            dev.shale.model.CompositeType before = from.compositeType(r.table());
            dev.shale.model.CompositeType after = to.compositeType(r.table());
            if (before == null || before.attributes().stream().noneMatch(a -> a.name().equals(r.from()))) {
                problem = fromName + " has no attribute " + Identifiers.show(r.from()) + " in composite type " + r.table().display();
            } else if (after != null && after.attributes().stream().anyMatch(a -> a.name().equals(r.from()))) {
                problem = "attribute " + Identifiers.show(r.from()) + " is still in composite type " + r.table().display()
                        + " in the schema code";
            } else if (rename && (after == null || after.attributes().stream().noneMatch(a -> a.name().equals(r.to())))) {
                problem = "the schema code has no attribute " + Identifiers.show(r.to()) + " in composite type " + r.table().display();
            }
        } else if (r.kind() == Rename.Kind.TABLE) {
            if (from.table(r.table()) == null) {
                problem = fromName + " has no table " + r.table().display();
            } else if (to.table(r.table()) != null) {
                problem = "table " + r.table().display() + " still exists in the schema code";
            } else if (rename && to.table(r.table().withName(r.to())) == null) {
                problem = "the schema code has no table " + r.table().withName(r.to()).display();
            }
        } else {
            QualifiedName oldTable = r.table();
            for (Rename t : tableRenames) {
                if (t.kind() == Rename.Kind.TABLE && t.table().withName(t.to()).equals(r.table())) {
                    oldTable = t.table();
                }
            }
            Table before = from.table(oldTable);
            Table after = to.table(r.table());
            if (before == null || before.column(r.from()) == null) {
                problem = fromName + " has no column " + Identifiers.show(r.from()) + " in table " + oldTable.display();
            } else if (after != null && after.column(r.from()) != null) {
                problem = "column " + Identifiers.show(r.from()) + " still exists in table " + r.table().display() + " in the schema code";
            } else if (rename && (after == null || after.column(r.to()) == null)) {
                problem = "the schema code has no column " + Identifiers.show(r.to()) + " in table " + r.table().display();
            }
        }
        if (problem != null) {
            throw new WorkflowException(reason, answer, (rename ? "the rename " : "the answer dropped: ") + answer
                    + " answers no rename question: " + problem + ". Check the names (a column's table goes by its new name)");
        }
    }
}
