package dev.shale.workflow;

import dev.shale.migrator.MigrateResult;
import dev.shale.migrator.MigrationException;
import dev.shale.migrator.Migrator;
import dev.shale.model.SchemaModel;
import dev.shale.workflow.WorkflowException.Reason;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;

/**
 * A verified plan: every migration of the project, plus those about to be written, applied by the migrator
 * (as {@code migrate} would, a transaction each) to a {@link ScratchDatabase}, and the result compared with
 * the schema code by meaning, as push and drift compare (the code canonicalized on that database, then
 * {@link Drift}). A migration that fails, or a history that does not build what the code declares, is caught
 * before anyone reviews or applies it.
 */
public final class Verifier {
    private Verifier() {}

    /**
     * The verdict.
     *
     * @param server where it ran ({@code an embedded PostgreSQL 17.11}, or the verification server's URL, redacted)
     * @param migrations the number of migrations applied
     * @param failedFile the migration that failed, as messages show it, or null
     * @param failure the failure (the migrator's message: file, statement, line and what PostgreSQL said), or null
     * @param differences how the database the migrations built differs from the schema code; empty when it matches
     * @param notManaged objects the migrations created that the model cannot express ("view public.x"), not compared
     * @param warnings what went wrong around the verdict without changing it (a throwaway database left behind)
     */
    public record Result(String server, int migrations, String failedFile, String failure, List<String> differences,
                         List<String> notManaged, List<String> warnings) {
        public Result {
            differences = List.copyOf(differences);
            notManaged = List.copyOf(notManaged);
            warnings = List.copyOf(warnings);
        }

        Result withWarning(String warning) {
            if (warning == null) {
                return this;
            }
            List<String> all = new java.util.ArrayList<>(warnings);
            all.add(warning);
            return new Result(server, migrations, failedFile, failure, differences, notManaged, all);
        }

        public boolean passed() {
            return failure == null && differences.isEmpty();
        }

        /** One paragraph: what failed or differed, for a front end to print. */
        public String describe() {
            if (failure != null) {
                return "verification on " + server + " failed: " + failedFile + " does not apply: " + failure;
            }
            if (!differences.isEmpty()) {
                return "verification on " + server + " failed: after " + migrations + " migration(s) the database differs"
                        + " from the schema code:\n  " + String.join("\n  ", differences);
            }
            return "verified on " + server + ": " + migrations + " migration(s) applied, the database matches the schema code";
        }
    }

    /**
     * Verifies the project's migrations and {@code planned} (not yet written) against {@code code}.
     *
     * @throws WorkflowException of reason {@link Reason#VERIFICATION_SERVER} when no scratch database can be had
     */
    public static Result verify(Project project, SchemaModel code, MigrationPlan planned) {
        Path work = copy(project, planned);
        try {
            ScratchDatabase scratch = ScratchDatabase.open(project);
            Result result;
            try {
                result = run(project, code, work, scratch);
            } catch (RuntimeException e) {
                scratch.close();
                throw e;
            }
            return result.withWarning(scratch.drop());
        } finally {
            deleteTree(work);
        }
    }

    private static Result run(Project project, SchemaModel code, Path work, ScratchDatabase scratch) {
        int applied;
        try {
            MigrateResult result = Migrator.builder().url(scratch.url()).location(work)
                    .historyTable(project.migrations().schema(), project.migrations().table()).build().migrate();
            applied = result.applied().size();
        } catch (MigrationException e) {
            String file = e.file() == null ? null
                    : project.show(project.migrationsDir().resolve(Path.of(e.file()).getFileName().toString()));
            String message = String.valueOf(e.getMessage()).replace(work.toString() + java.io.File.separator, "")
                    .replace(work.toString(), project.show(project.migrationsDir()));
            return new Result(scratch.server(), 0, file, message, List.of(), List.of(), List.of());
        }
        try (Connection connection = LiveDatabase.connect(scratch.url())) {
            DriftCheck.Comparison c = DriftCheck.compare(connection, project, code);
            return new Result(scratch.server(), applied, null, null, c.differences(), c.notManaged(), List.of());
        } catch (SQLException e) {
            throw LiveDatabase.lost(e);
        }
    }

    /** The project's migration files and the planned ones, in a temporary folder the migrator reads. */
    private static Path copy(Project project, MigrationPlan planned) {
        try {
            Path work = Files.createTempDirectory("shale-verify-");
            if (Files.isDirectory(project.migrationsDir())) {
                try (Stream<Path> files = Files.list(project.migrationsDir())) {
                    for (Path f : files.filter(Files::isRegularFile).toList()) {
                        Files.copy(f, work.resolve(f.getFileName()));
                    }
                }
            }
            for (MigrationPlan.Planned m : planned.migrations()) {
                Files.writeString(m.migrationFile(work, project.layout()), m.sql());
            }
            return work;
        } catch (IOException e) {
            throw new WorkflowException(Reason.IO, project.show(project.migrationsDir()), "could not copy the migrations to"
                    + " verify them: " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary copy of migration files left behind is harmless
        }
    }
}
