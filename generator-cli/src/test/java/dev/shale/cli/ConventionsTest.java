package dev.shale.cli;

import dev.shale.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a user of any CLI expects: help that lists exit codes, completion, ignored options refused, settings resolved lazily. */
class ConventionsTest {
    static final List<String> COMMANDS = List.of("generate", "check", "migrate", "status", "rollback", "push", "pull", "diff",
            "hash", "drop", "rebase", "completion");

    @TempDir
    Path dir;

    @Test
    void everyCommandsHelpListsItsExitCodesAndTheSummariesAreSentences() {
        TempProject p = TempProject.standard(dir);
        for (String command : COMMANDS) {
            TempProject.Run help = p.run(command, "--help");
            assertEquals(0, help.code(), help.toString());
            assertTrue(help.out().contains("Exit codes:") && help.out().contains("  0 ") && help.out().contains("  2 "),
                    command + " --help lists its exit codes: " + help);
        }
        TempProject.Run top = p.run("--help");
        assertTrue(top.out().contains("Exit codes:"), top.toString());
        List<String> lines = top.out().substring(top.out().indexOf("Commands:")).lines().toList();
        for (String command : COMMANDS) {
            int at = -1;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).strip().startsWith(command + " ")) {
                    at = i;
                }
            }
            assertTrue(at >= 0, command + " is listed: " + top);
            // picocli wraps a long summary onto indented lines below the command's
            StringBuilder summary = new StringBuilder(lines.get(at).strip());
            for (int i = at + 1; i < lines.size() && lines.get(i).startsWith("      ") && !lines.get(i).isBlank(); i++) {
                summary.append(' ').append(lines.get(i).strip());
            }
            assertTrue(summary.toString().endsWith("."), "the summary of " + command + " is a whole sentence: " + summary);
        }
    }

    @Test
    void completionScriptsForBashZshAndFish() {
        TempProject p = TempProject.standard(dir);
        TempProject.Run bash = p.run("completion", "bash");
        assertEquals(0, bash.code(), bash.toString());
        assertTrue(bash.out().contains("complete -F") && bash.out().contains("generate") && bash.out().contains("--lock-timeout"),
                bash.out());
        TempProject.Run zsh = p.run("completion", "zsh");
        assertTrue(zsh.out().startsWith("#compdef shale") && zsh.out().contains("bashcompinit"), zsh.out());
        TempProject.Run fish = p.run("completion", "fish");
        for (String command : COMMANDS) {
            assertTrue(fish.out().contains("-a " + command + " -d"), command + " in fish: " + fish.out());
        }
        assertTrue(fish.out().contains("__fish_seen_subcommand_from migrate' -l dry-run"), fish.out());
        TempProject.Run other = p.run("completion", "tcsh");
        assertEquals(2, other.code(), other.toString());
        assertTrue(other.err().contains("give bash, zsh or fish"), other.toString());
    }

    @Test
    void anOptionACommandWouldIgnoreIsAUsageError() {
        TempProject p = TempProject.standard(dir);
        Map<List<String>, String> ignored = Map.of(
                List.of("generate", "--url", "postgres://x/y"), "--url",
                List.of("diff", "--from", "code", "--to", "code", "--url", "postgres://x/y"), "--url",
                List.of("hash", "--schema-package", "app.db"), "--schema-package",
                List.of("rebase", "--url", "postgres://x/y"), "--url",
                List.of("drop", "--schema-class", "app.db.Schema"), "--schema-class",
                List.of("push", "--migrations-dir", "m"), "--migrations-dir",
                List.of("status", "--url", "postgres://x/y", "--lock-timeout", "5s"), "--lock-timeout");
        ignored.forEach((args, option) -> {
            TempProject.Run run = p.run(args.toArray(String[]::new));
            assertEquals(2, run.code(), args + ": " + run);
            assertTrue(run.err().contains("does not use " + option), args + ": " + run);
            assertEquals("<absent>", p.outputState().get("migrations"), "nothing was written");
        });
    }

    @Test
    void onlyTheSettingsACommandUsesAreResolved() throws Exception {
        String neon = TempProject.CONFIG + """

                [database]
                url = "${DATABASE_URL}"
                migrations_url = "${DATABASE_URL_UNPOOLED}"
                """;
        TempProject p = TempProject.standard(dir).write("shale.toml", neon);
        try (TestDatabase db = TestDatabase.create()) {
            // only the unpooled URL is set, as on a Neon branch: generate, check and migrate work
            p.environment = Map.of("DATABASE_URL_UNPOOLED", db.url());
            assertEquals(0, p.run("generate").code(), "generate needs no URL");
            assertEquals(0, p.run("check").code());
            TempProject.Run migrate = p.run("migrate");
            assertEquals(0, migrate.code(), migrate.toString());

            // with neither set, what needs no database still works, and what does names the variable
            p.environment = Map.of();
            assertEquals(0, p.run("check").code());
            TempProject.Run status = p.run("status");
            assertEquals(1, status.code(), status.toString());
            assertTrue(status.err().contains("${DATABASE_URL_UNPOOLED}") && status.err().contains("is not set"), status.toString());
            assertFalse(status.err().contains("internal error"), status.toString());
        }
    }
}
