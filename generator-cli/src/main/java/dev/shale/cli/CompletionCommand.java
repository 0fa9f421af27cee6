package dev.shale.cli;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code shale completion bash|zsh|fish}: prints a completion script for the shell, made from the
 * command model itself (every command and option), so it never falls behind the commands.
 */
@Command(name = "completion", sortOptions = false, mixinStandardHelpOptions = true,
        header = "Print a shell completion script for bash, zsh or fish.",
        exitCodeListHeading = Main.EXIT_HEADING, exitCodeList = {Main.EXIT_OK, Main.EXIT_USAGE},
        description = {"Print a script that completes shale's commands and options in your shell. Install it with:",
                "  bash: shale completion bash > ~/.local/share/bash-completion/completions/shale",
                "  zsh:  shale completion zsh > \"${fpath[1]}/_shale\"   (or: source <(shale completion zsh))",
                "  fish: shale completion fish > ~/.config/fish/completions/shale.fish"})
final class CompletionCommand implements Callable<Integer> {
    private final Session session;

    @Parameters(index = "0", paramLabel = "SHELL", description = "bash, zsh or fish.")
    String shell;

    @Spec
    CommandSpec spec;

    CompletionCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        CommandLine root = spec.root().commandLine();
        switch (shell) {
            case "bash" -> session.out().print(AutoComplete.bash("shale", root));
            case "zsh" -> session.out().print("#compdef shale\nautoload -U +X bashcompinit && bashcompinit\n"
                    + AutoComplete.bash("shale", root));
            case "fish" -> session.out().print(fish(root));
            default -> throw new CommandLine.ParameterException(spec.commandLine(),
                    "no completion for the shell \"" + shell + "\": give bash, zsh or fish");
        }
        return 0;
    }

    /** fish's {@code complete} lines: the commands after {@code shale}, then each command's options. */
    static String fish(CommandLine root) {
        StringBuilder out = new StringBuilder("# shale completion for fish: shale completion fish > ~/.config/fish/completions/shale.fish\n");
        out.append("complete -c shale -f\n");
        for (Map.Entry<String, CommandLine> e : root.getSubcommands().entrySet()) {
            String name = e.getKey();
            String summary = summary(e.getValue().getCommandSpec());
            out.append("complete -c shale -n '__fish_use_subcommand' -a ").append(name)
                    .append(" -d ").append(quote(summary)).append('\n');
        }
        for (Map.Entry<String, CommandLine> e : root.getSubcommands().entrySet()) {
            for (OptionSpec o : e.getValue().getCommandSpec().options()) {
                out.append("complete -c shale -n '__fish_seen_subcommand_from ").append(e.getKey()).append("'");
                for (String n : o.names()) {
                    if (n.startsWith("--")) {
                        out.append(" -l ").append(n.substring(2));
                    } else if (n.startsWith("-")) {
                        out.append(" -s ").append(n.substring(1));
                    }
                }
                if (o.arity().max() > 0) {
                    out.append(" -r");
                    if (o.paramLabel().equals("DIR") || o.paramLabel().equals("FILE") || o.paramLabel().equals("PATH")) {
                        out.append(" -F");
                    }
                }
                String[] description = o.description();
                if (description.length > 0) {
                    out.append(" -d ").append(quote(description[0]));
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static String summary(CommandSpec spec) {
        String[] header = spec.usageMessage().header();
        String[] description = spec.usageMessage().description();
        return header.length > 0 ? header[0] : description.length > 0 ? description[0] : "";
    }

    private static String quote(String text) {
        String shortened = text.length() > 90 ? text.substring(0, 87) + "..." : text;
        return "'" + shortened.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
