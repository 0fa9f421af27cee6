package dev.shale.diff;

import dev.shale.change.Change;
import dev.shale.model.SchemaModel;

import java.util.List;

/**
 * One migration file's worth of changes, in apply order, and the schema once they are applied. A diff
 * is usually one step; it is two when new enum values are used in the same migration, since
 * PostgreSQL cannot use an enum value in the transaction that adds it. In online mode
 * ({@link OnlineSteps}) a step may also be one that runs outside a transaction.
 *
 * @param changes the changes, in apply order
 * @param after the schema after this step (what its snapshot records)
 * @param noTransaction whether the step's statements run one by one outside a transaction
 *                      ({@code CREATE INDEX CONCURRENTLY} cannot run in one)
 */
public record DiffStep(List<Change> changes, SchemaModel after, boolean noTransaction) {
    public DiffStep {
        changes = List.copyOf(changes);
    }

    /** A step that runs in a transaction. */
    public DiffStep(List<Change> changes, SchemaModel after) {
        this(changes, after, false);
    }
}
