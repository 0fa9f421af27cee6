package dev.shale.workflow;

import dev.shale.diff.Differ;
import dev.shale.diff.RenameDecisions;
import dev.shale.diff.UnsupportedChangeException;
import dev.shale.dsl.SchemaDefinition;
import dev.shale.migrator.MigrationFileName;
import dev.shale.migrator.SumFile;
import dev.shale.model.InvalidModelException;
import dev.shale.model.SchemaModel;
import dev.shale.render.MigrationScript;
import dev.shale.snapshot.Snapshot;
import dev.shale.snapshot.SnapshotException;
import dev.shale.snapshot.SnapshotHistory;
import dev.shale.snapshot.SnapshotJson;
import dev.shale.workflow.WorkflowException.Reason;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rebase: after merging a branch that also generated migrations, puts this branch's migrations after the
 * other's, so the history is one chain again.
 *
 * <p><b>Whose migrations are whose.</b> Git says, not the files in the folder (which a conflicted merge
 * leaves half one side's, half the other's). The <em>target</em> is the branch merged in: {@code MERGE_HEAD}
 * while a merge is in progress, else the given ref, else the upstream of the current branch, else
 * {@code main}. Its migrations and snapshots, as committed there, are kept byte for byte. <em>Ours</em> are
 * the migrations committed on {@code HEAD} that the target does not have (by file name and content). The
 * target must already be merged (a merge in progress, or an ancestor of {@code HEAD}), because this
 * branch's last migration is generated from the schema code, which must hold both branches' changes.
 *
 * <p><b>How ours are rebuilt.</b> In order, numbered after the target's newest: a hand-written one
 * (its snapshot carries the model forward unchanged) keeps its SQL and down file, retitled; a generated one
 * is generated again, with its own name, from the merged snapshot before it: the last one up to the schema
 * code, an earlier one up to the merged schema with the objects it changed taken from its own snapshot. The
 * rename answers it was generated with (read back from its SQL: which disappeared objects it renamed, which
 * it dropped) answer the same questions again; only a question the merge raised anew is asked. A migration
 * whose changes the target already made comes out empty and is left out.
 *
 * <p>Everything is computed and checked (snapshot chain, files in step, integrity) before a file is
 * touched; then the files and {@code shale.sum} are rewritten all or nothing.
 */
public final class Rebaser {
    private Rebaser() {}

    /**
     * What the user asked for.
     *
     * @param onto the branch or commit to put this branch's migrations after, or null for the default
     */
    public record Request(String onto) {}

    /**
     * One of this branch's migrations, renumbered.
     *
     * @param from its file before ({@code 0007_add_users_bio.sql})
     * @param to the files it became, in order (empty when its changes were already made by the target)
     * @param custom whether it is hand-written (its SQL was kept)
     */
    public record Moved(String from, List<String> to, boolean custom) {
        public Moved {
            to = List.copyOf(to);
        }
    }

    /**
     * The outcome.
     *
     * @param onto the target as the user would name it ({@code MERGE_HEAD}, {@code main})
     * @param kept how many of the target's migrations are kept before ours
     * @param moved this branch's migrations, in their new order (empty when there were none)
     * @param written files written or rewritten
     * @param removed files removed
     */
    public record Result(String onto, int kept, List<Moved> moved, List<Path> written, List<Path> removed) {
        public Result {
            moved = List.copyOf(moved);
            written = List.copyOf(written);
            removed = List.copyOf(removed);
        }
    }

    /** One of our migrations as committed on HEAD. */
    private record Ours(int number, String title, String name, String sql, String downSql, Snapshot before, Snapshot after) {}

    public static Result rebase(Project project, Request request, Questions questions) {
        GitRepo git = GitRepo.at(project.root());
        String onto = request.onto();
        if (onto == null) {
            onto = git.commit("MERGE_HEAD") != null ? "MERGE_HEAD" : git.upstream() != null ? git.upstream() : "main";
        }
        String target = git.commit(onto);
        if (target == null) {
            throw new WorkflowException(Reason.GIT, onto, onto + " names no commit in this repository: the migrations of the"
                    + " branch merged in are read from there. Name the branch that was merged");
        }
        String head = git.commit("HEAD");
        if (head == null) {
            throw new WorkflowException(Reason.GIT, "HEAD", "the repository has no commit yet, so this branch has no migrations to renumber");
        }
        boolean merging = "MERGE_HEAD".equals(onto) || target.equals(git.commit("MERGE_HEAD"));
        if (!merging && !git.isAncestor(target, head)) {
            throw new WorkflowException(Reason.GIT, onto, onto + " is not merged into this branch yet: merge it first (its schema code"
                    + " changes must be in the code this branch's migrations are generated from), then renumber");
        }
        // Our side: HEAD, or, when HEAD is the merge commit that brought the target in, its first parent (this
        // branch as it was before the merge, whatever the merge's resolution kept).
        String ourSide = head;
        String firstParent = git.commit("HEAD^1");
        if (!merging && git.commit("HEAD^2") != null && firstParent != null && !git.isAncestor(target, firstParent)) {
            ourSide = firstParent;
        }
        String migRel = git.relative(project.migrationsDir());
        String snapRel = git.relative(project.snapshotsDir());
        Map<String, String> theirMigrations = migrationFiles(git.files(target, migRel));
        Map<String, String> theirSnapshots = snapshotFiles(git.files(target, snapRel));
        Map<String, String> ourMigrations = migrationFiles(git.files(ourSide, migRel));
        Map<String, String> ourSnapshots = snapshotFiles(git.files(ourSide, snapRel));

        List<Snapshot> theirChain = chain(theirSnapshots, onto);
        TreeMap<Integer, String> theirUps = ups(theirMigrations);
        if (theirUps.size() != theirChain.size()) {
            throw new WorkflowException(Reason.FILES_OUT_OF_STEP, onto, "the migrations and snapshots of " + onto + " are not in step ("
                    + theirUps.size() + " migrations, " + theirChain.size() + " snapshots); fix that branch first");
        }
        List<Ours> ours = ours(theirMigrations, theirSnapshots, ourMigrations, ourSnapshots, theirUps);
        if (ours.isEmpty()) {
            throw new WorkflowException(Reason.GIT, onto, "this branch (HEAD) has no migrations that " + onto + " does not have:"
                    + " there is nothing to renumber");
        }
        for (Ours o : ours) {
            refuseUncommitted(project, o);
        }
        for (Path f : ScratchCheck.historyFiles(project)) {
            String name = f.getFileName().toString();
            boolean known = name.equals(SumFile.FILE_NAME) || ourMigrations.containsKey(name) || theirMigrations.containsKey(name)
                    || ourSnapshots.containsKey(name) || theirSnapshots.containsKey(name);
            if (!known) {
                throw new WorkflowException(Reason.GIT, project.show(f), project.show(f) + " is committed on neither branch; the"
                        + " new history is built from the committed files, so it would be removed. Commit it, or remove it first");
            }
        }

        // Plan the new history: the target's files as they are, then ours, renumbered.
        Map<Path, String> finalFiles = new TreeMap<>();
        theirMigrations.forEach((name, text) -> finalFiles.put(project.migrationsDir().resolve(name), text));
        theirSnapshots.forEach((name, text) -> finalFiles.put(project.snapshotsDir().resolve(name), text));
        Snapshot prev = theirChain.isEmpty() ? null : theirChain.get(theirChain.size() - 1);
        int number = theirChain.size();
        SchemaDefinition code = null;
        int lastGenerated = -1;
        for (int i = 0; i < ours.size(); i++) {
            if (!custom(ours.get(i))) {
                lastGenerated = i;
            }
        }
        if (lastGenerated >= 0) {
            code = SchemaLoader.load(project).definition();
        }
        List<Moved> moved = new ArrayList<>();
        for (int i = 0; i < ours.size(); i++) {
            Ours o = ours.get(i);
            SchemaModel current = prev == null ? SchemaModel.EMPTY : prev.model();
            if (custom(o)) {
                String title = String.format("%04d_%s", number, o.name());
                Snapshot snapshot = Snapshot.next(prev, current);
                finalFiles.put(project.layout().upFile(project.migrationsDir(), number, o.name()), retitle(o.sql(), o, title));
                if (o.downSql() != null) {
                    finalFiles.put(project.layout().downFile(project.migrationsDir(), number, o.name()), retitle(o.downSql(), o, title));
                }
                finalFiles.put(project.snapshotsDir().resolve(SnapshotHistory.fileName(number)), SnapshotJson.write(snapshot));
                moved.add(new Moved(fileName(project, o), List.of(project.layout().upFile(project.migrationsDir(), number, o.name())
                        .getFileName().toString()), true));
                prev = snapshot;
                number++;
                continue;
            }
            SchemaModel target2 = i == lastGenerated ? code.model() : overlay(current, o, code.model());
            RenameDecisions decisions = RenameReplay.recovered(o.before(), o.after(), o.sql(), code.renames());
            decisions = RenameReplay.settle(current, target2, decisions, questions);
            MigrationPlan plan;
            try {
                // regenerated the way generate writes them: in online mode when the project has it on
                // (an online file's name already ends in the suffix online planning gives it)
                String name = project.online().enabled() ? MigrationPlan.onlineBase(o.name()) : o.name();
                plan = MigrationPlan.of(number, prev, Differ.plan(current, target2, decisions, code.conversions()), name,
                        project.online());
            } catch (UnsupportedChangeException e) {
                throw Generator.unsupported(e);
            }
            List<String> to = new ArrayList<>();
            for (MigrationPlan.Planned m : plan.migrations()) {
                finalFiles.put(m.migrationFile(project.migrationsDir(), project.layout()), m.sql());
                finalFiles.put(m.downFile(project.migrationsDir(), project.layout()), m.downSql());
                finalFiles.put(m.snapshotFile(project.snapshotsDir()), m.snapshotJson());
                to.add(m.migrationFile(project.migrationsDir(), project.layout()).getFileName().toString());
                prev = m.snapshot();
                number++;
            }
            moved.add(new Moved(fileName(project, o), to, false));
        }
        return write(project, onto, theirChain.size(), moved, finalFiles);
    }

    /** Checks the new history as a whole in a scratch folder, then rewrites the project's files to it. */
    private static Result write(Project project, String onto, int kept, List<Moved> moved, Map<Path, String> finalFiles) {
        SumFile sum = SumFile.compute(project.migrationsDir(), project.snapshotsDir());
        for (SumFile.Entry e : sum.entries()) {
            sum = sum.without(e.name());
        }
        for (Path p : finalFiles.keySet()) {
            sum = sum.with(p.getFileName().toString(), finalFiles.get(p));
        }
        Path sumFile = Integrity.file(project);
        finalFiles.put(sumFile, sum.text());
        ScratchCheck.verify(project, finalFiles);

        List<FileEdits.Edit> edits = new ArrayList<>();
        List<Path> written = new ArrayList<>();
        List<Path> removed = new ArrayList<>();
        for (Path existing : ScratchCheck.historyFiles(project)) {
            if (!finalFiles.containsKey(existing)) {
                edits.add(FileEdits.Edit.remove(existing));
                removed.add(existing);
            }
        }
        finalFiles.forEach((file, text) -> {
            if (!GitRepo.same(file, text)) {
                edits.add(FileEdits.Edit.write(file, text));
                written.add(file);
            }
        });
        FileEdits.apply(edits);
        return new Result(onto, kept, moved, written, removed);
    }

    private static String fileName(Project project, Ours o) {
        return project.layout().upFile(project.migrationsDir(), o.number(), o.name()).getFileName().toString();
    }

    /** A hand-written migration: its snapshot is its parent's model carried forward (generate writes nothing that changes nothing). */
    private static boolean custom(Ours o) {
        if (o.before() != null && o.after() != null) {
            return o.before().model().equals(o.after().model());
        }
        return o.sql().contains(MigrationScript.HAND_WRITTEN) || !o.sql().contains(MigrationScript.GENERATED);
    }

    /** The title line a file starts with, changed from the old title to the new one; the rest is kept byte for byte. */
    private static String retitle(String text, Ours o, String newTitle) {
        // the header names the migration NNNN_name in either layout; the file name of Flyway's layout is V<n>__name
        for (String old : List.of(String.format("%04d_%s", o.number(), o.name()), o.title())) {
            String prefix = "-- " + old;
            if (text.startsWith(prefix)) {
                return "-- " + newTitle + text.substring(prefix.length());
            }
        }
        return text;
    }

    private static Map<String, String> migrationFiles(Map<String, String> files) {
        Map<String, String> out = new TreeMap<>();
        files.forEach((name, text) -> {
            if (MigrationFileName.parse(name) != null && !name.equals(SumFile.FILE_NAME)) {
                out.put(name, text);
            }
        });
        return out;
    }

    private static Map<String, String> snapshotFiles(Map<String, String> files) {
        Map<String, String> out = new TreeMap<>();
        files.forEach((name, text) -> {
            if (SnapshotHistory.FILE_NAME.matcher(name).matches()) {
                out.put(name, text);
            }
        });
        return out;
    }

    /** The up files by number. */
    private static TreeMap<Integer, String> ups(Map<String, String> migrations) {
        TreeMap<Integer, String> out = new TreeMap<>();
        for (String name : migrations.keySet()) {
            MigrationFileName m = MigrationFileName.parse(name);
            if (m != null && !m.down()) {
                String other = out.put(Integer.parseInt(m.number()), name);
                if (other != null) {
                    throw new WorkflowException(Reason.BRANCH_CONFLICT, name, "migrations " + other + " and " + name
                            + " share a number in one commit: that branch's history is already forked; fix it there first");
                }
            }
        }
        return out;
    }

    /** The snapshots of one side, checked as a chain (numbers without gaps, each following the one before). */
    private static List<Snapshot> chain(Map<String, String> snapshots, String side) {
        List<Snapshot> out = new ArrayList<>();
        String prevId = Snapshot.ROOT_ID;
        for (var e : new TreeMap<>(snapshots).entrySet()) {
            String shown = side + ":" + e.getKey();
            if (!e.getKey().equals(SnapshotHistory.fileName(out.size()))) {
                throw new WorkflowException(Reason.FILES_OUT_OF_STEP, shown, shown + " is out of sequence: expected "
                        + SnapshotHistory.fileName(out.size()) + "; fix the history of " + side + " first");
            }
            Snapshot s;
            try {
                s = SnapshotJson.read(e.getValue(), shown);
            } catch (SnapshotException x) {
                throw new WorkflowException(Reason.SNAPSHOT_NOT_READ, shown, x.getMessage(), x);
            }
            if (!s.prevId().equals(prevId)) {
                throw new WorkflowException(Reason.BRANCH_CONFLICT, shown, shown + " does not follow the snapshot before it"
                        + " (prevId " + s.prevId() + ", expected " + prevId + "): the history of " + side + " is already forked; fix it there first");
            }
            out.add(s);
            prevId = s.id();
        }
        return out;
    }

    /** This branch's migrations: committed on HEAD, not in the target (by name and content); all after the target's. */
    private static List<Ours> ours(Map<String, String> theirs, Map<String, String> theirSnapshots, Map<String, String> head,
                                   Map<String, String> headSnapshots, TreeMap<Integer, String> theirUps) {
        List<Ours> out = new ArrayList<>();
        TreeMap<Integer, String> headUps = ups(head);
        Map<Integer, Snapshot> snapshots = new TreeMap<>();
        headSnapshots.forEach((name, text) -> {
            if (text.equals(theirSnapshots.get(name)) && !theirUps.isEmpty()
                    && !head.containsKey(theirUps.getOrDefault(number(name), ""))) {
                return; // the target's snapshot of a number our migration also has: not ours
            }
            try {
                var m = SnapshotHistory.FILE_NAME.matcher(name);
                m.matches();
                snapshots.put(Integer.parseInt(m.group(1)), SnapshotJson.read(text, "HEAD:" + name));
            } catch (SnapshotException | NumberFormatException e) {
                // unreadable: treated as unknown (then a migration counts as generated unless it says it is hand-written)
            }
        });
        int firstOurs = Integer.MAX_VALUE;
        for (var e : headUps.entrySet()) {
            String name = e.getValue();
            if (name.equals(theirUps.get(e.getKey())) && head.get(name).equals(theirs.get(name))) {
                if (e.getKey() > firstOurs) {
                    throw new WorkflowException(Reason.BRANCH_CONFLICT, name, name + " is in both branches but comes after"
                            + " migrations only this branch has; the histories interleave and cannot be put in one order automatically");
                }
                continue;
            }
            firstOurs = Math.min(firstOurs, e.getKey());
            MigrationFileName m = MigrationFileName.parse(name);
            String title = name.substring(0, name.length() - ".sql".length());
            String down = head.get(downName(name));
            Snapshot after = snapshots.get(e.getKey());
            // before the first migration is the empty schema; before any other, the snapshot of the number below
            Snapshot before = e.getKey() == 0 ? Snapshot.next(null, SchemaModel.EMPTY) : snapshots.get(e.getKey() - 1);
            boolean chained = after != null && before != null
                    && after.prevId().equals(e.getKey() == 0 ? Snapshot.ROOT_ID : before.id());
            out.add(new Ours(e.getKey(), title, m.name(), head.get(name), down, chained ? before : null, chained ? after : null));
        }
        return out;
    }

    private static int number(String snapshotName) {
        var m = SnapshotHistory.FILE_NAME.matcher(snapshotName);
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }

    private static String downName(String upName) {
        return upName.startsWith("V") ? "U" + upName.substring(1) : upName.substring(0, upName.length() - ".sql".length()) + ".down.sql";
    }

    /** Refuses when the working copy of one of our migrations differs from HEAD's: rebasing would lose that edit. */
    private static void refuseUncommitted(Project project, Ours o) {
        Path up = project.migrationsDir().resolve(o.title() + ".sql");
        if (java.nio.file.Files.exists(up) && !GitRepo.same(up, o.sql())) {
            throw new WorkflowException(Reason.GIT, project.show(up), project.show(up) + " has changes not committed on this"
                    + " branch; the renumbered migration is built from the committed one, so the change would be lost. Commit or"
                    + " stash it first");
        }
    }

    /**
     * An earlier generated migration's target on the merged history: the merged model with each object that
     * migration changed (added, altered, removed) taken from its own snapshot. The last migration is generated
     * up to the schema code instead, which has both branches' changes to the same object.
     */
    private static SchemaModel overlay(SchemaModel merged, Ours o, SchemaModel code) {
        if (o.before() == null || o.after() == null) {
            return code;
        }
        try {
            return ModelOverlay.apply(merged, o.before().model(), o.after().model());
        } catch (InvalidModelException e) {
            throw new WorkflowException(Reason.BRANCH_CONFLICT, o.title(), "migration " + o.title() + " cannot be replayed on the"
                    + " merged history (" + e.getMessage() + "): the other branch changed what it builds on. Remove it and"
                    + " generate its changes again", e);
        }
    }
}
