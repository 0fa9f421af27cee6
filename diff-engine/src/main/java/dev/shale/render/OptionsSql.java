package dev.shale.render;

import dev.shale.change.AlterForeignKey;
import dev.shale.change.AlterStorage;
import dev.shale.change.SetLogged;
import dev.shale.change.SetReplicaIdentity;
import dev.shale.change.ValidateConstraint;
import dev.shale.model.Deferral;
import dev.shale.model.Exclusion;
import dev.shale.model.IndexKey;
import dev.shale.model.IndexMethod;
import dev.shale.model.QualifiedName;
import dev.shale.model.ReplicaIdentity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The options of constraints, indexes and tables, all by hand (jOOQ has none of them): deferral, EXCLUDE,
 * index key collation and operator class, storage parameters, UNLOGGED and REPLICA IDENTITY, and the
 * statements that change them in place.
 */
final class OptionsSql {
    private OptionsSql() {}

    private static final Pattern PLAIN_NAME = Pattern.compile("[a-z_][a-z0-9_$]*(\\.[a-z_][a-z0-9_$]*)?");
    private static final Pattern PLAIN_VALUE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*|[-+]?[0-9]+(\\.[0-9]+)?");

    /**
     * One index or exclusion key: {@code "name" COLLATE "C" text_pattern_ops DESC NULLS LAST}; an
     * expression key in parentheses. An operator class is written bare when it is a plain lower-case name.
     */
    static String key(IndexKey key) {
        StringBuilder out = new StringBuilder(key.column() != null ? Sql.ident(key.column()) : Sql.parenthesized(key.expression()));
        if (key.collation() != null) {
            out.append(" COLLATE ").append(Sql.ident(key.collation()));
        }
        if (key.opclass() != null) {
            out.append(' ').append(name(key.opclass()));
        }
        if (key.descending()) {
            out.append(" DESC");
        }
        switch (key.nulls()) {
            case FIRST -> out.append(" NULLS FIRST");
            case LAST -> out.append(" NULLS LAST");
            case DEFAULT -> { }
        }
        return out.toString();
    }

    /** {@code CONSTRAINT "n" EXCLUDE USING gist ("room" WITH =, "during" WITH &&) INCLUDE ("x") WHERE (p) DEFERRABLE}. */
    static String exclusion(Exclusion x) {
        List<String> elements = new ArrayList<>();
        for (Exclusion.Element e : x.elements()) {
            elements.add(key(e.key()) + " WITH " + e.operator());
        }
        StringBuilder out = new StringBuilder("CONSTRAINT ").append(Sql.ident(x.name())).append(" EXCLUDE");
        if (x.method() != IndexMethod.BTREE) {
            out.append(" USING ").append(x.method().sql());
        }
        out.append(" (").append(String.join(", ", elements)).append(')');
        if (!x.include().isEmpty()) {
            out.append(" INCLUDE (").append(Sql.idents(x.include())).append(')');
        }
        if (x.where() != null) {
            out.append(" WHERE (").append(x.where().strip()).append(')');
        }
        return out.append(x.deferral().sql()).toString();
    }

    /** {@code WITH (autovacuum_enabled = false, fillfactor = 70)}, with a leading space; empty for none. */
    static String with(Map<String, String> storage) {
        if (storage.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        storage.forEach((k, v) -> parts.add(k + " = " + value(v)));
        return " WITH (" + String.join(", ", parts) + ")";
    }

    /** {@code ALTER TABLE "s"."t" SET (fillfactor = 80), RESET (autovacuum_enabled);}, or ALTER INDEX. */
    static String alterStorage(AlterStorage c) {
        List<String> set = new ArrayList<>();
        List<String> reset = new ArrayList<>();
        c.to().forEach((k, v) -> {
            if (!v.equals(c.from().get(k))) {
                set.add(k + " = " + value(v));
            }
        });
        c.from().keySet().forEach(k -> {
            if (!c.to().containsKey(k)) {
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
        String target = c.index() == null ? "TABLE " + Sql.qualified(c.table()) : "INDEX " + Sql.qualified(c.table().withName(c.index()));
        return "ALTER " + target + " " + String.join(", ", actions) + ";";
    }

    static String alterStorageComment(AlterStorage c) {
        return "set storage parameters of " + (c.index() == null ? "table " + Sql.qualified(c.table())
                : "index " + Sql.ident(c.index()) + " on " + Sql.qualified(c.table()));
    }

    /** {@code ALTER TABLE "s"."t" ALTER CONSTRAINT "fk" DEFERRABLE INITIALLY DEFERRED;}. */
    static String alterForeignKey(AlterForeignKey c) {
        String when = switch (c.to().deferral()) {
            case NOT_DEFERRABLE -> "NOT DEFERRABLE";
            case DEFERRABLE -> "DEFERRABLE INITIALLY IMMEDIATE";
            case DEFERRED -> "DEFERRABLE INITIALLY DEFERRED";
        };
        return "ALTER TABLE " + Sql.qualified(c.table()) + " ALTER CONSTRAINT " + Sql.ident(c.to().name()) + " " + when + ";";
    }

    static String alterForeignKeyComment(AlterForeignKey c) {
        return "make foreign key " + Sql.ident(c.to().name()) + " on " + Sql.qualified(c.table()) + " "
                + (c.to().deferral() == Deferral.NOT_DEFERRABLE ? "not deferrable"
                : c.to().deferral() == Deferral.DEFERRED ? "initially deferred" : "deferrable");
    }

    /** {@code ALTER TABLE "s"."t" VALIDATE CONSTRAINT "c";}. */
    static String validate(ValidateConstraint c) {
        return "ALTER TABLE " + Sql.qualified(c.table()) + " VALIDATE CONSTRAINT " + Sql.ident(c.constraint().name()) + ";";
    }

    /** {@code ALTER TABLE "s"."t" SET UNLOGGED;}. */
    static String setLogged(SetLogged c) {
        return "ALTER TABLE " + Sql.qualified(c.table()) + (c.unlogged() ? " SET UNLOGGED;" : " SET LOGGED;");
    }

    /** {@code ALTER TABLE "s"."t" REPLICA IDENTITY USING INDEX "i";}. */
    static String replicaIdentity(QualifiedName table, ReplicaIdentity to) {
        String identity = switch (to.kind()) {
            case DEFAULT -> "DEFAULT";
            case FULL -> "FULL";
            case NOTHING -> "NOTHING";
            case INDEX -> "USING INDEX " + Sql.ident(to.index());
        };
        return "ALTER TABLE " + Sql.qualified(table) + " REPLICA IDENTITY " + identity + ";";
    }

    static String replicaIdentityComment(SetReplicaIdentity c) {
        return "set replica identity of " + Sql.qualified(c.table()) + " to "
                + (c.to().kind() == ReplicaIdentity.Kind.INDEX ? "index " + Sql.ident(c.to().index())
                : c.to().kind().name().toLowerCase(java.util.Locale.ROOT));
    }

    private static String name(String name) {
        return PLAIN_NAME.matcher(name).matches() ? name : Sql.ident(name);
    }

    private static String value(String value) {
        return PLAIN_VALUE.matcher(value).matches() ? value : Sql.literal(value);
    }
}
