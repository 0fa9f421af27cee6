package dev.shale.diff;

import dev.shale.change.AddColumn;
import dev.shale.change.AlterColumn;
import dev.shale.change.Change;
import dev.shale.change.ColumnAspect;
import dev.shale.change.CommentTarget;
import dev.shale.change.CreateTable;
import dev.shale.change.DropColumn;
import dev.shale.change.SetComment;
import dev.shale.model.Column;
import dev.shale.model.ColumnType;
import dev.shale.model.Conversion;
import dev.shale.model.Identity;
import dev.shale.model.PgType;
import dev.shale.model.QualifiedName;
import dev.shale.model.SchemaModel;
import dev.shale.model.SequenceOptions;
import dev.shale.render.MigrationScript;
import dev.shale.render.PostgresRenderer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static dev.shale.testing.Models.schema;
import static dev.shale.testing.Models.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How column features diff: comments apart from the column, replacement of generated columns, conversions. */
class ColumnFeatureDiffTest {
    static final QualifiedName ITEMS = QualifiedName.of("items");

    static SchemaModel items(Column... columns) {
        return schema(table("items", columns));
    }

    static Column col(String name, PgType type) {
        return Column.of(name, ColumnType.Builtin.of(type));
    }

    @Test
    void aTypeChangeWithoutACastIsRefusedNamingTheColumnAndTheWayOut() {
        SchemaModel a = items(col("created", PgType.BIGINT));
        SchemaModel b = items(col("created", PgType.TIMESTAMPTZ));
        UnsupportedChangeException e = assertThrows(UnsupportedChangeException.class,
                () -> Differ.changes(a, b, RenameDecisions.NONE));
        assertEquals("column \"public\".\"items\".\"created\"", e.object());
        assertTrue(e.reason().contains("from bigint to timestamptz") && e.reason().contains("no cast"), e.reason());
        assertTrue(e.remedy().contains("using(\""), e.remedy());
        assertThrows(UnsupportedChangeException.class, () -> Differ.changes(items(col("u", PgType.UUID)),
                items(col("u", PgType.INTEGER)), RenameDecisions.NONE));
    }

    @Test
    void theCodesConversionIsUsedAndIsNotPartOfTheSchema() {
        SchemaModel a = items(col("created", PgType.BIGINT));
        SchemaModel b = items(col("created", PgType.TIMESTAMPTZ));
        List<Conversion> using = List.of(new Conversion(ITEMS, "created", "to_timestamp(created)"));
        List<Change> changes = Differ.changes(a, b, RenameDecisions.NONE, using);
        AlterColumn alter = assertInstanceOf(AlterColumn.class, changes.get(0));
        assertEquals("to_timestamp(created)", alter.using());
        assertEquals("ALTER TABLE \"public\".\"items\" ALTER COLUMN \"created\" TYPE timestamptz USING (to_timestamp(created));",
                new PostgresRenderer().render(alter).sql());
        assertEquals(List.of(), Differ.plan(b, b, RenameDecisions.NONE, using), "a conversion alone changes nothing");
    }

    @Test
    void aCastThatMayFailWarnsOnceAndUsingReplacesTheCast() {
        SchemaModel a = items(col("v", PgType.TEXT));
        SchemaModel b = items(col("v", PgType.INTEGER));
        List<String> warnings = MigrationScript.warnings(Hazards.of(Differ.changes(a, b, RenameDecisions.NONE)));
        assertEquals(1, warnings.size(), warnings.toString());
        List<Change> converted = Differ.changes(a, b, RenameDecisions.NONE, List.of(new Conversion(ITEMS, "v", "length(v)")));
        List<String> usingWarnings = MigrationScript.warnings(Hazards.of(converted));
        assertEquals(List.of("table rewrite, may fail: changes column \"public\".\"items\".\"v\" from text to integer, which rewrites"
                + " table \"public\".\"items\" under an exclusive lock and fails if USING length(v) fails on a stored value"), usingWarnings);
        assertTrue(new PostgresRenderer().render(converted.get(0)).sql().endsWith("TYPE integer USING (length(v));"));
    }

    @Test
    void aCommentChangeIsASetCommentAndNoAlterColumn() {
        SchemaModel a = items(col("v", PgType.TEXT).withComment("old"));
        SchemaModel b = items(col("v", PgType.TEXT).withComment("new"));
        assertEquals(List.of(new SetComment(CommentTarget.column(ITEMS, "v"), "new")), Differ.changes(a, b, RenameDecisions.NONE));
        assertEquals(List.of(new SetComment(CommentTarget.column(ITEMS, "v"), null)),
                Differ.changes(a, items(col("v", PgType.TEXT)), RenameDecisions.NONE));
        assertEquals("COMMENT ON COLUMN \"public\".\"items\".\"v\" IS NULL;",
                new PostgresRenderer().render(new SetComment(CommentTarget.column(ITEMS, "v"), "")).sql());
    }

    @Test
    void aNewTableAndANewColumnGetTheirCommentsAfterThem() {
        SchemaModel b = items(col("id", PgType.INTEGER).withComment("key"), col("v", PgType.TEXT));
        List<Change> changes = Differ.changes(SchemaModel.EMPTY, b, RenameDecisions.NONE);
        assertInstanceOf(CreateTable.class, changes.get(0));
        assertEquals(new SetComment(CommentTarget.column(ITEMS, "id"), "key"), changes.get(1));
        List<Change> add = Differ.changes(items(col("id", PgType.INTEGER)),
                items(col("id", PgType.INTEGER), col("w", PgType.TEXT).withComment("new")), RenameDecisions.NONE);
        assertInstanceOf(AddColumn.class, add.get(0));
        assertEquals(new SetComment(CommentTarget.column(ITEMS, "w"), "new"), add.get(1));
    }

    @Test
    void aNewGenerationExpressionDropsAndAddsTheColumnWithoutADataLossWarning() {
        SchemaModel a = items(col("p", PgType.INTEGER), col("t", PgType.INTEGER).withGenerated("p * 2"));
        SchemaModel b = items(col("p", PgType.INTEGER), col("t", PgType.INTEGER).withGenerated("p * 3"));
        List<Change> changes = Differ.changes(a, b, RenameDecisions.NONE);
        assertInstanceOf(DropColumn.class, changes.get(0));
        assertInstanceOf(AddColumn.class, changes.get(1));
        List<Hazard> hazards = Hazards.of(changes);
        assertEquals(List.of(Hazard.Kind.TABLE_REWRITE), hazards.stream().map(Hazard::kind).toList());
        AlterColumn drop = assertInstanceOf(AlterColumn.class, Differ.changes(a, items(col("p", PgType.INTEGER),
                col("t", PgType.INTEGER)), RenameDecisions.NONE).get(0));
        assertEquals(Set.of(ColumnAspect.GENERATED), drop.aspects());
    }

    @Test
    void identityOptionsAtPostgresDefaultsAreNone() {
        Column explicit = col("id", PgType.SMALLINT).withIdentity(Identity.always().withOptions(
                new SequenceOptions(null, 1L, 1L, 1L, 32767L, 1L, false)));
        assertEquals(Identity.always(), explicit.identity());
        assertTrue(explicit.notNull());
        Column down = col("id", PgType.INTEGER).withIdentity(Identity.always().withOptions(
                SequenceOptions.DEFAULTS.withIncrement(-1L).withMaxValue(-1L).withMinValue((long) Integer.MIN_VALUE).withStart(-1L)));
        assertEquals(SequenceOptions.DEFAULTS.withIncrement(-1L), down.identity().options());
        assertNull(col("c", PgType.TEXT).withCollation(" ").collation());
    }

    @Test
    void serialIdentityAndPlainIntegersSwitchInPlace() {
        Column serial = col("id", PgType.SERIAL);
        Column identity = col("id", PgType.INTEGER).withIdentity(Identity.byDefault());
        Column plain = col("id", PgType.INTEGER).withNotNull(true);
        for (Column[] pair : new Column[][] {{serial, identity}, {identity, serial}, {serial, plain}, {plain, serial},
                {identity, plain}, {plain, identity}}) {
            List<Change> changes = Differ.changes(items(pair[0]), items(pair[1]), RenameDecisions.NONE);
            assertEquals(1, changes.size(), changes.toString());
            AlterColumn alter = assertInstanceOf(AlterColumn.class, changes.get(0));
            assertTrue(!alter.aspects().contains(ColumnAspect.TYPE), alter.aspects().toString());
        }
    }
}
