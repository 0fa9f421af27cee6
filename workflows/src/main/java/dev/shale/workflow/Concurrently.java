package dev.shale.workflow;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * Work started on a second thread while the caller does something else, and joined before its result is
 * used: on two cores, {@code generate} reads the snapshot history while the schema code compiles and
 * loads, and writes the snapshot while the migration's SQL renders; {@code pull} makes its baseline while
 * the Java code is written. The thread has the caller's context class loader (a Maven plugin's realm stays
 * the one that loads classes).
 *
 * @param <T> the result
 */
public final class Concurrently<T> {
    private final FutureTask<T> task;

    private Concurrently(FutureTask<T> task) {
        this.task = task;
    }

    /** Starts {@code work} on a new daemon thread named {@code shale-<name>}. */
    public static <T> Concurrently<T> start(String name, Supplier<T> work) {
        FutureTask<T> task = new FutureTask<>(work::get);
        Thread thread = new Thread(task, "shale-" + name);
        thread.setDaemon(true);
        thread.setContextClassLoader(Thread.currentThread().getContextClassLoader());
        thread.start();
        return new Concurrently<>(task);
    }

    /**
     * The result, waiting for it; what the work threw is thrown here as it was (a {@link WorkflowException}
     * stays one), so the caller sees the same failure as if it had done the work itself.
     */
    public T join() {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true; // the work is not cancelled halfway: wait for it, then say so
                }
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error r) {
                throw r;
            }
            throw new IllegalStateException(cause);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Runs {@code here} on this thread while the work runs, and returns what it returns. When {@code here}
     * fails, its failure is the one reported, once the work has finished (nothing it does, such as a class
     * cache being written, is left halfway); the work's own outcome is then forgotten.
     */
    public <R> R meanwhile(Supplier<R> here) {
        try {
            return here.get();
        } catch (RuntimeException | Error e) {
            try {
                join();
            } catch (RuntimeException | Error ignored) {
                // here's failure is the one reported
            }
            throw e;
        }
    }
}
