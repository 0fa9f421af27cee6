package dev.shale.spring.actuate;

import dev.shale.migrator.AppliedMigration;
import dev.shale.migrator.Migration;
import dev.shale.migrator.MigrationStatus;
import dev.shale.migrator.Migrator;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The {@code shale} actuator endpoint ({@code /actuator/shale}): every migration the files or the history
 * table know of, with its state, read from the database on each request.
 */
@Endpoint(id = "shale")
public class ShaleEndpoint {
    private final Migrator migrator;

    public ShaleEndpoint(Migrator migrator) {
        this.migrator = migrator;
    }

    @ReadOperation
    public MigrationsDescriptor migrations() {
        Map<Integer, Migration> files = migrator.migrations().stream().collect(Collectors.toMap(Migration::version, Function.identity()));
        List<MigrationDescriptor> out = migrator.status().entries().stream().map(e -> describe(e, files.get(e.version()))).toList();
        return new MigrationsDescriptor(out);
    }

    private static MigrationDescriptor describe(MigrationStatus.Entry e, Migration file) {
        AppliedMigration row = e.applied();
        String checksum = row != null ? row.checksum() : file != null ? file.checksum() : null;
        String appliedAt = row == null || row.appliedAt() == null ? null : row.appliedAt().toString();
        return new MigrationDescriptor(e.version(), e.name(), e.state().name(), appliedAt, checksum);
    }

    /**
     * The endpoint's answer.
     *
     * @param migrations by version
     */
    public record MigrationsDescriptor(List<MigrationDescriptor> migrations) implements OperationResponseBody {
    }

    /**
     * One migration.
     *
     * @param version its number
     * @param name its name
     * @param state APPLIED, PENDING, CHANGED (file edited since applied), MISSING (file gone) or OUT_OF_ORDER
     * @param appliedAt when it was applied (ISO-8601, UTC), or null when it is not
     * @param checksum the checksum recorded when it was applied, or, when it is not applied, its file's
     */
    public record MigrationDescriptor(int version, String name, String state, String appliedAt, String checksum) {
    }
}
