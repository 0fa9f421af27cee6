package dev.shale.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shale.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13, must-show 4: two branches each generate the next migration in a real git repository; after the
 * merge, check names both files; {@code shale rebase} puts this branch's migrations after the other's in one
 * command, keeping a hand-written migration and a rename answer given on the command line; the result
 * applies on a database that already has the other branch's migration, and check passes.
 */
class BranchWorkflowTest {
    @TempDir
    Path dir;

    static final String TAGS = """
            package app.db;

            import dev.shale.dsl.Column;
            import dev.shale.dsl.Table;
            import java.util.UUID;

            public final class Tags extends Table {
                public final Column<UUID> id = uuid("id").primaryKey().defaultRandom();
                public final Column<String> label = text("label").notNull();

                Tags() {
                    super("tags");
                }
            }
            """;

    static final String BACKFILL = "UPDATE users SET bio = 'none' WHERE bio IS NULL;\n";

    /** A repository where main and feature each generated migration 0001; feature is checked out, main's 0001 in the history. */
    private TempProject forkedRepository() {
        TempProject p = TempProject.standard(dir);
        initRepository();
        assertEquals(0, p.run("generate").code());
        commit("initial schema");

        git("checkout", "-q", "-b", "feature");
        p.usersWith("public final Column<String> bio = text(\"bio\");");
        p.write("src/app/db/Posts.java", TempProject.POSTS.replace("text(\"title\")", "text(\"headline\")"));
        TempProject.Run gen = p.run("generate", "--name", "add_bio_rename_title", "--rename", "public.posts.title=headline");
        assertEquals(0, gen.code(), gen.toString());
        assertEquals(0, p.run("generate", "--custom", "--name", "backfill_bio").code());
        p.write("migrations/0002_backfill_bio.sql", p.read("migrations/0002_backfill_bio.sql") + BACKFILL);
        assertEquals(0, p.run("hash").code());
        assertEquals(0, p.run("check").code(), p.run("check").toString());
        commit("bio, headline, backfill");

        git("checkout", "-q", "main");
        p.write("src/app/db/Tags.java", TAGS);
        p.write("src/app/db/Schema.java", TempProject.SCHEMA.replace("}\n", "    public static final Tags TAGS = new Tags();\n}\n")
                .replace("new Posts();\n    public static final Tags", "new Posts();\n    public static final Tags"));
        TempProject.Run main = p.run("generate");
        assertEquals(0, main.code(), main.toString());
        assertTrue(Files.exists(dir.resolve("migrations/0001_create_tags.sql")), main.toString());
        commit("tags");
        git("checkout", "-q", "feature");
        return p;
    }

    @Test
    void aMergeOfTwoBranchesThatBothGeneratedTheNextMigrationIsResolvedByOneRebase() throws Exception {
        TempProject p = forkedRepository();
        try (TestDatabase db = TestDatabase.create()) {
            git("checkout", "-q", "main");
            TempProject.Run onMain = p.run("migrate", "--url", db.url());
            assertEquals(0, onMain.code(), onMain.toString());
            git("checkout", "-q", "feature");

            Result merge = gitResult("merge", "--no-edit", "main");
            assertNotEquals(0, merge.code(), "the snapshots and shale.sum of both branches conflict: " + merge);

            TempProject.Run check = p.run("check");
            assertEquals(1, check.code(), check.toString());
            String err = check.err();
            assertTrue(err.contains("Two branches each generated migration 0001: migrations/0001_add_bio_rename_title.sql"
                    + " and migrations/0001_create_tags.sql."), err);
            assertTrue(err.contains("Each wrote its own snapshots/0001_snapshot.json, and git left both versions in it between"
                    + " conflict markers."), err);
            assertTrue(err.contains("migrations/shale.sum holds git's conflict markers: both branches added migrations, so it"
                    + " vouches for neither history. This is a half-merged history"), err);
            assertTrue(err.contains("`shale rebase` does that in one step"), err);

            Map<String, String> before = p.outputState();
            TempProject.Run generate = p.run("generate");
            assertEquals(1, generate.code(), generate.toString());
            assertTrue(generate.err().contains("Two branches each generated migration 0001"), generate.err());
            assertEquals(before, p.outputState(), "generate on a forked history writes nothing");

            TempProject.Run rebase = p.run("rebase");
            assertEquals(0, rebase.code(), rebase.toString());
            assertTrue(rebase.out().contains("Kept 2 migrations of MERGE_HEAD; this branch's follow:"), rebase.out());
            assertTrue(rebase.out().contains("0001_add_bio_rename_title.sql -> 0002_add_bio_rename_title.sql"), rebase.out());
            assertTrue(rebase.out().contains("0002_backfill_bio.sql -> 0003_backfill_bio.sql (hand-written, SQL kept)"), rebase.out());
            assertNotEquals(before, p.outputState());

            assertEquals(List.of("0000_create_users_posts.down.sql", "0000_create_users_posts.sql", "0001_create_tags.down.sql",
                    "0001_create_tags.sql", "0002_add_bio_rename_title.down.sql", "0002_add_bio_rename_title.sql",
                    "0003_backfill_bio.down.sql", "0003_backfill_bio.sql", "shale.sum"), names("migrations"));
            assertEquals(List.of("0000_snapshot.json", "0001_snapshot.json", "0002_snapshot.json", "0003_snapshot.json"), names("snapshots"));
            assertEquals(gitOut("show", "main:migrations/0001_create_tags.sql"), p.read("migrations/0001_create_tags.sql"));
            assertEquals(gitOut("show", "main:snapshots/0001_snapshot.json"), p.read("snapshots/0001_snapshot.json"));
            String regenerated = p.read("migrations/0002_add_bio_rename_title.sql");
            assertTrue(regenerated.startsWith("-- 0002_add_bio_rename_title\n"), regenerated);
            assertTrue(regenerated.contains("ALTER TABLE \"public\".\"posts\" RENAME COLUMN \"title\" TO \"headline\";"),
                    "the rename answer given on feature is applied again, not asked: " + regenerated);
            assertTrue(regenerated.contains("ADD COLUMN \"bio\" text"), regenerated);
            assertFalse(regenerated.contains("tags"), regenerated);
            String custom = p.read("migrations/0003_backfill_bio.sql");
            assertTrue(custom.startsWith("-- 0003_backfill_bio\n") && custom.endsWith(BACKFILL), custom);

            git("add", "-A");
            git("commit", "-q", "--no-edit");
            TempProject.Run after = p.run("check");
            assertEquals(0, after.code(), after.toString());

            TempProject.Run migrate = p.run("migrate", "--url", db.url());
            assertEquals(0, migrate.code(), migrate.toString());
            assertTrue(migrate.out().contains("applied 0002_add_bio_rename_title"), migrate.out());
            assertTrue(migrate.out().contains("applied 0003_backfill_bio"), migrate.out());
            assertEquals(List.of("bio", "email", "id"), db.strings("SELECT column_name FROM information_schema.columns"
                    + " WHERE table_name = 'users' ORDER BY 1"));
            assertEquals(List.of("author_id", "headline", "id"), db.strings("SELECT column_name FROM information_schema.columns"
                    + " WHERE table_name = 'posts' ORDER BY 1"));
            TempProject.Run status = p.run("status", "--url", db.url());
            assertEquals(0, status.code(), status.toString());
        }
    }

    @Test
    void aTableRenameAnsweredOnTheBranchIsAnsweredTheSameWayAfterTheRebase() {
        TempProject p = TempProject.standard(dir);
        initRepository();
        assertEquals(0, p.run("generate").code());
        commit("initial schema");
        git("checkout", "-q", "-b", "feature");
        p.write("src/app/db/Posts.java", TempProject.POSTS.replace("super(\"posts\")", "super(\"articles\")"));
        TempProject.Run gen = p.run("generate", "--rename", "public.posts=articles");
        assertEquals(0, gen.code(), gen.toString());
        commit("articles");
        git("checkout", "-q", "main");
        p.write("src/app/db/Tags.java", TAGS);
        p.write("src/app/db/Schema.java", TempProject.SCHEMA.replace("}\n", "    public static final Tags TAGS = new Tags();\n}\n"));
        assertEquals(0, p.run("generate").code());
        commit("tags");
        git("checkout", "-q", "feature");
        assertNotEquals(0, gitResult("merge", "--no-edit", "main").code());

        TempProject.Run rebase = p.run("rebase");
        assertEquals(0, rebase.code(), "no terminal, so a question asked again would fail: " + rebase);
        String sql = p.read("migrations/0002_rename_posts_to_articles.sql");
        assertTrue(sql.contains("ALTER TABLE \"public\".\"posts\" RENAME TO \"articles\";") && !sql.contains("DROP TABLE"), sql);
        git("add", "-A");
        git("commit", "-q", "--no-edit");
        assertEquals(0, p.run("check").code());
    }

    /** With {@code [generate] online}, a rebased index comes back as generate writes it: concurrently, in a file of its own. */
    @Test
    void anOnlineProjectsMigrationsAreRegeneratedOnline() throws IOException {
        TempProject p = TempProject.standard(dir).write("shale.toml", TempProject.CONFIG + "\n[generate]\nonline = true\n");
        initRepository();
        assertEquals(0, p.run("generate").code());
        commit("initial schema");
        git("checkout", "-q", "-b", "feature");
        p.write("src/app/db/Users.java", TempProject.USERS
                .replace("// EXTRA", "public final Column<String> nickname = text(\"nickname\");")
                .replace("uniqueIndex(\"users_email_key\").on(email);",
                        "uniqueIndex(\"users_email_key\").on(email);\n        index(\"users_nickname_idx\").on(nickname);"));
        TempProject.Run gen = p.run("generate", "--name", "nickname");
        assertEquals(0, gen.code(), gen.toString());
        assertTrue(gen.out().contains("wrote migrations/0002_nickname_concurrent.sql"), gen.toString());
        commit("nickname");
        git("checkout", "-q", "main");
        p.write("src/app/db/Tags.java", TAGS);
        p.write("src/app/db/Schema.java", TempProject.SCHEMA.replace("}\n", "    public static final Tags TAGS = new Tags();\n}\n"));
        assertEquals(0, p.run("generate").code());
        commit("tags");
        git("checkout", "-q", "feature");
        assertNotEquals(0, gitResult("merge", "--no-edit", "main").code());

        TempProject.Run rebase = p.run("rebase");
        assertEquals(0, rebase.code(), rebase.toString());
        assertEquals(List.of("0000_create_users_posts.down.sql", "0000_create_users_posts.sql", "0001_create_tags.down.sql",
                "0001_create_tags.sql", "0002_nickname.down.sql", "0002_nickname.sql", "0003_nickname_concurrent.down.sql",
                "0003_nickname_concurrent.sql", "shale.sum"), names("migrations"), rebase.toString());
        String concurrent = p.read("migrations/0003_nickname_concurrent.sql");
        assertTrue(concurrent.contains("-- shale:no-transaction")
                && concurrent.contains("CREATE INDEX CONCURRENTLY IF NOT EXISTS \"users_nickname_idx\""), concurrent);
        assertFalse(p.read("migrations/0002_nickname.sql").contains("CREATE INDEX"), p.read("migrations/0002_nickname.sql"));
        git("add", "-A");
        git("commit", "-q", "--no-edit");
        TempProject.Run check = p.run("check");
        assertEquals(0, check.code(), check.toString());
    }

    @Test
    void rebaseBeforeTheMergeIsRefusedAndChangesNothing() {
        TempProject p = forkedRepository();
        Map<String, String> before = p.outputState();
        TempProject.Run rebase = p.run("rebase", "--onto", "main");
        assertEquals(1, rebase.code(), rebase.toString());
        assertTrue(rebase.err().contains("main is not merged into this branch yet: merge it first"), rebase.err());
        assertEquals(before, p.outputState());

        TempProject.Run unknown = p.run("rebase", "--onto", "no-such-branch");
        assertEquals(1, unknown.code());
        assertTrue(unknown.err().contains("no-such-branch names no commit in this repository"), unknown.err());
        assertEquals(before, p.outputState());
    }

    @Test
    void aMergeCommittedWithOneSidesSnapshotIsStillCaughtAndRebased() {
        TempProject p = forkedRepository();
        gitResult("merge", "--no-edit", "main");
        // the hurried resolution: take main's snapshot and sum, keep both migrations, commit
        git("checkout", "--theirs", "snapshots/0001_snapshot.json", "migrations/shale.sum");
        git("add", "-A");
        git("commit", "-q", "--no-edit");

        TempProject.Run check = p.run("check", "--json");
        assertEquals(1, check.code(), check.toString());
        assertTrue(check.err().contains("Two branches each generated migration 0001: migrations/0001_add_bio_rename_title.sql"
                + " and migrations/0001_create_tags.sql. Each wrote its own snapshots/0001_snapshot.json; only one of the two is"
                + " left, so the other migration has no snapshot of its own."), check.err());
        assertTrue(check.out().contains("\"error\""), check.out());

        TempProject.Run rebase = p.run("rebase", "--onto", "main");
        assertEquals(0, rebase.code(), rebase.toString());
        assertTrue(rebase.out().contains("0001_add_bio_rename_title.sql -> 0002_add_bio_rename_title.sql"), rebase.out());
        assertTrue(p.read("migrations/0002_add_bio_rename_title.sql").contains("RENAME COLUMN \"title\" TO \"headline\""));
        TempProject.Run after = p.run("check");
        assertEquals(0, after.code(), after.toString());
    }

    @Test
    void snapshotsThatFollowTheSameOneAreNamedBoth() {
        TempProject p = forkedRepository();
        gitResult("merge", "--no-edit", "main");
        // a hand renumbering: feature's 0001 moved to 0003 as it was, without generating it again
        git("checkout", "--theirs", "snapshots/0001_snapshot.json");
        p.write("snapshots/0003_snapshot.json", gitOut("show", "feature:snapshots/0001_snapshot.json"));
        move(p, "migrations/0001_add_bio_rename_title.sql", "migrations/0003_add_bio_rename_title.sql");
        move(p, "migrations/0001_add_bio_rename_title.down.sql", "migrations/0003_add_bio_rename_title.down.sql");
        move(p, "migrations/0002_backfill_bio.sql", "migrations/0004_backfill_bio.sql");
        move(p, "migrations/0002_backfill_bio.down.sql", "migrations/0004_backfill_bio.down.sql");
        move(p, "snapshots/0002_snapshot.json", "snapshots/0004_snapshot.json");
        p.write("migrations/shale.sum", gitOut("show", "main:migrations/shale.sum"));

        TempProject.Run check = p.run("check");
        assertEquals(1, check.code(), check.toString());
        assertTrue(check.err().contains("snapshots/0001_snapshot.json and snapshots/0003_snapshot.json both follow the same snapshot"),
                check.err());
        assertTrue(check.err().contains("(migrations/0001_create_tags.sql and migrations/0003_add_bio_rename_title.sql)"), check.err());
    }

    @Test
    void severalGeneratedMigrationsAreEachGeneratedAgainInTheirOrderWithTheirNames() throws Exception {
        TempProject p = TempProject.standard(dir);
        initRepository();
        assertEquals(0, p.run("generate").code());
        commit("initial schema");
        git("checkout", "-q", "-b", "feature");
        p.usersWith("public final Column<String> bio = text(\"bio\");");
        assertEquals(0, p.run("generate").code());
        p.write("src/app/db/Posts.java", TempProject.POSTS.replace("text(\"title\")", "text(\"headline\")"));
        assertEquals(0, p.run("generate", "--rename", "public.posts.title=headline").code());
        assertTrue(Files.exists(dir.resolve("migrations/0002_rename_posts_title_to_headline.sql")));
        commit("bio, then headline");
        git("checkout", "-q", "main");
        p.write("src/app/db/Tags.java", TAGS);
        p.write("src/app/db/Schema.java", TempProject.SCHEMA.replace("}\n", "    public static final Tags TAGS = new Tags();\n}\n"));
        assertEquals(0, p.run("generate").code());
        commit("tags");
        git("checkout", "-q", "feature");
        assertNotEquals(0, gitResult("merge", "--no-edit", "main").code());

        p.write("migrations/0002_rename_posts_title_to_headline.sql", p.read("migrations/0002_rename_posts_title_to_headline.sql") + "-- x\n");
        Map<String, String> before = p.outputState();
        TempProject.Run uncommitted = p.run("rebase");
        assertEquals(1, uncommitted.code(), uncommitted.toString());
        assertTrue(uncommitted.err().contains("migrations/0002_rename_posts_title_to_headline.sql has changes not committed on this"
                + " branch; the renumbered migration is built from the committed one, so the change would be lost. Commit or stash"
                + " it first"), uncommitted.err());
        assertEquals(before, p.outputState(), "a refused rebase changes nothing");
        git("checkout", "HEAD", "--", "migrations/0002_rename_posts_title_to_headline.sql");

        TempProject.Run rebase = p.run("rebase", "--json");
        assertEquals(0, rebase.code(), rebase.toString());
        JsonNode json = new ObjectMapper().readTree(rebase.out());
        assertEquals("MERGE_HEAD", json.get("onto").asText());
        assertEquals(2, json.get("kept").asInt());
        assertEquals("[{\"from\":\"0001_add_users_bio.sql\",\"to\":[\"0002_add_users_bio.sql\"],\"custom\":false},"
                + "{\"from\":\"0002_rename_posts_title_to_headline.sql\",\"to\":[\"0003_rename_posts_title_to_headline.sql\"],"
                + "\"custom\":false}]", json.get("moved").toString());
        String bio = p.read("migrations/0002_add_users_bio.sql");
        assertTrue(bio.contains("ADD COLUMN \"bio\"") && !bio.contains("headline") && !bio.contains("tags"), bio);
        String rename = p.read("migrations/0003_rename_posts_title_to_headline.sql");
        assertTrue(rename.contains("RENAME COLUMN \"title\" TO \"headline\"") && !rename.contains("bio"), rename);
        assertTrue(p.read("snapshots/0002_snapshot.json").contains("\"public.tags\""), "the replayed step builds on main's tags");
        git("add", "-A");
        git("commit", "-q", "--no-edit");
        assertEquals(0, p.run("check").code(), p.run("check").toString());
        try (TestDatabase db = TestDatabase.create()) {
            TempProject.Run migrate = p.run("migrate", "--url", db.url());
            assertEquals(0, migrate.code(), migrate.toString());
            assertEquals(List.of("author_id", "headline", "id"), db.strings("SELECT column_name FROM information_schema.columns"
                    + " WHERE table_name = 'posts' ORDER BY 1"));
        }
    }

    @Test
    void rebaseChangesNothingWhenAFileIsUncommittedOrTheMergedCodeDoesNotCompile() {
        TempProject p = forkedRepository();
        gitResult("merge", "--no-edit", "main");
        p.write("migrations/0009_stray.sql", "SELECT 1;\n");
        Map<String, String> stray = p.outputState();
        TempProject.Run refused = p.run("rebase");
        assertEquals(1, refused.code(), refused.toString());
        assertTrue(refused.err().contains("migrations/0009_stray.sql is committed on neither branch; the new history is built"
                + " from the committed files, so it would be removed. Commit it, or remove it first"), refused.err());
        assertTrue(refused.err().contains("Nothing was changed."), refused.err());
        assertEquals(stray, p.outputState());
        p.delete("migrations/0009_stray.sql");

        p.write("src/app/db/Users.java", p.read("src/app/db/Users.java").replace("super(\"users\");", "super(\"users\")"));
        Map<String, String> before = p.outputState();
        TempProject.Run rebase = p.run("rebase");
        assertEquals(1, rebase.code(), rebase.toString());
        assertTrue(rebase.err().contains("Users.java"), rebase.err());
        assertEquals(before, p.outputState());
    }

    @Test
    void sumLinesMergedByHandAreCalledAHalfMergedHistory() {
        TempProject p = TempProject.standard(dir);
        assertEquals(0, p.run("generate").code());
        p.usersWith("public final Column<String> bio = text(\"bio\");");
        assertEquals(0, p.run("generate").code());
        // lines of the two branches pasted together in the wrong order, as a hand resolution of the conflict leaves them
        List<String> lines = new ArrayList<>(p.read("migrations/shale.sum").lines().toList());
        String moved = lines.remove(lines.size() - 1);
        lines.add(1, moved);
        p.write("migrations/shale.sum", String.join("\n", lines) + "\n");
        TempProject.Run check = p.run("check");
        assertEquals(1, check.code(), check.toString());
        assertTrue(check.err().contains("does not follow from the lines above it"), check.err());
        assertTrue(check.err().contains("This is a half-merged history: two branches each added migrations, and the files of both"
                + " are here without one chain through them."), check.err());
    }

    private void move(TempProject p, String from, String to) {
        p.write(to, p.read(from));
        p.delete(from);
    }

    private List<String> names(String folder) throws IOException {
        List<String> out = new ArrayList<>();
        try (var files = Files.list(dir.resolve(folder))) {
            files.map(f -> f.getFileName().toString()).sorted().forEach(out::add);
        }
        return out;
    }

    /** A git repository on branch main in the project's folder, with a committer and no signing. */
    private void initRepository() {
        git("init", "-q", "-b", "main");
        git("config", "user.name", "Shale Test");
        git("config", "user.email", "test@shale.invalid");
        git("config", "commit.gpgsign", "false");
    }

    private void commit(String message) {
        git("add", "-A");
        git("commit", "-q", "-m", message);
    }

    record Result(int code, String out) {}

    private void git(String... args) {
        Result r = gitResult(args);
        assertEquals(0, r.code(), "git " + String.join(" ", args) + ": " + r.out());
    }

    private String gitOut(String... args) {
        Result r = gitResult(args);
        assertEquals(0, r.code(), r.out());
        return r.out();
    }

    private Result gitResult(String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
            pb.environment().put("HOME", dir.toString());
            Process process = pb.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Result(process.waitFor(), out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
