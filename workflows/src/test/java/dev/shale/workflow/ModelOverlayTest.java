package dev.shale.workflow;

import dev.shale.model.SchemaModel;
import org.junit.jupiter.api.Test;

import static dev.shale.testing.Models.col;
import static dev.shale.testing.Models.enumOf;
import static dev.shale.testing.Models.schema;
import static dev.shale.testing.Models.table;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** One branch's migration replayed on the other branch's schema, object by object (what rebase does for an earlier migration). */
class ModelOverlayTest {
    static final SchemaModel BASE = schema(table("users", col("id", "uuid")), table("posts", col("id", "uuid")));

    @Test
    void whatTheMigrationChangedComesFromItsSnapshotAndTheRestFromTheMergedSchema() {
        // this branch: adds users.bio, drops posts, creates an enum
        SchemaModel before = BASE;
        SchemaModel after = schema(table("users", col("id", "uuid"), col("bio", "text")), enumOf("mood", "ok"));
        // the other branch (merged first): adds tags, and a column to posts
        SchemaModel merged = schema(table("users", col("id", "uuid")), table("posts", col("id", "uuid"), col("title", "text")),
                table("tags", col("id", "uuid")));
        assertEquals(schema(table("users", col("id", "uuid"), col("bio", "text")), table("tags", col("id", "uuid")),
                enumOf("mood", "ok")), ModelOverlay.apply(merged, before, after));
    }

    @Test
    void aMigrationThatChangedNothingLeavesTheMergedSchemaAsItIs() {
        SchemaModel merged = schema(table("users", col("id", "uuid")), table("tags", col("id", "uuid")));
        assertEquals(merged, ModelOverlay.apply(merged, BASE, BASE));
    }
}
