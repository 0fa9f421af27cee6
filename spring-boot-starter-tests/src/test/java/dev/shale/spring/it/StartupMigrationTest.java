package dev.shale.spring.it;

import dev.shale.migrator.Migrator;
import dev.shale.spring.actuate.ShaleEndpoint;
import dev.shale.spring.actuate.ShaleEndpoint.MigrationDescriptor;
import dev.shale.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootVersion;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The starter in an application: migrations applied before the beans that read the tables, and listed by the endpoint. */
class StartupMigrationTest {
    private static final List<String> NOTES = List.of("first note", "second note");

    @Test
    void runsOnTheBootLineOfItsModule() {
        String expected = System.getProperty("shale.expected-boot-line");
        assertNotNull(expected, "the module's surefire configuration names the Boot line it tests");
        assertTrue(SpringBootVersion.getVersion().startsWith(expected + "."), "Boot " + SpringBootVersion.getVersion() + " on the class path");
    }

    @Test
    void migratesBeforeEveryKindOfDatabaseConsumerAndListsTheMigrationsOnTheEndpoint() throws Exception {
        try (TestDatabase db = TestDatabase.create();
             ConfigurableApplicationContext context = Apps.startWeb(NotesApp.class, db, "shale.lock-timeout=3s",
                     "shale.statement-timeout=25s", "shale.history-table=ops.schema_history")) {
            assertEquals(NOTES, context.getBean(NotesApp.PlainReader.class).notes);
            assertEquals(NOTES, context.getBean(NotesApp.AnnotatedReader.class).notes);
            assertEquals(NOTES, context.getBean(NotesApp.TemplateReader.class).notes);
            for (String bean : List.of(NotesApp.AnnotatedReader.class.getName(), "jdbcTemplate")) {
                String[] dependsOn = context.getBeanFactory().getBeanDefinition(bean).getDependsOn();
                assertTrue(dependsOn != null && Arrays.asList(dependsOn).contains("shaleMigrationInitializer"),
                        bean + " depends on " + (dependsOn == null ? "nothing" : Arrays.toString(dependsOn)));
            }

            assertEquals(List.of(0, 1, 2), Apps.appliedAtStartup(context));
            assertEquals(List.of("0 create_notes", "1 seed_notes", "2 record_settings"),
                    db.strings("SELECT version || ' ' || name FROM ops.schema_history ORDER BY version"));
            assertEquals(List.of("3s 25s"), db.strings("SELECT lock_timeout || ' ' || statement_timeout FROM migration_settings"),
                    "shale.lock-timeout and shale.statement-timeout are what the migrations ran with");

            List<MigrationDescriptor> listed = context.getBean(ShaleEndpoint.class).migrations().migrations();
            List<String> checksums = db.strings("SELECT checksum FROM ops.schema_history ORDER BY version");
            assertEquals(List.of("0 create_notes APPLIED", "1 seed_notes APPLIED", "2 record_settings APPLIED"),
                    listed.stream().map(m -> m.version() + " " + m.name() + " " + m.state()).toList());
            assertEquals(checksums, listed.stream().map(MigrationDescriptor::checksum).toList());
            assertTrue(listed.stream().allMatch(m -> m.appliedAt() != null && m.appliedAt().endsWith("Z")), listed.toString());

            HttpResponse<String> response = Apps.get(context, "/actuator/shale");
            assertEquals(200, response.statusCode(), response.body());
            String body = response.body().replaceAll("\\s", "");
            // Jackson 2 (Boot 3) writes record components in declaration order, Jackson 3 (Boot 4) sorted: read by name
            Matcher entry = Pattern.compile("\\{[^{}]*}").matcher(body.substring(body.indexOf('[')));
            StringBuilder seen = new StringBuilder();
            int i = 0;
            while (entry.find()) {
                String e = entry.group();
                seen.append(field(e, "version")).append(' ').append(field(e, "name")).append(' ').append(field(e, "state")).append(';');
                assertEquals(checksums.get(i++), field(e, "checksum"));
                assertTrue(field(e, "appliedAt").matches("\\d{4}-\\d\\d-\\d\\dT.*Z"), e);
            }
            assertEquals("0 create_notes APPLIED;1 seed_notes APPLIED;2 record_settings APPLIED;", seen.toString(), body);
            assertTrue(body.startsWith("{\"migrations\":["), body);
        }
    }

    @Test
    void aSecondStartFindsNothingToApply() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            try (ConfigurableApplicationContext first = Apps.start(NotesApp.class, db)) {
                assertEquals(List.of(0, 1, 2), Apps.appliedAtStartup(first));
            }
            try (ConfigurableApplicationContext second = Apps.start(NotesApp.class, db)) {
                assertEquals(List.of(), Apps.appliedAtStartup(second));
                assertEquals(NOTES, second.getBean(NotesApp.PlainReader.class).notes);
                assertTrue(second.getBean(Migrator.class).status().entries().stream().allMatch(e -> e.state().name().equals("APPLIED")));
            }
            assertEquals(List.of("3"), db.strings("SELECT count(*) FROM shale_migrations"));
            assertEquals(List.of("10s 0"), db.strings("SELECT lock_timeout || ' ' || statement_timeout FROM migration_settings"),
                    "the default lock_timeout, and no statement_timeout");
        }
    }

    /** A field of a flat JSON object, unquoted. */
    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":(\"([^\"]*)\"|[^,}]*)").matcher(json);
        assertTrue(m.find(), name + " in " + json);
        return m.group(2) != null ? m.group(2) : m.group(1);
    }
}
