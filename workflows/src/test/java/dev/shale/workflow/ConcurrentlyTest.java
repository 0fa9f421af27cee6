package dev.shale.workflow;

import dev.shale.snapshot.SnapshotException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Work on a second thread behaves as if the caller had done it: the same result and the same failure, the
 * caller's class loader, and nothing left running when the caller fails meanwhile; generate still reports the
 * history's failure before the schema code's, though the code now loads beside the history.
 */
class ConcurrentlyTest {
    @TempDir
    Path dir;

    @Test
    void theResultAndTheFailureAreTheWorks() {
        assertEquals("done", Concurrently.start("t", () -> "done").join());
        WorkflowException thrown = new WorkflowException(WorkflowException.Reason.IO, "x", "could not read x");
        Concurrently<String> failing = Concurrently.start("t", () -> {
            throw thrown;
        });
        assertSame(thrown, assertThrows(WorkflowException.class, failing::join));
        StackOverflowError error = new StackOverflowError();
        assertSame(error, assertThrows(StackOverflowError.class, Concurrently.start("t", () -> {
            throw error;
        })::join));
    }

    @Test
    void theWorkRunsElsewhereWithTheCallersClassLoader() throws Exception {
        Thread caller = Thread.currentThread();
        ClassLoader before = caller.getContextClassLoader();
        try (URLClassLoader realm = new URLClassLoader(new URL[0], before)) {
            caller.setContextClassLoader(realm);
            Thread worker = Concurrently.start("t", Thread::currentThread).join();
            assertNotEquals(caller, worker);
            assertEquals("shale-t", worker.getName());
            assertSame(realm, Concurrently.start("t", () -> Thread.currentThread().getContextClassLoader()).join());
        } finally {
            caller.setContextClassLoader(before);
        }
    }

    @Test
    void aFailureMeanwhileWaitsForTheWorkAndIsTheOneReported() {
        AtomicBoolean finished = new AtomicBoolean();
        Concurrently<String> slow = Concurrently.start("t", () -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            finished.set(true);
            throw new IllegalStateException("the caller's failure is the one to report");
        });
        IllegalArgumentException here = new IllegalArgumentException("here");
        assertSame(here, assertThrows(IllegalArgumentException.class, () -> slow.meanwhile(() -> {
            throw here;
        })));
        assertTrue(finished.get());
        assertEquals("here too", Concurrently.start("t", () -> "work").meanwhile(() -> "here too"));
    }

    @Test
    void generateReportsABrokenHistoryBeforeSchemaCodeThatDoesNotCompile() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("src/app/db"));
        Files.writeString(folder.resolve("Users.java"), "package app.db; public final class Users extends Nothing {}",
                StandardCharsets.UTF_8);
        Files.createDirectories(dir.resolve("snapshots"));
        Files.writeString(dir.resolve("snapshots/0001_snapshot.json"), "{}", StandardCharsets.UTF_8);
        Project project = Project.at(dir).withSchema(SchemaLocation.sourcePackage(List.of(dir.resolve("src")), "app.db"));

        SnapshotException e = assertThrows(SnapshotException.class,
                () -> Generator.generate(project, Generator.Request.DEFAULT, Questions.NONE));
        assertTrue(e.getMessage().contains("0000_snapshot.json"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("migrations")), "nothing is written");
    }
}
