package dev.shale.workflow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The compiled schema classes a project keeps between runs ({@value #FOLDER} under its root), so that a
 * run compiles only the sources that changed. It holds an index, naming the key the classes were compiled
 * under and, per source file, the SHA-256 of its content and the classes it produced, and one file per
 * class named by the SHA-256 of its bytes.
 *
 * <p>Nothing here is trusted: a missing or unreadable file, a class whose bytes do not match its name, an
 * index in another format or under another key reads as no cache at all, and the caller compiles
 * everything. Every file is written to a temporary name and then moved into place, the index last, so a
 * run that stops half-way leaves the previous index, whose classes are all still there, or the new one.
 * Writing is best effort: a cache that cannot be written costs time, never correctness.
 */
final class ClassCache {
    /** Where, under the project root, the cache lives; it writes a {@code .gitignore} of its own. */
    static final String FOLDER = ".shale/classes";
    private static final String FORMAT = "shale class cache 1";
    private static final String INDEX = "index";
    private static final String OBJECTS = "objects";
    private static final Duration STALE_TEMP = Duration.ofHours(1);

    /**
     * What one source file compiled to.
     *
     * @param hash the SHA-256 of the file's content, in hex
     * @param classes class file bytes by binary name
     */
    record Entry(String hash, Map<String, byte[]> classes) {
        Entry {
            classes = Map.copyOf(classes);
        }
    }

    private final Path dir;
    private final Path root;

    /**
     * @param dir the cache folder
     * @param root the project root: source paths inside it are kept relative to it, so a copied project keeps its cache
     */
    ClassCache(Path dir, Path root) {
        this.dir = dir.toAbsolutePath().normalize();
        this.root = root.toAbsolutePath().normalize();
    }

    /** The entries compiled under {@code key}, by absolute source path; empty when there are none or anything is wrong. */
    Optional<Map<Path, Entry>> read(String key) {
        List<String> lines;
        try {
            lines = Files.readAllLines(dir.resolve(INDEX), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        if (lines.size() < 2 || !lines.get(0).equals(FORMAT) || !lines.get(1).equals("key " + key)) {
            return Optional.empty();
        }
        Map<Path, Entry> entries = new HashMap<>();
        Set<String> seen = new HashSet<>();
        try {
            Path source = null;
            String hash = null;
            Map<String, byte[]> classes = null;
            for (String line : lines.subList(2, lines.size())) {
                int tab = line.indexOf('\t');
                if (line.startsWith("source ") && tab > 0) {
                    if (source != null) {
                        entries.put(source, new Entry(hash, classes));
                    }
                    hash = line.substring("source ".length(), tab);
                    source = root.resolve(line.substring(tab + 1)).normalize();
                    classes = new HashMap<>();
                    if (entries.containsKey(source)) {
                        return Optional.empty();
                    }
                } else if (line.startsWith("class ") && tab > 0 && source != null) {
                    String object = line.substring("class ".length(), tab);
                    String name = line.substring(tab + 1);
                    byte[] bytes = Files.readAllBytes(dir.resolve(OBJECTS).resolve(object + ".class"));
                    if (!sha256(bytes).equals(object) || !seen.add(name)) {
                        return Optional.empty();
                    }
                    classes.put(name, bytes);
                } else {
                    return Optional.empty();
                }
            }
            if (source != null) {
                entries.put(source, new Entry(hash, classes));
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.of(entries);
    }

    /** Replaces the cache with {@code entries}, compiled under {@code key}; failures leave a cache that reads as valid or as none. */
    void write(String key, Map<Path, Entry> entries) {
        try {
            Path objects = dir.resolve(OBJECTS);
            Files.createDirectories(objects);
            Path ignore = dir.resolve(".gitignore");
            if (!Files.isRegularFile(ignore)) {
                writeAtomically(ignore, "# Shale's cache of compiled schema classes: safe to delete, never to commit\n*\n"
                        .getBytes(StandardCharsets.UTF_8));
            }
            StringBuilder index = new StringBuilder(FORMAT).append("\nkey ").append(key).append('\n');
            Set<String> referenced = new HashSet<>();
            for (Map.Entry<Path, Entry> e : new TreeMap<>(entries).entrySet()) {
                String path = relative(e.getKey());
                if (path.indexOf('\n') >= 0 || path.indexOf('\r') >= 0) {
                    continue; // cannot be written in the index: that file is compiled every time
                }
                index.append("source ").append(e.getValue().hash()).append('\t').append(path).append('\n');
                for (Map.Entry<String, byte[]> c : new TreeMap<>(e.getValue().classes()).entrySet()) {
                    String object = sha256(c.getValue());
                    Path file = objects.resolve(object + ".class");
                    if (!(Files.isRegularFile(file) && Files.size(file) == c.getValue().length)) {
                        writeAtomically(file, c.getValue());
                    }
                    referenced.add(object + ".class");
                    index.append("class ").append(object).append('\t').append(c.getKey()).append('\n');
                }
            }
            writeAtomically(dir.resolve(INDEX), index.toString().getBytes(StandardCharsets.UTF_8));
            removeUnreferenced(objects, referenced);
        } catch (IOException | RuntimeException e) {
            // best effort: the next run compiles more
        }
    }

    private String relative(Path source) {
        Path p = source.toAbsolutePath().normalize();
        return p.startsWith(root) ? root.relativize(p).toString().replace('\\', '/') : p.toString();
    }

    private static void removeUnreferenced(Path objects, Set<String> referenced) throws IOException {
        Instant staleBefore = Instant.now().minus(STALE_TEMP);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(objects)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                try {
                    if (name.endsWith(".class") && !name.startsWith(".") && !referenced.contains(name)) {
                        Files.deleteIfExists(f);
                    } else if (name.startsWith(".tmp-") && Files.getLastModifiedTime(f).compareTo(FileTime.from(staleBefore)) < 0) {
                        Files.deleteIfExists(f); // left by a run that stopped half-way
                    }
                } catch (NoSuchFileException ignored) {
                    // another run removed it first
                }
            }
        }
    }

    static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path temp = target.resolveSibling(".tmp-" + UUID.randomUUID());
        try {
            Files.write(temp, bytes);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The SHA-256 of {@code bytes}, in lower-case hex. */
    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }
}
