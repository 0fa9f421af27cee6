package dev.shale.cli.pull;

import dev.shale.model.Check;
import dev.shale.model.Index;
import dev.shale.model.IndexKey;
import dev.shale.model.IndexMethod;
import dev.shale.model.Partitioning;
import dev.shale.model.SchemaModel;
import dev.shale.model.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.shale.model.Partitioning.Strategy.HASH;
import static dev.shale.model.Partitioning.Strategy.LIST;
import static dev.shale.model.Partitioning.Strategy.RANGE;
import static dev.shale.testing.Models.NOT_NULL;
import static dev.shale.testing.Models.key;
import static dev.shale.testing.Models.schema;
import static dev.shale.testing.Models.table;
import static dev.shale.testing.Partitions.partition;
import static dev.shale.testing.Partitions.partitioned;
import static dev.shale.testing.Partitions.withIndex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pulled partitioned tables and partitions compile, and load back as the model they were written from. */
class PartitionPullTest {
    private static final String PKG = "com.example.pulled";

    @TempDir
    Path dir;

    @Test
    void partitionedTablesAndPartitionsRoundTripThroughCode() throws Exception {
        Table events = partitioned(table("app.events").col("id", "bigint", NOT_NULL).col("at", "date", NOT_NULL)
                .col("kind", "text").pk("id", "at").index("events_kind_idx", key("kind")), RANGE, "at");
        // "a_..." sorts before its parent: the Schema holder must still create the parent first.
        Table early = withIndex(partition("app.a_events_2024", "app.events", "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')"),
                "a_events_2024_id_idx", "id").withChecks(List.of(new Check("a_events_2024_id_check", "id > 0")));
        Table other = partition("app.events_other", "app.events", "DEFAULT");
        Table tags = partitioned(table("tags").col("name", "text", NOT_NULL).col("weight", "integer"), LIST, "(lower(name))");
        Table tagsIn = partition("tags_ab", "tags", "FOR VALUES IN ('a', 'it''s, odd', NULL)")
                .withPartitioning(new Partitioning(HASH, List.of(IndexKey.column("weight"))));
        Table tagsIn0 = partition("tags_ab_0", "tags_ab", "FOR VALUES WITH (modulus 2, remainder 0)")
                .withIndexes(List.of(new Index("tags_ab_0_name_idx", false, IndexMethod.BTREE, List.of(key("name")), null)));
        Table grid = partitioned(table("grid").col("x", "integer").col("y", "integer"), RANGE, "x", "y");
        Table low = partition("grid_low", "grid", "FOR VALUES FROM (MINVALUE, MINVALUE) TO (10, MAXVALUE)");
        SchemaModel model = schema(events, early, other, tags, tagsIn, tagsIn0, grid, low);

        Map<String, String> sources = JavaSchemaWriter.write(model, PKG);
        assertEquals(model, PulledCode.load(sources, PKG, dir));
        String partition = sources.get("com/example/pulled/AppAEvents2024.java");
        assertTrue(partition != null, sources.keySet().toString());
        assertTrue(partition.contains("partitionOf(Schema.APP_EVENTS).forValuesFrom(\"'2024-01-01'\").to(\"'2025-01-01'\");"), partition);
        assertTrue(partition.contains("index(\"a_events_2024_id_idx\").on(Schema.APP_EVENTS.id);"), partition);
        assertTrue(sources.get("com/example/pulled/AppEvents.java").contains("partitionByRange(at);"), sources.get("com/example/pulled/AppEvents.java"));
        assertTrue(sources.get("com/example/pulled/TagsAb0.java").contains("on(Schema.TAGS.name)"), sources.get("com/example/pulled/TagsAb0.java"));
        String holder = sources.get("com/example/pulled/Schema.java");
        assertTrue(holder.indexOf("APP_EVENTS = new") < holder.indexOf("APP_A_EVENTS_2024 = new"), holder);
    }
}
