package dev.shale.migrator.process;

import dev.shale.migrator.Migrator;
import dev.shale.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Races between separate JVMs, the way two operators or two deploys collide: every trial starts from a
 * fresh database, sends one command to each of two long-lived child JVMs a few milliseconds apart, and
 * then checks the history table, the schema and what each child said it did. A trial is an anomaly
 * when the outcome is not one that running the two commands one after the other could give.
 *
 * <p>{@code -Dshale.race.trials=N} sets the number of trials per scenario (default 10); for a longer run:
 * {@code mvn -B -o -pl migrator -am test -Dtest=RaceTest -Dsurefire.failIfNoSpecifiedTests=false -Dshale.race.trials=100}.
 */
class RaceTest {
    private static final int TRIALS = Integer.getInteger("shale.race.trials", 10);
    private static final Duration ANSWER_LIMIT = Duration.ofSeconds(90);

    @TempDir
    static Path dir;
    private static LiveChild first;
    private static LiveChild second;

    @BeforeAll
    static void startChildren() throws Exception {
        first = LiveChild.start(dir.resolve("logs"), "first");
        second = LiveChild.start(dir.resolve("logs"), "second");
    }

    @AfterAll
    static void stopChildren() throws Exception {
        if (first != null) {
            first.stop();
        }
        if (second != null) {
            second.stop();
        }
    }

    /**
     * Finding 1 of issue 8. Two branches share 0000–0024; A also has 0026–0030 (each sleeping 0.3 s), B
     * has 0025 instead. With 0000–0024 applied, A starts, and 0.1 s later B. Once A applied 0026, B's
     * 0025 is out of order and B lacks 0026: B must refuse (as out of order), never apply 0025 after 0026.
     */
    @Test
    void aBranchThatFallsBehindWhileWaitingIsRefusedAsOutOfOrder() throws Exception {
        Path a = Files.createDirectories(dir.resolve("branch-a"));
        Path b = Files.createDirectories(dir.resolve("branch-b"));
        for (int v = 0; v <= 24; v++) {
            write(a, v, "t" + v, "CREATE TABLE t%d (id int);\n".formatted(v));
            write(b, v, "t" + v, "CREATE TABLE t%d (id int);\n".formatted(v));
        }
        for (int v = 26; v <= 30; v++) {
            write(a, v, "t" + v, "SELECT pg_sleep(0.3);\nCREATE TABLE t%d (id int);\n".formatted(v));
        }
        write(b, 25, "branch", "CREATE TABLE branch25 (id int);\n");
        Outcomes outcomes = new Outcomes();
        for (int trial = 1; trial <= TRIALS; trial++) {
            try (TestDatabase db = TestDatabase.create()) {
                Migrator.builder().url(db.url()).location(a).target(24).build().migrate();
                first.send("migrate " + db.url() + " " + a);
                Thread.sleep(100);
                second.send("migrate " + db.url() + " " + b);
                String answerA = first.take(ANSWER_LIMIT);
                String answerB = second.take(ANSWER_LIMIT);
                List<Integer> history = appliedInOrder(db);
                String trialText = "trial " + trial + ": A: " + answerA + " | B: " + answerB + " | history in applied order: " + history;
                List<Integer> sorted = history.stream().sorted().toList();
                if (!history.equals(sorted)) {
                    outcomes.anomaly("a migration applied after a newer one: " + trialText);
                } else if (history.contains(26) && !answerB.startsWith("refused reason=OUT_OF_ORDER")) {
                    outcomes.anomaly("A applied 0026 but B did not refuse 0025 as out of order: " + trialText);
                } else if (history.contains(26) && !answerA.equals("ok versions=26,27,28,29,30 already=25")) {
                    outcomes.anomaly("A did not apply 0026-0030: " + trialText);
                } else if (history.contains(25) && !(answerB.startsWith("ok versions=25") && answerA.startsWith("refused reason=MISSING"))) {
                    outcomes.anomaly("B applied 0025 first, so A must refuse (0025 is missing on A): " + trialText);
                } else {
                    outcomes.count(history.contains(26) ? "A first, B refused" : "B first, A refused");
                }
            }
        }
        outcomes.check("branches");
    }

    /**
     * Finding 2 of issue 8 (the issue used 50 files; 40 race the same way). With 0000–0024 of 40 applied, {@code migrate} and {@code rollback --steps 3}
     * start together (one or the other first, the second 0 to 90 ms later, varied per trial). Either the rollback runs
     * first (it undoes 0022–0024 and migrate applies 0022–0039), or migrate does (the rollback, planned for
     * 0022–0024, refuses or undoes the newest three): never a hole in the history.
     */
    @Test
    void rollbackRacingMigrateNeverLeavesAHole() throws Exception {
        Path m = Files.createDirectories(dir.resolve("forty"));
        for (int v = 0; v < 40; v++) {
            write(m, v, "t" + v, (v >= 25 ? "SELECT pg_sleep(0.03);\n" : "") + "CREATE TABLE t%d (id int);\n".formatted(v));
            Files.writeString(m.resolve("%04d_t%d.down.sql".formatted(v, v)), "DROP TABLE t%d;\n".formatted(v));
        }
        Outcomes outcomes = new Outcomes();
        for (int trial = 1; trial <= TRIALS; trial++) {
            try (TestDatabase db = TestDatabase.create()) {
                Migrator.builder().url(db.url()).location(m).target(24).build().migrate();
                // Odd trials start migrate first and the rollback 0 to 30 ms later; even ones the rollback first, migrate 30 to 90 ms later.
                LiveChild migrator = trial % 2 == 1 ? first : second;
                LiveChild rollbacker = trial % 2 == 1 ? second : first;
                (trial % 2 == 1 ? migrator : rollbacker).send(trial % 2 == 1 ? "migrate " + db.url() + " " + m
                        : "rollback " + db.url() + " " + m + " 3");
                Thread.sleep(trial % 2 == 1 ? 10L * ((trial / 2) % 4) : 30L + 20L * ((trial / 2) % 4));
                (trial % 2 == 1 ? rollbacker : migrator).send(trial % 2 == 1 ? "rollback " + db.url() + " " + m + " 3"
                        : "migrate " + db.url() + " " + m);
                String migrate = migrator.take(ANSWER_LIMIT);
                String rollback = rollbacker.take(ANSWER_LIMIT);
                List<Integer> history = versions(db);
                String trialText = "trial " + trial + ": migrate: " + migrate + " | rollback: " + rollback + " | history: " + history;
                String problem = holeOrSchemaMismatch(db, history, 40);
                List<Integer> rolledBack = versionsOf(rollback);
                if (problem != null) {
                    outcomes.anomaly(problem + ": " + trialText);
                } else if (!migrate.startsWith("ok ")) {
                    outcomes.anomaly("migrate failed: " + trialText);
                } else if (rollback.startsWith("ok ") && rolledBack.equals(List.of(24, 23, 22)) && history.size() == 40) {
                    outcomes.count("rollback first, migrate re-applied 0022-0024");
                } else if (rollback.startsWith("ok ") && rolledBack.equals(List.of(39, 38, 37)) && history.size() == 37) {
                    outcomes.count("migrate first, rollback undid 0037-0039");
                } else if (rollback.startsWith("refused reason=HISTORY_CHANGED") && history.size() == 40) {
                    outcomes.count("rollback refused: history changed after it was planned");
                } else {
                    outcomes.anomaly("not the outcome of either order: " + trialText);
                }
            }
        }
        outcomes.check("rollback vs migrate");
    }

    /**
     * Finding 2 of issue 8, two operators: {@code rollback --steps 2} twice at once on 20 applied
     * migrations whose down files take 0.05 s each. Each rolls back the two it planned, or nothing.
     */
    @Test
    void concurrentRollbacksEachRollBackWhatTheySayOrNothing() throws Exception {
        Path m = Files.createDirectories(dir.resolve("twenty"));
        for (int v = 0; v < 20; v++) {
            write(m, v, "t" + v, "CREATE TABLE t%d (id int);\n".formatted(v));
            Files.writeString(m.resolve("%04d_t%d.down.sql".formatted(v, v)), "SELECT pg_sleep(0.05);\nDROP TABLE t%d;\n".formatted(v));
        }
        Outcomes outcomes = new Outcomes();
        for (int trial = 1; trial <= TRIALS; trial++) {
            try (TestDatabase db = TestDatabase.create()) {
                Migrator.builder().url(db.url()).location(m).build().migrate();
                first.send("rollback " + db.url() + " " + m + " 2");
                Thread.sleep(trial % 3);
                second.send("rollback " + db.url() + " " + m + " 2");
                List<String> answers = List.of(first.take(ANSWER_LIMIT), second.take(ANSWER_LIMIT));
                List<Integer> history = versions(db);
                String trialText = "trial " + trial + ": " + answers + " | history: " + history;
                String problem = holeOrSchemaMismatch(db, history, 20);
                long ok = answers.stream().filter(s -> s.startsWith("ok ")).count();
                boolean eachAsSaid = answers.stream().allMatch(s -> s.startsWith("refused reason=HISTORY_CHANGED")
                        || s.startsWith("ok ") && versionsOf(s).size() == 2);
                List<Integer> undone = answers.stream().flatMap(s -> versionsOf(s).stream()).sorted().toList();
                List<Integer> expectedUndone = IntStream.range(history.size(), 20).boxed().toList();
                if (problem != null) {
                    outcomes.anomaly(problem + ": " + trialText);
                } else if (!eachAsSaid || ok == 0 || !undone.equals(expectedUndone)) {
                    outcomes.anomaly("a rollback did not roll back what it said, or nothing: " + trialText);
                } else {
                    outcomes.count(ok == 2 ? "both rolled back two, one after the other" : "one rolled back two, the other refused");
                }
            }
        }
        outcomes.check("concurrent rollbacks");
    }

    /** Trial outcomes by kind, and the anomalies in full. */
    private static final class Outcomes {
        private final Map<String, Integer> counts = new TreeMap<>();
        private final List<String> anomalies = new ArrayList<>();

        void count(String kind) {
            counts.merge(kind, 1, Integer::sum);
        }

        void anomaly(String text) {
            anomalies.add(text);
        }

        void check(String scenario) {
            System.err.println("RaceTest " + scenario + ": " + TRIALS + " trials, outcomes " + counts + ", anomalies " + anomalies.size());
            assertEquals(0, anomalies.size(), () -> anomalies.size() + " of " + TRIALS + " trials were anomalies:\n"
                    + String.join("\n", anomalies));
        }
    }

    /** Null when the history is 0..n-1 without a gap and exactly its tables exist; else what is wrong. */
    private static String holeOrSchemaMismatch(TestDatabase db, List<Integer> history, int total) throws Exception {
        if (!history.equals(IntStream.range(0, history.size()).boxed().toList())) {
            return "a hole in the history";
        }
        List<String> tables = db.strings("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                + " AND table_name ~ '^t[0-9]+$' ORDER BY substr(table_name, 2)::int");
        List<String> expected = history.stream().map(v -> "t" + v).toList();
        return tables.equals(expected) ? null : "the tables " + tables + " do not match the history (of " + total + ")";
    }

    private static List<Integer> versions(TestDatabase db) throws Exception {
        return db.strings("SELECT version::text FROM public.shale_migrations").stream().map(Integer::valueOf).sorted().toList();
    }

    private static List<Integer> appliedInOrder(TestDatabase db) throws Exception {
        return db.strings("SELECT version::text FROM public.shale_migrations ORDER BY applied_at, version").stream()
                .map(Integer::valueOf).toList();
    }

    /** The versions of an {@code ok versions=...} answer; empty for any other. */
    private static List<Integer> versionsOf(String answer) {
        if (!answer.startsWith("ok versions=")) {
            return List.of();
        }
        String list = answer.substring("ok versions=".length(), answer.indexOf(' ', "ok versions=".length()));
        return list.isEmpty() ? List.of() : Arrays.stream(list.split(",")).map(Integer::valueOf).collect(Collectors.toList());
    }

    private static void write(Path dir, int version, String name, String sql) throws Exception {
        Files.writeString(dir.resolve("%04d_%s.sql".formatted(version, name)), sql);
    }
}
