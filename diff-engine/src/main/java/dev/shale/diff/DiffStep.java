package dev.shale.diff;

import dev.shale.change.Change;
import dev.shale.model.SchemaModel;

import java.util.List;

/**
 * One migration file's worth of changes, in apply order, and the schema once they are applied. A diff
 * is usually one step; it is two when new enum values are used in the same migration, since
 * PostgreSQL cannot use an enum value in the transaction that adds it.
 *
 * @param changes the changes, in apply order
 * @param after the schema after this step (what its snapshot records)
 */
public record DiffStep(List<Change> changes, SchemaModel after) {
    public DiffStep {
        changes = List.copyOf(changes);
    }
}
