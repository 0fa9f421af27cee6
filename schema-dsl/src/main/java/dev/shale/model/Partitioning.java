package dev.shale.model;

import java.util.List;

/**
 * How a partitioned table splits its rows: {@code PARTITION BY RANGE | LIST | HASH (keys)}.
 *
 * @param strategy RANGE, LIST or HASH
 * @param keys the partition keys (columns or expressions, with collation and operator class; never a
 *             sort order)
 */
public record Partitioning(Strategy strategy, List<IndexKey> keys) {
    public enum Strategy { RANGE, LIST, HASH }

    public Partitioning {
        if (strategy == null) {
            throw new InvalidModelException("partitioning", "RANGE, LIST or HASH is required");
        }
        if (keys == null || keys.isEmpty()) {
            throw new InvalidModelException("partition by " + strategy, "at least one key is required");
        }
        keys = List.copyOf(keys);
        if (strategy == Strategy.LIST && keys.size() > 1) {
            throw new InvalidModelException("partition by LIST", "takes exactly one key");
        }
        for (IndexKey k : keys) {
            if (k.descending() || k.nulls() != NullsOrder.DEFAULT) {
                throw new InvalidModelException("partition by " + strategy, "partition keys have no sort order");
            }
        }
    }
}
