package dev.shale.diff;

import dev.shale.change.Change;
import dev.shale.model.Conversion;
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
     *                                    reordered, a type change PostgreSQL has no cast for)
     */
    public static List<DiffStep> plan(SchemaModel from, SchemaModel to, RenameDecisions decisions) {
        return plan(from, to, decisions, List.of());
    }

    /**
     * The same, converting a column whose type changes with the code's {@code USING} expression where
     * {@code conversions} has one (instead of a cast, or where PostgreSQL has no cast).
     *
     * @throws UnsupportedChangeException also when a column's type changes between types PostgreSQL has
     *                                    no cast for and no conversion is given
     */
    public static List<DiffStep> plan(SchemaModel from, SchemaModel to, RenameDecisions decisions,
                                      List<Conversion> conversions) {
        Renames renames = RenameMatcher.match(from, to, decisions);
        if (!renames.questions().isEmpty()) {
            throw new UnresolvedRenamesException(renames.questions());
        }
        List<Change> changes = SchemaDiff.changes(from, to, renames, conversions);
        return changes.isEmpty() ? List.of() : EnumValueUse.steps(from, to, changes);
    }

    /** All changes of {@link #plan}, its steps concatenated. */
    public static List<Change> changes(SchemaModel from, SchemaModel to, RenameDecisions decisions) {
        return changes(from, to, decisions, List.of());
    }

    /** All changes of {@link #plan(SchemaModel, SchemaModel, RenameDecisions, List)}, its steps concatenated. */
    public static List<Change> changes(SchemaModel from, SchemaModel to, RenameDecisions decisions,
                                       List<Conversion> conversions) {
        return plan(from, to, decisions, conversions).stream().flatMap(s -> s.changes().stream()).toList();
    }
}
