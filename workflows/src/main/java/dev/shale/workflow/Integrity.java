package dev.shale.workflow;

import dev.shale.migrator.SumFile;
import dev.shale.migrator.SumProblem;
import dev.shale.workflow.WorkflowException.Reason;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The project's integrity file ({@code migrations/shale.sum}, see {@link SumFile}): verified before
 * generate and check trust the migrations and snapshots, and rewritten with every batch of files
 * generate or pull writes, so an edited, removed or half-merged migration, or a snapshot edited apart
 * from its migration, is caught before any database is involved.
 */
public final class Integrity {
    private Integrity() {}

    /** Where the project's integrity file is. */
    public static Path file(Project project) {
        return project.migrationsDir().resolve(SumFile.FILE_NAME);
    }

    /**
     * Refuses files that disagree with the integrity file. A project without one is accepted only while it
     * has no migrations (or, with {@code adopt}, as it is: generate then writes the file for the first time).
     */
    static void verify(Project project, boolean adopt) {
        Optional<SumFile> sum = SumFile.read(file(project));
        if (sum.isEmpty()) {
            if (!adopt && !ProjectFiles.migrations(project.migrationsDir()).isEmpty()) {
                throw new WorkflowException(Reason.INTEGRITY, project.show(file(project)), project.show(file(project))
                        + " is missing: nothing vouches for the migrations and snapshots. Restore it from version control,"
                        + " or, if the project predates it, write it from the files as they are now");
            }
            return;
        }
        List<SumProblem> problems = sum.get().verify(project.migrationsDir(), project.snapshotsDir());
        if (!problems.isEmpty()) {
            StringBuilder b = new StringBuilder(project.show(file(project)) + " does not match the files ("
                    + (problems.size() == 1 ? "1 problem" : problems.size() + " problems") + "):");
            for (SumProblem p : problems) {
                b.append("\n  ").append(p.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')).append(": ")
                        .append(p.message());
            }
            if (halfMerged(problems) || BranchConflicts.hasConflictMarkers(file(project))) {
                b.append("\nThis is a half-merged history: two branches each added migrations, and the files of both are"
                        + " here without one chain through them. Migrating it would apply migrations nobody reviewed in that"
                        + " order. Keep the migrations of the branch merged in, and regenerate this branch's after them.");
            }
            b.append("\nA migration that reached a database must not change: restore the files from version control."
                    + " If the change is deliberate (a hand-written migration not applied anywhere yet), rewrite the"
                    + " integrity file from the files as they are now");
            throw new WorkflowException(Reason.INTEGRITY, project.show(file(project)), b.toString());
        }
    }

    /** Whether the problems are those a merge of two branches that both added migrations leaves. */
    private static boolean halfMerged(List<SumProblem> problems) {
        for (SumProblem p : problems) {
            switch (p.kind()) {
                case NUMBER_TAKEN, CHAIN_BROKEN -> {
                    return true;
                }
                default -> { }
            }
        }
        return false;
    }

    /** The integrity file after {@code written} are added to the project's files as they are now. */
    static FileBatch.Entry after(Project project, List<FileBatch.Entry> written) {
        return after(project.migrationsDir(), project.snapshotsDir(), written);
    }

    static FileBatch.Entry after(Path migrationsDir, Path snapshotsDir, List<FileBatch.Entry> written) {
        SumFile sum = SumFile.compute(migrationsDir, snapshotsDir);
        for (FileBatch.Entry e : written) {
            sum = sum.with(e.target().getFileName().toString(), e.content());
        }
        return new FileBatch.Entry(migrationsDir.resolve(SumFile.FILE_NAME), sum.text(), true);
    }

    /**
     * Rewrites the integrity file from the files as they are now: after a deliberate edit of a migration
     * that no database has applied (a hand-written one), or to adopt a project that predates the file.
     *
     * @return the file written
     */
    public static Path rehash(Project project) {
        FileBatch.Entry entry = after(project, List.of());
        FileBatch.commit(List.of(entry));
        return entry.target();
    }
}
