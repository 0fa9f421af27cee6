package dev.shale.cli;

import dev.shale.migrator.Migrator;

/** The validation overrides of {@code migrate}, passed to the migrator. */
final class MigratorFlags {
    private MigratorFlags() {}

    static void apply(Migrator.Builder builder, boolean allowChanged, boolean allowMissing, boolean outOfOrder) {
        if (allowChanged || allowMissing || outOfOrder) {
            throw new ShaleException("--allow-changed, --allow-missing and --out-of-order are not supported by this build's migrator yet");
        }
    }
}
