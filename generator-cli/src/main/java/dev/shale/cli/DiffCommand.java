package dev.shale.cli;

import dev.shale.workflow.LiveDatabase;
import dev.shale.workflow.MigrationSettings;
import dev.shale.workflow.SchemaDiffs;
import dev.shale.workflow.SchemaLoader;
import dev.shale.model.QualifiedName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.shale.diff.RenameQuestion;
import java.util.function.Supplier;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code shale diff --from X --to Y}: prints the SQL that turns X into Y. */
@Command(name = "diff", sortOptions = false, mixinStandardHelpOptions = true,
        header = "Print the SQL that turns one schema (a database, a snapshot or the code) into another.",
        exitCodeListHeading = Main.EXIT_HEADING, exitCodeList = {"0:the SQL expresses every difference (or there is none)",
                "1:a side could not be read", Main.EXIT_USAGE, Main.EXIT_UNEXPRESSED},
        description = {"Print the SQL that turns one schema into another. Each side is a database URL (postgres://,",
                "postgresql:// or jdbc:postgresql://), a snapshot file (*.json) or the word `code` (the schema code).",
                "Nothing is changed anywhere."})
final class DiffCommand implements Callable<Integer>, Json.Reporting {
    private final Session session;

    @Option(names = "--json", description = "Print one JSON object: {\"statements\":[sql],\"warnings\":[...],\"notes\":[...],"
            + "\"notManaged\":{\"from\":[...],\"to\":[...]},\"unexpressed\":[...]}; the exit code is the same.")
    boolean json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public boolean json() {
        return json;
    }

    @Option(names = "--from", required = true, paramLabel = "X", description = "Where to start: a database URL, a snapshot file or `code`.")
    String from;

    @Option(names = "--to", required = true, paramLabel = "Y", description = "Where to arrive: a database URL, a snapshot file or `code`.")
    String to;

    @Option(names = "--rename", paramLabel = "OLD=NEW",
            description = "Say that a table or column was renamed: schema.table=new_table, or schema.table.old_column=new_column;"
                    + " an enum value: enum:schema.enum.old=new; a composite type's attribute: type:schema.type.old=new; a sequence: sequence:schema.old=new."
                    + " Open questions are otherwise taken as dropped. Repeatable.")
    List<String> renames = new ArrayList<>();

    @Option(names = "--dropped", paramLabel = "NAME", description = "Say that a table or column was dropped: schema.table[.column]. Repeatable.")
    List<String> dropped = new ArrayList<>();

    @Mixin
    SchemaFilterOptions schemaFilter;

    @Mixin
    ConfigOptions options;

    DiffCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        ConfigOptions.refuse(spec, "--url");
        Path cwd = session.workingDir();
        boolean code = from.equals("code") || to.equals("code");
        Path file = cwd.resolve(options.config == null ? Path.of(ShaleConfig.FILE_NAME) : options.config);
        ShaleConfig config = code ? options.load(session) : Files.isRegularFile(file) || options.config != null
                ? options.load(session, false) : null;
        MigrationSettings settings = config == null ? MigrationSettings.DEFAULT : config.migrations();
        Supplier<SchemaLoader.LoadedSchema> loadCode = () -> SchemaLoader.load(config.project());
        SchemaDiffs.Side a = side(from, "--from", cwd, loadCode);
        SchemaDiffs.Side b = side(to, "--to", cwd, loadCode);
        SchemaDiffs.Result result = SchemaDiffs.diff(a, b, renames.stream().map(RenameAnswers::parseRename).toList(),
                dropped.stream().map(RenameAnswers::parseDropped).toList(), settings.historyTable(), schemaFilter.filter());
        PrintWriter out = session.out();
        if (json) {
            var root = Json.object();
            Json.strings(root, "statements", result.sql().statements().stream().map(s -> s.sql().strip()).toList());
            Json.hazards(root, "warnings", result.sql().hazards());
            Json.strings(root, "notes", result.assumedDropped().stream().map(q -> RenameAnswers.describe(q) + " Taken as dropped.").toList());
            var notManaged = root.putObject("notManaged");
            Json.strings(notManaged, "from", result.fromNotManaged());
            Json.strings(notManaged, "to", result.toNotManaged());
            Json.strings(root, "unexpressed", result.unexpressed());
            Json.print(out, root);
            return result.unexpressed().isEmpty() ? 0 : Main.UNEXPRESSED;
        }
        for (RenameQuestion q : result.assumedDropped()) {
            out.println("-- note: " + RenameAnswers.describe(q) + " Taken as dropped; pass --rename "
                    + q.answer(q.options().get(0)).flag() + " (or the right new name) if it was renamed.");
        }
        for (String object : result.fromNotManaged()) {
            out.println("-- not managed in --from: " + object);
        }
        for (String object : result.toNotManaged()) {
            out.println("-- not managed in --to: " + object);
        }
        List<String> unexpressed = result.unexpressed();
        if (result.sql().isEmpty()) {
            out.println(unexpressed.isEmpty() ? "No differences." : "No differences in what Shale models.");
        } else {
            out.print(result.sql().text());
        }
        if (!unexpressed.isEmpty()) {
            session.err().println("The two sides also differ in objects Shale does not model, which this SQL does not change: "
                    + String.join(", ", unexpressed) + " (exit code " + Main.UNEXPRESSED + ").");
            return Main.UNEXPRESSED;
        }
        return 0;
    }

    /**
     * Reads one side as the user wrote it.
     *
     * @param flag {@code --from} or {@code --to}, for messages
     * @param code loads the schema code, only when the side is the word {@code code}
     */
    private static SchemaDiffs.Side side(String text, String flag, Path workingDir, Supplier<SchemaLoader.LoadedSchema> code) {
        if (text.equals("code")) {
            return SchemaDiffs.code(code.get());
        }
        if (LiveDatabase.isUrl(text)) {
            return new SchemaDiffs.Database(text);
        }
        Path file = workingDir.resolve(text).normalize();
        if (!text.endsWith(".json") || !Files.isRegularFile(file)) {
            throw new ShaleException(flag + " " + LiveDatabase.redacted(text) + " is not a database URL (postgres://, postgresql://"
                    + " or jdbc:postgresql://), a snapshot file (*.json" + (text.endsWith(".json") ? "; no such file: " + file : "")
                    + ") or the word `code`");
        }
        return SchemaDiffs.snapshot(file, text);
    }
}
