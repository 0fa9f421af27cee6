package dev.shale.workflow.lint;

import dev.shale.migrator.Migration;
import dev.shale.model.QualifiedName;
import dev.shale.model.SchemaModel;
import dev.shale.snapshot.SnapshotHistory;
import dev.shale.workflow.LiveDatabase;
import dev.shale.workflow.MigrationLayout;
import dev.shale.workflow.Project;
import dev.shale.workflow.ProjectFiles;
import dev.shale.workflow.WorkflowException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lint, the workflow: reads each migration's SQL (generated or hand-written alike), splits it into
 * statements by PostgreSQL's lexical rules, and reports the hazards of each statement with a stable code
 * ({@link LintRule}). It is schema-aware: the snapshot before migration N says which tables exist and
 * what their columns are (a table the migration creates is new and empty, so an index on it needs no
 * CONCURRENTLY, and a type change that PostgreSQL does in place is no rewrite), and given a database URL
 * it reads the live tables' sizes, which turn lock and rewrite findings on a large table into errors.
 */
public final class Linter {
    private Linter() {}

    /** Lints the project's migrations as {@code options} selects them. */
    public static LintResult lint(Project project, LintOptions options) {
        Map<Integer, List<Path>> files = ProjectFiles.migrations(project.migrationsDir());
        List<Integer> notFound = options.versions().stream().filter(v -> !files.containsKey(v)).toList();
        List<Integer> selected = new ArrayList<>(options.versions().isEmpty() ? List.copyOf(files.keySet())
                : options.versions().stream().filter(files::containsKey).distinct().sorted().toList());
        if (options.latest() != null && selected.size() > options.latest()) {
            selected = new ArrayList<>(selected.subList(selected.size() - options.latest(), selected.size()));
        }
        SnapshotHistory history = SnapshotHistory.load(project.snapshotsDir());
        Map<QualifiedName, SchemaFacts.TableSize> sizes = options.url() == null ? null : sizes(options.url());
        Duration lockTimeout = project.migrations().lockTimeout();
        Duration statementTimeout = project.migrations().statementTimeout();
        boolean shaleRunner = project.layout() == MigrationLayout.SHALE;
        String runnerLock = !shaleRunner ? null : lockTimeout == null ? "10s" : show(lockTimeout);
        String runnerStatement = !shaleRunner || statementTimeout == null ? null : show(statementTimeout);
        List<LintResult.MigrationLint> out = new ArrayList<>();
        for (int version : selected) {
            for (Path file : files.get(version)) {
                SchemaModel before = version > 0 && version - 1 < history.entries().size()
                        ? history.entries().get(version - 1).snapshot().model() : version == 0 && !history.entries().isEmpty()
                        ? SchemaModel.EMPTY : null;
                SchemaFacts facts = new SchemaFacts(before, sizes, options.largeTableRows(), options.largeTableBytes(),
                        runnerLock, runnerStatement);
                LintResult.MigrationLint m = lintFile(project.show(file), read(file), facts, version);
                out.add(new LintResult.MigrationLint(m.version(), m.file(),
                        m.findings().stream().filter(f -> !options.excluded().contains(f.rule())).toList(),
                        m.ignored().stream().filter(i -> !options.excluded().contains(i.finding().rule())).toList()));
            }
        }
        return new LintResult(out, notFound, options.failOn(), sizes != null);
    }

    /**
     * Lints one migration's text, as if it were migration {@code version} of a project whose schema before it
     * was {@code before} (null when unknown).
     */
    public static LintResult.MigrationLint lintText(String file, String sql, int version, SchemaModel before) {
        return lintText(file, sql, version, before, "10s");
    }

    /** The same, for a runner that sets {@code runnerLockTimeout} ({@code "10s"}) per migration, or none when null. */
    public static LintResult.MigrationLint lintText(String file, String sql, int version, SchemaModel before, String runnerLockTimeout) {
        return lintFile(file, sql, new SchemaFacts(before, null, LintOptions.LARGE_TABLE_ROWS, LintOptions.LARGE_TABLE_BYTES,
                runnerLockTimeout, null), version);
    }

    private static LintResult.MigrationLint lintFile(String shown, String sql, SchemaFacts facts, int version) {
        boolean noTransaction = new Migration(version, "", shown, sql, null, null, null).noTransaction();
        List<Integer> statementLines = new ArrayList<>();
        List<Finding> raw = new MigrationLinter(shown, sql, noTransaction, facts).lint(statementLines);
        List<Finding> kept = new ArrayList<>();
        List<LintResult.Ignored> ignored = new ArrayList<>();
        IgnoreComments.apply(IgnoreComments.of(sql, statementLines), raw, shown, kept, ignored);
        return new LintResult.MigrationLint(version, shown, kept, ignored);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new WorkflowException(WorkflowException.Reason.IO, file.toString(), "could not read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String show(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    /** Every table's planner row estimate and total size in the database at {@code url}. */
    static Map<QualifiedName, SchemaFacts.TableSize> sizes(String url) {
        Map<QualifiedName, SchemaFacts.TableSize> out = new HashMap<>();
        try (Connection c = LiveDatabase.connect(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT n.nspname, c.relname, c.reltuples::bigint, pg_total_relation_size(c.oid)"
                     + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p', 'm')"
                     + " AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'")) {
            while (rs.next()) {
                try {
                    out.put(QualifiedName.of(rs.getString(1), rs.getString(2)), new SchemaFacts.TableSize(rs.getLong(3), rs.getLong(4)));
                } catch (RuntimeException e) {
                    // a name the model cannot hold (over 63 bytes cannot happen; a quote can): no migration names it either
                }
            }
        } catch (SQLException e) {
            throw new WorkflowException(WorkflowException.Reason.CATALOG_NOT_READ, LiveDatabase.redacted(url),
                    "could not read table sizes from " + LiveDatabase.redacted(url) + ": " + e.getMessage(), e);
        }
        return out;
    }

}
