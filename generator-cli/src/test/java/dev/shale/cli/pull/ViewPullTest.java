package dev.shale.cli.pull;

import dev.shale.model.Index;
import dev.shale.model.IndexKey;
import dev.shale.model.IndexMethod;
import dev.shale.model.NullsOrder;
import dev.shale.model.QualifiedName;
import dev.shale.model.SchemaModel;
import dev.shale.model.View;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.shale.testing.Models.NOT_NULL;
import static dev.shale.testing.Models.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pulled views and materialized views compile and give the model back, as introspection reads them. */
class ViewPullTest {
    private static final String PKG = "com.example.pulled";

    @TempDir
    Path dir;

    @Test
    void viewsWithOptionsAndAMaterializedViewWithIndexes() throws Exception {
        View active = new View(QualifiedName.of("app", "active_items"),
                "SELECT items.id,\n    items.name\n   FROM app.items\n  WHERE items.name <> ''::text",
                List.of(new View.Column("id", "integer"), new View.Column("name", "text")), false, View.CheckOption.CASCADED,
                true, true, true, Map.of(), List.of(), "Items with a \"name\"");
        View counts = View.materialized(QualifiedName.of("item_counts"), "SELECT count(*) AS n\n   FROM app.items")
                .withColumns(List.of(new View.Column("n", "bigint"))).withData(false).withStorage(Map.of("fillfactor", "70"))
                .withIndexes(List.of(new Index("item_counts_n_key", true, IndexMethod.BTREE, List.of(IndexKey.column("n")), null),
                        new Index("item_counts_n_desc_idx", false, IndexMethod.BTREE,
                                List.of(new IndexKey(null, "(n + 1)", true, NullsOrder.LAST, null, null)), "n > 0",
                                List.of(), false, Map.of("fillfactor", "50"), "descending")));
        SchemaModel model = SchemaModel.builder()
                .tables(List.of(table("items").col("id", "integer").pk("id").col("name", "text", NOT_NULL).build()
                        .toBuilder().name(QualifiedName.of("app", "items")).build()))
                .views(List.of(active, counts)).build();
        Map<String, String> sources = JavaSchemaWriter.write(model, PKG);
        assertEquals(model, PulledCode.load(sources, PKG, dir));
        assertEquals(sources, JavaSchemaWriter.write(model, PKG), "writing twice gives the same text");
        String schema = sources.get("com/example/pulled/Schema.java");
        assertTrue(schema.contains("PgView.view(\"app\", \"active_items\")"), schema);
        assertTrue(schema.contains(".column(\"id\", \"integer\")"), schema);
        assertTrue(schema.contains(".uniqueIndex(\"item_counts_n_key\", \"n\")"), schema);
        assertTrue(schema.contains(".withNoData()"), schema);
    }
}
