package dev.shale.evolution;

import dev.shale.change.AddColumn;
import dev.shale.change.AddConstraint;
import dev.shale.change.AttachPartition;
import dev.shale.change.CreateIndex;
import dev.shale.change.CreateTable;
import dev.shale.change.DetachPartition;
import dev.shale.change.DropColumn;
import dev.shale.change.DropIndex;
import dev.shale.change.DropTable;
import dev.shale.model.Check;
import dev.shale.model.SchemaModel;
import dev.shale.model.Table;
import dev.shale.testing.Models;

import java.util.ArrayList;
import java.util.List;

import static dev.shale.model.Partitioning.Strategy.HASH;
import static dev.shale.model.Partitioning.Strategy.LIST;
import static dev.shale.model.Partitioning.Strategy.RANGE;
import static dev.shale.testing.Models.NOT_NULL;
import static dev.shale.testing.Models.key;
import static dev.shale.testing.Models.q;
import static dev.shale.testing.Models.str;
import static dev.shale.testing.Models.table;
import static dev.shale.testing.Partitions.partition;
import static dev.shale.testing.Partitions.partitioned;
import static dev.shale.testing.Partitions.withIndex;

/**
 * Partitioned tables with rows in their partitions: creating range, list and hash partitioned tables
 * (default partitions, local indexes), adding and dropping a partition, attaching a plain table and
 * detaching a partition, moving a bound, and changing the parent (a column, an index) for every partition at once.
 */
final class PartitionEvolutions {
    private PartitionEvolutions() {}

    private static final String Y2024 = "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')";
    private static final String Y2025 = "FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')";
    private static final String Y2026 = "FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')";

    private static Models.TableSpec eventColumns(String name) {
        return table(name).col("id", "bigint", NOT_NULL).col("at", "date", NOT_NULL).col("kind", "text", NOT_NULL, str("misc"));
    }

    private static Table events() {
        return partitioned(eventColumns("events").pk("id", "at").check("events_kind_check", "kind <> ''::text")
                .index("events_kind_idx", key("kind")), RANGE, "at");
    }

    private static List<Table> partitions() {
        return List.of(withIndex(partition("events_2024", "events", Y2024), "events_2024_id_idx", "id"),
                partition("events_2025", "events", Y2025),
                withIndex(partition("events_other", "events", "DEFAULT"), "events_other_at_idx", "at"));
    }

    private static SchemaModel model(Table parent, List<Table> parts, Table... more) {
        List<Object> all = new ArrayList<>();
        all.add(parent);
        all.addAll(parts);
        all.addAll(List.of(more));
        return Models.schema(all.toArray());
    }

    private static SchemaModel base(Table... more) {
        return model(events(), partitions(), more);
    }

    private static List<Table> without(String name) {
        return partitions().stream().filter(t -> !t.name().equals(q(name))).toList();
    }

    private static List<Table> plus(Table... more) {
        List<Table> all = new ArrayList<>(partitions());
        all.addAll(List.of(more));
        return all;
    }

    private static final String SEED = "INSERT INTO public.events (id, at, kind) VALUES"
            + " (1, '2024-03-01', 'a'), (2, '2025-06-01', 'b'), (3, '2019-01-01', 'c')";
    private static final String ROWS = "SELECT id || ' ' || at || ' ' || kind FROM public.events ORDER BY id";

    static List<Evolution> cases() {
        Table tags = partitioned(table("tags").col("name", "text", NOT_NULL).col("weight", "integer"), LIST, "(lower(name))");
        Table buckets = partitioned(table("buckets").col("id", "bigint", NOT_NULL).pk("id"), HASH, "id");
        return List.of(
                Evolution.named("create range, list and hash partitioned tables with default partitions and local indexes")
                        .from(Models.schema(table("notes").col("body", "text")))
                        .to(model(events(), partitions(), table("notes").col("body", "text").build(), tags,
                                partition("tags_ab", "tags", "FOR VALUES IN ('a', 'b')"),
                                withIndex(partition("tags_rest", "tags", "DEFAULT"), "tags_rest_weight_idx", "weight"),
                                buckets, partition("buckets_0", "buckets", "FOR VALUES WITH (modulus 2, remainder 0)"),
                                partition("buckets_1", "buckets", "FOR VALUES WITH (modulus 2, remainder 1)")))
                        .seed("INSERT INTO public.notes VALUES ('kept')")
                        .keeps("SELECT body FROM public.notes", "kept")
                        .expects(CreateTable.class, CreateIndex.class)
                        .losesNoData()
                        .build(),
                Evolution.named("add a range partition beside a default partition with rows")
                        .from(base())
                        .to(model(events(), plus(partition("events_2026", "events", Y2026))))
                        .seed(SEED)
                        .keeps(ROWS, "1 2024-03-01 a", "2 2025-06-01 b", "3 2019-01-01 c")
                        .expects(CreateTable.class)
                        .forbids(DropTable.class, AttachPartition.class)
                        .losesNoData()
                        .build(),
                Evolution.named("drop a partition and its rows")
                        .from(base())
                        .to(model(events(), without("events_2025")))
                        .droppedNotRenamed(q("events_2025"))
                        .seed(SEED)
                        .keeps(ROWS, "1 2024-03-01 a", "3 2019-01-01 c")
                        .expects(DropTable.class)
                        .losesData()
                        .build(),
                Evolution.named("attach a plain table with the parent's columns as a partition")
                        .from(base(eventColumns("events_2026").pk("id", "at").index("events_2026_kind_idx", key("kind")).build()))
                        .to(model(events(), plus(partition("events_2026", "events", Y2026))))
                        .seed(SEED + "; INSERT INTO public.events_2026 (id, at, kind) VALUES (4, '2026-02-02', 'd')")
                        .keeps(ROWS, "1 2024-03-01 a", "2 2025-06-01 b", "3 2019-01-01 c", "4 2026-02-02 d")
                        .expects(AttachPartition.class, AddConstraint.class)
                        .forbids(DropTable.class, CreateTable.class, DropColumn.class)
                        .losesNoData()
                        .build(),
                Evolution.named("detach a partition: it keeps its rows as a table of its own")
                        .from(base())
                        .to(model(events(), without("events_2025"), eventColumns("events_2025").pkNamed("events_2025_pkey", "id", "at")
                                .check("events_kind_check", "kind <> ''::text").build()))
                        .seed(SEED)
                        .keeps("SELECT id || ' ' || kind FROM public.events_2025", "2 b")
                        .keeps(ROWS, "1 2024-03-01 a", "3 2019-01-01 c")
                        .expects(DetachPartition.class, DropIndex.class)
                        .forbids(DropTable.class, CreateTable.class)
                        .build(),
                Evolution.named("move a partition's bound: detach and attach again")
                        .from(base())
                        .to(model(events(), List.of(partitions().get(0),
                                partition("events_2025", "events", "FOR VALUES FROM ('2025-01-01') TO ('2027-01-01')"),
                                partitions().get(2))))
                        .seed(SEED)
                        .keeps(ROWS, "1 2024-03-01 a", "2 2025-06-01 b", "3 2019-01-01 c")
                        .expects(DetachPartition.class, AttachPartition.class)
                        .forbids(DropTable.class, CreateTable.class, DropIndex.class)
                        .losesNoData()
                        .build(),
                Evolution.named("add a column to a partitioned table: once, on the parent")
                        .from(base())
                        .to(model(eventColumns("events").col("source", "text", NOT_NULL, str("web")).pk("id", "at")
                                .check("events_kind_check", "kind <> ''::text").index("events_kind_idx", key("kind")).build()
                                .withPartitioning(events().partitioning()), partitions()))
                        .seed(SEED)
                        .keeps("SELECT id || ' ' || source FROM public.events ORDER BY id", "1 web", "2 web", "3 web")
                        .expects(AddColumn.class)
                        .forbids(AttachPartition.class, DetachPartition.class, CreateTable.class)
                        .losesNoData()
                        .build(),
                Evolution.named("add an index and a check to a partitioned table: once, on the parent")
                        .from(base())
                        .to(model(events().withIndexes(List.of(events().indexes().get(0),
                                        new dev.shale.model.Index("events_at_kind_idx", false, null, List.of(key("at"), key("kind")), null)))
                                .withChecks(List.of(events().checks().get(0), new Check("events_id_check", "id > 0"))), partitions()))
                        .seed(SEED)
                        .keeps(ROWS, "1 2024-03-01 a", "2 2025-06-01 b", "3 2019-01-01 c")
                        .expects(CreateIndex.class, AddConstraint.class)
                        .forbids(AttachPartition.class, DetachPartition.class, DropIndex.class)
                        .build(),
                Evolution.named("a partitioned table's index changes its storage: created again, since PostgreSQL sets none on it")
                        .from(model(events().withIndexes(List.of(events().indexes().get(0).withStorage(java.util.Map.of("fillfactor", "70")))),
                                partitions()))
                        .to(model(events().withIndexes(List.of(events().indexes().get(0).withStorage(java.util.Map.of("fillfactor", "88")))),
                                partitions()))
                        .seed(SEED)
                        .keeps(ROWS, "1 2024-03-01 a", "2 2025-06-01 b", "3 2019-01-01 c")
                        .expects(DropIndex.class, CreateIndex.class)
                        .forbids(dev.shale.change.AlterStorage.class)
                        .losesNoData()
                        .build());
    }
}
