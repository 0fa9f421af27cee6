package dev.shale.cli;

import dev.shale.testing.PostgresVersions;
import dev.shale.workflow.MigrationPlan;
import dev.shale.workflow.Project;
import dev.shale.workflow.SchemaLoader;
import dev.shale.workflow.Verifier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bundled example's committed migrations ({@code migrations/} at the repository root) on every supported
 * PostgreSQL version: verified as {@code check --verify --verify-url} would, on an embedded server of that version
 * (run as an unprivileged user): each file applies through the migrator, and the database they build matches the
 * example's schema code by meaning.
 */
class ExampleVersionsTest {
    static List<Integer> versions() {
        return PostgresVersions.versions();
    }

    @ParameterizedTest(name = "PostgreSQL {0}: the example's migrations apply and build its schema code")
    @MethodSource("versions")
    void theExamplesMigrationsApplyOnEachVersion(int version) {
        ShaleConfig config = ShaleConfig.load(Path.of(".."), ShaleConfig.Overrides.NONE, Map.of());
        Project project = config.project().withPostgresVersion(version)
                .withVerifyUrl(PostgresVersions.server(version).jdbcUrl("postgres"));
        var model = SchemaLoader.load(project).definition().model();
        Verifier.Result result = Verifier.verify(project, model, new MigrationPlan(List.of()));
        assertTrue(result.passed(), result.describe());
        assertEquals(dev.shale.workflow.ProjectFiles.migrations(project.migrationsDir()).size(), result.migrations(), result.describe());
    }
}
