package dev.shale.spring.it;

import dev.shale.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Two instances of an application starting together on one database, as after a deploy that starts several. */
class ConcurrentStartupTest {
    @Test
    void twoContextsStartedAtOnceApplyEachMigrationExactlyOnce() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<ConfigurableApplicationContext> contexts = new ArrayList<>();
        try (TestDatabase db = TestDatabase.create()) {
            CyclicBarrier together = new CyclicBarrier(2);
            Callable<ConfigurableApplicationContext> start = () -> {
                together.await(30, TimeUnit.SECONDS);
                return Apps.start(NotesApp.class, db, "shale.lock-wait=30s");
            };
            List<Future<ConfigurableApplicationContext>> started = List.of(threads.submit(start), threads.submit(start));
            for (Future<ConfigurableApplicationContext> f : started) {
                contexts.add(f.get(120, TimeUnit.SECONDS));
            }

            List<Integer> applied = contexts.stream().flatMap(c -> Apps.appliedAtStartup(c).stream()).sorted().toList();
            assertEquals(List.of(0, 1, 2), applied, "each migration applied by exactly one of the two instances");
            assertEquals(List.of("0", "1", "2"), db.strings("SELECT version FROM shale_migrations ORDER BY version"));
            assertEquals(List.of("1 first note", "2 second note"), db.strings("SELECT id || ' ' || body FROM notes ORDER BY id"));
            assertEquals(List.of("1"), db.strings("SELECT count(*) FROM migration_settings"));
            for (ConfigurableApplicationContext c : contexts) {
                assertEquals(List.of("first note", "second note"), c.getBean(NotesApp.PlainReader.class).notes);
            }
        } finally {
            contexts.forEach(ConfigurableApplicationContext::close);
            threads.shutdownNow();
        }
    }
}
