package dev.shale.cli;

import dev.shale.model.QualifiedName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code shale diff --from X --to Y}: prints the SQL that turns X into Y. */
@Command(name = "diff", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Print the SQL that turns one schema into another. Each side is a database URL (postgres://,",
                "postgresql:// or jdbc:postgresql://), a snapshot file (*.json) or the word `code` (the schema code).",
                "Nothing is changed anywhere."})
final class DiffCommand implements Callable<Integer> {
    private final Session session;

    @Option(names = "--from", required = true, paramLabel = "X", description = "Where to start: a database URL, a snapshot file or `code`.")
    String from;

    @Option(names = "--to", required = true, paramLabel = "Y", description = "Where to arrive: a database URL, a snapshot file or `code`.")
    String to;

    @Option(names = "--rename", paramLabel = "OLD=NEW",
            description = "Say that a table or column was renamed: schema.table=new_table, or schema.table.old_column=new_column."
                    + " Open questions are otherwise taken as dropped. Repeatable.")
    List<String> renames = new ArrayList<>();

    @Option(names = "--dropped", paramLabel = "NAME", description = "Say that a table or column was dropped: schema.table[.column]. Repeatable.")
    List<String> dropped = new ArrayList<>();

    @Mixin
    ConfigOptions options;

    DiffCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws SQLException {
        Path cwd = session.workingDir();
        boolean code = from.equals("code") || to.equals("code");
        Path file = cwd.resolve(options.config == null ? Path.of(ShaleConfig.FILE_NAME) : options.config);
        ShaleConfig config = code ? options.load(session) : Files.isRegularFile(file) || options.config != null
                ? options.load(session, false) : null;
        MigrationSettings settings = config == null ? MigrationSettings.DEFAULT : config.migrations();
        SchemaDiffs.Side a = SchemaDiffs.side(from, "--from", cwd, () -> SchemaLoader.load(config));
        SchemaDiffs.Side b = SchemaDiffs.side(to, "--to", cwd, () -> SchemaLoader.load(config));
        SchemaDiffs.Result result = SchemaDiffs.diff(a, b, renames.stream().map(RenameAnswers::parseRename).toList(),
                dropped.stream().map(RenameAnswers::parseDropped).toList(), QualifiedName.of(settings.schema(), settings.table()));
        PrintWriter out = session.out();
        for (String note : result.notes()) {
            out.println("-- note: " + note);
        }
        if (result.sql().isEmpty()) {
            out.println("No differences.");
            return 0;
        }
        out.print(result.sql().text());
        return 0;
    }
}
