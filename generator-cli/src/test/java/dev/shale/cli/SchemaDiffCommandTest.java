package dev.shale.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code shale diff} between snapshot files of the bundled example (no database needed). */
class SchemaDiffCommandTest {
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    private static TempProject.Run run(String... args) {
        return new TempProject(REPO).run(args);
    }

    /** The SQL lines of a script: comments and blank lines left out. */
    private static List<String> sqlLines(String text) {
        return text.lines().filter(l -> !l.isBlank() && !l.startsWith("--")).toList();
    }

    @Test
    void diffBetweenSnapshot0000And0001PrintsTheSqlOfMigration0001() throws IOException {
        TempProject.Run run = run("diff", "--from", "snapshots/0000_snapshot.json", "--to", "snapshots/0001_snapshot.json",
                "--rename", "public.users.display_name=preferred_name");
        assertEquals(0, run.code(), run.toString());
        String migration = Files.readString(REPO.resolve("migrations/0001_evolve_onboarding.sql"));
        assertEquals(sqlLines(migration), sqlLines(run.out()), run.toString());
        assertTrue(run.out().contains("-- add column \"public\".\"profiles\".\"onboarding_step\""), run.out());
    }

    @Test
    void withoutTheRenameAnswerTheColumnIsTakenAsDroppedAndSaidSo() {
        TempProject.Run run = run("diff", "--from", "snapshots/0000_snapshot.json", "--to", "snapshots/0001_snapshot.json");
        assertEquals(0, run.code(), run.toString());
        assertTrue(run.out().contains("-- note: column \"display_name\" of table \"public\".\"users\" disappeared"), run.out());
        assertTrue(run.out().contains("--rename public.users.display_name=preferred_name"), run.out());
        assertTrue(run.out().contains("ALTER TABLE \"public\".\"users\" DROP COLUMN \"display_name\";"), run.out());
        assertTrue(run.out().contains("-- WARNING data loss: drops column \"public\".\"users\".\"display_name\""), run.out());
    }

    @Test
    void aSnapshotAgainstItselfHasNoDifferences() {
        TempProject.Run run = run("diff", "--from", "snapshots/0001_snapshot.json", "--to", "snapshots/0001_snapshot.json");
        assertEquals(0, run.code(), run.toString());
        assertEquals("No differences.\n", run.out());
    }

    @Test
    void theReverseDiffDropsWhatMigration0001Added() {
        TempProject.Run run = run("diff", "--from", "snapshots/0001_snapshot.json", "--to", "snapshots/0000_snapshot.json",
                "--rename", "public.users.preferred_name=display_name");
        assertEquals(0, run.code(), run.toString());
        // PostgreSQL cannot drop an enum value: the type is replaced, and the warning names the value
        assertTrue(run.out().contains("RENAME TO \"application_status__old\""), run.toString());
        assertTrue(run.out().contains("removes value 'waitlisted'"), run.toString());
        assertTrue(run.out().contains("\"preferred_name\" TO \"display_name\""), run.toString());
    }

    @Test
    void aSideThatIsNeitherUrlNorSnapshotNorCodeIsExplained() {
        TempProject.Run run = run("diff", "--from", "snapshots/0000_snapshot.json", "--to", "nonsense");
        assertEquals(1, run.code(), run.toString());
        assertTrue(run.err().contains("--to nonsense is not a database URL (postgres://, postgresql:// or jdbc:postgresql://),"
                + " a snapshot file (*.json) or the word `code`"), run.toString());
        TempProject.Run missing = run("diff", "--from", "snapshots/9999_snapshot.json", "--to", "code");
        assertEquals(1, missing.code(), missing.toString());
        assertTrue(missing.err().contains("no such file"), missing.toString());
    }

    @Test
    void fromAndToAreRequired() {
        TempProject.Run run = run("diff", "--from", "code");
        assertEquals(2, run.code(), run.toString());
        assertTrue(run.err().contains("--to"), run.toString());
    }
}
