package dev.shale.render;

import dev.shale.change.AlterCompositeType;
import dev.shale.change.AlterDomain;
import dev.shale.change.ReplaceEnum;
import dev.shale.model.Check;
import dev.shale.model.CompositeType;
import dev.shale.model.Domain;
import dev.shale.model.QualifiedName;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Domains, composite types and replaced enums, all by hand: jOOQ's CREATE DOMAIN has no COLLATE and
 * writes checks without names, and it has no composite types or ALTER DOMAIN at all. A change that
 * takes several statements ({@code ALTER DOMAIN} accepts one action each) writes one per line.
 */
final class TypeSql {
    private TypeSql() {}

    /** {@code CREATE DOMAIN "s"."d" AS type COLLATE "c" DEFAULT x NOT NULL CONSTRAINT "n" CHECK (...);}. */
    static String createDomain(Domain d) {
        StringBuilder out = new StringBuilder("CREATE DOMAIN ").append(Sql.qualified(d.name())).append(" AS ")
                .append(Sql.typeForAlter(d.type()));
        if (d.collation() != null) {
            out.append(" COLLATE ").append(Sql.ident(d.collation()));
        }
        if (d.defaultValue() != null) {
            out.append(" DEFAULT ").append(Sql.defaultValue(d.defaultValue()));
        }
        if (d.notNull()) {
            out.append(" NOT NULL");
        }
        for (Check k : d.checks()) {
            out.append("\n").append(Sql.INDENT).append(check(k));
        }
        out.append(';');
        // A check created NOT VALID cannot be declared so in CREATE DOMAIN: it is added afterwards.
        for (Check k : d.checks()) {
            if (k.notValid()) {
                return createDomain(d.withChecks(d.checks().stream().filter(c -> !c.notValid()).toList()))
                        + d.checks().stream().filter(Check::notValid)
                        .map(c -> "\n" + alter(d.name()) + "ADD " + check(c) + " NOT VALID;").collect(Collectors.joining());
            }
        }
        return out.toString();
    }

    static String dropDomain(Domain d) {
        return "DROP DOMAIN " + Sql.qualified(d.name()) + ";";
    }

    /** The statements of {@link AlterDomain}, in the order it documents. */
    static String alterDomain(AlterDomain c) {
        Domain from = c.from();
        Domain to = c.to();
        List<String> out = new ArrayList<>();
        String alter = alter(from.name());
        List<Check> dropped = new ArrayList<>(from.checks().stream().filter(k -> to.checks().stream()
                .noneMatch(n -> n.name().equals(k.name()))).toList());
        List<Check> added = new ArrayList<>(to.checks().stream().filter(k -> from.checks().stream()
                .noneMatch(o -> o.name().equals(k.name()))).toList());
        for (Check renamed : renamedChecks(dropped, added)) {
            Check target = added.stream().filter(a -> a.expression().equals(renamed.expression())).findFirst().orElseThrow();
            out.add(alter + "RENAME CONSTRAINT " + Sql.ident(renamed.name()) + " TO " + Sql.ident(target.name()) + ";");
            dropped.remove(renamed);
            added.remove(target);
            if (renamed.notValid() && !target.notValid()) {
                out.add(alter + "VALIDATE CONSTRAINT " + Sql.ident(target.name()) + ";");
            }
        }
        for (Check k : from.checks()) {
            Check now = to.checks().stream().filter(n -> n.name().equals(k.name())).findFirst().orElse(null);
            if (now != null && !now.expression().equals(k.expression())) {
                dropped.add(k);
                added.add(now);
            } else if (now != null && k.notValid() && !now.notValid()) {
                out.add(alter + "VALIDATE CONSTRAINT " + Sql.ident(k.name()) + ";");
            }
        }
        for (Check k : dropped) {
            out.add(alter + "DROP CONSTRAINT " + Sql.ident(k.name()) + ";");
        }
        if (!Objects.equals(from.defaultValue(), to.defaultValue())) {
            out.add(alter + (to.defaultValue() == null ? "DROP DEFAULT;" : "SET DEFAULT " + Sql.defaultValue(to.defaultValue()) + ";"));
        }
        if (from.notNull() != to.notNull()) {
            out.add(alter + (to.notNull() ? "SET NOT NULL;" : "DROP NOT NULL;"));
        }
        for (Check k : added) {
            out.add(alter + "ADD " + check(k) + (k.notValid() ? " NOT VALID;" : ";"));
        }
        return String.join("\n", out);
    }

    /**
     * The checks of {@code dropped} that are renamed: a dropped check whose expression exactly one added
     * check has, under another name. Shared with the comment and hazard rules through {@link AlterDomain}'s data.
     */
    static List<Check> renamedChecks(List<Check> dropped, List<Check> added) {
        List<Check> out = new ArrayList<>();
        for (Check d : dropped) {
            long sameOld = dropped.stream().filter(o -> o.expression().equals(d.expression())).count();
            long sameNew = added.stream().filter(a -> a.expression().equals(d.expression())).count();
            if (sameOld == 1 && sameNew == 1) {
                out.add(d);
            }
        }
        return out;
    }

    /** {@code CREATE TYPE "s"."t" AS ("a" integer, "b" text COLLATE "C");}. */
    static String createComposite(CompositeType t) {
        List<String> attributes = new ArrayList<>();
        for (CompositeType.Attribute a : t.attributes()) {
            attributes.add("\n" + Sql.INDENT + attribute(a));
        }
        return "CREATE TYPE " + Sql.qualified(t.name()) + " AS (" + String.join(",", attributes)
                + (attributes.isEmpty() ? "" : "\n") + ");";
    }

    static String dropComposite(CompositeType t) {
        return "DROP TYPE " + Sql.qualified(t.name()) + ";";
    }

    /** One {@code ALTER TYPE} with the actions of {@link AlterCompositeType}. */
    static String alterComposite(AlterCompositeType c) {
        List<String> actions = new ArrayList<>();
        for (CompositeType.Attribute a : c.from().attributes()) {
            if (attribute(c.to(), a.name()) == null) {
                actions.add("DROP ATTRIBUTE " + Sql.ident(a.name()));
            }
        }
        for (CompositeType.Attribute a : c.to().attributes()) {
            CompositeType.Attribute old = attribute(c.from(), a.name());
            if (old != null && !old.equals(a)) {
                actions.add("ALTER ATTRIBUTE " + Sql.ident(a.name()) + " TYPE " + Sql.typeForAlter(a.type())
                        + (a.collation() == null ? "" : " COLLATE " + Sql.ident(a.collation())));
            }
        }
        for (CompositeType.Attribute a : c.to().attributes()) {
            if (attribute(c.from(), a.name()) == null) {
                actions.add("ADD ATTRIBUTE " + attribute(a));
            }
        }
        return "ALTER TYPE " + Sql.qualified(c.from().name()) + "\n" + Sql.INDENT
                + String.join(",\n" + Sql.INDENT, actions) + ";";
    }

    static CompositeType.Attribute attribute(CompositeType t, String name) {
        return t.attributes().stream().filter(a -> a.name().equals(name)).findFirst().orElse(null);
    }

    /** The statements of {@link ReplaceEnum}, in the order it documents. */
    static String replaceEnum(ReplaceEnum c) {
        List<String> out = new ArrayList<>();
        QualifiedName name = c.to().name();
        out.add("ALTER TYPE " + Sql.qualified(name) + " RENAME TO " + Sql.ident(c.oldName().name()) + ";");
        out.add("CREATE TYPE " + Sql.qualified(name) + " AS ENUM ("
                + c.to().values().stream().map(Sql::literal).collect(Collectors.joining(", ")) + ");");
        List<ReplaceEnum.TableCheck> checks = new ArrayList<>(c.checks());
        checks.addAll(c.droppedChecks());
        for (ReplaceEnum.TableCheck k : checks) {
            out.add("ALTER TABLE " + Sql.qualified(k.table()) + " DROP CONSTRAINT " + Sql.ident(k.check().name()) + ";");
        }
        List<ReplaceEnum.TableIndex> indexes = new ArrayList<>(c.indexes());
        indexes.addAll(c.droppedIndexes());
        for (ReplaceEnum.TableIndex ix : indexes) {
            out.add(IndexSql.drop(ix.table(), ix.index()));
        }
        for (ReplaceEnum.EnumColumn col : c.columns()) {
            String column = Sql.ident(col.column());
            String type = Sql.qualified(name) + (col.array() ? "[]" : "");
            StringBuilder alter = new StringBuilder("ALTER TABLE ").append(Sql.qualified(col.table()));
            if (col.dropDefault()) {
                alter.append("\n").append(Sql.INDENT).append("ALTER COLUMN ").append(column).append(" DROP DEFAULT,");
            }
            alter.append("\n").append(Sql.INDENT).append("ALTER COLUMN ").append(column).append(" TYPE ").append(type)
                    .append(" USING ").append(column).append(col.array() ? "::text[]::" : "::text::").append(type);
            if (col.defaultValue() != null) {
                alter.append(",\n").append(Sql.INDENT).append("ALTER COLUMN ").append(column).append(" SET DEFAULT ")
                        .append(Sql.defaultValue(col.defaultValue()));
            }
            out.add(alter.append(';').toString());
        }
        for (ReplaceEnum.TableIndex ix : c.indexes()) {
            out.add(IndexSql.create(ix.table(), ix.index()));
        }
        for (ReplaceEnum.TableCheck k : c.checks()) {
            out.add(TableSql.addConstraint(k.table(), k.check()));
        }
        return String.join("\n", out);
    }

    private static String alter(QualifiedName domain) {
        return "ALTER DOMAIN " + Sql.qualified(domain) + " ";
    }

    private static String check(Check k) {
        return "CONSTRAINT " + Sql.ident(k.name()) + " CHECK " + Sql.parenthesized(k.expression());
    }

    private static String attribute(CompositeType.Attribute a) {
        return Sql.ident(a.name()) + " " + Sql.typeForAlter(a.type()) + (a.collation() == null ? "" : " COLLATE " + Sql.ident(a.collation()));
    }
}
