package dev.shale.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Who runs the server. initdb and postgres refuse to run as root; when the caller is root (CI, containers,
 * the sessions of this project), the server runs as {@code nobody}, which every Linux system has, through
 * {@code setpriv} (util-linux), else {@code runuser}, else {@code su}. Anyone else runs it as themselves.
 *
 * @param name the user name, or null for the caller
 * @param uid the user's id (-1 for the caller)
 * @param gid the user's group id (-1 for the caller)
 */
record OsUser(String name, long uid, long gid) {
    static final OsUser CALLER = new OsUser(null, -1, -1);
    private static final String UNPRIVILEGED = "nobody";

    /** The user the server runs as. */
    static OsUser forServer() {
        if (currentUid() != 0) {
            return CALLER;
        }
        return new OsUser(UNPRIVILEGED, Long.parseLong(id("-u")), Long.parseLong(id("-g")));
    }

    boolean isCaller() {
        return name == null;
    }

    /** {@code command} run as this user. */
    List<String> command(List<String> command) {
        if (isCaller()) {
            return command;
        }
        List<String> out = new ArrayList<>();
        if (onPath("setpriv")) {
            out.addAll(List.of("setpriv", "--reuid=" + uid, "--regid=" + gid, "--clear-groups"));
            out.addAll(command);
        } else if (onPath("runuser")) {
            out.addAll(List.of("runuser", "-u", name, "--"));
            out.addAll(command);
        } else {
            out.addAll(List.of("su", "-s", "/bin/sh", name, "-c",
                    String.join(" ", command.stream().map(OsUser::shellQuote).toList())));
        }
        return out;
    }

    /** The caller's numeric user id (0 for root; -1 where the file system has none, as on Windows). */
    static long currentUid() {
        try {
            Path probe = Files.createTempFile("shale-uid", "");
            try {
                return ((Number) Files.getAttribute(probe, "unix:uid")).longValue();
            } finally {
                Files.deleteIfExists(probe);
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return -1;
        }
    }

    private static String id(String flag) {
        try {
            Process p = new ProcessBuilder("id", flag, UNPRIVILEGED).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.waitFor() != 0 || !out.matches("\\d+")) {
                throw new EmbeddedPostgresException("running as root, the embedded PostgreSQL needs the unprivileged user \""
                        + UNPRIVILEGED + "\" (initdb refuses root), and `id " + flag + " " + UNPRIVILEGED + "` said: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new EmbeddedPostgresException("could not look up the user \"" + UNPRIVILEGED + "\": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedPostgresException("interrupted", e);
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        List<String> dirs = new ArrayList<>(List.of((path == null ? "" : path).split(java.io.File.pathSeparator)));
        dirs.addAll(List.of("/usr/bin", "/usr/sbin", "/bin", "/sbin"));
        return dirs.stream().anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, program)));
    }

    private static String shellQuote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
