package dev.shale.dsl;

import dev.shale.model.Index;
import dev.shale.model.IndexKey;
import dev.shale.model.IndexMethod;
import dev.shale.model.QualifiedName;
import dev.shale.model.SchemaModel;
import dev.shale.model.View;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Views and materialized views declared in static fields become the model; bad declarations say where and why. */
class ViewsDslTest {

    static final class Items extends dev.shale.dsl.Table {
        final Column<Integer> id = integer("id").primaryKey();
        final Column<String> name = text("name").notNull();

        Items() {
            super("app", "items");
        }
    }

    static final class Holder {
        static final Items ITEMS = new Items();
        static final PgView NAMED = PgView.view("app", "named_items").as("select id, name from app.items where name <> '';")
                .column("item_id", "integer").column("name", "text").securityBarrier().securityInvoker()
                .withCheckOption(View.CheckOption.CASCADED).comment("named ones");
        static final PgView COUNTS = PgView.materializedView("item_counts").as("select name, count(*) as n from app.items group by name")
                .withNoData().with("fillfactor", 70).uniqueIndex("item_counts_name_key", "name").index("item_counts_n_idx", "n");
    }

    @Test
    void staticFieldsBecomeViews() {
        SchemaModel m = SchemaBuilder.fromClasses(List.of(Holder.class)).model();
        assertEquals(new View(QualifiedName.of("app", "named_items"), "select id, name from app.items where name <> ''",
                List.of(new View.Column("item_id", "integer"), new View.Column("name", "text")), false,
                View.CheckOption.CASCADED, true, true, true, Map.of(), List.of(), "named ones"), m.view(QualifiedName.of("app", "named_items")));
        View counts = m.view(QualifiedName.of("item_counts"));
        assertTrue(counts.materialized());
        assertEquals(false, counts.withData());
        assertEquals(Map.of("fillfactor", "70"), counts.storage());
        assertEquals(List.of(new Index("item_counts_n_idx", false, IndexMethod.BTREE, List.of(IndexKey.column("n")), null),
                new Index("item_counts_name_key", true, IndexMethod.BTREE, List.of(IndexKey.column("name")), null)), counts.indexes());
        assertTrue(m.schemas().contains("app"));
    }

    static final class NoQuery {
        static final PgView BAD = PgView.view("bad");
    }

    static final class OptionOnMaterialized {
        static final PgView BAD = PgView.materializedView("bad").as("select 1").securityBarrier();
    }

    static final class ClashesWithTable {
        static final Items ITEMS = new Items();
        static final PgView BAD = PgView.view("app", "items").as("select 1");
    }

    @Test
    void badDeclarationsNameTheLineAndTheReason() {
        SchemaDefinitionException e = assertThrows(SchemaDefinitionException.class, () -> SchemaBuilder.fromClasses(List.of(NoQuery.class)));
        assertTrue(e.getMessage().contains("view \"public\".\"bad\" has no query; call .as(\"select ...\") on it"), e.getMessage());
        assertTrue(e.getMessage().contains("ViewsDslTest.java"), e.getMessage());
        e = assertThrows(SchemaDefinitionException.class, () -> SchemaBuilder.fromClasses(List.of(OptionOnMaterialized.class)));
        assertTrue(e.getMessage().contains("apply to views only"), e.getMessage());
        e = assertThrows(SchemaDefinitionException.class, () -> SchemaBuilder.fromClasses(List.of(ClashesWithTable.class)));
        assertTrue(e.getMessage().contains("already used by the table \"app\".\"items\""), e.getMessage());
        assertTrue(e.getMessage().contains("ViewsDslTest.java"), e.getMessage());
    }
}
