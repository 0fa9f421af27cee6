package dev.shale.cli;

import dev.shale.dsl.SchemaDefinitionException;
import dev.shale.diff.UnresolvedRenamesException;
import dev.shale.model.InvalidModelException;
import dev.shale.workflow.WorkflowException;
import dev.shale.snapshot.SnapshotException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;

/**
 * The {@code shale} command. Exit codes: 0 success, 1 the operation failed, 2 usage error. Only
 * {@link #main} exits the JVM; {@link #run} is what tests call.
 */
@Command(name = "shale", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Schema-as-code for Java and PostgreSQL: declare tables in Java, generate reviewed SQL migrations, apply them.",
                "Settings come from shale.toml at the project root (see README.md); every one has a flag."},
        exitCodeListHeading = Main.EXIT_HEADING,
        exitCodeList = {Main.EXIT_OK, Main.EXIT_FAILED, Main.EXIT_USAGE, Main.EXIT_UNEXPRESSED})
public final class Main implements Callable<Integer> {
    /**
     * The commands, by the name each is run with, in the order help lists them. Registered by {@link #commandLine}
     * rather than in {@code @Command(subcommands)}: picocli reads the annotations of every field and method of
     * every command it is given, about 0.08 s of every run for all thirteen, so a run of one command builds only that one.
     */
    private static final Map<String, Class<?>> COMMANDS = commands(GenerateCommand.class, CheckCommand.class,
            MigrateCommand.class, StatusCommand.class, RollbackCommand.class, PushCommand.class, PullCommand.class,
            DiffCommand.class, HashCommand.class, LintCommand.class, DropCommand.class, RebaseCommand.class,
            CompletionCommand.class, CommandLine.HelpCommand.class);

    /** The exit codes every command's help lists (picocli's {@code exitCodeList} entries). */
    static final String EXIT_OK = "0:success";
    static final String EXIT_FAILED = "1:the operation failed, or found what it checks for (changes, drift, problems)";
    static final String EXIT_USAGE = "2:usage error: an unknown, missing or ignored option";
    static final String EXIT_UNEXPRESSED = "3:diff only: the sides also differ in objects Shale does not model";
    static final String EXIT_HEADING = "%nExit codes:%n";

    private final Session session;

    Main(Session session) {
        this.session = session;
    }

    /** Exit code of {@code diff} when the two sides also differ in objects Shale does not model. */
    static final int UNEXPRESSED = 3;

    public static void main(String[] args) {
        System.exit(run(args, Session.system()));
    }

    /** Runs the command line {@code args} and returns the exit code. */
    public static int run(String[] args, Session session) {
        String first = args.length == 0 ? "" : args[0];
        // help and completion describe every command; a first word that is no command's name gets picocli's
        // "did you mean" from all of them
        boolean one = COMMANDS.containsKey(first) && !first.equals("help") && !first.equals("completion");
        CommandLine cl = one ? commandLine(session, first) : commandLine(session);
        cl.setOut(session.out());
        cl.setErr(session.err());
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> report(e, commandLine, session));
        try {
            return cl.execute(args);
        } finally {
            session.out().flush();
            session.err().flush();
        }
    }

    @Override
    public Integer call() {
        session.err().println("Missing command: run `shale generate`, `shale check`, `shale migrate`, `shale status`, `shale rollback`,"
                + " `shale push`, `shale pull`, `shale diff`, `shale hash`, `shale lint`, `shale drop`, `shale rebase` or `shale completion` (`shale help <command>` for its flags).");
        commandLine(session).usage(session.err());
        return 2;
    }

    /** The whole command line: {@code shale} with every command. */
    static CommandLine commandLine(Session session) {
        return commandLine(session, null);
    }

    /** {@code shale} with only the command {@code only} ({@code null}: with every command). */
    private static CommandLine commandLine(Session session, String only) {
        CommandLine cl = new CommandLine(new Main(session), new Factory(session));
        COMMANDS.forEach((name, command) -> {
            if (only == null || only.equals(name)) {
                cl.addSubcommand(name, command);
            }
        });
        return cl;
    }

    private static Map<String, Class<?>> commands(Class<?>... classes) {
        Map<String, Class<?>> byName = new LinkedHashMap<>();
        for (Class<?> c : classes) {
            byName.put(c.getAnnotation(Command.class).name(), c);
        }
        return Collections.unmodifiableMap(byName);
    }

    private static int report(Exception e, CommandLine commandLine, Session session) {
        PrintWriter err = session.err();
        String message;
        if (e instanceof WorkflowException w) {
            message = Advice.message(w, commandLine.getCommandName());
        } else if (e instanceof dev.shale.migrator.MigrationException m) {
            message = Advice.message(m);
        } else if (e instanceof UnresolvedRenamesException u) {
            message = Advice.message(u, commandLine.getCommandName());
        } else if (e instanceof ShaleException || e instanceof SnapshotException || e instanceof SchemaDefinitionException
                || e instanceof InvalidModelException || e.getClass().getName().startsWith("dev.shale.migrator.")) {
            message = e.getMessage();
        } else {
            message = "internal error: " + e + ". This is a bug in Shale; rerun with --verbose for the stack trace and report it.";
        }
        // A database command knows its URL: nothing it prints may carry the password.
        java.util.function.UnaryOperator<String> scrub = commandLine.getCommand() instanceof DatabaseCommand d
                ? d::scrub : dev.shale.migrator.DatabaseUrl::redact;
        err.println("error: " + scrub.apply(message));
        if (commandLine.getCommand() instanceof Json.Reporting r && r.json()) {
            session.out().println(Json.error(scrub.apply(message)));
        }
        if (commandLine.getCommand() instanceof GenerateCommand) {
            err.println("Nothing was written.");
        }
        if (commandLine.getCommand() instanceof RebaseCommand) {
            err.println("Nothing was changed.");
        }
        if (verbose(commandLine)) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            err.print(scrub.apply(trace.toString()));
        }
        return 1;
    }

    private static boolean verbose(CommandLine commandLine) {
        Object command = commandLine.getCommand();
        if (command instanceof DatabaseCommand d) {
            return d.options.verbose;
        }
        if (command instanceof PullCommand p) {
            return p.verbose;
        }
        ConfigOptions options = command instanceof GenerateCommand g ? g.options
                : command instanceof CheckCommand c ? c.options
                : command instanceof PushCommand p ? p.options
                : command instanceof DiffCommand d ? d.options
                : command instanceof HashCommand h ? h.options
                : command instanceof LintCommand l ? l.options
                : command instanceof DropCommand dr ? dr.options
                : command instanceof RebaseCommand r ? r.options : null;
        return options != null && options.verbose;
    }

    /** Creates commands with the session. */
    record Factory(Session session) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            if (cls == GenerateCommand.class) {
                return cls.cast(new GenerateCommand(session));
            }
            if (cls == CheckCommand.class) {
                return cls.cast(new CheckCommand(session));
            }
            if (cls == MigrateCommand.class) {
                return cls.cast(new MigrateCommand(session));
            }
            if (cls == StatusCommand.class) {
                return cls.cast(new StatusCommand(session));
            }
            if (cls == RollbackCommand.class) {
                return cls.cast(new RollbackCommand(session));
            }
            if (cls == PushCommand.class) {
                return cls.cast(new PushCommand(session));
            }
            if (cls == PullCommand.class) {
                return cls.cast(new PullCommand(session));
            }
            if (cls == DiffCommand.class) {
                return cls.cast(new DiffCommand(session));
            }
            if (cls == HashCommand.class) {
                return cls.cast(new HashCommand(session));
            }
            if (cls == LintCommand.class) {
                return cls.cast(new LintCommand(session));
            }
            if (cls == DropCommand.class) {
                return cls.cast(new DropCommand(session));
            }
            if (cls == RebaseCommand.class) {
                return cls.cast(new RebaseCommand(session));
            }
            if (cls == CompletionCommand.class) {
                return cls.cast(new CompletionCommand(session));
            }
            if (cls == Main.class) {
                return cls.cast(new Main(session));
            }
            return CommandLine.defaultFactory().create(cls);
        }
    }

    /** {@code shale --version}: the project version Maven filtered into the jar. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = Main.class.getResourceAsStream("/shale-version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {"shale " + p.getProperty("version", "(unknown version)"),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
        }
    }
}
