package dev.shale.spring.it;

import dev.shale.migrator.MigrationException;
import dev.shale.spring.actuate.ShaleEndpoint;
import dev.shale.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An applied migration edited afterwards: start-up stops with Shale's message, unless validation is turned off. */
@ExtendWith(OutputCaptureExtension.class)
class ChangedMigrationTest {
    @Test
    void aChangedAppliedMigrationStopsStartUpWithShalesMessage(@TempDir Path dir, CapturedOutput output) throws Exception {
        copyMigrations(dir);
        String location = "shale.location=filesystem:" + dir;
        try (TestDatabase db = TestDatabase.create()) {
            Apps.start(BareApp.class, db, location).close();
            Path seed = dir.resolve("0001_seed_notes.sql");
            Files.writeString(seed, Files.readString(seed).replace("'second note'", "'an edited note'"));
            Files.writeString(dir.resolve("0003_more_notes.sql"), "INSERT INTO notes VALUES (3, 'third note');\n");

            RuntimeException failure = assertThrows(RuntimeException.class, () -> Apps.start(BareApp.class, db, location).close());
            MigrationException cause = causeOfType(failure, MigrationException.class);
            assertNotNull(cause, "the start-up failure is caused by the migrator's exception");
            assertEquals(MigrationException.Reason.CHANGED, cause.reason());
            assertTrue(cause.getMessage().contains(dir.resolve("0001_seed_notes.sql") + " has changed since it was applied"), cause.getMessage());

            String report = output.getAll();
            int top = report.indexOf("APPLICATION FAILED TO START");
            assertTrue(top >= 0, report);
            String analysis = report.substring(top);
            assertTrue(analysis.contains("Shale could not migrate the database at start-up: " + cause.getMessage()), analysis);
            assertTrue(analysis.contains("set shale.validate-on-migrate=false"), analysis);

            assertEquals(List.of("0", "1", "2"), db.strings("SELECT version FROM shale_migrations ORDER BY version"),
                    "nothing was applied after the refusal");
            assertEquals(List.of("first note", "second note"), db.strings("SELECT body FROM notes ORDER BY id"));
        }
    }

    @Test
    void withoutValidationTheChangedMigrationIsReportedAndTheRestApplied(@TempDir Path dir) throws Exception {
        copyMigrations(dir);
        String location = "shale.location=filesystem:" + dir;
        try (TestDatabase db = TestDatabase.create()) {
            Apps.start(BareApp.class, db, location).close();
            Path seed = dir.resolve("0001_seed_notes.sql");
            Files.writeString(seed, Files.readString(seed).replace("'second note'", "'an edited note'"));
            Files.writeString(dir.resolve("0003_more_notes.sql"), "INSERT INTO notes VALUES (3, 'third note');\n");

            try (ConfigurableApplicationContext context = Apps.startWeb(BareApp.class, db, location, "shale.validate-on-migrate=false")) {
                assertEquals(List.of(3), Apps.appliedAtStartup(context));
                assertEquals(List.of("1 seed_notes CHANGED", "3 more_notes APPLIED"), context.getBean(ShaleEndpoint.class).migrations()
                        .migrations().stream().filter(m -> m.version() % 2 == 1).map(m -> m.version() + " " + m.name() + " " + m.state()).toList());
            }
            assertEquals(List.of("first note", "second note", "third note"), db.strings("SELECT body FROM notes ORDER BY id"));
        }
    }

    private static void copyMigrations(Path dir) throws Exception {
        for (String name : List.of("0000_create_notes.sql", "0001_seed_notes.sql", "0002_record_settings.sql")) {
            try (InputStream in = ChangedMigrationTest.class.getResourceAsStream("/db/migrations/" + name)) {
                Files.write(dir.resolve(name), in.readAllBytes());
            }
        }
    }

    private static <T extends Throwable> T causeOfType(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }
}
