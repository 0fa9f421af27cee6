package dev.shale.diff;

import dev.shale.change.AddColumn;
import dev.shale.change.AddEnumValue;
import dev.shale.change.Change;
import dev.shale.change.DropEnum;
import dev.shale.change.ReplaceEnum;
import dev.shale.model.DefaultValue;
import dev.shale.model.EnumType;
import dev.shale.model.Index;
import dev.shale.model.IndexKey;
import dev.shale.model.IndexMethod;
import dev.shale.model.SchemaModel;
import dev.shale.testing.Models;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static dev.shale.testing.Models.col;
import static dev.shale.testing.Models.enumOf;
import static dev.shale.testing.Models.q;
import static dev.shale.testing.Models.schema;
import static dev.shale.testing.Models.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** New enum values used in the same plan split it in two steps; removals and reorders are refused. */
class EnumValueTest {
    static final SchemaModel BEFORE = schema(enumOf("status", "draft", "live"), table("posts", col("id", "integer")));
    static final SchemaModel GROWN = schema(enumOf("status", "draft", "review", "live"), table("posts", col("id", "integer")));

    static SchemaModel grownWith(Models.TableSpec posts) {
        return schema(enumOf("status", "draft", "review", "live"), posts);
    }

    static Stream<Arguments> uses() {
        return Stream.of(
                arguments("default literal of the enum", grownWith(table("posts", col("id", "integer"),
                        col("s", "enum:public.status", false, DefaultValue.string("review")))), 2),
                arguments("quoted in a default expression", grownWith(table("posts", col("id", "integer"),
                        col("s", "text", false, DefaultValue.expression("'review'::text")))), 2),
                arguments("quoted in a check", grownWith(table("posts", col("id", "integer"), col("s", "enum:public.status"))
                        .check("posts_s_check", "s <> 'review'")), 2),
                arguments("quoted in an index predicate", grownWith(table("posts", col("id", "integer"), col("s", "enum:public.status"))
                        .index(new Index("posts_review_idx", false, IndexMethod.BTREE, List.of(IndexKey.column("id")), "s = 'review'"))), 2),
                arguments("quoted in an index expression", grownWith(table("posts", col("id", "integer"), col("s", "enum:public.status"))
                        .index(new Index("posts_review_idx", false, IndexMethod.BTREE, List.of(IndexKey.expression("(s = 'review')")), null))), 2),
                arguments("an old value as default", grownWith(table("posts", col("id", "integer"),
                        col("s", "enum:public.status", false, DefaultValue.string("draft")))), 1),
                arguments("a text default that merely equals the value", grownWith(table("posts", col("id", "integer"),
                        col("s", "text", false, DefaultValue.string("review")))), 1),
                arguments("no other change", GROWN, 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("uses")
    void splitsWhenANewValueIsUsed(String name, SchemaModel to, int expectedSteps) {
        List<DiffStep> steps = Differ.plan(BEFORE, to, RenameDecisions.NONE);
        assertEquals(expectedSteps, steps.size());
        if (expectedSteps == 2) {
            assertEquals(List.of(new AddEnumValue(q("status"), "review", null, "draft")), steps.get(0).changes());
            assertEquals(GROWN.enums(), steps.get(0).after().enums());
            assertEquals(BEFORE.tables(), steps.get(0).after().tables());
            assertTrue(steps.get(1).changes().stream().noneMatch(c -> c instanceof AddEnumValue));
        }
        assertEquals(to, steps.get(steps.size() - 1).after());
        ModelApplier.applySteps(BEFORE, steps);
    }

    @Test
    void twoStepsKeepEveryChange() {
        SchemaModel to = grownWith(table("posts", col("id", "integer"),
                col("s", "enum:public.status", false, DefaultValue.string("review"))));
        List<Change> all = Differ.changes(BEFORE, to, RenameDecisions.NONE);
        assertEquals(List.of(new AddEnumValue(q("status"), "review", null, "draft"),
                new AddColumn(q("posts"), col("s", "enum:public.status", false, DefaultValue.string("review")))), all);
    }

    @Test
    void removingAValueReplacesTheTypeWithADataLossWarningNamingIt() {
        List<Change> all = Differ.changes(GROWN, BEFORE, RenameDecisions.NONE);
        ReplaceEnum replace = Change.select(ReplaceEnum.class, all).get(0);
        assertEquals(List.of("review"), replace.removedValues());
        assertEquals(new DropEnum(new EnumType(q("status__old"), GROWN.enumType(q("status")).values())), all.get(all.size() - 1));
        List<Hazard> hazards = Hazards.of(all);
        assertEquals(1, hazards.size(), hazards.toString());
        assertEquals(Hazard.Kind.DATA_LOSS, hazards.get(0).kind());
        assertTrue(hazards.get(0).message().contains("'review'"), hazards.get(0).message());
    }

    @Test
    void reorderingValuesReplacesTheTypeWithoutLosingData() {
        List<Change> all = Differ.changes(BEFORE, schema(enumOf("status", "live", "draft"), table("posts", col("id", "integer"))),
                RenameDecisions.NONE);
        assertEquals(List.of(ReplaceEnum.class, DropEnum.class), all.stream().map(Object::getClass).toList());
        assertTrue(Hazards.of(all).stream().noneMatch(h -> h.kind() == Hazard.Kind.DATA_LOSS), Hazards.of(all).toString());
    }

    @Test
    void serialTypeChangesAreAlterationsNow() {
        List<dev.shale.change.Change> in = Differ.changes(schema(table("t", col("id", "integer"))),
                schema(table("t", col("id", "serial"))), RenameDecisions.NONE);
        assertEquals(java.util.Set.of(dev.shale.change.ColumnAspect.SERIAL, dev.shale.change.ColumnAspect.NOT_NULL),
                ((dev.shale.change.AlterColumn) in.get(0)).aspects());
        List<dev.shale.change.Change> out = Differ.changes(schema(table("t", col("id", "bigserial"))),
                schema(table("t", col("id", "bigint"))), RenameDecisions.NONE);
        assertEquals(java.util.Set.of(dev.shale.change.ColumnAspect.SERIAL, dev.shale.change.ColumnAspect.NOT_NULL),
                ((dev.shale.change.AlterColumn) out.get(0)).aspects());
    }
}
