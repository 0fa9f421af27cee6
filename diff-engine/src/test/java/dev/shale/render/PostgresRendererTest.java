package dev.shale.render;

import dev.shale.change.AlterColumn;
import dev.shale.change.Change;
import dev.shale.change.ColumnAspect;
import dev.shale.change.CreateTable;
import dev.shale.change.DropColumn;
import dev.shale.model.QualifiedName;
import dev.shale.testing.Models;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every golden case renders exactly its golden file; the cases cover every change kind and aspect set. */
class PostgresRendererTest {
    private final PostgresRenderer renderer = new PostgresRenderer();

    static Stream<Arguments> cases() {
        return GoldenCases.ALL.stream().map(c -> Arguments.of(c.name(), c.change()));
    }

    /** The golden text of one statement: its comment line, then its SQL. */
    static String goldenText(Statement s) {
        return "-- " + s.comment() + "\n" + s.sql() + "\n";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rendersGoldenFile(String name, Change change) {
        GoldenFiles.assertMatches(name, goldenText(renderer.render(change)));
    }

    @Test
    void everyChangeKindHasAGoldenCase() {
        Set<String> covered = GoldenCases.ALL.stream().map(c -> c.change().getClass().getSimpleName()).collect(Collectors.toSet());
        Set<String> kinds = Stream.of(Change.class.getPermittedSubclasses()).map(Class::getSimpleName).collect(Collectors.toSet());
        kinds.removeAll(covered);
        assertEquals(Set.of(), kinds, "change kinds without a golden case");
    }

    @Test
    void everyCombinationOfColumnAspectsHasAGoldenCase() {
        Set<Set<ColumnAspect>> seen = new HashSet<>();
        for (GoldenCases.Case c : GoldenCases.ALL) {
            if (c.change() instanceof AlterColumn a && java.util.EnumSet.of(ColumnAspect.TYPE, ColumnAspect.NOT_NULL,
                    ColumnAspect.DEFAULT).containsAll(a.aspects())) {
                seen.add(a.aspects());
            }
        }
        assertEquals(7, seen.size(), "non-empty subsets of {TYPE, NOT_NULL, DEFAULT} covered: " + seen);
    }

    @Test
    void everyGoldenFileBelongsToACase() {
        Set<String> expected = GoldenCases.ALL.stream().map(GoldenCases.Case::name).collect(Collectors.toSet());
        expected.addAll(MigrationScriptTest.GOLDEN_NAMES);
        expected.add(UserSettingsMigrationTest.GOLDEN);
        Set<String> present = new HashSet<>(GoldenFiles.names());
        present.removeAll(expected);
        assertEquals(Set.of(), present, "golden files no test reads; delete them");
    }

    @Test
    void rendersOneStatementPerChangeInOrder() {
        List<Change> changes = GoldenCases.ALL.stream().map(GoldenCases.Case::change).toList();
        List<Statement> statements = renderer.render(changes);
        assertEquals(changes.size(), statements.size());
        for (int i = 0; i < changes.size(); i++) {
            Statement s = statements.get(i);
            assertEquals(changes.get(i), s.change());
            assertTrue(s.sql().endsWith(";"), s.sql());
            assertFalse(s.comment().contains("\n"), s.comment());
        }
    }

    @Test
    void createTableLeavesForeignKeysAndIndexesToTheirOwnChanges() {
        String sql = renderer.render(new CreateTable(GoldenCases.USERS_TABLE)).sql();
        assertFalse(sql.contains("FOREIGN KEY"), sql);
        assertFalse(sql.contains("users_created_at_idx"), sql);
        assertTrue(sql.contains("CONSTRAINT \"users_email_shape\" CHECK (position('@' in email) > 1)"), sql);
        assertTrue(sql.contains("CONSTRAINT \"users_score_positive\" CHECK (score >= 0)"), "no doubled parentheses: " + sql);
    }

    @Test
    void aLineBreakInANameCannotEscapeTheComment() {
        Statement s = renderer.render(new DropColumn(QualifiedName.of("users"),
                Models.col("x\nDROP TABLE users; --", "text", false, null)));
        assertEquals("drop column \"public\".\"users\".\"x\\nDROP TABLE users; --\"", s.comment());
        assertEquals("ALTER TABLE \"public\".\"users\" DROP COLUMN \"x\nDROP TABLE users; --\";", s.sql());
    }
}
