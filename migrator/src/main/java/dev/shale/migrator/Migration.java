package dev.shale.migrator;

/**
 * One migration as found in the migration files: its up file's text and, when present, its down file's.
 * The CLI's {@code migrate --dry-run} prints {@link #sql()} of each pending one ({@link Migrator#pending()}).
 *
 * @param version the number ({@code 3} for {@code 0003_add_index.sql})
 * @param name the name part ({@code add_index})
 * @param file the up file as displayed ({@code migrations/0003_add_index.sql} or {@code classpath:db/migrations/...})
 * @param sql the up file's text, byte-order mark removed and line endings normalized to {@code \n}
 * @param checksum SHA-256 hex of {@link #sql()} ({@link Checksums#VERSION})
 * @param downFile the down file as displayed, or null when there is none
 * @param downSql the down file's normalized text, or null
 */
public record Migration(int version, String name, String file, String sql, String checksum, String downFile, String downSql) {
    /** Whether the up file's header says {@code -- shale:no-transaction}. */
    public boolean noTransaction() {
        return Checksums.hasHeaderDirective(sql, "no-transaction");
    }

    /** Whether a rollback can run: a down file exists and its header does not say {@code -- shale:irreversible}. */
    public boolean reversible() {
        return downSql != null && !Checksums.hasHeaderDirective(downSql, "irreversible");
    }
}
