package dev.shale.migrator;

import dev.shale.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The one-line entry point an application calls at start-up, with migrations in its classpath. */
class ShaleTest {
    @Test
    void migratesFromClasspathDbMigrations() throws Exception {
        try (var db = TestDatabase.create(); var pooled = db.connect()) {
            MigrateResult first = Shale.migrate(TestSupport.keepOpen(pooled));
            assertEquals(List.of("accounts", "index"), first.applied().stream().map(AppliedMigration::name).toList());
            assertEquals(List.of("accounts_touch"), db.strings("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal"));
            assertEquals(List.of("accounts_email_idx"), db.strings("SELECT indexname FROM pg_indexes WHERE indexname LIKE '%email%'"));

            MigrateResult again = Shale.migrate(TestSupport.keepOpen(pooled));
            assertEquals(List.of(), again.applied());
            assertEquals(2, again.alreadyApplied());
        }
    }
}
