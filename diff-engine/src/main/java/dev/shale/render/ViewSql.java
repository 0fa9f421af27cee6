package dev.shale.render;

import dev.shale.change.AlterView;
import dev.shale.change.DropView;
import dev.shale.model.View;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Hand-written SQL for views and materialized views: jOOQ's CREATE VIEW takes a jOOQ query, not SQL
 * text, and has no options, CHECK OPTION or materialized views. The query is written on its own lines,
 * as declared, between the head and the final clause, so a reviewer reads it as written.
 */
final class ViewSql {
    private ViewSql() {}

    /** {@code CREATE [OR REPLACE] [MATERIALIZED] VIEW "s"."v" ("a", "b") WITH (...) AS\n<query>[\nWITH ... ];} */
    static String create(View v, boolean replace) {
        StringBuilder sql = new StringBuilder("CREATE ");
        if (replace) {
            sql.append("OR REPLACE ");
        }
        sql.append(kind(v)).append(' ').append(Sql.qualified(v.name()));
        if (!v.columns().isEmpty()) {
            sql.append(" (").append(Sql.idents(v.columnNames())).append(')');
        }
        Map<String, String> options = new TreeMap<>(options(v));
        options.remove("check_option");
        sql.append(OptionsSql.with(options)).append(" AS\n").append(v.query());
        if (v.materialized() && !v.withData()) {
            sql.append("\nWITH NO DATA");
        } else if (v.checkOption() != View.CheckOption.NONE) {
            sql.append("\nWITH ").append(v.checkOption().name()).append(" CHECK OPTION");
        }
        return sql.append(';').toString();
    }

    /** {@code DROP VIEW "s"."v";} or {@code DROP MATERIALIZED VIEW}; never CASCADE. */
    static String drop(DropView c) {
        return "DROP " + kind(c.view()) + " " + Sql.qualified(c.view().name()) + ";";
    }

    /** {@code ALTER VIEW "s"."v" SET (security_barrier = true), RESET (check_option);}. */
    static String alter(AlterView c) {
        Map<String, String> from = options(c.from());
        Map<String, String> to = options(c.to());
        List<String> set = new ArrayList<>();
        List<String> reset = new ArrayList<>();
        to.forEach((k, v) -> {
            if (!v.equals(from.get(k))) {
                set.add(k + " = " + v);
            }
        });
        from.keySet().forEach(k -> {
            if (!to.containsKey(k)) {
                reset.add(k);
            }
        });
        List<String> actions = new ArrayList<>();
        if (!set.isEmpty()) {
            actions.add("SET (" + String.join(", ", set) + ")");
        }
        if (!reset.isEmpty()) {
            actions.add("RESET (" + String.join(", ", reset) + ")");
        }
        return "ALTER " + kind(c.to()) + " " + Sql.qualified(c.to().name()) + " " + String.join(", ", actions) + ";";
    }

    /** "view" or "materialized view" and the name, for a migration file's comment line. */
    static String describe(View v) {
        return (v.materialized() ? "materialized view " : "view ") + Sql.qualified(v.name());
    }

    /**
     * The options as PostgreSQL stores them in {@code reloptions}: check_option, security_barrier and
     * security_invoker of a view, the storage parameters of a materialized view.
     */
    static Map<String, String> options(View v) {
        if (v.materialized()) {
            return v.storage();
        }
        Map<String, String> out = new TreeMap<>();
        if (v.checkOption() != View.CheckOption.NONE) {
            out.put("check_option", v.checkOption().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (v.securityBarrier()) {
            out.put("security_barrier", "true");
        }
        if (v.securityInvoker()) {
            out.put("security_invoker", "true");
        }
        return out;
    }

    private static String kind(View v) {
        return v.materialized() ? "MATERIALIZED VIEW" : "VIEW";
    }
}
