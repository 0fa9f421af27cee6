package dev.shale.render;

import dev.shale.change.AlterRoutine;
import dev.shale.model.Routine;
import dev.shale.model.Trigger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Functions, procedures, aggregates and triggers, all by hand: jOOQ has no CREATE AGGREGATE, no
 * trigger DDL, and its CREATE FUNCTION knows neither dollar quoting nor PostgreSQL's attributes.
 * A body goes between dollar quotes whose tag does not occur in it, exactly as written, since
 * PostgreSQL stores it verbatim.
 */
final class RoutineSql {
    private RoutineSql() {}

    /**
     * {@code CREATE [OR REPLACE] FUNCTION ...}. An SQL-language function is preceded by
     * {@code SET LOCAL check_function_bodies = off} (as pg_dump does): functions are created before
     * tables, because column defaults and checks may call them, so the body of one may name a table
     * this migration creates later. PostgreSQL checks such a body when it runs instead.
     */
    static String create(Routine r, boolean orReplace) {
        if (r.kind() == Routine.Kind.AGGREGATE) {
            return createAggregate(r, orReplace);
        }
        StringBuilder out = new StringBuilder();
        if ("sql".equals(r.language())) {
            out.append("SET LOCAL check_function_bodies = off;\n");
        }
        out.append("CREATE ").append(orReplace ? "OR REPLACE " : "").append(keyword(r)).append(' ')
                .append(Sql.qualified(r.name())).append('(').append(arguments(r)).append(")\n");
        if (r.returns() != null) {
            out.append(Sql.INDENT).append("RETURNS ").append(r.returns()).append('\n');
        }
        out.append(Sql.INDENT).append("LANGUAGE ").append(r.language());
        if (r.volatility() != Routine.Volatility.VOLATILE) {
            out.append(' ').append(r.volatility().name());
        }
        if (r.strict()) {
            out.append(" STRICT");
        }
        if (r.securityDefiner()) {
            out.append(" SECURITY DEFINER");
        }
        if (r.parallel() != Routine.Parallel.UNSAFE) {
            out.append(" PARALLEL ").append(r.parallel().name());
        }
        out.append('\n');
        for (Map.Entry<String, String> s : r.settings().entrySet()) {
            out.append(Sql.INDENT).append(set(s.getKey(), s.getValue())).append('\n');
        }
        String tag = tag(r.body(), r.kind() == Routine.Kind.PROCEDURE ? "procedure" : "function");
        return out.append("AS ").append(tag).append(r.body()).append(tag).append(';').toString();
    }

    private static String createAggregate(Routine r, boolean orReplace) {
        Routine.Aggregate a = r.aggregate();
        List<String> parts = new ArrayList<>();
        parts.add("SFUNC = " + a.stateFunction());
        parts.add("STYPE = " + a.stateType());
        if (a.finalFunction() != null) {
            parts.add("FINALFUNC = " + a.finalFunction());
        }
        if (a.combineFunction() != null) {
            parts.add("COMBINEFUNC = " + a.combineFunction());
        }
        if (a.initialCondition() != null) {
            parts.add("INITCOND = " + Sql.literal(a.initialCondition()));
        }
        if (r.parallel() != Routine.Parallel.UNSAFE) {
            parts.add("PARALLEL = " + r.parallel().name());
        }
        return "CREATE " + (orReplace ? "OR REPLACE " : "") + "AGGREGATE " + signature(r) + " (\n" + Sql.INDENT
                + String.join(",\n" + Sql.INDENT, parts) + "\n);";
    }

    /** The statement of {@link AlterRoutine}: {@code ALTER FUNCTION} for attributes alone, else CREATE OR REPLACE. */
    static String alter(AlterRoutine c) {
        if (!c.attributesOnly()) {
            return create(c.to(), true);
        }
        Routine from = c.from();
        Routine to = c.to();
        List<String> actions = new ArrayList<>();
        if (from.volatility() != to.volatility()) {
            actions.add(to.volatility().name());
        }
        if (from.strict() != to.strict()) {
            actions.add(to.strict() ? "STRICT" : "CALLED ON NULL INPUT");
        }
        if (from.securityDefiner() != to.securityDefiner()) {
            actions.add(to.securityDefiner() ? "SECURITY DEFINER" : "SECURITY INVOKER");
        }
        if (from.parallel() != to.parallel()) {
            actions.add("PARALLEL " + to.parallel().name());
        }
        for (String name : from.settings().keySet()) {
            if (!to.settings().containsKey(name)) {
                actions.add("RESET " + (name.matches("[a-z_][a-z0-9_.]*") ? name : Sql.ident(name)));
            }
        }
        for (Map.Entry<String, String> s : to.settings().entrySet()) {
            if (!Objects.equals(from.settings().get(s.getKey()), s.getValue())) {
                actions.add(set(s.getKey(), s.getValue()));
            }
        }
        return "ALTER " + keyword(to) + " " + signature(to) + " " + String.join(" ", actions) + ";";
    }

    static String drop(Routine r) {
        return "DROP " + keyword(r) + " " + signature(r) + ";";
    }

    static String comment(Routine r, String text) {
        return "COMMENT ON " + keyword(r) + " " + signature(r) + " IS " + (text == null ? "NULL" : Sql.literal(text)) + ";";
    }

    /** {@code CREATE TRIGGER "t" BEFORE UPDATE OF "a" ON "s"."tbl" ... EXECUTE FUNCTION "s"."f"('x');}. */
    static String createTrigger(Trigger t) {
        StringBuilder out = new StringBuilder("CREATE TRIGGER ").append(Sql.ident(t.name())).append(' ')
                .append(t.timing().sql()).append(' ');
        List<String> events = new ArrayList<>();
        for (Trigger.Event e : t.eventList()) {
            events.add(e == Trigger.Event.UPDATE && !t.updateColumns().isEmpty()
                    ? "UPDATE OF " + Sql.idents(t.updateColumns()) : e.name());
        }
        out.append(String.join(" OR ", events)).append(" ON ").append(Sql.qualified(t.table())).append('\n');
        if (t.oldTable() != null || t.newTable() != null) {
            out.append(Sql.INDENT).append("REFERENCING");
            if (t.oldTable() != null) {
                out.append(" OLD TABLE AS ").append(Sql.ident(t.oldTable()));
            }
            if (t.newTable() != null) {
                out.append(" NEW TABLE AS ").append(Sql.ident(t.newTable()));
            }
            out.append('\n');
        }
        out.append(Sql.INDENT).append(t.forEachRow() ? "FOR EACH ROW" : "FOR EACH STATEMENT").append('\n');
        if (t.when() != null) {
            out.append(Sql.INDENT).append("WHEN ").append(Sql.parenthesized(t.when())).append('\n');
        }
        List<String> args = t.arguments().stream().map(Sql::literal).toList();
        return out.append(Sql.INDENT).append("EXECUTE FUNCTION ").append(Sql.qualified(t.function()))
                .append('(').append(String.join(", ", args)).append(");").toString();
    }

    static String dropTrigger(Trigger t) {
        return "DROP TRIGGER " + Sql.ident(t.name()) + " ON " + Sql.qualified(t.table()) + ";";
    }

    static String commentOnTrigger(Trigger t, String text) {
        return "COMMENT ON TRIGGER " + Sql.ident(t.name()) + " ON " + Sql.qualified(t.table()) + " IS "
                + (text == null ? "NULL" : Sql.literal(text)) + ";";
    }

    /** {@code "s"."f"(integer, text)}: the name and input types that identify a routine; {@code (*)} for an aggregate of none. */
    static String signature(Routine r) {
        String types = r.argumentTypes();
        if (types.isEmpty() && r.kind() == Routine.Kind.AGGREGATE) {
            types = "*";
        }
        return Sql.qualified(r.name()) + "(" + types + ")";
    }

    /** For statement comments: {@code function "s"."f"(integer)}. */
    static String display(Routine r) {
        return r.kind().sql() + " " + signature(r);
    }

    private static String keyword(Routine r) {
        return r.kind().name();
    }

    private static String arguments(Routine r) {
        List<String> out = new ArrayList<>();
        for (Routine.Argument a : r.arguments()) {
            StringBuilder s = new StringBuilder();
            if (a.mode() != Routine.Mode.IN) {
                s.append(a.mode().name()).append(' ');
            }
            if (a.name() != null) {
                s.append(Sql.ident(a.name())).append(' ');
            }
            s.append(a.type());
            if (a.defaultExpression() != null) {
                s.append(" DEFAULT ").append(a.defaultExpression());
            }
            out.add(s.toString());
        }
        return String.join(", ", out);
    }

    /**
     * {@code SET name = value}: {@code search_path} is a list of names and is written as given
     * ({@code public, pg_temp}, {@code ''} for an empty path); any other value is a string literal.
     */
    private static String set(String name, String value) {
        String v = name.equals("search_path") ? (value.isBlank() ? "''" : value) : Sql.literal(value);
        return "SET " + (name.matches("[a-z_][a-z0-9_.]*") ? name : Sql.ident(name)) + " = " + v;
    }

    /** {@code $function$}, or {@code $function1$}... when the body contains the tag. */
    static String tag(String body, String word) {
        String tag = "$" + word + "$";
        for (int i = 1; body.contains(tag); i++) {
            tag = "$" + word + i + "$";
        }
        return tag;
    }
}
