package dev.shale.migrator.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A {@link MigrateChild} running in its own JVM (same JDK, same test classpath), with stdout and stderr
 * captured in files so that a chatty child can never block on a full pipe.
 *
 * @param tag a short name for messages
 * @param process the running JVM
 * @param stdout where its standard output goes
 * @param stderr where its standard error goes
 */
record ChildJvm(String tag, Process process, Path stdout, Path stderr) {

    /** Starts {@code MigrateChild args...}; its output lands in {@code logs/<tag>.out} and {@code .err}. */
    static ChildJvm start(Path logs, String tag, String... args) throws IOException {
        Files.createDirectories(logs);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // Eight JVMs share two cores here: start fast, stay small.
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx128m",
                "-cp", System.getProperty("java.class.path"),
                MigrateChild.class.getName()));
        command.addAll(List.of(args));
        Path out = logs.resolve(tag + ".out");
        Path err = logs.resolve(tag + ".err");
        Process process = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        return new ChildJvm(tag, process, out, err);
    }

    /** Waits until the deadline ({@link System#nanoTime()}); kills the child if it is still running then. */
    boolean awaitOrKill(long deadlineNanos) throws InterruptedException {
        long left = Math.max(0, deadlineNanos - System.nanoTime());
        if (process.waitFor(left, TimeUnit.NANOSECONDS)) {
            return true;
        }
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        return false;
    }

    long pid() {
        return process.pid();
    }

    String out() {
        return read(stdout);
    }

    /** The result line's fields, if the child printed one. */
    Optional<ChildResult> result() {
        return out().lines()
                .filter(l -> l.startsWith(MigrateChild.RESULT_PREFIX))
                .findFirst()
                .map(ChildResult::parse);
    }

    /** Everything known about the child, for a failure message. */
    String describe() {
        String exit = process.isAlive() ? "still running" : "exit " + process.exitValue();
        return "child " + tag + " (pid " + pid() + ", " + exit + ")\n--- stdout ---\n" + out()
                + "--- stderr ---\n" + read(stderr);
    }

    /** Kills the child if it is still alive (cleanup after a failed test). */
    void kill() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    static Duration remaining(long deadlineNanos) {
        return Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "(could not read " + file + ": " + e.getMessage() + ")";
        }
    }

    /**
     * A child's result line, parsed.
     *
     * @param applied how many migrations this child applied
     * @param versions their versions, in order
     * @param alreadyApplied how many it found applied already
     */
    record ChildResult(int applied, List<Integer> versions, int alreadyApplied) {
        static ChildResult parse(String line) {
            int applied = -1;
            int already = -1;
            List<Integer> versions = new ArrayList<>();
            for (String field : line.substring(MigrateChild.RESULT_PREFIX.length()).trim().split(" ")) {
                int eq = field.indexOf('=');
                String key = field.substring(0, eq);
                String value = field.substring(eq + 1);
                switch (key) {
                    case "applied" -> applied = Integer.parseInt(value);
                    case "alreadyApplied" -> already = Integer.parseInt(value);
                    case "versions" -> {
                        for (String v : value.split(",")) {
                            if (!v.isEmpty()) {
                                versions.add(Integer.parseInt(v));
                            }
                        }
                    }
                    default -> throw new IllegalArgumentException("unknown field " + key + " in result line: " + line);
                }
            }
            return new ChildResult(applied, versions, already);
        }
    }
}
