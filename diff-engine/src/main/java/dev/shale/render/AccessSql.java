package dev.shale.render;

import dev.shale.change.AlterPolicy;
import dev.shale.change.AlterRole;
import dev.shale.change.CreateRole;
import dev.shale.change.SetRowSecurity;
import dev.shale.model.Grant;
import dev.shale.model.Policy;
import dev.shale.model.Role;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Row-level security, policies, privileges and roles, written by hand: jOOQ has no CREATE POLICY, no
 * row-level security clauses and no role attributes, and its GRANT knows tables only.
 */
final class AccessSql {
    private AccessSql() {}

    /** {@code ALTER TABLE t ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;}: one action per switch that changes. */
    static String rowSecurity(SetRowSecurity c) {
        List<String> actions = new ArrayList<>();
        if (c.from().enabled() != c.to().enabled()) {
            actions.add((c.to().enabled() ? "ENABLE" : "DISABLE") + " ROW LEVEL SECURITY");
        }
        if (c.from().forced() != c.to().forced()) {
            actions.add((c.to().forced() ? "FORCE" : "NO FORCE") + " ROW LEVEL SECURITY");
        }
        return "ALTER TABLE " + Sql.qualified(c.table()) + " " + String.join(", ", actions) + ";";
    }

    static String rowSecurityLine(SetRowSecurity c) {
        List<String> parts = new ArrayList<>();
        if (c.from().enabled() != c.to().enabled()) {
            parts.add(c.to().enabled() ? "enable" : "disable");
        }
        if (c.from().forced() != c.to().forced()) {
            parts.add(c.to().forced() ? "force" : "stop forcing");
        }
        return String.join(" and ", parts) + " row level security on " + Sql.qualified(c.table());
    }

    /**
     * <pre>
     * CREATE POLICY "owner" ON "public"."notes"
     *     AS RESTRICTIVE FOR SELECT TO "authenticated"
     *     USING (auth.uid() = user_id);
     * </pre>
     * AS PERMISSIVE, PostgreSQL's default, is left out.
     */
    static String createPolicy(Policy p) {
        StringBuilder sql = new StringBuilder("CREATE POLICY ").append(Sql.ident(p.name())).append(" ON ")
                .append(Sql.qualified(p.table())).append("\n").append(Sql.INDENT);
        if (!p.permissive()) {
            sql.append("AS RESTRICTIVE ");
        }
        sql.append("FOR ").append(p.command()).append(" TO ").append(roles(p.roles()));
        if (p.using() != null) {
            sql.append("\n").append(Sql.INDENT).append("USING ").append(Sql.parenthesized(p.using()));
        }
        if (p.withCheck() != null) {
            sql.append("\n").append(Sql.INDENT).append("WITH CHECK ").append(Sql.parenthesized(p.withCheck()));
        }
        return sql.append(";").toString();
    }

    /** {@code ALTER POLICY "p" ON t TO ... USING (...) WITH CHECK (...);} with the clauses that change. */
    static String alterPolicy(AlterPolicy c) {
        Policy from = c.from();
        Policy to = c.to();
        StringBuilder sql = new StringBuilder("ALTER POLICY ").append(Sql.ident(to.name())).append(" ON ")
                .append(Sql.qualified(to.table()));
        if (!from.roles().equals(to.roles())) {
            sql.append("\n").append(Sql.INDENT).append("TO ").append(roles(to.roles()));
        }
        if (!Objects.equals(from.using(), to.using()) && to.using() != null) {
            sql.append("\n").append(Sql.INDENT).append("USING ").append(Sql.parenthesized(to.using()));
        }
        if (!Objects.equals(from.withCheck(), to.withCheck()) && to.withCheck() != null) {
            sql.append("\n").append(Sql.INDENT).append("WITH CHECK ").append(Sql.parenthesized(to.withCheck()));
        }
        return sql.append(";").toString();
    }

    static String dropPolicy(Policy p) {
        return "DROP POLICY " + Sql.ident(p.name()) + " ON " + Sql.qualified(p.table()) + ";";
    }

    static String policyLine(String verb, Policy p) {
        return verb + " policy " + Sql.ident(p.name()) + " on " + Sql.qualified(p.table());
    }

    /** {@code GRANT SELECT ON TABLE "public"."t" TO "authenticated";}, {@code GRANT UPDATE ("c") ON TABLE ...}. */
    static String grant(Grant g) {
        return "GRANT " + privilege(g) + " ON " + object(g) + " TO " + role(g.grantee())
                + (g.grantable() ? " WITH GRANT OPTION" : "") + ";";
    }

    /** {@code REVOKE SELECT ON TABLE "public"."t" FROM "authenticated";} */
    static String revoke(Grant g) {
        return "REVOKE " + privilege(g) + " ON " + object(g) + " FROM " + role(g.grantee()) + ";";
    }

    static String grantLine(String verb, Grant g) {
        String what = switch (g.on()) {
            case SCHEMA -> "schema " + Sql.ident(g.object().schema());
            case FUNCTION -> "function " + Sql.qualified(g.object()) + "(" + g.signature() + ")";
            case SEQUENCE -> "sequence " + Sql.qualified(g.object());
            case TABLE -> g.column() == null ? Sql.qualified(g.object()) : Sql.qualified(g.object()) + "." + Sql.ident(g.column());
        };
        return verb + " " + g.privilege() + " on " + what + (verb.equals("revoke") ? " from " : " to ") + role(g.grantee());
    }

    private static String privilege(Grant g) {
        return g.privilege() + (g.column() == null ? "" : " (" + Sql.ident(g.column()) + ")");
    }

    private static String object(Grant g) {
        return switch (g.on()) {
            case TABLE -> "TABLE " + Sql.qualified(g.object());
            case SEQUENCE -> "SEQUENCE " + Sql.qualified(g.object());
            case SCHEMA -> "SCHEMA " + Sql.ident(g.object().schema());
            case FUNCTION -> "FUNCTION " + Sql.qualified(g.object()) + "(" + g.signature() + ")";
        };
    }

    /**
     * Roles are cluster-wide, so another database of the cluster may have made the role already: the
     * statement creates it only when it is missing.
     * <pre>
     * DO $$
     * BEGIN
     *     IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'app_reader') THEN
     *         CREATE ROLE "app_reader" WITH NOLOGIN;
     *     END IF;
     * END
     * $$;
     * </pre>
     */
    static String createRole(CreateRole c) {
        Role r = c.role();
        return "DO $$\nBEGIN\n" + Sql.INDENT + "IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = "
                + Sql.literal(r.name()) + ") THEN\n" + Sql.INDENT + Sql.INDENT + "CREATE ROLE " + Sql.ident(r.name())
                + " WITH " + String.join(" ", attributes(Role.owned(r.name()), r, true))
                + ";\n" + Sql.INDENT + "END IF;\nEND\n$$;";
    }

    /** {@code ALTER ROLE "app_reader" WITH LOGIN BYPASSRLS;}: the attributes that change. */
    static String alterRole(AlterRole c) {
        return "ALTER ROLE " + Sql.ident(c.to().name()) + " WITH "
                + String.join(" ", attributes(c.from(), c.to(), false)) + ";";
    }

    static String dropRole(Role r) {
        return "DROP ROLE " + Sql.ident(r.name()) + ";";
    }

    /** The attributes of {@code to} that differ from {@code from}; LOGIN or NOLOGIN always when {@code login}. */
    private static List<String> attributes(Role from, Role to, boolean login) {
        List<String> out = new ArrayList<>();
        if (login || from.login() != to.login()) {
            out.add(to.login() ? "LOGIN" : "NOLOGIN");
        }
        if (from.inherit() != to.inherit()) {
            out.add(to.inherit() ? "INHERIT" : "NOINHERIT");
        }
        if (from.createDb() != to.createDb()) {
            out.add(to.createDb() ? "CREATEDB" : "NOCREATEDB");
        }
        if (from.createRole() != to.createRole()) {
            out.add(to.createRole() ? "CREATEROLE" : "NOCREATEROLE");
        }
        if (from.bypassRls() != to.bypassRls()) {
            out.add(to.bypassRls() ? "BYPASSRLS" : "NOBYPASSRLS");
        }
        if (from.connectionLimit() != to.connectionLimit()) {
            out.add("CONNECTION LIMIT " + to.connectionLimit());
        }
        return out;
    }

    private static String roles(List<String> roles) {
        List<String> out = new ArrayList<>();
        roles.forEach(r -> out.add(role(r)));
        return String.join(", ", out);
    }

    private static String role(String name) {
        return name.equals(Policy.PUBLIC) ? "PUBLIC" : Sql.ident(name);
    }
}
