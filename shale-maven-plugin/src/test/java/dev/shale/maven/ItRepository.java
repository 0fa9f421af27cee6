package dev.shale.maven;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The local repository a test's {@code mvn} runs with ({@code target/it-repo}), never {@code ~/.m2}:
 * Shale's own artifacts are put there from this build (the plugin from {@code target/classes}, its Shale
 * dependencies from wherever this test's class path has them: the reactor's {@code target/classes} or
 * jars), as if installed, so the run sees exactly the code under test and no other worktree's install.
 * Everything else comes through a settings file that makes the user's {@code ~/.m2/repository} a
 * read-only {@code file://} remote (with Maven Central behind it for anything missing), so nothing is
 * downloaded twice and nothing is written to {@code ~/.m2}. The folder is kept between runs: only the
 * Shale artifacts are rewritten each time.
 *
 * @param local the local repository folder
 * @param settings the settings file to pass with {@code -s}
 */
record ItRepository(Path local, Path settings) {
    private static final Pattern ARTIFACT_ID = Pattern.compile("</parent>.*?<artifactId>([^<]+)</artifactId>", Pattern.DOTALL);

    /**
     * @param moduleDir this module's folder (its {@code pom.xml} and {@code target/classes} are the plugin)
     * @param version the Shale version being built
     */
    static ItRepository prepare(Path moduleDir, String version) throws IOException {
        Path target = moduleDir.resolve("target");
        Path local = target.resolve("it-repo");
        Files.createDirectories(local);
        install(local, "shale-parent", version, null, moduleDir.getParent().resolve("pom.xml"));
        install(local, "shale-maven-plugin", version, target.resolve("classes"), moduleDir.resolve("pom.xml"));
        // surefire puts the test class path here (java.class.path may be its manifest-only booter jar)
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            Path p = Path.of(entry).toAbsolutePath().normalize();
            if (p.endsWith(Path.of("target", "classes")) && Files.isRegularFile(p.getParent().getParent().resolve("pom.xml"))) {
                Path pom = p.getParent().getParent().resolve("pom.xml");
                if (pom.startsWith(moduleDir.getParent()) && !pom.getParent().equals(moduleDir)) {
                    install(local, artifactId(pom), version, p, pom);
                }
            } else if (p.toString().endsWith(".jar") && p.toString().contains("/dev/shale/")) {
                Path pom = p.resolveSibling(p.getFileName().toString().replaceAll("\\.jar$", ".pom"));
                String name = p.getParent().getParent().getFileName().toString();
                Path dir = local.resolve("dev/shale").resolve(name).resolve(version);
                Files.createDirectories(dir);
                Files.copy(p, dir.resolve(name + "-" + version + ".jar"), StandardCopyOption.REPLACE_EXISTING);
                Files.copy(pom, dir.resolve(name + "-" + version + ".pom"), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Path settings = target.resolve("it-settings.xml");
        String cache = Path.of(System.getProperty("user.home"), ".m2", "repository").toUri().toString();
        Files.writeString(settings, """
                <settings>
                  <profiles>
                    <profile>
                      <id>m2-cache</id>
                      <repositories>
                        <repository>
                          <id>m2-cache</id>
                          <url>%1$s</url>
                          <releases><enabled>true</enabled><checksumPolicy>ignore</checksumPolicy></releases>
                          <snapshots><enabled>false</enabled></snapshots>
                        </repository>
                      </repositories>
                      <pluginRepositories>
                        <pluginRepository>
                          <id>m2-cache</id>
                          <url>%1$s</url>
                          <releases><enabled>true</enabled><checksumPolicy>ignore</checksumPolicy></releases>
                          <snapshots><enabled>false</enabled></snapshots>
                        </pluginRepository>
                      </pluginRepositories>
                    </profile>
                  </profiles>
                  <activeProfiles><activeProfile>m2-cache</activeProfile></activeProfiles>
                </settings>
                """.formatted(cache), StandardCharsets.UTF_8);
        return new ItRepository(local, settings);
    }

    /** Puts a pom (and, with {@code classes}, a jar of that folder) where an install would. */
    private static void install(Path local, String artifactId, String version, Path classes, Path pom) throws IOException {
        Path dir = local.resolve("dev/shale").resolve(artifactId).resolve(version);
        Files.createDirectories(dir);
        Files.copy(pom, dir.resolve(artifactId + "-" + version + ".pom"), StandardCopyOption.REPLACE_EXISTING);
        if (classes != null) {
            jar(classes, dir.resolve(artifactId + "-" + version + ".jar"));
        }
    }

    private static void jar(Path classes, Path jar) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(classes)) {
            s.filter(Files::isRegularFile).sorted().forEach(files::add);
        }
        Path tmp = jar.resolveSibling(jar.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp); JarOutputStream j = new JarOutputStream(out)) {
            for (Path f : files) {
                j.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, j);
                j.closeEntry();
            }
        }
        Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING);
    }

    /** A module's artifactId: the first one after its parent block. */
    private static String artifactId(Path pom) throws IOException {
        Matcher m = ARTIFACT_ID.matcher(Files.readString(pom, StandardCharsets.UTF_8));
        if (!m.find()) {
            throw new IllegalStateException("no artifactId in " + pom);
        }
        return m.group(1).strip();
    }
}
