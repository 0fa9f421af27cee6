package dev.shale.workflow;

import dev.shale.diff.DiffStep;
import dev.shale.diff.Hazard;
import dev.shale.diff.Hazards;
import dev.shale.diff.OnlineSteps;
import dev.shale.model.SchemaModel;
import dev.shale.render.MigrationScript;
import dev.shale.render.PostgresRenderer;
import dev.shale.render.Statement;
import dev.shale.snapshot.Snapshot;
import dev.shale.snapshot.SnapshotJson;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The files one {@code generate} would write: per diff step a numbered migration and the snapshot after
 * it. Computing them writes nothing, so {@code check} can show the pending SQL with the same code.
 *
 * @param migrations the migrations, in order
 */
public record MigrationPlan(List<Planned> migrations) {
    public MigrationPlan {
        migrations = List.copyOf(migrations);
    }

    /**
     * One migration and its snapshot.
     *
     * @param title the file name without extension ({@code 0001_add_users_timezone})
     * @param sql the migration file's text
     * @param hazards what a reviewer must know about it
     * @param snapshot the snapshot after it
     * @param snapshotJson the snapshot file's text
     * @param downSql the down file's text: the reverse, or an irreversible marker
     * @param downHazards what a reviewer must know about the reverse
     */
    public record Planned(String title, String sql, List<Hazard> hazards, Snapshot snapshot, String snapshotJson,
                          String downSql, List<Hazard> downHazards) {
        public Planned {
            hazards = List.copyOf(hazards);
            downHazards = List.copyOf(downHazards);
        }

        public Path migrationFile(Path migrationsDir) {
            return migrationsDir.resolve(title + ".sql");
        }

        public Path downFile(Path migrationsDir) {
            return migrationsDir.resolve(title + ".down.sql");
        }

        /** The up file in {@code layout} ({@code V1__add_users_timezone.sql} in Flyway's). */
        public Path migrationFile(Path migrationsDir, MigrationLayout layout) {
            return layout.upFile(migrationsDir, number(), name());
        }

        /** The down file in {@code layout} ({@code U1__add_users_timezone.sql} in Flyway's). */
        public Path downFile(Path migrationsDir, MigrationLayout layout) {
            return layout.downFile(migrationsDir, number(), name());
        }

        /** The migration's number ({@code 1} for {@code 0001_add_users_timezone}). */
        public int number() {
            return Integer.parseInt(title.substring(0, title.indexOf('_')));
        }

        /** The name part of the title ({@code add_users_timezone}). */
        public String name() {
            return title.substring(title.indexOf('_') + 1);
        }

        public Path snapshotFile(Path snapshotsDir) {
            return snapshotsDir.resolve(title.substring(0, title.indexOf('_')) + "_snapshot.json");
        }
    }

    /** The suffixes online planning gives the second and third of its migrations. */
    static final String CONCURRENT = "_concurrent";
    static final String NOT_NULL = "_not_null";

    /** {@code name} without the suffix online planning gave it, to plan it online again. */
    static String onlineBase(String name) {
        for (String suffix : List.of(CONCURRENT, NOT_NULL)) {
            if (name.endsWith(suffix) && name.length() > suffix.length()) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }

    /**
     * @param firstNumber the number of the first migration
     * @param previous the latest snapshot, or null
     * @param steps the diff steps
     * @param name the user's name for the migration, or null to derive one from the changes
     */
    public static MigrationPlan of(int firstNumber, Snapshot previous, List<DiffStep> steps, String name) {
        PostgresRenderer renderer = new PostgresRenderer();
        List<Planned> out = new ArrayList<>();
        Snapshot prev = previous;
        for (int i = 0; i < steps.size(); i++) {
            DiffStep step = steps.get(i);
            String base = name != null ? MigrationNames.sanitize(name) + (i == 0 ? "" : "_" + (i + 1))
                    : MigrationNames.derive(step.changes());
            String title = String.format("%04d_%s", firstNumber + i, base);
            List<Hazard> hazards = Hazards.of(step.changes());
            Planned planned = planned(title, prev, step, hazards, renderer,
                    statements -> MigrationScript.render(title, statements, hazards));
            out.add(planned);
            prev = planned.snapshot();
        }
        return new MigrationPlan(out);
    }

    /**
     * The same in online mode when {@code online} is enabled ({@link OnlineSteps}): each diff step becomes up
     * to three migrations, named {@code <name>}, {@code <name>_concurrent} (outside a transaction) and
     * {@code <name>_not_null}, each setting {@code lock_timeout} first, each with its snapshot and down file.
     * The down files are plain transactional reverses. With online mode off, exactly {@link #of(int, Snapshot, List, String)}.
     */
    public static MigrationPlan of(int firstNumber, Snapshot previous, List<DiffStep> steps, String name, OnlineSettings online) {
        if (!online.enabled()) {
            return of(firstNumber, previous, steps, name);
        }
        PostgresRenderer renderer = new PostgresRenderer();
        List<Planned> out = new ArrayList<>();
        Snapshot prev = previous;
        int number = firstNumber;
        for (int i = 0; i < steps.size(); i++) {
            DiffStep step = steps.get(i);
            String base = name != null ? MigrationNames.sanitize(name) + (i == 0 ? "" : "_" + (i + 1))
                    : MigrationNames.derive(step.changes());
            SchemaModel before = prev == null ? SchemaModel.EMPTY : prev.model();
            List<DiffStep> parts = OnlineSteps.of(before, List.of(step));
            for (int j = 0; j < parts.size(); j++) {
                DiffStep part = parts.get(j);
                // the transaction's part comes first, the NOT NULL part (in a transaction too) last
                String suffix = part.noTransaction() ? CONCURRENT : j == 0 ? "" : NOT_NULL;
                String title = String.format("%04d_%s", number++, base + suffix);
                List<Hazard> hazards = OnlineSteps.hazards(part);
                // the reverse of each part in a transaction: DownScript diffs the part's schema back to the one before it
                Planned planned = planned(title, prev, part, hazards, renderer,
                        statements -> MigrationScript.renderOnline(title, statements, hazards, part.noTransaction(),
                                online.lockTimeout()));
                out.add(planned);
                prev = planned.snapshot();
            }
        }
        return new MigrationPlan(out);
    }

    /**
     * One step's migration, down file and snapshot. The snapshot is written, and read back to check it, on a
     * second thread while this one renders the SQL both ways ({@link Concurrently}): at 1,000 tables that is
     * about a third of generate's planning, and the two share nothing but immutable models.
     *
     * @param script the migration file's text, given its statements
     */
    private static Planned planned(String title, Snapshot prev, DiffStep step, List<Hazard> hazards, PostgresRenderer renderer,
                                   Function<List<Statement>, String> script) {
        Concurrently<WrittenSnapshot> written = Concurrently.start("snapshot", () -> WrittenSnapshot.of(title, prev, step.after()));
        String sql = written.meanwhile(() -> script.apply(renderer.render(step.changes())));
        DownScript down = written.meanwhile(() -> DownScript.of(title, prev == null ? SchemaModel.EMPTY : prev.model(), step, renderer));
        WrittenSnapshot snapshot = written.join();
        return new Planned(title, sql, hazards, snapshot.snapshot(), snapshot.json(), down.sql(), down.hazards());
    }

    /** A snapshot and its file's text, checked to read back as the same snapshot. */
    private record WrittenSnapshot(Snapshot snapshot, String json) {
        /** A snapshot that could not be read back would break every later run: refuse to plan it. */
        static WrittenSnapshot of(String title, Snapshot prev, SchemaModel after) {
            Snapshot snapshot = Snapshot.next(prev, after);
            String json = SnapshotJson.write(snapshot);
            Snapshot back = SnapshotJson.read(json, title + " (about to be written)");
            if (!back.equals(snapshot)) {
                throw new IllegalStateException("snapshot " + title + " does not read back as written; this is a bug in Shale");
            }
            return new WrittenSnapshot(snapshot, json);
        }
    }

    /** A hand-written migration: no statements, and a snapshot carrying the model forward. */
    static MigrationPlan custom(int number, Snapshot previous, String name) {
        String title = String.format("%04d_%s", number, MigrationNames.sanitize(name));
        WrittenSnapshot snapshot = WrittenSnapshot.of(title, previous, previous == null ? SchemaModel.EMPTY : previous.model());
        String sql = MigrationScript.render(title, List.of(), List.of());
        return new MigrationPlan(List.of(new Planned(title, sql, List.of(), snapshot.snapshot(), snapshot.json(),
                DownScript.custom(title).sql(), List.of())));
    }

    public boolean isEmpty() {
        return migrations.isEmpty();
    }

    public List<Hazard> hazards() {
        return migrations.stream().flatMap(m -> m.hazards().stream()).toList();
    }
}
