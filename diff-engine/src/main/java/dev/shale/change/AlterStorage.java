package dev.shale.change;

import dev.shale.model.QualifiedName;
import dev.shale.model.StorageParameters;

import java.util.Map;

/**
 * {@code ALTER TABLE t SET (fillfactor = 70), RESET (autovacuum_enabled)}, or the same on an index:
 * storage parameters set, changed and reset in place.
 *
 * @param table the table
 * @param index the index whose parameters change, or null for the table's own
 * @param from the parameters as they are
 * @param to the parameters as they become
 */
public record AlterStorage(QualifiedName table, String index, Map<String, String> from, Map<String, String> to)
        implements Change {
    public AlterStorage {
        from = StorageParameters.copy("storage of " + table.display(), from);
        to = StorageParameters.copy("storage of " + table.display(), to);
        if (from.equals(to)) {
            throw new IllegalArgumentException("storage of " + table.display() + ": nothing changes");
        }
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitAlterStorage(this);
    }
}
