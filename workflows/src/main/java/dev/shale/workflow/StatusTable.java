package dev.shale.workflow;

import dev.shale.migrator.AppliedMigration;
import dev.shale.migrator.MigrationStatus;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The migrations and their states as every front end shows them: an aligned table (version, name,
 * state, applied at, duration) and a one-line summary ("3 migrations: 2 applied, 1 pending.").
 */
public final class StatusTable {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private StatusTable() {}

    /** The table's lines, header first, columns padded to their widest cell; empty when there are no migrations. */
    public static List<String> lines(MigrationStatus status) {
        if (status.entries().isEmpty()) {
            return List.of();
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"VERSION", "NAME", "STATE", "APPLIED AT", "DURATION"});
        for (MigrationStatus.Entry e : status.entries()) {
            AppliedMigration a = e.applied();
            rows.add(new String[] {String.format("%04d", e.version()), e.name(), state(e.state()),
                    a == null || a.appliedAt() == null ? "-" : TIME.format(a.appliedAt()),
                    a == null ? "-" : a.durationMillis() + " ms"});
        }
        int[] width = new int[5];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        List<String> out = new ArrayList<>();
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                line.append(i == r.length - 1 ? r[i] : String.format("%-" + width[i] + "s  ", r[i]));
            }
            out.add(line.toString().stripTrailing());
        }
        return out;
    }

    /** {@code "3 migrations: 2 applied, 1 pending."}, states in their enum order. */
    public static String summary(MigrationStatus status) {
        Map<MigrationStatus.State, Integer> counts = new EnumMap<>(MigrationStatus.State.class);
        status.entries().forEach(e -> counts.merge(e.state(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        counts.forEach((s, n) -> parts.add(n + " " + state(s)));
        int n = status.entries().size();
        return (n == 1 ? "1 migration" : n + " migrations") + ": " + String.join(", ", parts) + ".";
    }

    /** A state as every output spells it, tables and JSON alike: {@code applied}, {@code out_of_order}. */
    public static String state(MigrationStatus.State s) {
        return s.name().toLowerCase(Locale.ROOT);
    }
}
