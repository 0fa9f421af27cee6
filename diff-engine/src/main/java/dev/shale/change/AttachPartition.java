package dev.shale.change;

import dev.shale.model.PartitionOf;
import dev.shale.model.QualifiedName;

/**
 * {@code ALTER TABLE parent ATTACH PARTITION table FOR VALUES ...}: an existing plain table, whose
 * columns already match the parent's, becomes a partition. PostgreSQL scans the table to check that
 * every row fits the bound (unless a CHECK constraint already proves it) while holding a lock on it,
 * and creates or attaches the parent's indexes and keys on it.
 *
 * @param table the table that becomes a partition
 * @param partitionOf its parent and bound
 */
public record AttachPartition(QualifiedName table, PartitionOf partitionOf) implements Change {
    public AttachPartition {
        if (table == null || partitionOf == null) {
            throw new IllegalArgumentException("attach partition: the table and its parent and bound are required");
        }
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitAttachPartition(this);
    }
}
