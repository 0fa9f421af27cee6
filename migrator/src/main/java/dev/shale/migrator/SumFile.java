package dev.shale.migrator;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The integrity file of a project's migrations, {@code migrations/shale.sum} (in the spirit of
 * Atlas's {@code atlas.sum}): a checksum of every migration file and snapshot, chained, so that a
 * migration edited, removed or added by hand, a half-merged history and a snapshot edited apart from
 * its migration are caught before any database is involved. Git makes two branches that both add a
 * migration conflict on this file, because both change its first line.
 *
 * <p>Format, version 1: UTF-8 text, {@code \n} line endings, a trailing newline, and nothing that
 * depends on the machine or the time, so the same files always give the same bytes:
 * <pre>
 * shale-sum 1 &lt;total&gt;
 * 0000_initial_schema.sql &lt;hash&gt; &lt;chain&gt;
 * 0000_initial_schema.down.sql &lt;hash&gt; &lt;chain&gt;
 * 0000_snapshot.json &lt;hash&gt; &lt;chain&gt;
 * 0001_add_invitations.sql &lt;hash&gt; &lt;chain&gt;
 * ...
 * </pre>
 * <ul>
 * <li>One line per file: the migrations' up files ({@code NNNN_<name>.sql}) and down files
 * ({@code NNNN_<name>.down.sql}) of the migrations folder, and the snapshots
 * ({@code NNNN_snapshot.json}) of the snapshots folder, ordered by number, then up, down,
 * snapshot, then name. Other files are not listed.</li>
 * <li>{@code hash}: {@link Checksums#sha256} of the file's text (a byte-order mark dropped, line
 * endings read as {@code \n}, so a checkout with CRLF endings matches). For an up file this is the
 * checksum the history table records when the migration is applied. A snapshot is covered by its
 * whole text, not by the id it carries, so a snapshot edited by hand fails even when its id was
 * recomputed.</li>
 * <li>{@code chain}: {@code sha256(previous chain + "\n" + name + "\n" + hash)}, the chain before the
 * first line being the empty string: each line vouches for every line above it.</li>
 * <li>{@code total}: {@code sha256} of all the lines after the first (each with its {@code \n}).</li>
 * <li>All hashes are lower-case hex SHA-256. A file name holds no line break; it may hold spaces,
 * since a line is read from its end.</li>
 * </ul>
 */
public final class SumFile {
    /** The file's name in the migrations folder. */
    public static final String FILE_NAME = "shale.sum";
    /** The format version, the second word of the first line. */
    public static final int VERSION = 1;

    private static final String HEADER = "shale-sum " + VERSION + " ";
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    /** Snapshot file names, as the snapshot history reads them. */
    static final Pattern SNAPSHOT_NAME = Pattern.compile("(\\d{4,})_snapshot\\.json");

    /** What a listed file is. */
    public enum FileKind { MIGRATION, DOWN, SNAPSHOT }

    /**
     * One line of the file.
     *
     * @param name the file name ({@code 0003_add_index.sql})
     * @param hash the checksum of its text
     * @param chain the chained checksum of this line and every line above it
     */
    public record Entry(String name, String hash, String chain) {
        /** What the file is, by its name. */
        public FileKind kind() {
            if (SNAPSHOT_NAME.matcher(name).matches()) {
                return FileKind.SNAPSHOT;
            }
            MigrationFileName m = MigrationFileName.parse(name);
            if (m == null) {
                throw new IllegalStateException("not a migration or snapshot file name: " + name);
            }
            return m.down() ? FileKind.DOWN : FileKind.MIGRATION;
        }

        /** The number the name starts with (after the V or U of Flyway's layout). */
        public BigInteger number() {
            MigrationFileName m = MigrationFileName.parse(name);
            return new BigInteger(m != null ? m.number() : name.substring(0, name.indexOf('_')));
        }
    }

    private static final Comparator<Entry> ORDER = Comparator.comparing(Entry::number)
            .thenComparing(Entry::kind).thenComparing(Entry::name);

    private final List<Entry> entries;
    private final String recordedTotal;
    private final String body;
    private final List<SumProblem> malformed;
    private final String fileName;

    private SumFile(List<Entry> entries, String recordedTotal, String body, List<SumProblem> malformed, String fileName) {
        this.entries = List.copyOf(entries);
        this.recordedTotal = recordedTotal;
        this.body = body;
        this.malformed = List.copyOf(malformed);
        this.fileName = fileName;
    }

    /** The sum of a set of files, by name and text hash: sorted, chained, totalled. */
    private static SumFile of(Map<String, String> hashes) {
        List<Entry> unchained = new ArrayList<>();
        hashes.forEach((name, hash) -> unchained.add(new Entry(name, hash, "")));
        unchained.sort(ORDER);
        List<Entry> chained = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        String chain = "";
        for (Entry e : unchained) {
            chain = chain(chain, e.name(), e.hash());
            chained.add(new Entry(e.name(), e.hash(), chain));
            body.append(e.name()).append(' ').append(e.hash()).append(' ').append(chain).append('\n');
        }
        return new SumFile(chained, Checksums.sha256(body.toString()), body.toString(), List.of(), FILE_NAME);
    }

    private static String chain(String previous, String name, String hash) {
        return Checksums.sha256(previous + "\n" + name + "\n" + hash);
    }

    /**
     * The sum of the files as they are now: the migrations of {@code migrationsDir} and the snapshots
     * of {@code snapshotsDir} (a folder that does not exist holds none).
     *
     * @throws MigrationException of reason {@code FILES} when a folder or file cannot be read
     */
    public static SumFile compute(Path migrationsDir, Path snapshotsDir) {
        Map<String, String> hashes = new TreeMap<>();
        list(migrationsDir, MigrationFiles.NAME, hashes);
        list(snapshotsDir, SNAPSHOT_NAME, hashes);
        return of(hashes);
    }

    private static void list(Path dir, Pattern names, Map<String, String> hashes) {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.sorted().toList()) {
                if (Files.isRegularFile(p) && names.matcher(p.getFileName().toString()).matches()) {
                    hashes.put(p.getFileName().toString(), Checksums.sha256(Files.readString(p, StandardCharsets.UTF_8)));
                }
            }
        } catch (NoSuchFileException e) {
            // no folder, no files
        } catch (IOException | java.io.UncheckedIOException e) {
            throw MigrationException.of(MigrationException.Reason.FILES, dir.toString(),
                    "could not read " + dir + " to check the migrations against " + FILE_NAME + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a sum file; empty when it does not exist.
     *
     * @throws MigrationException of reason {@code FILES} when it exists but cannot be read
     */
    public static Optional<SumFile> read(Path file) {
        try {
            return Optional.of(parse(Files.readString(file, StandardCharsets.UTF_8), file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw MigrationException.of(MigrationException.Reason.FILES, file.toString(), "could not read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads the text of a sum file. Never fails: lines that are not sum lines are kept as
     * {@link SumProblem.Kind#MALFORMED} problems for {@link #verify}.
     *
     * @param file where the text came from, named in problems; may be null
     */
    public static SumFile parse(String text, Path file) {
        String name = file == null || file.getFileName() == null ? FILE_NAME : file.getFileName().toString();
        String[] lines = Checksums.normalize(text).split("\n", -1);
        List<SumProblem> malformed = new ArrayList<>();
        String total = null;
        if (lines[0].startsWith(HEADER) && HASH.matcher(lines[0].substring(HEADER.length())).matches()) {
            total = lines[0].substring(HEADER.length());
        } else if (!isConflictMarker(lines[0], malformed, name, 1)) {
            malformed.add(new SumProblem(SumProblem.Kind.MALFORMED, name, name + " line 1 is not the \"" + HEADER.strip()
                    + " <checksum>\" line a sum file starts with (" + (lines[0].startsWith("shale-sum ") ? "a format this version"
                    + " of Shale does not read" : "the file was edited or is not a sum file") + "). Rebuild the sum file."));
        }
        List<Entry> entries = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        int end = lines.length - (lines[lines.length - 1].isEmpty() ? 1 : 0);
        for (int i = 1; i < end; i++) {
            String line = lines[i];
            body.append(line).append('\n');
            Entry e = entry(line);
            if (e != null) {
                entries.add(e);
            } else if (!isConflictMarker(line, malformed, name, i + 1)) {
                malformed.add(new SumProblem(SumProblem.Kind.MALFORMED, name, name + " line " + (i + 1) + " is not a sum line"
                        + " (a migration or snapshot file name, its checksum and the chained checksum): \"" + oneLine(line)
                        + "\". The sum file was edited or cut short; rebuild it."));
            }
        }
        return new SumFile(entries, total, body.toString(), malformed, name);
    }

    private static Entry entry(String line) {
        int last = line.lastIndexOf(' ');
        int middle = last <= 0 ? -1 : line.lastIndexOf(' ', last - 1);
        if (middle <= 0) {
            return null;
        }
        String name = line.substring(0, middle);
        String hash = line.substring(middle + 1, last);
        String chain = line.substring(last + 1);
        boolean known = MigrationFiles.NAME.matcher(name).matches() || SNAPSHOT_NAME.matcher(name).matches();
        return known && HASH.matcher(hash).matches() && HASH.matcher(chain).matches() ? new Entry(name, hash, chain) : null;
    }

    private static boolean isConflictMarker(String line, List<SumProblem> out, String name, int number) {
        if (!(line.startsWith("<<<<<<<") || line.startsWith("=======") || line.startsWith(">>>>>>>") || line.startsWith("|||||||"))) {
            return false;
        }
        out.add(new SumProblem(SumProblem.Kind.MALFORMED, name, name + " line " + number + " is a merge conflict marker: two"
                + " branches both changed the migrations. Keep one branch's migrations as they are, renumber the other"
                + " branch's migrations after them, and rebuild the sum file; never merge its lines by hand."));
        return true;
    }

    /** This sum with {@code fileName} added, or its checksum replaced, as if the file held {@code text}: for files about to be written. */
    public SumFile with(String fileName, String text) {
        if (entry(fileName + " " + "0".repeat(64) + " " + "0".repeat(64)) == null) {
            throw new IllegalArgumentException(fileName + " is not a migration or snapshot file name");
        }
        Map<String, String> hashes = hashes();
        hashes.put(fileName, Checksums.sha256(text));
        return of(hashes);
    }

    /** This sum without {@code fileName}: for a file about to be removed. */
    public SumFile without(String fileName) {
        Map<String, String> hashes = hashes();
        hashes.remove(fileName);
        return of(hashes);
    }

    private Map<String, String> hashes() {
        Map<String, String> out = new LinkedHashMap<>();
        entries.forEach(e -> out.put(e.name(), e.hash()));
        return out;
    }

    /** The lines after the first, in order. */
    public List<Entry> entries() {
        return entries;
    }

    /** The file's text, to be written as {@link #FILE_NAME}: deterministic, {@code \n} line endings, a trailing newline. */
    public String text() {
        return HEADER + Checksums.sha256(body) + "\n" + body;
    }

    /**
     * Checks the files as they are now against this sum; empty when they agree.
     *
     * @throws MigrationException of reason {@code FILES} when a folder or file cannot be read
     */
    public List<SumProblem> verify(Path migrationsDir, Path snapshotsDir) {
        return verify(compute(migrationsDir, snapshotsDir));
    }

    /**
     * Checks this sum's own integrity (its lines, its first line, its chain) and compares it with
     * {@code current}, the sum of the files as they are ({@link #compute}); empty when all agree.
     */
    public List<SumProblem> verify(SumFile current) {
        List<SumProblem> problems = new ArrayList<>(malformed);
        if (recordedTotal != null && !recordedTotal.equals(Checksums.sha256(body))) {
            problems.add(new SumProblem(SumProblem.Kind.SUM_CHANGED, fileName, "the first line of " + fileName
                    + " does not match the lines below it: the sum file was edited or merged by hand. Check the migrations"
                    + " and snapshots against version control, then rebuild the sum file."));
        }
        String chain = "";
        for (Entry e : entries) {
            if (!e.chain().equals(chain(chain, e.name(), e.hash()))) {
                problems.add(new SumProblem(SumProblem.Kind.CHAIN_BROKEN, e.name(), "the line of " + e.name() + " in " + fileName
                        + " does not follow from the lines above it: lines of two branches were merged, or lines were moved."
                        + " Renumber the migrations of the branch merged last after the others, then rebuild the sum file."));
            }
            chain = e.chain();
        }
        Map<String, Entry> recorded = byName(entries);
        Map<String, Entry> actual = byName(current.entries);
        Set<String> names = new TreeSet<>(Comparator.comparing((String n) -> new Entry(n, "", "").number()).thenComparing(n -> n));
        names.addAll(recorded.keySet());
        names.addAll(actual.keySet());
        for (String name : names) {
            Entry was = recorded.get(name);
            Entry is = actual.get(name);
            if (is == null) {
                problems.add(new SumProblem(SumProblem.Kind.REMOVED, name, what(was) + " " + name + " is listed in " + fileName
                        + " but is gone. Restore it from version control; if it was removed on purpose (it was never applied"
                        + " anywhere), rebuild the sum file."));
            } else if (was == null) {
                problems.add(new SumProblem(SumProblem.Kind.ADDED, name, what(is) + " " + name + " is not listed in " + fileName
                        + ": it was written by hand or merged from another branch without its sum line. If it belongs,"
                        + " rebuild the sum file; if two branches both added migrations, renumber the ones merged last first."));
            } else if (!was.hash().equals(is.hash())) {
                problems.add(is.kind() == FileKind.SNAPSHOT
                        ? new SumProblem(SumProblem.Kind.SNAPSHOT_CHANGED, name, "snapshot " + name + " differs from the one written"
                        + " with its migration, so it no longer describes what the migrations build. Restore it from version"
                        + " control; snapshots are written by Shale, never by hand.")
                        : new SumProblem(SumProblem.Kind.EDITED, name, what(is) + " " + name + " was changed after " + fileName
                        + " recorded it. Restore it from version control and put the change in a new migration; if it was"
                        + " never applied anywhere and the edit is intended, rebuild the sum file."));
            }
        }
        problems.addAll(unpaired(current.entries));
        return List.copyOf(problems);
    }

    /** Migrations without a snapshot of their number, snapshots without a migration, and numbers two migrations share. */
    private static List<SumProblem> unpaired(List<Entry> files) {
        Map<BigInteger, String> migrations = new TreeMap<>();
        Map<BigInteger, String> snapshots = new TreeMap<>();
        List<SumProblem> taken = new ArrayList<>();
        for (Entry e : files) {
            if (e.kind() == FileKind.MIGRATION) {
                String other = migrations.putIfAbsent(e.number(), e.name());
                if (other != null) {
                    taken.add(new SumProblem(SumProblem.Kind.NUMBER_TAKEN, e.name(), "migrations " + other + " and " + e.name()
                            + " have one number: two branches each added a migration. Renumber the one merged last (with"
                            + " its down file and snapshot) after the other's, then rebuild the sum file."));
                }
            } else if (e.kind() == FileKind.SNAPSHOT) {
                snapshots.put(e.number(), e.name());
            }
        }
        List<SumProblem> out = new ArrayList<>();
        migrations.forEach((n, name) -> {
            if (!snapshots.containsKey(n)) {
                out.add(new SumProblem(SumProblem.Kind.UNPAIRED, name, "migration " + name + " has no snapshot of its number ("
                        + String.format("%04d", n) + "_snapshot.json), so the next migration cannot be generated from it."
                        + " Restore the snapshot from version control."));
            }
        });
        snapshots.forEach((n, name) -> {
            if (!migrations.containsKey(n)) {
                out.add(new SumProblem(SumProblem.Kind.UNPAIRED, name, "snapshot " + name + " has no migration of its number:"
                        + " restore the migration from version control, or remove the snapshot if its migration was removed."));
            }
        });
        out.addAll(taken);
        return out;
    }

    private static Map<String, Entry> byName(List<Entry> entries) {
        Map<String, Entry> out = new LinkedHashMap<>();
        entries.forEach(e -> out.putIfAbsent(e.name(), e));
        return out;
    }

    private static String what(Entry e) {
        return switch (e.kind()) {
            case MIGRATION -> "migration";
            case DOWN -> "down file";
            case SNAPSHOT -> "snapshot";
        };
    }

    private static String oneLine(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
