package dev.shale.spring.it;

import dev.shale.migrator.Migrator;
import dev.shale.spring.ShaleAutoConfiguration;
import dev.shale.spring.ShaleMigrationInitializer;
import dev.shale.spring.actuate.ShaleEndpoint;
import dev.shale.spring.actuate.ShaleEndpointAutoConfiguration;
import dev.shale.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import javax.sql.DataSource;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shale.* properties: documented, checked, and each one doing what it says. */
@ExtendWith(OutputCaptureExtension.class)
class ConfigurationTest {
    private static final List<String> PROPERTIES = List.of("enabled", "location", "url", "user", "password", "lock-timeout",
            "statement-timeout", "lock-wait", "history-table", "validate-on-migrate", "out-of-order");

    @Test
    void everyPropertyIsInTheConfigurationMetadataWithADescription() throws Exception {
        String metadata = null;
        for (URL url : Collections.list(getClass().getClassLoader().getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = url.openStream()) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                if (text.contains("dev.shale.spring.ShaleProperties")) {
                    metadata = text.replaceAll("\\s+", " ");
                }
            }
        }
        assertNotNull(metadata, "the starter ships META-INF/spring-configuration-metadata.json");
        for (String p : PROPERTIES) {
            assertTrue(metadata.matches(".*\\{ \"name\": \"shale\\." + p + "\", \"type\": \"[\\w.]+\", \"description\": \"[^\"]{10,}.*"),
                    "shale." + p + " is documented");
        }
        assertTrue(metadata.contains("\"defaultValue\": \"classpath:db\\/migrations\""), metadata);
    }

    @Test
    void withoutTheActuatorItMigratesAndDefinesNoEndpoint() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setURL(db.url());
            new ApplicationContextRunner()
                    .withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
                    .withConfiguration(AutoConfigurations.of(ShaleAutoConfiguration.class, ShaleEndpointAutoConfiguration.class))
                    .withBean(DataSource.class, () -> dataSource)
                    .run(context -> {
                        assertNull(context.getStartupFailure());
                        assertThrows(ClassNotFoundException.class, () -> context.getClassLoader().loadClass(Endpoint.class.getName()));
                        assertEquals(0, context.getBeanNamesForType(ShaleEndpoint.class).length);
                        assertEquals(List.of(0, 1, 2), context.getBean(ShaleMigrationInitializer.class).result().applied().stream()
                                .map(m -> m.version()).toList());
                    });
            assertEquals(List.of("3"), db.strings("SELECT count(*) FROM shale_migrations"));
        }
    }

    @Test
    void lazyInitializationStillMigratesAtStartUp() throws Exception {
        try (TestDatabase db = TestDatabase.create();
             ConfigurableApplicationContext context = Apps.start(BareApp.class, db, "spring.main.lazy-initialization=true")) {
            assertEquals(List.of("3"), db.strings("SELECT count(*) FROM shale_migrations"), "migrated before anything asked for the DataSource");
            assertEquals(List.of(0, 1, 2), Apps.appliedAtStartup(context));
        }
    }

    @Test
    void disabledMeansNoMigrationAndNoShaleBeans() throws Exception {
        try (TestDatabase db = TestDatabase.create(); ConfigurableApplicationContext context = Apps.start(BareApp.class, db, "shale.enabled=false")) {
            assertEquals(0, context.getBeanNamesForType(Migrator.class).length);
            assertEquals(0, context.getBeanNamesForType(ShaleEndpoint.class).length);
            assertEquals(List.of("f"), db.strings("SELECT (to_regclass('shale_migrations') IS NOT NULL)::text::char"));
        }
    }

    @Test
    void anUnknownLocationPrefixStopsStartUpNamingTheProperty(CapturedOutput output) {
        try (TestDatabase db = TestDatabase.create()) {
            assertThrows(RuntimeException.class, () -> Apps.start(BareApp.class, db, "shale.location=s3://bucket/migrations").close());
            String report = output.getAll().substring(output.getAll().indexOf("APPLICATION FAILED TO START"));
            assertTrue(report.contains("shale.location"), report);
            assertTrue(report.contains("the prefix s3: is not known"), report);
        }
    }

    @Test
    void connectionSettingsThatCannotBeUsedAreRefusedWithoutPrintingThePassword(CapturedOutput output) {
        try (TestDatabase db = TestDatabase.create()) {
            assertThrows(RuntimeException.class, () -> Apps.start(BareApp.class, db, "shale.password=hunter2-secret").close());
            String report = output.getAll().substring(output.getAll().indexOf("APPLICATION FAILED TO START"));
            assertTrue(report.contains("shale.password is set, but shale.url is not"), report);
            assertTrue(report.contains("Set shale.url too, or remove shale.user and shale.password"), report);

            assertThrows(RuntimeException.class, () -> Apps.start(BareApp.class, db, "shale.url=mysql://app:hunter2-secret@db/app").close());
            assertTrue(output.getAll().contains("shale.url is not usable: database URL mysql://app:****@db/app is not a PostgreSQL URL"),
                    output.getAll());
            assertFalse(output.getAll().contains("hunter2-secret"), "the password is not printed");
        }
    }

    /** shale.url, shale.user, shale.password: the migrations go through their own connection, as another user, to another database. */
    @Test
    void aSeparateMigrationConnectionMigratesItsOwnDatabaseAsItsOwnUser() throws Exception {
        String role = "shale_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        TestDatabase app = TestDatabase.create();
        TestDatabase target = TestDatabase.create();
        try {
            app.execute("CREATE ROLE " + role + " LOGIN PASSWORD 'p@ss word+1'");
            app.execute("ALTER DATABASE " + target.name() + " OWNER TO " + role);
            String url = target.url().replaceAll("[?&]user=[^&]*", "");
            try (ConfigurableApplicationContext context = Apps.start(BareApp.class, app, "shale.url=" + url, "shale.user=" + role,
                    "shale.password=p@ss word+1")) {
                assertEquals(List.of(0, 1, 2), Apps.appliedAtStartup(context));
            }
            assertEquals(List.of(role, role, role), target.strings("SELECT applied_by FROM shale_migrations ORDER BY version"));
            assertEquals(List.of("2"), target.strings("SELECT count(*) FROM notes"));
            assertEquals(List.of("f"), app.strings("SELECT (to_regclass('shale_migrations') IS NOT NULL)::text::char"),
                    "the application's own database is left alone");
        } finally {
            target.close();
            app.close();
            try (TestDatabase cleanup = TestDatabase.create()) {
                cleanup.execute("DROP ROLE IF EXISTS " + role);
            }
        }
    }
}
