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
        Map<Integer, AppliedMigration> byVersion = rowsByVersion();
        for (Migration m : files) {
            AppliedMigration row = byVersion.get(m.version());
            if (row != null && !row.name().equals(m.name())) {
                throw conflict(m, row);
            }
        }
        MigrationStatus status = status();
        if (!allowChanged) {
            refuse(status, State.CHANGED, Reason.CHANGED, "--allow-changed", "allowChanged(true)", v -> {
                Migration m = file(v);
                return m.file() + " has changed since it was applied (" + status.entries().stream()
                        .filter(e -> e.version() == v && e.applied() != null).findFirst().map(e -> "on " + e.applied().appliedAt() + ", ")
                        .orElse("") + "checksum " + abbreviate(byVersion.get(v).checksum()) + ", now " + abbreviate(m.checksum()) + ")";
            }, "an applied migration must not be edited: restore the file from version control and put the change in a new "
                    + "migration; if the edit is deliberate and harmless (a comment, formatting), run with");
        }
        if (!allowMissing) {
            refuse(status, State.MISSING, Reason.MISSING, "--allow-missing", "allowMissing(true)", v -> {
                AppliedMigration row = byVersion.get(v);
                return fileName.of(v, row.name()) + " is missing (version " + v + " is recorded as applied in " + history + ")";
            }, "restore the file from version control; if it was removed on purpose, run with");
        }
        if (!allowOutOfOrder) {
            AppliedMigration newest = rows.stream().max(Comparator.comparingInt(AppliedMigration::version)).orElse(null);
            refuse(status, State.OUT_OF_ORDER, Reason.OUT_OF_ORDER, "--out-of-order", "allowOutOfOrder(true)",
                    v -> file(v).file() + " is not applied but is numbered below the newest applied migration "
                            + fileName.of(newest.version(), newest.name()),
                    "it was probably merged late from another branch and would run after newer ones: renumber it above "
                            + (newest == null ? 0 : newest.version()) + ", or if the order does not matter, run with");
        }
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

    private void refuse(MigrationStatus status, State state, Reason reason, String flag, String option, IntFunction<String> what,
                        String fix) {
        List<Entry> found = status.entries().stream().filter(e -> e.state() == state).toList();
        if (found.isEmpty()) {
            return;
        }
        List<String> described = found.stream().map(e -> what.apply(e.version())).toList();
        String first = state == State.MISSING ? fileName.of(found.get(0).version(), found.get(0).name()) : file(found.get(0).version()).file();
        throw MigrationException.of(reason, first, "refusing to migrate: " + String.join("; ", described) + ". Nothing was applied: "
                + fix + " " + flag + " (" + option + ").");
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
