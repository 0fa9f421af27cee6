package dev.shale.diff;

import dev.shale.change.AlterColumn;
import dev.shale.change.Change;
import dev.shale.change.CreateIndex;
import dev.shale.change.CreateView;
import dev.shale.change.DropTable;
import dev.shale.change.DropView;
import dev.shale.change.ReplaceView;
import dev.shale.change.SetComment;
import dev.shale.model.QualifiedName;
import dev.shale.model.SchemaModel;
import dev.shale.model.View;
import dev.shale.testing.Models;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static dev.shale.testing.Models.NOT_NULL;
import static dev.shale.testing.Models.index;
import static dev.shale.testing.Models.materializedView;
import static dev.shale.testing.Models.schema;
import static dev.shale.testing.Models.table;
import static dev.shale.testing.Models.view;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The view diff and the dependency machinery, as lists of changes: what is dropped, in which order, and why. */
class ViewDiffTest {

    private static Models.TableSpec items(String priceType) {
        return table("items").col("id", "integer").pk("id").col("price", priceType, NOT_NULL);
    }

    private static final View BASE = view("zz_base", "select id, price from public.items");
    private static final View TOP = view("aa_top", "select id from zz_base where price > 1");
    private static final View MAT = materializedView("mm_sums", "select sum(price) as s from public.items")
            .withIndexes(List.of(index("mm_sums_s_idx", "s"))).withComment("sums");

    private static List<String> kinds(List<Change> changes) {
        return changes.stream().map(c -> c.getClass().getSimpleName() + " " + name(c)).toList();
    }

    private static String name(Change c) {
        if (c instanceof DropView d) {
            return d.view().name().name();
        } else if (c instanceof CreateView v) {
            return v.view().name().name();
        } else if (c instanceof CreateIndex i) {
            return i.index().name();
        } else if (c instanceof AlterColumn a) {
            return a.to().name();
        } else if (c instanceof DropTable t) {
            return t.table().name().name();
        } else if (c instanceof ReplaceView r) {
            return r.to().name().name();
        } else if (c instanceof SetComment s) {
            return s.target().name().name();
        }
        return "";
    }

    @Test
    void aTypeChangeDropsReadersTopDownAndCreatesThemBottomUp() {
        SchemaModel a = schema(items("integer"), BASE, TOP, MAT);
        SchemaModel b = schema(items("bigint"), BASE, TOP, MAT);
        List<Change> changes = Differ.changes(a, b, RenameDecisions.NONE);
        assertEquals(List.of("DropView aa_top", "DropView zz_base", "DropView mm_sums", "AlterColumn price",
                "CreateView mm_sums", "CreateIndex mm_sums_s_idx", "SetComment mm_sums", "CreateView zz_base", "CreateView aa_top"),
                kinds(changes));
        DropView base = (DropView) changes.get(1);
        assertTrue(base.recreated());
        assertEquals("it reads table \"public\".\"items\", whose column \"price\" changes type", base.reason());
        DropView top = (DropView) changes.get(0);
        assertEquals("it reads view \"public\".\"zz_base\", which is dropped and created again", top.reason());
        assertEquals(List.of(), Differ.changes(b, b, RenameDecisions.NONE));
    }

    @Test
    void aTableIsNeverDroppedUnderItsReaders() {
        SchemaModel a = schema(items("integer"), BASE, TOP);
        List<Change> changes = Differ.changes(a, SchemaModel.EMPTY, RenameDecisions.NONE);
        assertEquals(List.of("DropView aa_top", "DropView zz_base", "DropTable items"), kinds(changes));
        List<Hazard> hazards = Hazards.of(changes);
        assertTrue(hazards.stream().anyMatch(h -> h.kind() == Hazard.Kind.DATA_LOSS && h.change() instanceof DropView
                && h.message().equals("drops view \"public\".\"zz_base\" (it reads table \"public\".\"items\", which is dropped),"
                + " which is not created again: the new schema does not have it")), hazards.toString());
    }

    @Test
    void aViewWhoseReaderIsDroppedForGoodIsNamedWithTheReason() {
        SchemaModel a = schema(items("integer"), BASE, TOP);
        SchemaModel b = schema(items("integer"), TOP.withQuery("select 1 as id"));
        List<Change> changes = Differ.changes(a, b, RenameDecisions.NONE);
        assertEquals(List.of("DropView aa_top", "DropView zz_base", "CreateView aa_top"), kinds(changes));
    }

    @Test
    void typedColumnsKeptAsTheLeadingOnesAreReplacedInPlaceAndReadersStay() {
        View typed = BASE.withColumns(List.of(new View.Column("id", "integer"), new View.Column("price", "integer")));
        View wider = typed.withQuery("select id, price, price * 2 as twice from public.items")
                .withColumns(List.of(new View.Column("id", "integer"), new View.Column("price", "integer"), new View.Column("twice", "integer")));
        List<Change> changes = Differ.changes(schema(items("integer"), typed, TOP), schema(items("integer"), wider, TOP), RenameDecisions.NONE);
        assertEquals(List.of("ReplaceView zz_base"), kinds(changes));
        View retyped = typed.withQuery("select id, price::bigint from public.items")
                .withColumns(List.of(new View.Column("id", "integer"), new View.Column("price", "bigint")));
        assertEquals(List.of("DropView aa_top", "DropView zz_base", "CreateView zz_base", "CreateView aa_top"),
                kinds(Differ.changes(schema(items("integer"), typed, TOP), schema(items("integer"), retyped, TOP), RenameDecisions.NONE)));
    }

    @Test
    void namesInLiteralsAndCommentsAreNotDependencies() {
        Set<QualifiedName> known = Set.of(QualifiedName.of("items"), QualifiedName.of("app", "orders"), QualifiedName.of("notes"));
        assertEquals(Set.of(QualifiedName.of("items"), QualifiedName.of("app", "orders")), SqlNames.relations(
                "select 'notes' as x, \"items\".id /* notes */ from items join app.orders on true -- notes\n where $$notes$$ <> ''",
                known, Set.of("public")));
    }
}
