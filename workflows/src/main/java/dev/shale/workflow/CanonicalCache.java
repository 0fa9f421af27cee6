package dev.shale.workflow;

import dev.shale.introspect.CanonicalForms;
import dev.shale.model.SchemaModel;
import dev.shale.snapshot.Snapshot;
import dev.shale.snapshot.SnapshotJson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The canonical forms of a project's schema ({@value #FOLDER} under its root), one file per key, in the
 * snapshot format: a push or drift check of unchanged code against the same database reads the form
 * instead of building the schema on the server again. It keeps the {@value #KEPT} newest forms (a form per
 * database the project is compared with, and the previous version of the code).
 *
 * <p>Nothing here is trusted: a missing, unreadable or malformed file, or one whose model is not the one
 * its name promises, reads as no form, and the caller canonicalises on the server. A form is written only
 * when it reads back to the identical model, to a temporary name and then moved into place. Writing is best
 * effort: a cache that cannot be written costs time, never correctness.
 */
final class CanonicalCache implements CanonicalForms {
    /** Where, under the project root, the cache lives; it writes a {@code .gitignore} of its own. */
    static final String FOLDER = ".shale/canonical";
    static final int KEPT = 4;
    private static final String SUFFIX = ".json";

    private final Path dir;

    CanonicalCache(Path dir) {
        this.dir = dir;
    }

    /** The project's cache. */
    static CanonicalCache of(Project project) {
        return new CanonicalCache(project.root().resolve(FOLDER));
    }

    @Override
    public Optional<SchemaModel> find(String key) {
        Path file = dir.resolve(key + SUFFIX);
        try {
            Snapshot kept = SnapshotJson.read(Files.readString(file, StandardCharsets.UTF_8), file.toString());
            if (!kept.id().equals(key)) {
                return Optional.empty();
            }
            Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
            return Optional.of(kept.model());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public void keep(String key, SchemaModel canonical) {
        try {
            String text = SnapshotJson.write(new Snapshot(Snapshot.FORMAT_VERSION, Snapshot.DIALECT, key, Snapshot.ROOT_ID, canonical));
            if (!SnapshotJson.read(text, key).model().equals(canonical)) {
                return; // a form the snapshot format cannot hold exactly is never kept
            }
            Files.createDirectories(dir);
            Path ignore = dir.resolve(".gitignore");
            if (!Files.isRegularFile(ignore)) {
                ClassCache.writeAtomically(ignore, "# Shale's cache of canonical schema forms: safe to delete, never to commit\n*\n"
                        .getBytes(StandardCharsets.UTF_8));
            }
            ClassCache.writeAtomically(dir.resolve(key + SUFFIX), text.getBytes(StandardCharsets.UTF_8));
            removeOldest();
        } catch (IOException | RuntimeException e) {
            // best effort: the next run canonicalises on the server again
        }
    }

    private void removeOldest() throws IOException {
        List<Path> forms = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            files.forEach(forms::add);
        }
        forms.sort(Comparator.comparing(CanonicalCache::modified).reversed());
        for (Path old : forms.subList(Math.min(KEPT, forms.size()), forms.size())) {
            try {
                Files.deleteIfExists(old);
            } catch (NoSuchFileException ignored) {
                // another run removed it first
            }
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
