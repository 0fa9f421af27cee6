package dev.shale.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shale.migrator.AppliedMigration;
import dev.shale.migrator.MigrationStatus;
import dev.shale.migrator.Migrator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code shale status}: every migration with its state; exit 1 when one is changed, missing or in conflict. */
@Command(name = "status", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"List every migration the files or the history table know of: applied, pending, changed, missing,",
                "out of order or in conflict, with when it was applied and how long it took. Exit 1 when one is changed, missing",
                "or in conflict."})
final class StatusCommand extends DatabaseCommand {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    @Option(names = "--json", description = "Print JSON for machines: {\"migrations\":[{version, name, file, state, appliedAt, durationMillis, appliedBy, checksum}], \"problems\":bool}.")
    boolean json;

    StatusCommand(Session session) {
        super(session);
    }

    @Override
    int run(ShaleConfig config, Migrator.Builder builder) {
        MigrationStatus status = builder.build().status();
        PrintWriter out = session.out();
        if (json) {
            out.println(json(status));
        } else {
            table(out, status);
        }
        return status.hasProblems() ? 1 : 0;
    }

    static String state(MigrationStatus.State s) {
        return s.name().toLowerCase(Locale.ROOT);
    }

    /** One line, stable key order; absent values are null. */
    static String json(MigrationStatus status) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        ArrayNode list = root.putArray("migrations");
        for (MigrationStatus.Entry e : status.entries()) {
            ObjectNode n = list.addObject();
            n.put("version", e.version());
            n.put("name", e.name());
            n.put("file", MigrationFiles.title(e) + ".sql");
            n.put("state", state(e.state()));
            AppliedMigration a = e.applied();
            if (a == null) {
                n.putNull("appliedAt");
                n.putNull("durationMillis");
                n.putNull("appliedBy");
                n.putNull("checksum");
            } else {
                n.put("appliedAt", a.appliedAt() == null ? null : a.appliedAt().truncatedTo(ChronoUnit.MILLIS).toString());
                n.put("durationMillis", a.durationMillis());
                n.put("appliedBy", a.appliedBy());
                n.put("checksum", a.checksum());
            }
        }
        root.put("problems", status.hasProblems());
        return root.toString();
    }

    private static void table(PrintWriter out, MigrationStatus status) {
        if (status.entries().isEmpty()) {
            out.println("No migrations: the migrations folder is empty and the history table has no rows.");
            return;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"VERSION", "NAME", "STATE", "APPLIED AT", "DURATION"});
        Map<MigrationStatus.State, Integer> counts = new EnumMap<>(MigrationStatus.State.class);
        for (MigrationStatus.Entry e : status.entries()) {
            AppliedMigration a = e.applied();
            rows.add(new String[] {String.format("%04d", e.version()), e.name(), state(e.state()),
                    a == null || a.appliedAt() == null ? "-" : TIME.format(a.appliedAt()),
                    a == null ? "-" : a.durationMillis() + " ms"});
            counts.merge(e.state(), 1, Integer::sum);
        }
        int[] width = new int[5];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                line.append(i == r.length - 1 ? r[i] : String.format("%-" + width[i] + "s  ", r[i]));
            }
            out.println(line.toString().stripTrailing());
        }
        List<String> summary = new ArrayList<>();
        counts.forEach((s, n) -> summary.add(n + " " + state(s)));
        out.println();
        out.println(MigrateCommand.count(status.entries().size()) + ": " + String.join(", ", summary) + ".");
        for (MigrationStatus.Entry e : status.entries()) {
            String title = MigrationFiles.title(e) + ".sql";
            switch (e.state()) {
                case CHANGED -> out.println("changed: " + title + " differs from what was applied; restore it from version"
                        + " control (never edit an applied migration; add a new one), or migrate --allow-changed");
                case MISSING -> out.println("missing: " + title + " was applied but its file is gone; restore it from version"
                        + " control, or migrate --allow-missing");
                case OUT_OF_ORDER -> out.println("out of order: " + title + " is pending but numbered below the newest applied"
                        + " migration; migrate --out-of-order applies it, or renumber it with generate on top of the others");
                case CONFLICT -> out.println("conflict: " + title + " has version " + e.version() + ", which the history table records"
                        + " as " + MigrationFiles.title(e.applied()) + ".sql; migrate refuses it with any flag. If the file was renamed"
                        + " after it was applied, give it back that name; if it is another migration, restore "
                        + MigrationFiles.title(e.applied()) + ".sql from version control and renumber this one above the newest");
                case APPLIED, PENDING -> { }
            }
        }
    }
}
