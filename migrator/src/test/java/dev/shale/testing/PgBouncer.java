package dev.shale.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PgBouncer (the Debian package's binary) in front of the test server, started by a test on a
 * free port of 127.0.0.1 with its own {@code pgbouncer.ini}, and stopped by {@link #close()}. Written
 * so that a test-support module can take it over as is: it needs nothing but the binary and the
 * upstream server's host and port.
 *
 * <p>PgBouncer refuses to run as root; when the tests run as root (CI containers), it is started with
 * {@code -u} as an unprivileged user ({@code postgres}, else {@code nobody}), and its folder is made
 * readable for that user. It runs in the foreground as a child process, logging to a file in its folder.
 */
public final class PgBouncer implements AutoCloseable {
    /** PgBouncer's {@code pool_mode}. */
    public enum PoolMode { SESSION, TRANSACTION, STATEMENT }

    private final Process process;
    private final Path dir;
    private final int port;

    private PgBouncer(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    /** The pgbouncer binary on the PATH or in {@code /usr/sbin} (where Debian puts it), if installed. */
    public static Optional<Path> binary() {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/usr/local/sbin";
        for (String d : path.split(":")) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, "pgbouncer"))) {
                return Optional.of(Path.of(d, "pgbouncer"));
            }
        }
        return Optional.empty();
    }

    /**
     * Starts PgBouncer in front of {@code upstreamHost:upstreamPort}, every database name passed through
     * ({@code * = host=… port=…}), for one {@code user} (PgBouncer admits only the users of its auth file).
     *
     * @param poolSize {@code default_pool_size}: how many server connections clients share per database and user
     * @param password null for {@code auth_type = trust}; else {@code auth_type = md5} with this password, which
     *        PgBouncer itself checks (a wrong one is refused as a real deployment refuses it) and also uses to
     *        log in to the upstream server
     */
    public static PgBouncer start(String upstreamHost, int upstreamPort, PoolMode mode, int poolSize, String user, String password)
            throws IOException {
        Path binary = binary().orElseThrow(() -> new IllegalStateException("pgbouncer is not installed (apt-get install -y pgbouncer)"));
        Path dir = Files.createTempDirectory("shale-pgbouncer-");
        IOException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            int port = freePort();
            writeConfig(dir, upstreamHost, upstreamPort, mode, poolSize, port, user, password);
            List<String> command = new java.util.ArrayList<>(List.of(binary.toString()));
            if (isRoot()) {
                command.addAll(List.of("-u", unprivilegedUser()));
            }
            command.add(dir.resolve("pgbouncer.ini").toString());
            Process p = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("stdout.txt").toFile())
                    .start();
            if (awaitListening(p, port)) {
                return new PgBouncer(p, dir, port);
            }
            p.destroy();
            try {
                p.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            last = new IOException("pgbouncer did not start on port " + port + ": " + log(dir));
        }
        deleteQuietly(dir);
        throw last;
    }

    /** The port PgBouncer listens on (127.0.0.1). */
    public int port() {
        return port;
    }

    /** A JDBC URL of {@code database} through this PgBouncer, for {@code user}, without a password. */
    public String jdbcUrl(String database, String user) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=" + user;
    }

    /** PgBouncer's log so far, for failure messages. */
    public String log() {
        return log(dir);
    }

    /** Whether PgBouncer is still running. */
    public boolean isRunning() {
        return process.isAlive();
    }

    /** Stops PgBouncer (SIGTERM, then SIGKILL after 5 s) and removes its folder. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteQuietly(dir);
    }

    private static void writeConfig(Path dir, String host, int upstreamPort, PoolMode mode, int poolSize, int port, String user,
                                    String password) throws IOException {
        boolean md5 = password != null;
        Files.writeString(dir.resolve("userlist.txt"), "\"" + user + "\" \"" + (md5 ? password : "") + "\"\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("pgbouncer.ini"), """
                [databases]
                * = host=%s port=%d

                [pgbouncer]
                listen_addr = 127.0.0.1
                listen_port = %d
                unix_socket_dir =
                auth_type = %s
                auth_file = %s
                pool_mode = %s
                default_pool_size = %d
                max_client_conn = 200
                logfile = %s
                pidfile = %s
                """.formatted(host, upstreamPort, port, md5 ? "md5" : "trust", dir.resolve("userlist.txt"),
                mode.name().toLowerCase(java.util.Locale.ROOT), poolSize, dir.resolve("pgbouncer.log"), dir.resolve("pgbouncer.pid")),
                StandardCharsets.UTF_8);
        // The unprivileged user reads the config and writes its log and pid file here.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-rw-rw-"));
            }
        }
    }

    private static boolean awaitListening(Process p, int port) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                return false;
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return true;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return false;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static String unprivilegedUser() {
        try {
            for (String line : Files.readAllLines(Path.of("/etc/passwd"))) {
                if (line.startsWith("postgres:")) {
                    return "postgres";
                }
            }
        } catch (IOException ignored) {
            // fall through to nobody
        }
        return "nobody";
    }

    private static String log(Path dir) {
        // PgBouncer writes the same lines to its log file and, in the foreground, to stdout; stdout also
        // has what it said before it could open the log file.
        Path file = Files.exists(dir.resolve("pgbouncer.log")) ? dir.resolve("pgbouncer.log") : dir.resolve("stdout.txt");
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "(could not read " + file + ": " + e.getMessage() + ")";
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // a leftover temp folder is harmless
        }
    }
}
