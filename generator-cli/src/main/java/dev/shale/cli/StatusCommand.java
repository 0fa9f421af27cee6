package dev.shale.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shale.migrator.AppliedMigration;
import dev.shale.migrator.MigrationStatus;
import dev.shale.migrator.Migrator;
import dev.shale.workflow.StatusTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** {@code shale status}: every migration with its state; exit 1 when one is changed, missing or in conflict. */
@Command(name = "status", sortOptions = false, mixinStandardHelpOptions = true,
        header = "List every migration with its state: applied, pending, changed, missing, out of order or in conflict.",
        exitCodeListHeading = Main.EXIT_HEADING, exitCodeList = {"0:no migration is changed, missing or in conflict",
                "1:one is, or the database could not be read", Main.EXIT_USAGE},
        description = {"List every migration the files or the history table know of: applied, pending, changed, missing,",
                "out of order or in conflict, with when it was applied and how long it took. Exit 1 when one is changed, missing",
                "or in conflict."})
final class StatusCommand extends DatabaseCommand implements Json.Reporting {

    @Option(names = "--json", description = "Print JSON for machines: {\"migrations\":[{version, name, file, state, appliedAt, durationMillis, appliedBy, checksum}], \"problems\":bool}.")
    boolean json;

    StatusCommand(Session session) {
        super(session);
    }

    @Override
    public boolean json() {
        return json;
    }

    @Override
    int run(ShaleConfig config, Migrator.Builder builder) {
        options.refuseLockOptions(this);
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
        return StatusTable.state(s);
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
        StatusTable.lines(status).forEach(out::println);
        out.println();
        out.println(StatusTable.summary(status));
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
