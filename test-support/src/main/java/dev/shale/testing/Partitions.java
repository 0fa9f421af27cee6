package dev.shale.testing;

import dev.shale.model.Index;
import dev.shale.model.IndexKey;
import dev.shale.model.IndexMethod;
import dev.shale.model.PartitionOf;
import dev.shale.model.Partitioning;
import dev.shale.model.Table;

import java.util.Arrays;
import java.util.List;

/**
 * Short builders of partitioned tables and partitions for tests:
 * {@code partitioned(table("events")..., RANGE, "at")} and
 * {@code partition("events_2024", "events", "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')")}.
 */
public final class Partitions {
    private Partitions() {}

    /** {@code table} partitioned by {@code strategy} over the columns (or, as {@code "(expr)"}, expressions) given. */
    public static Table partitioned(Models.TableSpec table, Partitioning.Strategy strategy, String... keys) {
        return table.build().withPartitioning(partitioning(strategy, keys));
    }

    public static Partitioning partitioning(Partitioning.Strategy strategy, String... keys) {
        List<IndexKey> k = Arrays.stream(keys).map(s -> s.startsWith("(") && s.endsWith(")")
                ? IndexKey.expression(s.substring(1, s.length() - 1)) : IndexKey.column(s)).toList();
        return new Partitioning(strategy, k);
    }

    /** A partition of {@code parent} ({@link Models#q} names) with the bound as PostgreSQL prints it. */
    public static Table partition(String name, String parent, String bound) {
        return Table.builder(Models.q(name)).partitionOf(new PartitionOf(Models.q(parent), bound)).build();
    }

    /** {@code partition} with a btree index of its own on columns (of its parent). */
    public static Table withIndex(Table partition, String index, String... columns) {
        List<Index> all = new java.util.ArrayList<>(partition.indexes());
        all.add(new Index(index, false, IndexMethod.BTREE, Arrays.stream(columns).map(IndexKey::column).toList(), null));
        return partition.withIndexes(all);
    }
}
