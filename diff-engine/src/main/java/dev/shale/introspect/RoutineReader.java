package dev.shale.introspect;

import dev.shale.model.QualifiedName;
import dev.shale.model.Routine;
import dev.shale.model.Table;
import dev.shale.model.Trigger;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the rows of {@link CatalogQueries#ROUTINES} and {@link CatalogQueries#TRIGGERS} into routines and
 * triggers; what the model cannot express is named in the "not managed" list instead of dropped silently.
 */
final class RoutineReader {
    private static final int ROW = 1;
    private static final int BEFORE = 1 << 1;
    private static final int INSERT = 1 << 2;
    private static final int DELETE = 1 << 3;
    private static final int UPDATE = 1 << 4;
    private static final int TRUNCATE = 1 << 5;
    private static final int INSTEAD = 1 << 6;

    private final Set<String> notManaged;
    private final List<Routine> routines = new ArrayList<>();
    private final List<Trigger> triggers = new ArrayList<>();

    RoutineReader(Set<String> notManaged) {
        this.notManaged = notManaged;
    }

    void routines(ResultSet rs) throws SQLException {
        while (rs.next()) {
            QualifiedName name = QualifiedName.of(rs.getString(1), rs.getString(2));
            String prokind = rs.getString(3);
            Routine.Kind kind = switch (prokind) {
                case "p" -> Routine.Kind.PROCEDURE;
                case "a" -> Routine.Kind.AGGREGATE;
                default -> Routine.Kind.FUNCTION;
            };
            List<String> names = strings(rs.getArray(4));
            List<String> modes = strings(rs.getArray(5));
            List<String> types = strings(rs.getArray(6));
            List<String> defaults = strings(rs.getArray(7));
            List<Routine.Argument> arguments = new ArrayList<>();
            for (int i = 0; i < types.size(); i++) {
                String mode = i < modes.size() ? modes.get(i) : "i";
                if (mode.equals("t")) {
                    continue; // a column of RETURNS TABLE(...), which the result text carries
                }
                String argName = i < names.size() && !names.get(i).isEmpty() ? names.get(i) : null;
                String dflt = i < defaults.size() ? defaults.get(i) : null;
                arguments.add(new Routine.Argument(argName, types.get(i), mode(mode), dflt));
            }
            String display = kind.sql() + " " + name.display() + "(" + String.join(", ", arguments.stream()
                    .filter(Routine.Argument::isInput).map(Routine.Argument::type).toList()) + ")";
            String unsupported = rs.getString(22);
            if (unsupported != null && !unsupported.isEmpty()) {
                if (unsupported.contains("WINDOW") || unsupported.contains("LANGUAGE") || unsupported.contains("BEGIN ATOMIC")
                        || unsupported.contains("aggregate")) {
                    notManaged.add(display + " (" + unsupported + ")");
                    continue;
                }
                notManaged.add("attributes of " + display + " (" + unsupported + ")");
            }
            Map<String, String> settings = new LinkedHashMap<>();
            for (String entry : strings(rs.getArray(15))) {
                int eq = entry.indexOf('=');
                String key = entry.substring(0, eq);
                String value = entry.substring(eq + 1);
                settings.put(key, key.equals("search_path") && value.equals("\"\"") ? "''" : value);
            }
            String comment = rs.getString(21);
            if (kind == Routine.Kind.AGGREGATE) {
                Routine.Aggregate aggregate = new Routine.Aggregate(rs.getString(16), rs.getString(17), rs.getString(18),
                        rs.getString(19), rs.getString(20));
                routines.add(new Routine(name, kind, arguments, null, null, null, null, false, false,
                        parallel(rs.getString(14)), Map.of(), aggregate, comment));
                continue;
            }
            boolean procedure = kind == Routine.Kind.PROCEDURE;
            routines.add(new Routine(name, kind, arguments, procedure ? null : rs.getString(8), rs.getString(9),
                    rs.getString(10), procedure ? null : volatility(rs.getString(11)), !procedure && rs.getBoolean(12),
                    rs.getBoolean(13), procedure ? null : parallel(rs.getString(14)), settings, null, comment));
        }
    }

    void triggers(ResultSet rs) throws SQLException {
        while (rs.next()) {
            QualifiedName table = QualifiedName.of(rs.getString(1), rs.getString(2));
            String name = rs.getString(3);
            String display = "trigger " + table.display() + "." + quote(name);
            String relkind = rs.getString(15);
            if (!relkind.equals("r") && !relkind.equals("p")) {
                notManaged.add(display + " (on a " + (relkind.equals("v") ? "view" : "relation of kind " + relkind) + ")");
                continue;
            }
            if (rs.getBoolean(14)) {
                notManaged.add(display + " (a constraint trigger)");
                continue;
            }
            int type = rs.getInt(4);
            Trigger.Timing timing = (type & INSTEAD) != 0 ? Trigger.Timing.INSTEAD_OF
                    : (type & BEFORE) != 0 ? Trigger.Timing.BEFORE : Trigger.Timing.AFTER;
            Set<Trigger.Event> events = EnumSet.noneOf(Trigger.Event.class);
            if ((type & INSERT) != 0) {
                events.add(Trigger.Event.INSERT);
            }
            if ((type & UPDATE) != 0) {
                events.add(Trigger.Event.UPDATE);
            }
            if ((type & DELETE) != 0) {
                events.add(Trigger.Event.DELETE);
            }
            if ((type & TRUNCATE) != 0) {
                events.add(Trigger.Event.TRUNCATE);
            }
            if (!"O".equals(rs.getString(13))) {
                notManaged.add("enabled state of " + display + " (tgenabled " + rs.getString(13) + ")");
            }
            triggers.add(new Trigger(table, name, timing, events, strings(rs.getArray(5)), (type & ROW) != 0,
                    when(rs.getString(6)), QualifiedName.of(rs.getString(7), rs.getString(8)), arguments(rs.getBytes(9)),
                    rs.getString(10), rs.getString(11), rs.getString(12)));
        }
    }

    List<Routine> routineList() {
        return List.copyOf(routines);
    }

    /** The triggers on the owned tables read (a trigger on a table the model does not hold is named as not managed). */
    List<Trigger> triggerList(List<Table> owned) {
        Set<QualifiedName> names = new java.util.HashSet<>();
        owned.forEach(t -> names.add(t.name()));
        List<Trigger> out = new ArrayList<>();
        for (Trigger t : triggers) {
            if (names.contains(t.table())) {
                out.add(t);
            } else {
                notManaged.add("trigger " + t.table().display() + "." + quote(t.name()) + " (on a table not managed)");
            }
        }
        return out;
    }

    /** The WHEN condition of a {@code pg_get_triggerdef} text, without the parentheses WHEN puts around it; or null. */
    static String when(String definition) {
        int start = definition.indexOf(" WHEN (");
        int end = definition.lastIndexOf(") EXECUTE ");
        if (start < 0 || end < start) {
            return null;
        }
        return definition.substring(start + " WHEN (".length(), end);
    }

    /** {@code tgargs}: each argument followed by a NUL byte. */
    private static List<String> arguments(byte[] raw) {
        List<String> out = new ArrayList<>();
        if (raw == null) {
            return out;
        }
        int from = 0;
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == 0) {
                out.add(new String(raw, from, i - from, StandardCharsets.UTF_8));
                from = i + 1;
            }
        }
        return out;
    }

    private static Routine.Mode mode(String code) {
        return switch (code) {
            case "o" -> Routine.Mode.OUT;
            case "b" -> Routine.Mode.INOUT;
            case "v" -> Routine.Mode.VARIADIC;
            default -> Routine.Mode.IN;
        };
    }

    private static Routine.Volatility volatility(String code) {
        return switch (code) {
            case "i" -> Routine.Volatility.IMMUTABLE;
            case "s" -> Routine.Volatility.STABLE;
            default -> Routine.Volatility.VOLATILE;
        };
    }

    private static Routine.Parallel parallel(String code) {
        return switch (code) {
            case "s" -> Routine.Parallel.SAFE;
            case "r" -> Routine.Parallel.RESTRICTED;
            default -> Routine.Parallel.UNSAFE;
        };
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        Object[] values = (Object[]) array.getArray();
        List<String> out = new ArrayList<>();
        for (Object v : values) {
            out.add(v == null ? null : v.toString());
        }
        return out;
    }

    private static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
