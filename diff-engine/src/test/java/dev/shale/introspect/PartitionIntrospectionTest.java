package dev.shale.introspect;

import dev.shale.model.Check;
import dev.shale.model.IndexKey;
import dev.shale.model.PartitionOf;
import dev.shale.model.Partitioning;
import dev.shale.model.QualifiedName;
import dev.shale.model.SchemaModel;
import dev.shale.model.Table;
import dev.shale.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;

import static dev.shale.model.Partitioning.Strategy.HASH;
import static dev.shale.model.Partitioning.Strategy.LIST;
import static dev.shale.model.Partitioning.Strategy.RANGE;
import static dev.shale.testing.Models.NOT_NULL;
import static dev.shale.testing.Models.key;
import static dev.shale.testing.Models.q;
import static dev.shale.testing.Models.schema;
import static dev.shale.testing.Models.table;
import static dev.shale.testing.Partitions.partition;
import static dev.shale.testing.Partitions.partitioned;
import static dev.shale.testing.Partitions.withIndex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Partitioned tables and their partitions, read back from a database built from their migrations. */
class PartitionIntrospectionTest {

    /** Range (with a default partition and local indexes), list (with a default), hash, and a sub-partition. */
    static SchemaModel model() {
        Table events = partitioned(table("app.events").col("id", "bigint", NOT_NULL).col("at", "date", NOT_NULL)
                .col("kind", "text").pk("id", "at").check("events_kind_check", "kind <> ''::text")
                .index("events_kind_idx", key("kind")), RANGE, "at");
        Table e2024 = withIndex(partition("app.events_2024", "app.events",
                "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')"), "events_2024_id_only_idx", "id");
        Table e2025 = partition("app.events_2025", "app.events", "FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')")
                .withChecks(List.of(new Check("events_2025_id_check", "id > 0")));
        Table eOther = withIndex(partition("app.events_other", "app.events", "DEFAULT"), "events_other_at_idx", "at");
        Table tags = partitioned(table("app.tags").col("name", "text", NOT_NULL).col("weight", "integer"), LIST, "(lower(name))");
        Table tagsAb = partition("app.tags_ab", "app.tags", "FOR VALUES IN ('a', 'b')");
        Table tagsRest = partition("app.tags_rest", "app.tags", "DEFAULT")
                .withPartitioning(new Partitioning(HASH, List.of(IndexKey.column("weight"))));
        Table tagsRest0 = partition("app.tags_rest_0", "app.tags_rest", "FOR VALUES WITH (modulus 2, remainder 0)");
        Table tagsRest1 = partition("app.tags_rest_1", "app.tags_rest", "FOR VALUES WITH (modulus 2, remainder 1)");
        Table grid = partitioned(table("app.grid").col("x", "integer").col("y", "integer"), RANGE, "x", "y");
        Table gridLow = partition("app.grid_low", "app.grid", "FOR VALUES FROM (MINVALUE, MINVALUE) TO (10, MAXVALUE)");
        return schema(events, e2024, e2025, eOther, tags, tagsAb, tagsRest, tagsRest0, tagsRest1, grid, gridLow);
    }

    @Test
    void partitionedTablesAndPartitionsRoundTrip() throws Exception {
        SchemaModel model = model();
        try (TestDatabase db = TestDatabase.create()) {
            RoundTrip.migrate(db, model);
            SchemaModel read = RoundTrip.assertCanonicalEqualsIntrospected(db, model);
            assertEquals(model.tables(), read.tables(), "the model is already in PostgreSQL's form");
            Table e2024 = read.table(q("app.events_2024"));
            assertEquals(new PartitionOf(q("app.events"), "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')"), e2024.partitionOf());
            assertEquals(List.of("events_2024_id_only_idx"), e2024.indexes().stream().map(i -> i.name()).toList(),
                    "the copies of the parent's indexes are not the partition's own");
            assertNull(e2024.primaryKey(), "the copy of the parent's key is not the partition's own");
            assertEquals(List.of(), e2024.checks(), "the parent's checks are inherited, not the partition's own");
            assertEquals(List.of(), e2024.columns());
            try (Connection c = db.connect()) {
                assertEquals(List.of(), Introspector.read(c, model.schemas()).notManaged());
            }
        }
    }

    @Test
    void spellingsOfABoundAndAKeyCompareEqualAfterCanonicalization() throws Exception {
        Table events = partitioned(table("events").col("at", "date").col("n", "integer"), RANGE, "at");
        Table declared = partition("events_2024", "events", "for values from ('2024-01-01'::date) to ('2025-01-01')");
        Table numbers = partitioned(table("numbers").col("n", "integer").col("s", "text"), LIST, "(lower((s)))");
        Table small = partition("numbers_small", "numbers", "FOR VALUES IN ('x', 'y')");
        SchemaModel model = schema(events, declared, numbers, small);
        try (TestDatabase db = TestDatabase.create(); Connection c = db.connect()) {
            SchemaModel canonical = Canonicalizer.canonical(model, c);
            assertEquals("FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')",
                    canonical.table(q("events_2024")).partitionOf().bound());
            assertEquals("lower(s)", canonical.table(q("numbers")).partitioning().keys().get(0).expression());
            RoundTrip.migrate(db, model);
            RoundTrip.assertCanonicalEqualsIntrospected(db, model);
        }
    }

    @Test
    void inheritanceIsNotManaged() throws Exception {
        try (TestDatabase db = TestDatabase.create(); Connection c = db.connect()) {
            db.execute("""
                    CREATE TABLE public.base (id integer);
                    CREATE TABLE public.child (extra text) INHERITS (public.base);
                    CREATE TABLE public.logs (at date) PARTITION BY RANGE (at);
                    CREATE TABLE public.logs_all PARTITION OF public.logs DEFAULT;
                    """);
            Introspector.Introspection result = Introspector.read(c, java.util.Set.of("public"));
            assertEquals(List.of("inherited table public.child"), result.notManaged());
            assertTrue(result.model().table(QualifiedName.of("logs_all")).isPartition());
        }
    }
}
