package dev.shale.diff;

import dev.shale.change.AttachPartition;
import dev.shale.change.Change;
import dev.shale.change.CreateTable;
import dev.shale.change.DetachPartition;
import dev.shale.change.DropTable;
import dev.shale.model.InvalidModelException;
import dev.shale.model.Partitioning;
import dev.shale.model.SchemaModel;
import dev.shale.model.Table;
import dev.shale.model.Unique;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.shale.model.Partitioning.Strategy.LIST;
import static dev.shale.model.Partitioning.Strategy.RANGE;
import static dev.shale.testing.Models.NOT_NULL;
import static dev.shale.testing.Models.schema;
import static dev.shale.testing.Models.table;
import static dev.shale.testing.Partitions.partition;
import static dev.shale.testing.Partitions.partitioned;
import static dev.shale.testing.Partitions.partitioning;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The partitioning rules of the diff and of the model, without a database. */
class PartitionDiffTest {
    // "a_logs" sorts before its parent "z_logs": order comes from the parent link, not the name.
    static final Table PARENT = partitioned(table("z_logs").col("at", "date", NOT_NULL).col("msg", "text"), RANGE, "at");
    static final Table CHILD = partition("a_logs", "z_logs", "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')");

    private static List<String> kinds(List<Change> changes) {
        return changes.stream().map(c -> c.getClass().getSimpleName() + " " + (c instanceof CreateTable t ? t.table().name().name()
                : c instanceof DropTable t ? t.table().name().name() : "")).toList();
    }

    @Test
    void partitionsAreCreatedAfterAndDroppedBeforeTheirParent() {
        SchemaModel model = schema(PARENT, CHILD);
        assertEquals(List.of("CreateTable z_logs", "CreateTable a_logs"), kinds(Differ.changes(SchemaModel.EMPTY, model, RenameDecisions.NONE)));
        assertEquals(List.of("DropTable a_logs", "DropTable z_logs"), kinds(Differ.changes(model, SchemaModel.EMPTY, RenameDecisions.NONE)));
    }

    @Test
    void changingHowATableIsPartitionedIsRefusedWithARemedy() {
        Table byList = PARENT.withPartitioning(partitioning(LIST, "msg"));
        UnsupportedChangeException e = assertThrows(UnsupportedChangeException.class,
                () -> Differ.changes(schema(PARENT), schema(byList), RenameDecisions.NONE));
        assertEquals("table \"public\".\"z_logs\"", e.object());
        assertTrue(e.reason().contains("from PARTITION BY RANGE (\"at\") to PARTITION BY LIST (\"msg\")"), e.reason());
        assertTrue(e.remedy().contains("copies the rows"), e.remedy());
        UnsupportedChangeException plain = assertThrows(UnsupportedChangeException.class,
                () -> Differ.changes(schema(PARENT.withPartitioning(null)), schema(PARENT), RenameDecisions.NONE));
        assertTrue(plain.reason().contains("from not partitioned to PARTITION BY RANGE"), plain.reason());
    }

    @Test
    void aNewBoundIsADetachAndAnAttachWithAHazard() {
        Table moved = partition("a_logs", "z_logs", "FOR VALUES FROM ('2024-01-01') TO ('2026-01-01')");
        List<Change> changes = Differ.changes(schema(PARENT, CHILD), schema(PARENT, moved), RenameDecisions.NONE);
        assertEquals(List.of(new DetachPartition(CHILD.name(), CHILD.partitionOf()), new AttachPartition(moved.name(), moved.partitionOf())),
                changes);
        List<Hazard> hazards = Hazards.of(changes);
        assertEquals(1, hazards.size());
        assertEquals(Hazard.Kind.MAY_FAIL, hazards.get(0).kind());
        assertTrue(hazards.get(0).message().contains("scans every row"), hazards.get(0).message());
    }

    @Test
    void droppingAPartitionNamesItsRowsAsDataLoss() {
        List<Hazard> hazards = Hazards.of(Differ.changes(schema(PARENT, CHILD), schema(PARENT), RenameDecisions.NONE));
        assertEquals(Hazard.Kind.DATA_LOSS, hazards.get(0).kind());
        assertTrue(hazards.get(0).message().contains("drops partition \"public\".\"a_logs\" of \"public\".\"z_logs\" and its rows"
                + " (FOR VALUES FROM ('2024-01-01') TO ('2025-01-01'))"), hazards.get(0).message());
    }

    @Test
    void theModelChecksWhatPostgresqlWouldRefuse() {
        assertRefused("which is not an owned table", () -> schema(CHILD));
        assertRefused("which is not partitioned", () -> schema(PARENT.withPartitioning(null), CHILD));
        assertRefused("lacks the partition key column \"at\"", () -> schema(PARENT.withUniques(List.of(new Unique("z_msg_key", List.of("msg"))))));
        assertRefused("at most one default partition", () -> schema(PARENT, partition("d1", "z_logs", "DEFAULT"),
                partition("d2", "z_logs", "DEFAULT")));
        assertRefused("whose partitions are bound by FOR VALUES FROM", () -> schema(PARENT, partition("p", "z_logs", "FOR VALUES IN ('x')")));
        assertRefused("which its partitioned table \"public\".\"z_logs\" does not have", () -> schema(PARENT,
                dev.shale.testing.Partitions.withIndex(CHILD, "a_logs_nope_idx", "nope")));
        assertRefused("a partition of itself", () -> schema(
                partition("x", "y", "DEFAULT").withPartitioning(partitioning(Partitioning.Strategy.LIST, "k")),
                partition("y", "x", "DEFAULT").withPartitioning(partitioning(Partitioning.Strategy.LIST, "k"))));
    }

    private static void assertRefused(String expected, Runnable build) {
        InvalidModelException e = assertThrows(InvalidModelException.class, build::run);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
