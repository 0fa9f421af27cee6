package dev.shale.diff;

import dev.shale.change.Change;
import dev.shale.model.SchemaModel;

import java.util.List;

/**
 * Compares two schema models and returns the changes that turn one into the other, in apply order.
 * The work is split by responsibility: {@link RenameMatcher} settles renames, {@link SchemaDiff},
 * {@link EnumDiff} and {@link TableDiff} find the changes, {@link ChangeOrder} orders them and
 * {@link EnumValueUse} splits a plan that uses a new enum value in the transaction adding it.
 *
 * <p>Column order is not compared: PostgreSQL appends new columns and cannot move existing ones.
 */
public final class Differ {
    private Differ() {}

    /**
     * The rename questions still open for {@code from -> to}, given the decisions so far: table
     * questions first, then column questions of the tables matched so far (by their new names).
     */
    public static List<RenameQuestion> questions(SchemaModel from, SchemaModel to, RenameDecisions decisions) {
        return RenameMatcher.match(from, to, decisions).questions();
    }

    /**
     * The migration steps from {@code from} to {@code to}; empty when nothing changes. One step, or two
     * when new enum values are used by other changes of the plan.
     *
     * @throws UnresolvedRenamesException when rename questions remain open
     * @throws UnsupportedChangeException when a difference cannot be expressed (enum values removed or
     *                                    reordered, a column turned into or out of serial)
     */
    public static List<DiffStep> plan(SchemaModel from, SchemaModel to, RenameDecisions decisions) {
        Renames renames = RenameMatcher.match(from, to, decisions);
        if (!renames.questions().isEmpty()) {
            throw new UnresolvedRenamesException(renames.questions());
        }
        List<Change> changes = SchemaDiff.changes(from, to, renames);
        return changes.isEmpty() ? List.of() : EnumValueUse.steps(from, to, changes);
    }

    /** All changes of {@link #plan}, its steps concatenated. */
    public static List<Change> changes(SchemaModel from, SchemaModel to, RenameDecisions decisions) {
        return plan(from, to, decisions).stream().flatMap(s -> s.changes().stream()).toList();
    }
}
