package dev.shale.workflow;

import dev.shale.workflow.WorkflowException.Reason;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * The git repository a project lives in, read through the {@code git} command (so it sees exactly what
 * the user's git sees: worktrees, configured merge state, packed refs): which commit a ref names, whether
 * a merge is in progress, and the files of a folder at a commit. It never writes to the repository.
 */
final class GitRepo {
    private final Path top;

    private GitRepo(Path top) {
        this.top = top;
    }

    /** The repository holding {@code dir}; fails when there is none or git cannot run. */
    static GitRepo at(Path dir) {
        Output o = run(dir, "rev-parse", "--show-toplevel");
        if (o.code() != 0) {
            throw new WorkflowException(Reason.GIT, dir.toString(), dir + " is not inside a git repository (git said: "
                    + o.err().strip() + "): the migrations of the other branch are read from git");
        }
        return new GitRepo(real(Path.of(o.out().strip())));
    }

    /** The folder {@code dir} as a path relative to the repository's top, with {@code /} separators. */
    String relative(Path dir) {
        Path rel = top.relativize(real(dir));
        return rel.toString().replace('\\', '/');
    }

    /** The commit {@code ref} names, or null when it names none. */
    String commit(String ref) {
        Output o = run(top, "rev-parse", "--verify", "--quiet", ref + "^{commit}");
        return o.code() == 0 ? o.out().strip() : null;
    }

    /** The upstream branch of the current one ({@code origin/main}), or null when none is set. */
    String upstream() {
        Output o = run(top, "rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{upstream}");
        return o.code() == 0 && !o.out().isBlank() ? o.out().strip() : null;
    }

    /** Whether commit {@code ancestor} is reachable from {@code commit}. */
    boolean isAncestor(String ancestor, String commit) {
        return run(top, "merge-base", "--is-ancestor", ancestor, commit).code() == 0;
    }

    /** The files directly in folder {@code dir} (relative to the top) at {@code commit}, by file name, with their text. */
    Map<String, String> files(String commit, String dir) {
        Output list = run(top, "ls-tree", "--name-only", "-z", commit, dir.isEmpty() ? "." : dir + "/");
        if (list.code() != 0) {
            throw new WorkflowException(Reason.GIT, commit, "git could not list " + dir + " at " + commit + ": " + list.err().strip());
        }
        List<String> paths = new ArrayList<>();
        for (String path : list.out().split("\0")) {
            if (!path.isEmpty()) {
                paths.add(path);
            }
        }
        return blobs(commit, paths);
    }

    /** The text of each path that is a file at {@code commit}, by file name, read by one {@code git cat-file --batch}. */
    private Map<String, String> blobs(String commit, List<String> paths) {
        Map<String, String> out = new TreeMap<>();
        if (paths.isEmpty()) {
            return out;
        }
        try {
            Process p = new ProcessBuilder("git", "-C", top.toString(), "cat-file", "--batch").redirectErrorStream(false).start();
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> text(p.getErrorStream()));
            CompletableFuture<Void> requests = CompletableFuture.runAsync(() -> {
                try (var in = p.getOutputStream()) {
                    for (String path : paths) {
                        in.write((commit + ":" + path + "\n").getBytes(StandardCharsets.UTF_8));
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            try (java.io.DataInputStream in = new java.io.DataInputStream(new java.io.BufferedInputStream(p.getInputStream()))) {
                for (String path : paths) {
                    String header = line(in);
                    String[] parts = header.split(" ");
                    if (parts.length == 3) {
                        byte[] content = new byte[Integer.parseInt(parts[2])];
                        in.readFully(content);
                        in.read(); // the newline after the content
                        if (parts[1].equals("blob")) {
                            out.put(path.substring(path.lastIndexOf('/') + 1), new String(content, StandardCharsets.UTF_8));
                        }
                    } // else "<name> missing": not a file at that commit
                }
            }
            requests.join();
            if (p.waitFor() != 0) {
                throw new WorkflowException(Reason.GIT, commit, "git could not read the files at " + commit + ": " + err.join().strip());
            }
            return out;
        } catch (IOException e) {
            throw new WorkflowException(Reason.GIT, "git", "could not run git (" + e.getMessage() + "): it must be on the PATH", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkflowException(Reason.GIT, "git", "interrupted while running git", e);
        }
    }

    private static String line(java.io.InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("git cat-file stopped early");
            }
            b.write(c);
        }
        return b.toString(StandardCharsets.UTF_8);
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    private record Output(int code, String out, String err) {}

    private static Output run(Path dir, String... args) {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.add("-C");
        command.add(dir.toString());
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(nullFile())).start();
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> text(p.getErrorStream()));
            String out = text(p.getInputStream());
            int code = p.waitFor();
            return new Output(code, out, err.join());
        } catch (IOException e) {
            throw new WorkflowException(Reason.GIT, "git", "could not run git (" + e.getMessage() + "): it must be on the PATH", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkflowException(Reason.GIT, "git", "interrupted while running git", e);
        }
    }

    private static java.io.File nullFile() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static String text(InputStream in) {
        try (in; ByteArrayOutputStream b = new ByteArrayOutputStream()) {
            in.transferTo(b);
            return b.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Whether a file's text on disk equals {@code text}, line endings aside (a checkout with {@code core.autocrlf}
     * has CRLF where the commit has LF); a missing file equals nothing.
     */
    static boolean same(Path file, String text) {
        try {
            return Files.isRegularFile(file)
                    && Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n").equals(text.replace("\r\n", "\n"));
        } catch (IOException e) {
            return false;
        }
    }
}
