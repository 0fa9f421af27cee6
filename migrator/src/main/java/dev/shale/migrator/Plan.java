package dev.shale.migrator;

import dev.shale.migrator.MigrationException.Reason;
import dev.shale.migrator.MigrationStatus.Entry;
import dev.shale.migrator.MigrationStatus.State;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * Files against history rows: the state of every migration, the checks that run before anything is
 * applied, and what a migrate would apply. Pending means "not in the history table" by version and
 * name, never "newer than the newest applied", so a migration merged late is reported.
 *
 * @param files the migration files, by version
 * @param rows the history rows, by version
 * @param history the history table, for messages
 * @param fileName the display name expected for a version and name whose file is missing
 */
record Plan(List<Migration> files, List<AppliedMigration> rows, HistoryTable history, FileNamer fileName) {
    /** The display name of a missing file. */
    interface FileNamer {
        String of(int version, String name);
    }

    /** The state of every file and every row, by version (an applied row before a file of the same version). */
    MigrationStatus status() {
        Map<Integer, AppliedMigration> byVersion = rowsByVersion();
        int newest = rows.stream().mapToInt(AppliedMigration::version).max().orElse(Integer.MIN_VALUE);
        List<Entry> entries = new ArrayList<>();
        Map<Integer, Migration> filesByVersion = new TreeMap<>();
        for (Migration m : files) {
            filesByVersion.put(m.version(), m);
            AppliedMigration row = byVersion.get(m.version());
            if (row != null && row.name().equals(m.name())) {
                entries.add(new Entry(m.version(), m.name(), matches(row, m) ? State.APPLIED : State.CHANGED, row));
            } else if (row != null) {
                entries.add(new Entry(m.version(), m.name(), State.CONFLICT, row)); // renamed, or two branches' same number
            } else {
                entries.add(new Entry(m.version(), m.name(), m.version() < newest ? State.OUT_OF_ORDER : State.PENDING, null));
            }
        }
        for (AppliedMigration row : rows) {
            Migration m = filesByVersion.get(row.version());
            if (m == null) {
                entries.add(new Entry(row.version(), row.name(), State.MISSING, row));
            }
        }
        entries.sort(Comparator.comparingInt(Entry::version).thenComparing(e -> e.applied() == null));
        return new MigrationStatus(entries);
    }

    /** Refuses, before anything runs, a conflict, and unless allowed a changed, missing or out-of-order migration. */
    void validate(boolean allowChanged, boolean allowMissing, boolean allowOutOfOrder) {
        validate(allowChanged, allowMissing, allowOutOfOrder, null, "Nothing was applied");
    }

    /**
     * Refuses a conflict, and unless allowed a changed, out-of-order or missing migration (all of them in
     * one message; the reason of the first kind found, in that order: an out-of-order file is the one a run
     * would apply wrongly).
     *
     * @param meanwhile what changed in the history since the run last read it, or null
     * @param done what this run did before the check ("Nothing was applied")
     */
    void validate(boolean allowChanged, boolean allowMissing, boolean allowOutOfOrder, String meanwhile, String done) {
        Map<Integer, AppliedMigration> byVersion = rowsByVersion();
        for (Migration m : files) {
            AppliedMigration row = byVersion.get(m.version());
            if (row != null && !row.name().equals(m.name())) {
                throw conflict(m, row);
            }
        }
        MigrationStatus status = status();
        List<Refusal> refusals = new ArrayList<>();
        if (!allowChanged) {
            refusal(refusals, status, State.CHANGED, Reason.CHANGED, "allowChanged(true)", v -> {
                Migration m = file(v);
                return m.file() + " has changed since it was applied (" + status.entries().stream()
                        .filter(e -> e.version() == v && e.applied() != null).findFirst().map(e -> "on " + e.applied().appliedAt() + ", ")
                        .orElse("") + "checksum " + abbreviate(byVersion.get(v).checksum()) + ", now " + abbreviate(m.checksum()) + ")";
            }, "an applied migration must not be edited: restore the file from version control and put the change in a new "
                    + "migration; if the edit is deliberate and harmless (a comment, formatting), run with");
        }
        if (!allowOutOfOrder) {
            AppliedMigration newest = rows.stream().max(Comparator.comparingInt(AppliedMigration::version)).orElse(null);
            refusal(refusals, status, State.OUT_OF_ORDER, Reason.OUT_OF_ORDER, "allowOutOfOrder(true)",
                    v -> file(v).file() + " is not applied but is numbered below the newest applied migration "
                            + fileName.of(newest.version(), newest.name()),
                    "it was probably merged late from another branch and would run after newer ones: renumber it above "
                            + (newest == null ? 0 : newest.version()) + ", or if the order does not matter, run with");
        }
        if (!allowMissing) {
            refusal(refusals, status, State.MISSING, Reason.MISSING, "allowMissing(true)", v -> {
                AppliedMigration row = byVersion.get(v);
                return fileName.of(v, row.name()) + " is missing (version " + v + " is recorded as applied in " + history + ")";
            }, "restore the file from version control (or bring this checkout up to date); if it was removed on purpose, run with");
        }
        if (refusals.isEmpty()) {
            return;
        }
        String described = String.join("; ", refusals.stream().map(Refusal::described).toList());
        String fixes = String.join(" ", refusals.stream().map(r -> (r == refusals.get(0) ? "" : "For the " + r.kind() + ": ")
                + r.fix()).toList());
        throw MigrationException.of(refusals.get(0).reason(), refusals.get(0).first(), "refusing to migrate: " + described
                + (meanwhile == null ? "" : " (" + meanwhile + ")") + ". " + done + ": " + fixes);
    }

    /**
     * One kind of refusal found by {@link #validate}.
     *
     * @param kind what it is about, for the second and later fixes ("missing files")
     * @param first the file named in the exception
     */
    private record Refusal(Reason reason, String kind, String first, String described, String fix) {}

    /**
     * The plan after another read of the history: same files, the rows read now.
     */
    Plan withRows(List<AppliedMigration> now) {
        return new Plan(files, now, history, fileName);
    }

    /** The plan once {@code recorded} are recorded too. */
    Plan with(List<AppliedMigration> recorded) {
        List<AppliedMigration> more = new ArrayList<>(rows);
        more.addAll(recorded);
        more.sort(Comparator.comparingInt(AppliedMigration::version));
        return withRows(more);
    }

    /** The newest {@code n} rows, newest first (all when fewer). */
    List<AppliedMigration> newest(int n) {
        return newest(rows, n);
    }

    /** The newest {@code n} of {@code rows}, newest first (all when fewer). */
    static List<AppliedMigration> newest(List<AppliedMigration> rows, int n) {
        List<AppliedMigration> sorted = new ArrayList<>(rows);
        sorted.sort((a, b) -> Integer.compare(b.version(), a.version()));
        return List.copyOf(sorted.subList(0, Math.min(n, sorted.size())));
    }

    /**
     * What another runner did to the history between {@code before} and this plan, in words ("another runner
     * applied 0026_a, 0027_b and rolled back 0024_c"), or null when nothing changed.
     */
    String changesSince(Plan before) {
        Map<Integer, AppliedMigration> was = before.rowsByVersion();
        Map<Integer, AppliedMigration> now = rowsByVersion();
        List<String> added = now.values().stream().filter(r -> !r.equals(was.get(r.version()))).map(Plan::title).toList();
        List<String> removed = was.values().stream().filter(r -> !r.equals(now.get(r.version()))).map(Plan::title).toList();
        if (added.isEmpty() && removed.isEmpty()) {
            return null;
        }
        return "meanwhile another runner " + (added.isEmpty() ? "" : "applied " + String.join(", ", added))
                + (added.isEmpty() || removed.isEmpty() ? "" : " and ")
                + (removed.isEmpty() ? "" : "rolled back " + String.join(", ", removed));
    }

    /** {@code 0003_add_index}. */
    static String title(AppliedMigration row) {
        return String.format("%04d_%s", row.version(), row.name());
    }

    /** The migrations a migrate applies, in version order: all not applied, up to {@code target} when set. */
    List<Migration> pending(Integer target) {
        Map<Integer, AppliedMigration> byVersion = rowsByVersion();
        List<Migration> out = new ArrayList<>();
        for (Migration m : files) {
            if (!byVersion.containsKey(m.version()) && (target == null || m.version() <= target)) {
                out.add(m);
            }
        }
        return out;
    }

    /** The migration of an applied row, checked to have a down file that may run. */
    Migration reversible(AppliedMigration row) {
        Migration m = files.stream().filter(f -> f.version() == row.version()).findFirst().orElse(null);
        String up = fileName.of(row.version(), row.name());
        String expected = up.substring(0, up.length() - ".sql".length()) + ".down.sql";
        if (m == null || !m.name().equals(row.name())) {
            throw MigrationException.of(Reason.IRREVERSIBLE, expected, "cannot roll back version " + row.version() + " (" + row.name()
                    + "): its files are missing, so there is no down file " + expected + ". Nothing was rolled back: restore the files "
                    + "from version control.");
        }
        if (m.downSql() == null) {
            throw MigrationException.of(Reason.IRREVERSIBLE, expected, "cannot roll back " + m.file() + ": its down file " + expected
                    + " does not exist. Nothing was rolled back: write the down file (the reverse of the migration), or regenerate it.");
        }
        if (!m.reversible()) {
            throw MigrationException.of(Reason.IRREVERSIBLE, m.downFile(), "cannot roll back " + m.file() + ": its down file "
                    + m.downFile() + " is marked -- shale:irreversible. Nothing was rolled back: restore from a backup, or write a new "
                    + "forward migration that undoes it.");
        }
        return m;
    }

    MigrationException conflict(Migration m, AppliedMigration row) {
        return MigrationException.of(Reason.CONFLICT, m.file(), m.file() + " has version " + m.version() + ", but " + history
                + " records version " + m.version() + " as \"" + row.name() + "\": two migrations share a number (branches merged "
                + "together?). Renumber " + m.file() + " to the next free number; if the file was renamed after it was applied, "
                + "restore its old name.");
    }

    private void refusal(List<Refusal> out, MigrationStatus status, State state, Reason reason, String option,
                         IntFunction<String> what, String fix) {
        List<Entry> found = status.entries().stream().filter(e -> e.state() == state).toList();
        if (found.isEmpty()) {
            return;
        }
        List<String> described = found.stream().map(e -> what.apply(e.version())).toList();
        String first = state == State.MISSING ? fileName.of(found.get(0).version(), found.get(0).name()) : file(found.get(0).version()).file();
        String kind = switch (state) {
            case CHANGED -> "changed files";
            case MISSING -> "missing files";
            case OUT_OF_ORDER -> "files out of order";
            case APPLIED, PENDING, CONFLICT -> throw new IllegalArgumentException(state.toString()); // conflicts are refused first
        };
        out.add(new Refusal(reason, kind, first, String.join("; ", described), fix + " " + option + "."));
    }

    /**
     * Whether a row's checksum matches the file. A row written by another checksum version cannot be
     * compared (a later normalization must not look like an edit) and counts as matching.
     */
    private static boolean matches(AppliedMigration row, Migration m) {
        return row.checksumVersion() != Checksums.VERSION || row.checksum().equals(m.checksum());
    }

    private Migration file(int version) {
        return files.stream().filter(m -> m.version() == version).findFirst().orElseThrow();
    }

    private Map<Integer, AppliedMigration> rowsByVersion() {
        Map<Integer, AppliedMigration> out = new TreeMap<>();
        for (AppliedMigration row : rows) {
            out.put(row.version(), row);
        }
        return out;
    }

    private static String abbreviate(String checksum) {
        return checksum.length() > 12 ? checksum.substring(0, 12) + "…" : checksum;
    }
}
