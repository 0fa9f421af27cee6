package dev.shale.change;

import dev.shale.model.QualifiedName;
import dev.shale.model.ReplicaIdentity;

/**
 * {@code ALTER TABLE t REPLICA IDENTITY FULL | NOTHING | DEFAULT | USING INDEX i}, after the index exists.
 *
 * @param table the table
 * @param from the identity as it is
 * @param to the identity as it becomes
 */
public record SetReplicaIdentity(QualifiedName table, ReplicaIdentity from, ReplicaIdentity to) implements Change {
    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitSetReplicaIdentity(this);
    }
}
