package dev.shale.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code docs/commands.md} is every command's {@code --help}, so the guide can never disagree with the
 * command line. Run with {@code -Dshale.updateDocs=true} to rewrite it after changing an option.
 */
class CommandsDocTest {
    private static final Path DOC = Path.of(System.getProperty("basedir", "."), "..", "docs", "commands.md").normalize();

    static String render() {
        StringWriter sink = new StringWriter();
        Session session = new Session(Path.of("."), Map.of(), new PrintWriter(sink), new PrintWriter(sink),
                new java.io.BufferedReader(new java.io.StringReader("")), false);
        StringBuilder doc = new StringBuilder("""
                # Commands

                Every command's `--help`, as the command prints it (this file is checked against the commands by
                `generator-cli`'s `CommandsDocTest`). The JSON each one prints with `--json` is described in the
                README's "JSON output" section; `shale.toml` settings in its "Configuration" section.

                """);
        CommandLine root = Main.commandLine(session);
        doc.append("## shale\n\n```\n").append(root.getUsageMessage(CommandLine.Help.Ansi.OFF)).append("```\n");
        for (Map.Entry<String, CommandLine> e : root.getSubcommands().entrySet()) {
            if (e.getKey().equals("help")) {
                continue;
            }
            doc.append("\n## shale ").append(e.getKey()).append("\n\n```\n")
                    .append(e.getValue().getUsageMessage(CommandLine.Help.Ansi.OFF)).append("```\n");
        }
        return doc.toString();
    }

    @Test
    void docsCommandsIsEveryCommandsHelp() throws Exception {
        String expected = render();
        if (Boolean.getBoolean("shale.updateDocs")) {
            Files.writeString(DOC, expected);
        }
        assertEquals(expected, Files.readString(DOC), "docs/commands.md is out of date: rerun with -Dshale.updateDocs=true");
    }
}
