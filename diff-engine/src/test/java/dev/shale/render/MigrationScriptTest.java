package dev.shale.render;

import dev.shale.change.Change;
import dev.shale.diff.Hazard;
import dev.shale.diff.Hazards;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The migration file: header, hazards grouped most serious first, statements under their comments. */
class MigrationScriptTest {
    static final Set<String> GOLDEN_NAMES = Set.of("migration_script", "migration_script_custom");

    private final PostgresRenderer renderer = new PostgresRenderer();

    static Change change(String caseName) {
        return GoldenCases.ALL.stream().filter(c -> c.name().equals(caseName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no golden case " + caseName)).change();
    }

    /** A migration with statements of every hazard kind, the hazards given out of order. */
    static String scriptWithHazards() {
        Change addColumn = change("add_column");
        Change alterType = change("alter_column_type_using");
        Change setNotNull = change("alter_column_set_not_null");
        Change dropColumn = change("drop_column");
        Change dropTable = change("drop_table");
        List<Statement> statements = new PostgresRenderer().render(List.of(addColumn, alterType, setNotNull, dropColumn, dropTable));
        List<Hazard> hazards = List.of(
                new Hazard(Hazard.Kind.TABLE_REWRITE, alterType, "changes the type of column \"public\".\"profiles\".\"age\" from text to integer: rewrites the table"),
                new Hazard(Hazard.Kind.MAY_FAIL, setNotNull, "sets column \"public\".\"profiles\".\"bio\" NOT NULL: fails if a row holds NULL"),
                new Hazard(Hazard.Kind.DATA_LOSS, dropColumn, "drops column \"public\".\"users\".\"past_roles\" and its data"),
                new Hazard(Hazard.Kind.DATA_LOSS, alterType, "changes the type of column \"public\".\"profiles\".\"age\" from text to integer: values that are not integers fail the cast"),
                new Hazard(Hazard.Kind.DATA_LOSS, dropTable, "drops table \"public\".\"profiles\" and its data"));
        return MigrationScript.render("0001_evolve_profiles", statements, hazards);
    }

    @Test
    void rendersAMigrationWithHazards() {
        List<Change> changes = Stream.of("add_column", "alter_column_type_using", "alter_column_set_not_null",
                "alter_column_type_enum_with_default", "add_enum_value", "drop_column", "drop_table").map(MigrationScriptTest::change).toList();
        String script = MigrationScript.render("0001_evolve_profiles", renderer.render(changes), Hazards.of(changes));
        GoldenFiles.assertMatches("migration_script", script);
        assertTrue(script.contains("-- WARNING data loss: drops table \"public\".\"profiles\" and its data"), script);
    }

    @Test
    void rendersAHandWrittenMigration() {
        String script = MigrationScript.render("0002_backfill_handles", List.of(), List.of());
        GoldenFiles.assertMatches("migration_script_custom", script);
        assertTrue(script.contains("hand-written migration: add your SQL below"), script);
    }

    @Test
    void listsDataLossFirstAndKeepsChangeOrderWithinAKind() {
        List<String> warnings = scriptWithHazards().lines().filter(l -> l.startsWith("-- WARNING")).toList();
        assertEquals(List.of(
                "-- WARNING data loss: drops column \"public\".\"users\".\"past_roles\" and its data",
                "-- WARNING data loss: changes the type of column \"public\".\"profiles\".\"age\" from text to integer: values that are not integers fail the cast",
                "-- WARNING data loss: drops table \"public\".\"profiles\" and its data",
                "-- WARNING table rewrite: changes the type of column \"public\".\"profiles\".\"age\" from text to integer: rewrites the table",
                "-- WARNING may fail: sets column \"public\".\"profiles\".\"bio\" NOT NULL: fails if a row holds NULL"), warnings);
    }

    @Test
    void oneLinePerHazardousChangeWithAllItsKinds() {
        var table = dev.shale.model.QualifiedName.of("events");
        Change change = new dev.shale.change.AlterColumn(table,
                new dev.shale.model.Column("at", dev.shale.model.ColumnType.parse("timestamptz"), false, null),
                new dev.shale.model.Column("at", dev.shale.model.ColumnType.parse("timestamp"), true, null),
                Set.of(dev.shale.change.ColumnAspect.TYPE, dev.shale.change.ColumnAspect.NOT_NULL));
        List<Hazard> hazards = Hazards.of(change);
        assertEquals(3, hazards.size(), hazards.toString());
        assertEquals(List.of(
                "data loss, table rewrite: changes column \"public\".\"events\".\"at\" from timestamptz to timestamp, which turns each"
                        + " instant into its local time in the migrating session's time zone and rewrites table \"public\".\"events\""
                        + " under an exclusive lock",
                "may fail: sets column \"public\".\"events\".\"at\" NOT NULL, which fails if it holds NULLs"),
                MigrationScript.warnings(hazards));
        String script = MigrationScript.render("0005_local_times", renderer.render(List.of(change)), hazards);
        assertEquals(2, script.lines().filter(l -> l.startsWith("-- WARNING ")).count(), script);
    }

    @Test
    void usesUnixLineEndingsAndOneTrailingNewline() {
        String script = scriptWithHazards();
        assertFalse(script.contains("\r"));
        assertTrue(script.endsWith(";\n") && !script.endsWith("\n\n"), script);
    }

    @Test
    void withoutHazardsTheHeaderIsTwoLines() {
        String script = MigrationScript.render("0003_add_timezone", renderer.render(List.of(change("add_column"))), List.of());
        assertEquals("""
                -- 0003_add_timezone
                -- Generated by Shale. Review before applying.

                -- add column "public"."users"."timezone"
                ALTER TABLE "public"."users" ADD COLUMN "timezone" text DEFAULT 'UTC' NOT NULL;
                """, script);
    }

    @Test
    void aLineBreakInATitleOrHazardStaysInsideTheComment() {
        Change drop = change("drop_column");
        String script = MigrationScript.render("0004_x\nDROP TABLE users;", List.of(),
                List.of(new Hazard(Hazard.Kind.DATA_LOSS, drop, "drops \"a\nb\"")));
        assertTrue(script.lines().allMatch(l -> l.isEmpty() || l.startsWith("--")), script);
    }
}
