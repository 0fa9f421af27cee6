package dev.shale.migrator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds migration files: {@code NNNN_<name>.sql} with an optional {@code NNNN_<name>.down.sql} (or in
 * Flyway's layout {@code V<n>__<name>.sql} with an optional {@code U<n>__<name>.sql}, see
 * {@link MigrationFileName}), in a
 * folder or as classpath resources; other files are ignored. Classpath resources are listed from every
 * directory or jar on the class loader that holds {@code prefix/} (a {@code file:} or {@code jar:} URL;
 * Spring Boot's nested jars are {@code jar:} URLs too). A jar must hold the folder's directory entry for
 * the class loader to find it, as jars built by Maven and Gradle do. Two files with one version number
 * are an error.
 */
final class MigrationFiles {
    /** Up and down file names of both layouts ({@link MigrationFileName}). */
    static final Pattern NAME = MigrationFileName.NAME;

    private MigrationFiles() {}

    /** A file found: its display name and text. */
    private record Found(String display, String fileName, String text) {}

    static List<Migration> fromDirectory(Path directory) {
        List<Found> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path p : files.sorted().toList()) {
                if (Files.isRegularFile(p) && NAME.matcher(p.getFileName().toString()).matches()) {
                    found.add(new Found(p.toString(), p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8)));
                }
            }
        } catch (NoSuchFileException e) {
            throw MigrationException.of(MigrationException.Reason.FILES, directory.toString(), "migration folder " + directory
                    + " does not exist: create it, or point the migrator at the folder that holds the NNNN_<name>.sql files.");
        } catch (IOException | UncheckedIOException e) {
            throw MigrationException.of(MigrationException.Reason.FILES, directory.toString(),
                    "could not read the migration folder " + directory + ": " + e.getMessage(), e);
        }
        return assemble(found);
    }

    static List<Migration> fromClasspath(String prefix, ClassLoader loader) {
        String dir = prefix.replaceAll("^/+|/+$", "");
        List<Found> found = new ArrayList<>();
        try {
            Enumeration<URL> roots = loader.getResources(dir);
            while (roots.hasMoreElements()) {
                URL root = roots.nextElement();
                if (root.getProtocol().equals("file")) {
                    listDirectory(Path.of(root.toURI()), dir, found);
                } else if (root.getProtocol().equals("jar")) {
                    listJar(root, dir, found);
                } else {
                    throw MigrationException.of(MigrationException.Reason.FILES, "classpath:" + dir, "cannot list classpath:" + dir
                            + " at " + root + ": only folders and jars can be listed; use location(Path) instead.");
                }
            }
        } catch (IOException | URISyntaxException e) {
            throw MigrationException.of(MigrationException.Reason.FILES, "classpath:" + dir,
                    "could not list classpath:" + dir + ": " + e.getMessage(), e);
        }
        found.sort((a, b) -> a.fileName().compareTo(b.fileName()));
        return assemble(found);
    }

    private static void listDirectory(Path path, String dir, List<Found> found) throws IOException {
        try (Stream<Path> files = Files.list(path)) {
            for (Path p : files.sorted().toList()) {
                String fileName = p.getFileName().toString();
                if (Files.isRegularFile(p) && NAME.matcher(fileName).matches()) {
                    found.add(new Found("classpath:" + dir + "/" + fileName, fileName, Files.readString(p, StandardCharsets.UTF_8)));
                }
            }
        }
    }

    private static void listJar(URL root, String dir, List<Found> found) throws IOException {
        JarURLConnection connection = (JarURLConnection) root.openConnection();
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
            String entryPrefix = dir + "/";
            for (JarEntry entry : jar.stream().sorted((a, b) -> a.getName().compareTo(b.getName())).toList()) {
                String name = entry.getName();
                if (entry.isDirectory() || !name.startsWith(entryPrefix)) {
                    continue;
                }
                String fileName = name.substring(entryPrefix.length());
                if (NAME.matcher(fileName).matches()) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        found.add(new Found("classpath:" + name, fileName, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                    }
                }
            }
        }
    }

    private static List<Migration> assemble(List<Found> found) {
        Map<Integer, Found> ups = new TreeMap<>();
        Map<Integer, Found> downs = new TreeMap<>();
        for (Found f : found) {
            MigrationFileName m = MigrationFileName.parse(f.fileName());
            if (m == null) {
                continue;
            }
            int version;
            try {
                version = Integer.parseInt(m.number());
            } catch (NumberFormatException e) {
                throw MigrationException.of(MigrationException.Reason.FILES, f.display(), "migration file " + f.display()
                        + " has a version number too large for the history table: number migrations 0000, 0001, ...");
            }
            Map<Integer, Found> side = m.down() ? downs : ups;
            Found other = side.putIfAbsent(version, f);
            if (other != null) {
                throw MigrationException.of(MigrationException.Reason.FILES, f.display(), "migration files " + other.display()
                        + " and " + f.display() + " both have version " + version
                        + ": renumber one of them (usually the one merged later) to the next free number.");
            }
        }
        List<Migration> out = new ArrayList<>();
        for (Map.Entry<Integer, Found> e : ups.entrySet()) {
            Found up = e.getValue();
            String name = nameOf(up);
            Found down = downs.get(e.getKey());
            if (down != null && !nameOf(down).equals(name)) {
                throw MigrationException.of(MigrationException.Reason.FILES, down.display(), "down file " + down.display()
                        + " does not match its up file " + up.display() + ": a down file must be named like its up file, "
                        + "with .down.sql in place of .sql (in Flyway's layout, U in place of V).");
            }
            String sql = Checksums.normalize(up.text());
            out.add(new Migration(e.getKey(), name, up.display(), sql, Checksums.sha256(sql),
                    down == null ? null : down.display(), down == null ? null : Checksums.normalize(down.text())));
        }
        return List.copyOf(out);
    }

    private static String nameOf(Found f) {
        MigrationFileName m = MigrationFileName.parse(f.fileName());
        if (m == null) {
            throw new IllegalStateException(f.fileName());
        }
        return m.name();
    }
}
