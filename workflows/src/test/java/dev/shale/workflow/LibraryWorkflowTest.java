package dev.shale.workflow;

import dev.shale.diff.Hazard;
import dev.shale.diff.RenameQuestion;
import dev.shale.diff.UnresolvedRenamesException;
import dev.shale.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Generate, check, push and drift driven through the library alone, with the project built in code:
 * what a Maven plugin or a Spring Boot starter does. This module's dependency tree has no picocli and
 * no TOML parser, so the test also shows the library needs neither.
 */
class LibraryWorkflowTest {
    private static final String USERS = """
            package app.db;

            import dev.shale.dsl.Column;
            import dev.shale.dsl.Table;
            import java.util.UUID;

            public final class Users extends Table {
                public final Column<UUID> id = uuid("id").primaryKey().defaultRandom();
                public final Column<String> email = varchar("email", 255).notNull();
                // EXTRA

                Users() {
                    super("users");
                    uniqueIndex("users_email_key").on(email);
                }
            }
            """;

    @TempDir
    Path dir;

    private Project project(String url) throws IOException {
        write(USERS.replace("// EXTRA", ""));
        return Project.at(dir).withSchema(SchemaLocation.sourcePackage(List.of(dir.resolve("src")), "app.db")).withDatabaseUrl(url);
    }

    private void write(String users) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("src/app/db"));
        Files.writeString(folder.resolve("Users.java"), users, StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("Schema.java"), """
                package app.db;

                public final class Schema {
                    public static final Users USERS = new Users();
                }
                """, StandardCharsets.UTF_8);
    }

    @Test
    void generateCheckPushAndDriftThroughTheLibrary() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            Project project = project(db.url());

            Generator.Result first = Generator.generate(project, Generator.Request.DEFAULT, Questions.NONE);
            assertEquals(List.of("0000_create_users.sql", "0000_create_users.down.sql", "0000_snapshot.json", "shale.sum"),
                    first.files().stream().map(p -> p.getFileName().toString()).toList());
            assertTrue(Checker.check(project).clean());

            write(USERS.replace("// EXTRA", "public final Column<String> nickname = text(\"nickname\");"));
            Checker.Result pending = Checker.check(project);
            assertFalse(pending.clean());
            assertTrue(pending.pending().migrations().get(0).sql().contains("ADD COLUMN \"nickname\" text"),
                    pending.pending().migrations().get(0).sql());

            Pusher.Result pushed = Pusher.push(project, Pusher.Request.DEFAULT, Questions.NONE);
            assertFalse(pushed.refused());
            assertTrue(pushed.applied() >= 2, "CREATE TABLE and its index: " + pushed.plan().sql().text());
            assertTrue(Pusher.push(project, Pusher.Request.DEFAULT, Questions.NONE).plan().isEmpty(), "a second push has nothing to do");

            // the database has the code's nickname column, the newest snapshot does not: that is drift
            DriftCheck.Result drift = DriftCheck.check(project);
            assertEquals(List.of("extra column \"public\".\"users\".\"nickname\" (text)"), drift.differences());

            Generator.generate(project, Generator.Request.DEFAULT, Questions.NONE);
            assertTrue(Checker.check(project).clean());
            assertEquals(List.of(), DriftCheck.check(project).differences(), "database, code and snapshot agree");
            db.execute("DROP INDEX public.users_email_key");
            assertEquals(List.of("missing index \"users_email_key\" on \"public\".\"users\""), DriftCheck.check(project).differences());
        }
    }

    @Test
    void questionsGoThroughTheFrontEndsInterface() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            Project project = project(db.url());
            write(USERS.replace("// EXTRA", "public final Column<String> nickname = text(\"nickname\");"));
            Pusher.push(project, Pusher.Request.DEFAULT, Questions.NONE);
            db.execute("INSERT INTO public.users (email, nickname) VALUES ('a@example.com', 'ada')");

            // nickname -> display_name: a rename question; nobody to ask means it fails, naming the question
            write(USERS.replace("// EXTRA", "public final Column<String> displayName = text(\"display_name\");"));
            UnresolvedRenamesException open = assertThrows(UnresolvedRenamesException.class,
                    () -> Pusher.push(project, Pusher.Request.DEFAULT, Questions.NONE));
            assertEquals("nickname", open.questions().get(0).from());

            Recording dropIt = new Recording(null, false);
            Pusher.Result refused = Pusher.push(project, Pusher.Request.DEFAULT, dropIt);
            assertTrue(refused.refused(), "dropping nickname loses data, and the answer was no");
            assertEquals(1, dropIt.renames.size());
            assertEquals(1, dropIt.dataLoss.size());
            assertEquals(List.of("ada"), db.strings("SELECT nickname FROM public.users"), "nothing changed");

            Pusher.Result renamed = Pusher.push(project, Pusher.Request.DEFAULT, new Recording("display_name", false));
            assertFalse(renamed.refused());
            assertEquals(List.of("ada"), db.strings("SELECT display_name FROM public.users"), "renamed, data kept");
        }
    }

    @Test
    void theLibrarysClassPathHasNoCommandLineConfigFormatOrCodeWriter() {
        for (String cls : List.of("picocli.CommandLine", "com.fasterxml.jackson.dataformat.toml.TomlMapper",
                "com.palantir.javapoet.JavaFile", "dev.shale.cli.Main")) {
            assertThrows(ClassNotFoundException.class, () -> Class.forName(cls), cls + " must not be on the library's class path");
        }
    }

    @Test
    void failuresCarryAReasonAndNameNoFlag() {
        Project noSchema = Project.at(dir);
        WorkflowException e = assertThrows(WorkflowException.class, () -> Checker.check(noSchema));
        assertEquals(WorkflowException.Reason.NOT_CONFIGURED, e.reason());
        assertFalse(e.getMessage().contains("--"), e.getMessage());

        Project unreachable = noSchema.withDatabaseUrl("postgres://app:s3cret@127.0.0.1:1/nowhere");
        WorkflowException c = assertThrows(WorkflowException.class, () -> DriftCheck.check(unreachable));
        assertEquals(WorkflowException.Reason.CONNECTION_FAILED, c.reason());
        assertFalse(c.getMessage().contains("s3cret"), c.getMessage());
        assertFalse(c.getMessage().contains("--url"), c.getMessage());
    }

    /** Answers every rename question with {@code option} and every data-loss question with {@code confirm}, recording them. */
    private static final class Recording implements Questions {
        final String option;
        final boolean confirm;
        final List<RenameQuestion> renames = new ArrayList<>();
        final List<List<Hazard>> dataLoss = new ArrayList<>();

        Recording(String option, boolean confirm) {
            this.option = option;
            this.confirm = confirm;
        }

        @Override
        public boolean canAsk() {
            return true;
        }

        @Override
        public String rename(RenameQuestion question) {
            renames.add(question);
            return option;
        }

        @Override
        public boolean confirmDataLoss(List<Hazard> hazards) {
            dataLoss.add(hazards);
            return confirm;
        }
    }
}
