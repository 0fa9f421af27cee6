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
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
            // Boot sets up logging, which is the JVM's and not the context's, and two applications cannot do so at
            // once (two instances of a deploy are two JVMs); so the instances take turns until logging is set up, then
            // meet and create their beans, the DataSource and its migration among them, together
            Semaphore loggingTurn = new Semaphore(1);
            Callable<ConfigurableApplicationContext> start = () -> {
                loggingTurn.acquire();
                AtomicBoolean turnOver = new AtomicBoolean();
                Runnable meet = () -> {
                    turnOver.set(true);
                    loggingTurn.release();
                    try {
                        together.await(30, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException("the other instance did not get as far as creating its beans", e);
                    }
                };
                try {
                    return Apps.start(NotesApp.class, db, meet, "shale.lock-wait=30s");
                } finally {
                    if (!turnOver.get()) {
                        loggingTurn.release();
                    }
                }
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
