package dev.shale.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One {@code mvn} run on a project folder, as a user would type it, with the test's local repository
 * and settings ({@link ItRepository}).
 *
 * @param exitCode the process's exit code
 * @param output standard output and error together
 * @param millis how long it took
 */
record MavenRun(int exitCode, String output, long millis) {
    /**
     * @param env extra environment variables ({@code DATABASE_URL})
     * @param args goals and options
     */
    static MavenRun run(Path project, ItRepository repo, Map<String, String> env, String... args) throws IOException, InterruptedException {
        String home = System.getProperty("maven.home");
        List<String> command = new ArrayList<>();
        command.add(home == null || home.isBlank() ? "mvn" : Path.of(home, "bin", "mvn").toString());
        command.addAll(List.of("-B", "--no-transfer-progress", "-s", repo.settings().toString(),
                "-Dmaven.repo.local=" + repo.local()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true);
        Path log = Files.createTempFile("shale-mvn-", ".log");
        pb.redirectOutput(log.toFile());
        pb.environment().remove("DATABASE_URL");
        pb.environment().remove("MAVEN_ARGS");
        // short-lived JVMs: the C1 compiler alone starts Maven noticeably faster
        pb.environment().put("MAVEN_OPTS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
        pb.environment().putAll(env);
        long start = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("mvn " + String.join(" ", args) + " did not finish within 5 minutes:\n"
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        return new MavenRun(p.exitValue(), output, millis);
    }

    /** For assertion messages. */
    String describe() {
        return "exit " + exitCode + " after " + millis + " ms; output:\n" + output;
    }
}
