package dev.shale.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shale.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code shale lint} end to end on a project whose migrations are generated (0000, 0001) and hand-written
 * (0002, a {@code generate --custom} file): exact output, exit codes from {@code [lint] fail_on} and
 * {@code --fail-on}, ignore comments, {@code --json}, usage errors, and live table sizes with {@code --url}.
 */
class LintCommandTest {
    private static final String TIMEOUT_NOTES_0002 = """
            migrations/0002_nick_index.sql:5: info SH312 no-lock-timeout: takes a lock before the file sets lock_timeout: shale migrate sets lock_timeout = 10s for it, another runner (psql, Flyway) would wait for the lock without limit while every query on the table queues behind it; add SET lock_timeout = '5s'; at the top of the file to keep the limit with any runner
            migrations/0002_nick_index.sql:5: info SH313 no-statement-timeout: runs without statement_timeout set, so a statement that scans or rewrites a large table holds its locks for as long as it takes; add SET statement_timeout = '5min'; at the top of the file, or set statement_timeout for the runner
            """;

    @TempDir
    Path dir;

    /** 0000 generated (new tables), 0001 generated (a required column), 0002 hand-written: {@code extraSql}. */
    private TempProject project(String extraSql) throws Exception {
        TempProject p = TempProject.standard(dir);
        assertEquals(0, p.run("generate").code());
        p.usersWith("public final Column<String> nick = text(\"nick\").notNull();");
        assertEquals(0, p.run("generate", "--name", "add_nick").code());
        assertEquals(0, p.run("generate", "--custom", "--name", "nick_index").code());
        Path custom;
        try (Stream<Path> files = Files.list(dir.resolve("migrations"))) {
            custom = files.filter(f -> f.getFileName().toString().equals("0002_nick_index.sql")).findFirst().orElseThrow();
        }
        Files.writeString(custom, Files.readString(custom) + extraSql);
        assertEquals(0, p.run("hash").code());
        return p;
    }

    @Test
    void lintsGeneratedAndHandWrittenMigrationsWithTheSchemaBeforeEach() throws Exception {
        TempProject p = project("\nCREATE INDEX users_nick_idx ON users (nick);\n");
        TempProject.Run run = p.run("lint");
        assertEquals(1, run.code(), run.toString());
        assertEquals("""
                migrations/0000_create_users_posts.sql:5: info SH604 prefer-text-field: column "public"."users"."email" is varchar(255), and raising the limit later takes an ACCESS EXCLUSIVE lock; use text with a CHECK (char_length("email") <= n) constraint, which can be replaced NOT VALID
                migrations/0001_add_nick.sql:7: info SH312 no-lock-timeout: takes a lock before the file sets lock_timeout: shale migrate sets lock_timeout = 10s for it, another runner (psql, Flyway) would wait for the lock without limit while every query on the table queues behind it; add SET lock_timeout = '5s'; at the top of the file to keep the limit with any runner
                migrations/0001_add_nick.sql:7: info SH313 no-statement-timeout: runs without statement_timeout set, so a statement that scans or rewrites a large table holds its locks for as long as it takes; add SET statement_timeout = '5min'; at the top of the file, or set statement_timeout for the runner
                migrations/0001_add_nick.sql:7: error SH307 required-column: adds column "public"."users"."nick" NOT NULL without a default, which fails if "public"."users" has rows; give it a DEFAULT, or add it nullable, backfill, and set NOT NULL in a later migration
                """ + TIMEOUT_NOTES_0002 + """
                migrations/0002_nick_index.sql:5: warning SH301 index-not-concurrent: creates index "users_nick_idx" on existing table "public"."users" without CONCURRENTLY, which blocks writes to the table while the index builds; use CREATE INDEX CONCURRENTLY; put it in a migration of its own whose header says -- shale:no-transaction
                1 error, 1 warning, 5 info in 3 migrations; failing on error: failed.
                """, run.out());
        assertEquals("", run.err());
    }

    @Test
    void theFailingSeverityComesFromTheConfigAndTheFlagOverridesIt() throws Exception {
        TempProject p = project("\nCREATE INDEX users_nick_idx ON users (nick);\n");
        assertEquals(0, p.run("lint", "2").code(), "a warning does not fail by default");
        assertEquals(0, p.run("lint", "--fail-on", "none").code());
        p.write("shale.toml", TempProject.CONFIG + "\n[lint]\nfail_on = \"warning\"\n");
        TempProject.Run strict = p.run("lint", "--latest", "1");
        assertEquals(1, strict.code(), strict.toString());
        assertTrue(strict.out().endsWith("0 errors, 1 warning, 2 info in 1 migration; failing on warning: failed.\n"), strict.toString());
        assertEquals(0, p.run("lint", "2", "--fail-on", "error").code());
        p.write("shale.toml", TempProject.CONFIG + "\n[lint]\nfail_on = \"loud\"\n");
        TempProject.Run bad = p.run("lint");
        assertEquals(1, bad.code(), bad.toString());
        assertEquals("error: shale.toml: [lint] fail_on = \"loud\" is not a severity; use \"error\" (the default), \"warning\","
                + " \"info\" or \"none\"\n", bad.err());
    }

    @Test
    void anIgnoreCommentSilencesOneStatementAndJsonSaysSo() throws Exception {
        TempProject p = project("""

                SET lock_timeout = '5s';
                SET statement_timeout = '1min';
                -- shale:lint-ignore SH301 users holds a few hundred rows in every environment
                CREATE INDEX users_nick_idx ON users (nick);
                CREATE INDEX users_email_idx ON "public"."users" ("email");
                """);
        TempProject.Run run = p.run("lint", "2", "--json", "--fail-on", "warning");
        assertEquals(1, run.code(), run.toString());
        JsonNode root = new ObjectMapper().readTree(run.out());
        assertEquals("""
                {"migrations":[{"version":2,"file":"migrations/0002_nick_index.sql","findings":[{"code":"SH301","rule":"index-not-concurrent",\
                "severity":"warning","line":9,"statement":"CREATE INDEX users_email_idx ON \\"public\\".\\"users\\" (\\"email\\")",\
                "message":"creates index \\"users_email_idx\\" on existing table \\"public\\".\\"users\\" without CONCURRENTLY, which blocks\
                 writes to the table while the index builds; use CREATE INDEX CONCURRENTLY; put it in a migration of its own whose header\
                 says -- shale:no-transaction"}],"ignored":[{"code":"SH301","line":8,"reason":"users holds a few hundred rows in every\
                 environment","message":"creates index \\"users_nick_idx\\" on existing table \\"public\\".\\"users\\" without\
                 CONCURRENTLY, which blocks writes to the table while the index builds; use CREATE INDEX CONCURRENTLY; put it in a\
                 migration of its own whose header says -- shale:no-transaction"}]}],"counts":{"error":0,"warning":1,"info":0},\
                "failOn":"warning","failed":true,"sized":false}
                """.strip(), root.toString());
        assertEquals(1, run.out().lines().count(), "one line");
    }

    @Test
    void usageErrorsExitTwo() throws Exception {
        TempProject p = project("");
        TempProject.Run missing = p.run("lint", "7");
        assertEquals(2, missing.code(), missing.toString());
        assertTrue(missing.err().startsWith("no migration numbered 0007 in migrations; `shale status` or the folder lists the numbers\n"),
                missing.toString());
        TempProject.Run severity = p.run("lint", "--fail-on", "bogus");
        assertEquals(2, severity.code(), severity.toString());
        assertTrue(severity.err().startsWith("--fail-on bogus is not a severity; use error, warning, info or none\n"), severity.toString());
        assertEquals(2, p.run("lint", "--latest", "0").code());
        assertEquals(2, p.run("lint", "--schema-package", "app.db").code());
        TempProject.Run unreachable = p.run("lint", "2", "--url", "jdbc:postgresql://127.0.0.1:1/nowhere?user=postgres");
        assertEquals(1, unreachable.code(), unreachable.toString());
        assertTrue(unreachable.err().startsWith("error: "), unreachable.toString());
        assertEquals("", unreachable.out(), "nothing is linted without the sizes it was asked to read");
        TempProject.Run clean = p.run("lint", "2");
        assertEquals(0, clean.code(), clean.toString());
        assertEquals("No hazards in 1 migration.\n", clean.out());
    }

    @Test
    void liveTableSizesRaiseTheSeverityAndAreNamed() throws Exception {
        TempProject p = project("\nCREATE INDEX users_nick_idx ON users (nick);\n");
        try (TestDatabase db = TestDatabase.create()) {
            db.execute("CREATE TABLE users (id uuid, email text, nick text);"
                    + " INSERT INTO users SELECT gen_random_uuid(), 'a@example.com', 'nick' FROM generate_series(1, 5000);"
                    + " ANALYZE users;");
            String sized = TIMEOUT_NOTES_0002 + """
                    migrations/0002_nick_index.sql:5: SEVERITY SH301 index-not-concurrent: creates index "users_nick_idx" on existing table "public"."users" without CONCURRENTLY, which blocks writes to the table while the index builds ("public"."users" holds about 5,000 rows, N kB); use CREATE INDEX CONCURRENTLY; put it in a migration of its own whose header says -- shale:no-transaction
                    """;
            TempProject.Run small = p.run("lint", "2", "--url", db.url());
            assertEquals(0, small.code(), small.toString());
            assertEquals(sized.replace("SEVERITY", "warning") + "0 errors, 1 warning, 2 info in 1 migration; failing on error: passed.\n",
                    small.out().replaceAll("\\d+ kB", "N kB"));

            p.write("shale.toml", TempProject.CONFIG + "\n[lint]\nlarge_table_rows = 1000\n");
            TempProject.Run large = p.run("lint", "2", "--url", db.url());
            assertEquals(1, large.code(), large.toString());
            assertEquals(sized.replace("SEVERITY", "error") + "1 error, 0 warnings, 2 info in 1 migration; failing on error: failed.\n",
                    large.out().replaceAll("\\d+ kB", "N kB"));
        }
    }
    @Test
    void theRunnersTimeoutsDecideTheTimeoutFindings() throws Exception {
        TempProject p = TempProject.standard(dir);
        p.write("shale.toml", TempProject.CONFIG + "\n[output]\nlayout = \"flyway\"\n");
        assertEquals(0, p.run("generate").code());
        p.usersWith("public final Column<String> bio = text(\"bio\");");
        assertEquals(0, p.run("generate", "--name", "add_bio").code());
        TempProject.Run flyway = p.run("lint", "1");
        assertEquals(0, flyway.code(), flyway.toString());
        assertEquals("""
                migrations/V1__add_bio.sql:5: warning SH312 no-lock-timeout: takes a lock without lock_timeout set, so it waits for the lock without limit while every query on the table queues behind it; add SET lock_timeout = '5s'; at the top of the file
                migrations/V1__add_bio.sql:5: info SH313 no-statement-timeout: runs without statement_timeout set, so a statement that scans or rewrites a large table holds its locks for as long as it takes; add SET statement_timeout = '5min'; at the top of the file, or set statement_timeout for the runner
                0 errors, 1 warning, 1 info in 1 migration; failing on error: passed.
                """, flyway.out(), "Flyway runs these files and sets no lock_timeout");

        p.write("shale.toml", TempProject.CONFIG + "\n[migrations]\nstatement_timeout = \"5min\"\n");
        TempProject.Run shale = p.run("lint", "1");
        assertEquals(0, shale.code(), shale.toString());
        assertEquals("""
                migrations/V1__add_bio.sql:5: info SH312 no-lock-timeout: takes a lock before the file sets lock_timeout: shale migrate sets lock_timeout = 10s for it, another runner (psql, Flyway) would wait for the lock without limit while every query on the table queues behind it; add SET lock_timeout = '5s'; at the top of the file to keep the limit with any runner
                0 errors, 0 warnings, 1 info in 1 migration; failing on error: passed.
                """, shale.out(), "shale migrate sets lock_timeout, and statement_timeout as configured");
    }
    @Test
    void excludedRulesAreNotApplied() throws Exception {
        TempProject p = project("\nCREATE INDEX users_nick_idx ON users (nick);\n");
        p.write("shale.toml", TempProject.CONFIG + "\n[lint]\nexclude = [\"SH312\", \"SH313\", \"SH604\"]\n");
        TempProject.Run run = p.run("lint", "0", "2");
        assertEquals(0, run.code(), run.toString());
        assertEquals("""
                migrations/0002_nick_index.sql:5: warning SH301 index-not-concurrent: creates index "users_nick_idx" on existing table "public"."users" without CONCURRENTLY, which blocks writes to the table while the index builds; use CREATE INDEX CONCURRENTLY; put it in a migration of its own whose header says -- shale:no-transaction
                0 errors, 1 warning, 0 info in 2 migrations; failing on error: passed.
                """, run.out());
        TempProject.Run flag = p.run("lint", "2", "--exclude", "SH301");
        assertEquals(TIMEOUT_NOTES_0002 + "0 errors, 0 warnings, 2 info in 1 migration; failing on error: passed.\n", flag.out(),
                "the flag replaces the file's list");
        TempProject.Run unknown = p.run("lint", "--exclude", "SH999");
        assertEquals(2, unknown.code(), unknown.toString());
        assertTrue(unknown.err().startsWith("--exclude SH999 is not a lint rule; give codes as `shale lint` prints them (SH604);"
                + " docs/lint.md lists them\n"), unknown.toString());
        p.write("shale.toml", TempProject.CONFIG + "\n[lint]\nexclude = \"prefer-text-field\"\n");
        TempProject.Run bad = p.run("lint");
        assertEquals(1, bad.code(), bad.toString());
        assertEquals("error: lint.exclude in shale.toml: \"prefer-text-field\" is not a lint rule; write codes as `shale lint`"
                + " prints them, exclude = [\"SH604\", \"SH601\"] (docs/lint.md lists them)\n", bad.err());
    }
}
