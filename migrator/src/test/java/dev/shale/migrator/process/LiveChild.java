package dev.shale.migrator.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The parent's handle on a {@link CommandChild}: send a command, later take its answer. Standard output
 * is drained by a thread into a queue (so the child never blocks on a full pipe); standard error goes to
 * a file, for failure messages.
 */
final class LiveChild {
    private final String tag;
    private final Process process;
    private final Writer stdin;
    private final Path stderr;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();

    private LiveChild(String tag, Process process, Path stderr) {
        this.tag = tag;
        this.process = process;
        this.stderr = stderr;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith(CommandChild.PREFIX)) {
                        answers.add(line.substring(CommandChild.PREFIX.length()));
                    }
                }
            } catch (IOException ignored) {
                // the child is gone; take() reports it
            }
        }, "child-" + tag);
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the child and waits until its JVM is up and reading commands. */
    static LiveChild start(Path logs, String tag) throws Exception {
        Files.createDirectories(logs);
        Path err = logs.resolve(tag + ".err");
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                CommandChild.class.getName()))
                .redirectError(err.toFile())
                .start();
        LiveChild child = new LiveChild(tag, p, err);
        String ready = child.take(Duration.ofSeconds(60));
        if (!ready.equals("ready")) {
            throw new AssertionError(tag + " did not start: " + ready);
        }
        return child;
    }

    void send(String command) throws IOException {
        stdin.write(command + "\n");
        stdin.flush();
    }

    /** The next answer; fails with the child's stderr when none comes in time. */
    String take(Duration limit) throws InterruptedException {
        String a = answers.poll(limit.toMillis(), TimeUnit.MILLISECONDS);
        if (a == null) {
            throw new AssertionError("child " + tag + " gave no answer within " + limit + " (alive: " + process.isAlive()
                    + "); stderr:\n" + stderrText());
        }
        return a;
    }

    private String stderrText() {
        try {
            return Files.exists(stderr) ? Files.readString(stderr) : "";
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    /** Asks the child to exit; kills it if it has not within 10 s. */
    void stop() throws InterruptedException {
        try {
            send("exit");
        } catch (IOException ignored) {
            // already gone
        }
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
