package dev.shale.embedded;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway PostgreSQL server: a fresh cluster in a temporary folder, on a free port of 127.0.0.1 (no Unix
 * socket), user {@code postgres} with trust authentication, tuned for speed rather than durability (fsync off).
 * {@link #close()} stops it and deletes the folder; a shutdown hook does the same when the JVM exits first.
 *
 * <pre>
 * try (EmbeddedPostgres pg = EmbeddedPostgres.start(13)) {
 *     DriverManager.getConnection(pg.jdbcUrl("postgres"));
 * }
 * </pre>
 */
public final class EmbeddedPostgres implements AutoCloseable {
    private static final int START_TRIES = 3;

    private final int major;
    private final Path home;
    private final Path data;
    private final OsUser user;
    private final int port;
    private final Thread hook;
    private boolean stopped;

    private EmbeddedPostgres(int major, Path home, Path data, OsUser user, int port) {
        this.major = major;
        this.home = home;
        this.data = data;
        this.user = user;
        this.port = port;
        this.hook = new Thread(this::stop, "shale-embedded-postgres-" + port);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * Starts a server of {@code major} (13 to 17; see {@link PostgresBinaries#releases()}).
     *
     * @throws EmbeddedPostgresException when the binaries cannot be had or the server does not start; the
     *                                   message carries the server's log
     */
    public static EmbeddedPostgres start(int major) {
        OsUser user = OsUser.forServer();
        Path home = PostgresBinaries.install(major, !user.isCaller());
        Path data = initdb(home, user, major);
        EmbeddedPostgresException last = null;
        for (int i = 0; i < START_TRIES; i++) {
            int port = freePort();
            try {
                configure(data, port);
                run(user, List.of(exe(home, "pg_ctl"), "-D", data.toString(), "-l", data.resolve("server.log").toString(),
                        "-w", "-t", "60", "start"), "starting PostgreSQL " + major, data);
                return new EmbeddedPostgres(major, home, data, user, port);
            } catch (EmbeddedPostgresException e) {
                last = e; // most likely the port was taken between choosing and binding it
            }
        }
        PostgresBinaries.deleteTree(data);
        throw last;
    }

    /** The major version running. */
    public int majorVersion() {
        return major;
    }

    public int port() {
        return port;
    }

    /** A JDBC URL for {@code database} as the superuser {@code postgres}. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=postgres";
    }

    /** Where the binaries are ({@code bin/}, {@code lib/}, {@code share/}). */
    public Path home() {
        return home;
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException ignored) {
            // the JVM is shutting down: the hook runs (or ran) stop() itself
        }
    }

    private synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            run(user, List.of(exe(home, "pg_ctl"), "-D", data.toString(), "-m", "immediate", "-w", "-t", "30", "stop"),
                    "stopping PostgreSQL " + major, data);
        } catch (EmbeddedPostgresException e) {
            // already gone, or it will be once the folder is gone; nothing useful to add to a closing caller
        } finally {
            PostgresBinaries.deleteTree(data);
        }
    }

    private static Path initdb(Path home, OsUser user, int major) {
        Path data;
        try {
            data = Files.createTempDirectory("shale-postgres-" + major + "-");
            if (!user.isCaller()) {
                Files.setAttribute(data, "unix:uid", (int) user.uid());
                Files.setAttribute(data, "unix:gid", (int) user.gid());
            }
        } catch (IOException e) {
            throw new EmbeddedPostgresException("could not create a data folder for PostgreSQL " + major + ": " + e, e);
        }
        try {
            run(user, List.of(exe(home, "initdb"), "-D", data.toString(), "-U", "postgres", "-A", "trust", "-E", "UTF8",
                    "--no-locale", "--no-sync"), "initdb of PostgreSQL " + major, null);
        } catch (EmbeddedPostgresException e) {
            PostgresBinaries.deleteTree(data);
            throw e;
        }
        return data;
    }

    /** Server settings: this port on 127.0.0.1 only, no Unix socket, speed over durability. */
    private static void configure(Path data, int port) {
        String settings = "\n# shale embedded-postgres\nport = " + port + "\nlisten_addresses = '127.0.0.1'\n"
                + "unix_socket_directories = ''\nfsync = off\nsynchronous_commit = off\nfull_page_writes = off\n"
                + "max_connections = 50\nshared_buffers = 32MB\n";
        try {
            Files.writeString(data.resolve("postgresql.conf"), settings, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new EmbeddedPostgresException("could not configure " + data + ": " + e, e);
        }
    }

    private static String exe(Path home, String name) {
        boolean windows = System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("win");
        return home.resolve("bin").resolve(windows ? name + ".exe" : name).toString();
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new EmbeddedPostgresException("no free port on 127.0.0.1: " + e.getMessage(), e);
        }
    }

    /** Runs a PostgreSQL program as {@code user}; a failure carries its output and the server log. */
    private static void run(OsUser user, List<String> command, String what, Path data) {
        List<String> full = new ArrayList<>(user.command(command));
        try {
            Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new EmbeddedPostgresException(what + " did not finish in 120 s:\n" + out);
            }
            if (p.exitValue() != 0) {
                String log = "";
                if (data != null && Files.isReadable(data.resolve("server.log"))) {
                    log = "\nserver log:\n" + Files.readString(data.resolve("server.log"));
                }
                throw new EmbeddedPostgresException(what + " failed (exit " + p.exitValue() + ", " + String.join(" ", full)
                        + "):\n" + out.strip() + log);
            }
        } catch (IOException e) {
            throw new EmbeddedPostgresException(what + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedPostgresException(what + " was interrupted", e);
        }
    }
}
