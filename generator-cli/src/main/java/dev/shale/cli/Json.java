package dev.shale.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shale.diff.Hazard;
import dev.shale.migrator.AppliedMigration;

import java.io.PrintWriter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The one place {@code --json} output is shaped: every reporting command prints exactly one JSON object
 * on one line of standard output, and nothing else there (progress and messages go to standard error).
 * The shapes are documented in README.md, section "JSON output".
 */
final class Json {
    private Json() {}

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Implemented by the commands that take {@code --json}, so a failure can be reported in JSON too. */
    interface Reporting {
        boolean json();
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static void print(PrintWriter out, ObjectNode node) {
        out.println(node.toString());
        out.flush();
    }

    /** {@code [{"kind":"data loss","subject":"...","consequence":"...","message":"..."}]}. */
    static ArrayNode hazards(ObjectNode parent, String field, List<Hazard> hazards) {
        ArrayNode list = parent.putArray(field);
        for (Hazard h : hazards) {
            ObjectNode n = list.addObject();
            n.put("kind", h.kind().label());
            n.put("subject", h.subject());
            n.put("consequence", h.consequence());
            n.put("message", h.message());
        }
        return list;
    }

    static ArrayNode strings(ObjectNode parent, String field, List<String> values) {
        ArrayNode list = parent.putArray(field);
        values.forEach(list::add);
        return list;
    }

    /** A history row as migrate, rollback and status show it. */
    static ObjectNode migration(ArrayNode list, AppliedMigration m) {
        ObjectNode n = list.addObject();
        n.put("version", m.version());
        n.put("name", m.name());
        n.put("file", MigrationFiles.title(m) + ".sql");
        if (m.appliedAt() == null) {
            n.putNull("appliedAt");
        } else {
            n.put("appliedAt", m.appliedAt().truncatedTo(ChronoUnit.MILLIS).toString());
        }
        n.put("durationMillis", m.durationMillis());
        return n;
    }

    /** {@code {"error":{"message":"..."}}}: what a {@code --json} run prints on standard output when it fails. */
    static String error(String message) {
        ObjectNode root = object();
        root.putObject("error").put("message", message);
        return root.toString();
    }
}
