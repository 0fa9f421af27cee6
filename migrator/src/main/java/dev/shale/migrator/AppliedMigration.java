package dev.shale.migrator;

import java.time.Instant;

/**
 * A row of the history table.
 *
 * @param version the migration number (3 for {@code 0003_add_index.sql})
 * @param name the name part ({@code add_index})
 * @param checksum the file's checksum when applied ({@code sha256} hex of its normalized text)
 * @param checksumVersion the checksum algorithm version, so a future change of normalization is not a mismatch
 * @param appliedAt when it was applied
 * @param durationMillis how long it took
 * @param appliedBy the database user that applied it
 */
public record AppliedMigration(int version, String name, String checksum, int checksumVersion, Instant appliedAt,
                               long durationMillis, String appliedBy) {}
