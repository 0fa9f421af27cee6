package dev.shale.testing;

import dev.shale.model.Column;
import dev.shale.model.QualifiedName;
import dev.shale.model.Rename;
import dev.shale.model.Routine;
import dev.shale.model.SchemaModel;
import dev.shale.model.Table;
import dev.shale.model.Trigger;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Decorates a random schema with functions (SQL and PL/pgSQL, overloads, every attribute), a procedure,
 * an aggregate, trigger functions and triggers on its plain tables, and mutates them for B: bodies
 * replaced, attributes altered, return types changed (a drop and a create), routines dropped and added,
 * triggers changed, dropped and added, comments set and removed. Triggers follow the tables: a trigger
 * on a dropped table, or naming a dropped or retyped column in UPDATE OF, goes or loses the column, as a
 * person editing the code would do.
 */
public final class RandomRoutines {
    private static final List<String> TYPES = List.of("integer", "text", "bigint", "boolean");
    private final Random r;
    private int counter;

    public RandomRoutines(Random r) {
        this.r = r;
    }

    /** {@code model} with routines and triggers added. */
    public SchemaModel decorate(SchemaModel model) {
        List<Routine> routines = new ArrayList<>();
        int functions = r.nextInt(4);
        for (int i = 0; i < functions; i++) {
            routines.add(function(schema(model), "f" + i));
        }
        if (!routines.isEmpty() && r.nextInt(3) == 0) {
            Routine base = routines.get(0);
            routines.add(overload(base));
        }
        if (r.nextInt(4) == 0) {
            routines.add(procedure(schema(model)));
        }
        if (r.nextInt(4) == 0) {
            routines.add(aggregate(schema(model)));
        }
        List<Trigger> triggers = new ArrayList<>();
        List<Table> plain = plainTables(model);
        if (!plain.isEmpty() && r.nextInt(3) != 0) {
            Routine touch = triggerFunction(schema(model), "touch");
            routines.add(touch);
            for (Table t : plain) {
                if (r.nextBoolean()) {
                    triggers.add(trigger(t, touch.name(), "trg" + (counter++)));
                }
            }
        }
        return model.toBuilder().routines(routines).triggers(triggers).build();
    }

    /** B's routines and triggers: A's, mutated, on B's tables ({@code renames} say where A's tables went). */
    public SchemaModel mutate(SchemaModel a, SchemaModel b, List<Rename> renames) {
        List<Routine> routines = new ArrayList<>();
        for (Routine x : a.routines()) {
            switch (r.nextInt(8)) {
                case 0 -> { } // dropped, unless a trigger still calls it (below)
                case 1 -> routines.add(x.kind() == Routine.Kind.AGGREGATE ? x
                        : x.withBody(x.kind() == Routine.Kind.FUNCTION && x.returns().equals("trigger")
                        ? "BEGIN RETURN NEW; END" : x.body() + " "));
                case 2 -> routines.add(x.kind() == Routine.Kind.FUNCTION && !x.returns().equals("trigger")
                        ? attributes(x) : x);
                case 3 -> routines.add(x.kind() == Routine.Kind.FUNCTION && !x.returns().equals("trigger")
                        && x.returns().equals("integer") ? x.withReturns("bigint").withBody("sql".equals(x.language()) ? "SELECT 7::bigint" : "BEGIN RETURN 7; END") : x);
                case 4 -> routines.add(x.withComment(x.comment() == null ? "changed " + r.nextInt(9) : null));
                default -> routines.add(x);
            }
        }
        if (r.nextInt(3) == 0) {
            routines.add(function(schema(b), "g" + r.nextInt(3)));
        }
        Map<QualifiedName, QualifiedName> tableRenames = new TreeMap<>();
        for (Rename x : renames) {
            if (x.kind() == Rename.Kind.TABLE) {
                tableRenames.put(x.table(), x.table().withName(x.to()));
            }
        }
        List<Trigger> triggers = new ArrayList<>();
        Set<QualifiedName> plain = new java.util.HashSet<>();
        plainTables(b).forEach(t -> plain.add(t.name()));
        for (Trigger t : a.triggers()) {
            QualifiedName table = tableRenames.getOrDefault(t.table(), t.table());
            Table before = a.table(t.table());
            Table now = b.table(table);
            if (now == null || !plain.contains(table) || r.nextInt(6) == 0) {
                continue;
            }
            List<String> columns = new ArrayList<>();
            for (String c : t.updateColumns()) {
                Column was = before.column(c);
                Column is = now.column(c);
                if (is != null && was != null && is.type().equals(was.type())) {
                    columns.add(c);
                }
            }
            Trigger moved = t.withTable(table).withUpdateColumns(columns.isEmpty() || !t.events().contains(Trigger.Event.UPDATE)
                    ? List.of() : columns);
            if (r.nextInt(4) == 0) {
                moved = moved.withWhen(moved.when() == null && moved.forEachRow() ? "pg_trigger_depth() < 5" : null);
            }
            if (r.nextInt(4) == 0) {
                moved = moved.withComment(moved.comment() == null ? "trigger comment" : null);
            }
            triggers.add(moved);
        }
        for (Trigger t : triggers) {
            boolean kept = routines.stream().anyMatch(x -> x.name().equals(t.function()) && x.arguments().isEmpty());
            if (!kept) {
                routines.add(a.routines().stream().filter(x -> x.name().equals(t.function()) && x.arguments().isEmpty())
                        .findFirst().orElseThrow());
            }
        }
        List<Routine> unique = new ArrayList<>();
        for (Routine x : routines) {
            if (unique.stream().noneMatch(y -> y.sameIdentity(x))) {
                unique.add(x);
            }
        }
        return b.toBuilder().routines(unique).triggers(triggers).build();
    }

    private Routine function(String schema, String name) {
        String type = TYPES.get(r.nextInt(TYPES.size()));
        List<Routine.Argument> args = new ArrayList<>();
        args.add(Routine.Argument.in("a", type));
        if (r.nextBoolean()) {
            args.add(new Routine.Argument("b", type, Routine.Mode.IN, r.nextBoolean() ? null : literal(type)));
        }
        boolean sql = r.nextBoolean();
        String body = sql ? "SELECT a" : "BEGIN RETURN a; END";
        Routine.Volatility v = Routine.Volatility.values()[r.nextInt(3)];
        Map<String, String> settings = r.nextInt(3) == 0 ? Map.of("search_path", "pg_catalog, pg_temp") : Map.of();
        return new Routine(QualifiedName.of(schema, name), Routine.Kind.FUNCTION, args, type, sql ? "sql" : "plpgsql", body,
                v, r.nextBoolean(), r.nextInt(4) == 0, Routine.Parallel.values()[r.nextInt(3)], settings, null, comment());
    }

    private Routine overload(Routine base) {
        String other = base.arguments().get(0).type().equals("text") ? "integer" : "text";
        return new Routine(base.name(), Routine.Kind.FUNCTION, List.of(Routine.Argument.in("a", other)), other, "sql",
                "SELECT a", Routine.Volatility.IMMUTABLE, true, false, Routine.Parallel.SAFE, Map.of(), null, null);
    }

    private Routine attributes(Routine x) {
        return new Routine(x.name(), x.kind(), x.arguments(), x.returns(), x.language(), x.body(),
                Routine.Volatility.values()[r.nextInt(3)], !x.strict(), !x.securityDefiner(),
                Routine.Parallel.values()[r.nextInt(3)], x.settings().isEmpty() ? Map.of("work_mem", "8MB") : Map.of(),
                null, x.comment());
    }

    private Routine procedure(String schema) {
        return new Routine(QualifiedName.of(schema, "p" + (counter++)), Routine.Kind.PROCEDURE,
                List.of(Routine.Argument.in("n", "integer")), null, "plpgsql", "BEGIN PERFORM n; END", null, false,
                false, null, Map.of(), null, comment());
    }

    private Routine aggregate(String schema) {
        return new Routine(QualifiedName.of(schema, "agg" + (counter++)), Routine.Kind.AGGREGATE,
                List.of(new Routine.Argument(null, "integer", Routine.Mode.IN, null)), null, null, null, null, false, false,
                r.nextBoolean() ? Routine.Parallel.SAFE : Routine.Parallel.UNSAFE, Map.of(),
                new Routine.Aggregate("int4pl", "integer", null, r.nextBoolean() ? "0" : null, null), comment());
    }

    private Routine triggerFunction(String schema, String name) {
        return new Routine(QualifiedName.of(schema, name), Routine.Kind.FUNCTION, List.of(), "trigger", "plpgsql",
                "\nBEGIN\n  RETURN NEW;\nEND\n", null, false, false, null, Map.of(), null, comment());
    }

    private Trigger trigger(Table t, QualifiedName function, String name) {
        boolean row = r.nextBoolean();
        Set<Trigger.Event> events = EnumSet.noneOf(Trigger.Event.class);
        for (Trigger.Event e : List.of(Trigger.Event.INSERT, Trigger.Event.UPDATE, Trigger.Event.DELETE)) {
            if (r.nextBoolean()) {
                events.add(e);
            }
        }
        if (!row && r.nextInt(4) == 0) {
            events.add(Trigger.Event.TRUNCATE);
        }
        if (events.isEmpty()) {
            events.add(Trigger.Event.UPDATE);
        }
        List<String> columns = List.of();
        if (events.contains(Trigger.Event.UPDATE) && r.nextBoolean() && !t.columns().isEmpty()) {
            columns = List.of(t.columns().get(r.nextInt(t.columns().size())).name());
        }
        String when = row && r.nextInt(3) == 0 ? "pg_trigger_depth() < 5" : null;
        Trigger.Timing timing = r.nextBoolean() ? Trigger.Timing.BEFORE : Trigger.Timing.AFTER;
        List<String> arguments = r.nextInt(3) == 0 ? List.of("x", "it's") : List.of();
        return new Trigger(t.name(), name, timing, events, columns, row, when, function, arguments, null, null, comment());
    }

    private static List<Table> plainTables(SchemaModel model) {
        return model.tables().stream().filter(t -> t.partitioning() == null && t.partitionOf() == null).toList();
    }

    private String schema(SchemaModel model) {
        List<String> schemas = new ArrayList<>(model.schemas());
        return schemas.isEmpty() ? QualifiedName.DEFAULT_SCHEMA : schemas.get(r.nextInt(schemas.size()));
    }

    private String literal(String type) {
        return switch (type) {
            case "text" -> "'x'";
            case "boolean" -> "true";
            default -> "0";
        };
    }

    private String comment() {
        return r.nextInt(3) == 0 ? "routine's comment " + r.nextInt(10) : null;
    }
}
