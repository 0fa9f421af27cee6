package dev.shale.change;

import dev.shale.model.PartitionOf;
import dev.shale.model.QualifiedName;

/**
 * {@code ALTER TABLE parent DETACH PARTITION table}: the partition becomes a plain table and keeps its
 * rows, its columns, and the indexes and constraints it had inherited (now its own).
 *
 * @param table the partition
 * @param partitionOf the parent and bound it had
 */
public record DetachPartition(QualifiedName table, PartitionOf partitionOf) implements Change {
    public DetachPartition {
        if (table == null || partitionOf == null) {
            throw new IllegalArgumentException("detach partition: the table and its parent and bound are required");
        }
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitDetachPartition(this);
    }
}
