package dev.shale.workflow.lint;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/lint.md lists every rule with its code, name, default severity and the squawk rules it covers. */
class LintDocTest {
    private static final Path DOC = Path.of(System.getProperty("basedir", "."), "..", "docs", "lint.md").normalize();

    @Test
    void everyRuleIsInTheTable() throws Exception {
        String doc = Files.readString(DOC);
        for (LintRule r : LintRule.values()) {
            String row = "| " + r.code() + " | " + r.title() + " | " + r.severity().label();
            assertTrue(doc.contains(row), "docs/lint.md has no row starting " + row);
            int at = doc.indexOf(row);
            String line = doc.substring(at, doc.indexOf('\n', at));
            for (String s : r.squawk()) {
                assertTrue(line.contains(s), "the row of " + r.code() + " names squawk's " + s + ": " + line);
            }
        }
    }
}
