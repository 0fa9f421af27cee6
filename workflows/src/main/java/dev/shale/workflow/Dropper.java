package dev.shale.workflow;

import dev.shale.migrator.DatabaseUrl;
import dev.shale.migrator.MigrationFileName;
import dev.shale.migrator.MigrationStatus;
import dev.shale.migrator.Migrator;
import dev.shale.migrator.SumFile;
import dev.shale.model.QualifiedName;
import dev.shale.snapshot.SnapshotHistory;
import dev.shale.workflow.WorkflowException.Reason;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Drop: removes the newest migration (or a named one and every later one) with its down file and snapshot,
 * and rewrites the integrity file, so the next generate writes that number again. A migration applied on
 * the project's database (when one is configured) is never removed: the database would keep a change no
 * file describes. A migration with later ones is removed only with them, since their snapshots build on
 * it: the history stays one chain without holes.
 */
public final class Dropper {
    private Dropper() {}

    /**
     * What the user asked for.
     *
     * @param number the migration to remove, or null for the newest
     * @param withLater whether a migration that has later ones is removed together with them (else refused)
     */
    public record Request(Integer number, boolean withLater) {
        public static final Request NEWEST = new Request(null, false);
    }

    /**
     * What was removed.
     *
     * @param dropped the migrations removed, newest first, by title ({@code 0007_add_users_bio})
     * @param removed the files removed
     * @param sum the integrity file rewritten
     * @param database the database checked, password masked, or null when none is configured
     */
    public record Result(List<String> dropped, List<Path> removed, Path sum, String database) {
        public Result {
            dropped = List.copyOf(dropped);
            removed = List.copyOf(removed);
        }
    }

    public static Result drop(Project project, Request request) {
        BranchConflicts.check(project);
        SnapshotHistory history = SnapshotHistory.load(project.snapshotsDir());
        ProjectFiles.checkInStep(project, history);
        Integrity.verify(project, false);
        TreeMap<Integer, List<Path>> migrations = new TreeMap<>(ProjectFiles.migrations(project.migrationsDir()));
        if (migrations.isEmpty()) {
            throw new WorkflowException(Reason.FILES_OUT_OF_STEP, project.show(project.migrationsDir()),
                    project.show(project.migrationsDir()) + " holds no migrations: there is nothing to remove");
        }
        int newest = migrations.lastKey();
        int number = request.number() == null ? newest : request.number();
        if (!migrations.containsKey(number)) {
            throw new WorkflowException(Reason.FILES_OUT_OF_STEP, String.format("%04d", number), "there is no migration "
                    + String.format("%04d", number) + " in " + project.show(project.migrationsDir()) + " (the migrations are "
                    + String.format("%04d", migrations.firstKey()) + " to "
                    + String.format("%04d", newest) + ")");
        }
        List<Path> ups = new ArrayList<>();
        for (int n = newest; n >= number; n--) {
            ups.add(migrations.get(n).get(0));
        }
        Path named = ups.get(ups.size() - 1);
        if (ups.size() > 1 && !request.withLater()) {
            throw new WorkflowException(Reason.LATER_MIGRATIONS, project.show(named), project.show(named) + " is not the newest"
                    + " migration: " + and(ups.subList(0, ups.size() - 1).stream().map(project::show).toList()) + " came after it,"
                    + " and their snapshots build on its snapshot, so removing it alone would break the chain. Nothing was removed");
        }
        String database = refuseApplied(project, ups);
        List<FileEdits.Edit> edits = new ArrayList<>();
        List<Path> removed = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        SumFile sum = SumFile.compute(project.migrationsDir(), project.snapshotsDir());
        for (Path up : ups) {
            String name = up.getFileName().toString();
            titles.add(name.substring(0, name.length() - ".sql".length()));
            int n = Integer.parseInt(MigrationFileName.parse(name).number()); // an up file's name, as ProjectFiles listed it
            for (Path f : List.of(up, up.resolveSibling(downOf(name)), project.snapshotsDir().resolve(SnapshotHistory.fileName(n)))) {
                if (Files.exists(f)) {
                    edits.add(FileEdits.Edit.remove(f));
                    removed.add(f);
                    sum = sum.without(f.getFileName().toString());
                }
            }
        }
        Path sumFile = Integrity.file(project);
        edits.add(FileEdits.Edit.write(sumFile, sum.text()));
        FileEdits.apply(edits);
        return new Result(titles, removed, sumFile, database);
    }

    /**
     * Refuses when the project's database has one of the migrations applied; returns the database as shown
     * (password masked), or null when none is configured.
     */
    private static String refuseApplied(Project project, List<Path> ups) {
        String url = project.migrationsUrl();
        if (url == null || url.isBlank()) {
            return null;
        }
        String shown = DatabaseUrl.redact(url);
        QualifiedName table = project.historyTable();
        MigrationStatus status = Migrator.builder().url(url).location(project.migrationsDir())
                .historyTable(table.schema(), table.name()).build().status();
        for (Path up : ups) {
            int n = Integer.parseInt(MigrationFileName.parse(up.getFileName().toString()).number());
            for (MigrationStatus.Entry e : status.entries()) {
                if (e.version() == n && e.applied() != null) {
                    throw new WorkflowException(Reason.MIGRATION_APPLIED, project.show(up), project.show(up) + " is applied on the"
                            + " database " + shown + " (" + (e.applied().appliedAt() == null ? "" : "since " + e.applied().appliedAt()
                            + ", ") + "recorded in " + table.display() + "): removing its file would leave that database with a"
                            + " change no migration describes. Nothing was removed");
                }
            }
        }
        return shown;
    }

    private static String downOf(String upName) {
        return upName.startsWith("V") ? "U" + upName.substring(1) : upName.substring(0, upName.length() - ".sql".length()) + ".down.sql";
    }

    private static String and(List<String> items) {
        return items.size() <= 1 ? String.join("", items)
                : String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
