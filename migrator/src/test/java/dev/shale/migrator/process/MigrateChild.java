package dev.shale.migrator.process;

import dev.shale.migrator.AppliedMigration;
import dev.shale.migrator.MigrateResult;
import dev.shale.migrator.Migrator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;

/**
 * The child process of the process tests: one JVM that runs {@code migrate} the way an application
 * instance does at start-up, then prints one result line and exits 0 (1 on any failure, with the stack
 * trace on stderr).
 *
 * <p>Arguments: {@code <jdbc-url> <migrations-folder> [<start-gate-folder>]}. With a gate folder, the
 * child first writes {@code ready-<pid>} there and waits for a file named {@code go}, so that the parent
 * can release all children at once after their JVMs have started.
 */
public final class MigrateChild {
    /** The prefix of the result line, followed by {@code applied=N versions=a,b,c alreadyApplied=M}. */
    public static final String RESULT_PREFIX = "SHALE-CHILD ";

    private MigrateChild() {}

    public static void main(String[] args) {
        try {
            if (args.length < 2 || args.length > 3) {
                throw new IllegalArgumentException("usage: MigrateChild <jdbc-url> <migrations-folder> [<start-gate-folder>]");
            }
            if (args.length == 3) {
                awaitGate(Path.of(args[2]));
            }
            MigrateResult result = Migrator.builder()
                    .url(args[0])
                    .location(Path.of(args[1]))
                    .lockWait(Duration.ofMinutes(2))
                    .build()
                    .migrate();
            String versions = result.applied().stream()
                    .map(AppliedMigration::version)
                    .map(String::valueOf)
                    .collect(Collectors.joining(","));
            System.out.println(RESULT_PREFIX + "applied=" + result.applied().size() + " versions=" + versions
                    + " alreadyApplied=" + result.alreadyApplied());
            System.out.flush();
            System.exit(0);
        } catch (Throwable e) {
            e.printStackTrace();
            System.err.flush();
            System.exit(1);
        }
    }

    private static void awaitGate(Path gate) throws Exception {
        Files.createFile(gate.resolve("ready-" + ProcessHandle.current().pid()));
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        Path go = gate.resolve("go");
        while (!Files.exists(go)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the parent test never opened the start gate " + go);
            }
            Thread.sleep(5);
        }
    }
}
