package dev.shale.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The types a schema declares (enums, domains, composite types) and how they refer to each other: a
 * domain over a composite or an enum, a composite with an enum or domain attribute. Checks that every
 * reference names a declared type of the right kind and that no type contains itself, and orders
 * the types so that each comes after the types it uses.
 */
public final class UserTypes {
    private UserTypes() {}

    /** The schema types {@code type} uses directly (none for a built-in or named type). */
    public static Set<QualifiedName> uses(ColumnType type) {
        QualifiedName name = type.userType();
        return name == null ? Set.of() : Set.of(name);
    }

    /** The schema types a domain or composite type uses directly. */
    public static Set<QualifiedName> uses(Object userType) {
        Set<QualifiedName> out = new LinkedHashSet<>();
        if (userType instanceof Domain d) {
            out.addAll(uses(d.type()));
        } else if (userType instanceof CompositeType c) {
            for (CompositeType.Attribute a : c.attributes()) {
                out.addAll(uses(a.type()));
            }
        }
        return out;
    }

    /**
     * The domains and composite types of {@code model}, each after the ones it uses (enums come first
     * anyway, in their own phase); ties by name.
     */
    public static List<QualifiedName> createOrder(SchemaModel model) {
        Map<QualifiedName, Set<QualifiedName>> graph = new TreeMap<>();
        model.domains().forEach(d -> graph.put(d.name(), uses(d)));
        model.compositeTypes().forEach(c -> graph.put(c.name(), uses(c)));
        List<QualifiedName> out = new ArrayList<>();
        Set<QualifiedName> done = new HashSet<>();
        for (QualifiedName name : graph.keySet()) {
            visit(name, graph, done, new LinkedHashSet<>(), out);
        }
        return out;
    }

    private static void visit(QualifiedName name, Map<QualifiedName, Set<QualifiedName>> graph, Set<QualifiedName> done,
                              Set<QualifiedName> path, List<QualifiedName> out) {
        if (done.contains(name) || !graph.containsKey(name)) {
            return;
        }
        if (!path.add(name)) {
            throw new InvalidModelException("type " + name.display(), "contains itself (through "
                    + path.stream().map(QualifiedName::display).toList() + "); a type cannot be part of its own definition");
        }
        for (QualifiedName used : graph.get(name)) {
            visit(used, graph, done, path, out);
        }
        path.remove(name);
        done.add(name);
        out.add(name);
    }

    static void validate(List<EnumType> enums, List<Table> tables, List<Domain> domains, List<CompositeType> composites) {
        Map<QualifiedName, String> kinds = new HashMap<>();
        enums.forEach(e -> kinds.put(e.name(), "enum"));
        domains.forEach(d -> kinds.put(d.name(), "domain"));
        composites.forEach(c -> kinds.put(c.name(), "composite"));
        for (Table t : tables) {
            for (Column c : t.columns()) {
                check(kinds, c.type(), "table " + t.name().display() + ", column " + Identifiers.show(c.name()));
            }
        }
        for (Domain d : domains) {
            check(kinds, d.type(), "domain " + d.name().display());
            if (d.type() instanceof ColumnType.Builtin b && b.type().isSerial()) {
                throw new InvalidModelException("domain " + d.name().display(), "serial is not a type a domain can be"
                        + " based on; use integer or bigint");
            }
        }
        for (CompositeType c : composites) {
            for (CompositeType.Attribute a : c.attributes()) {
                check(kinds, a.type(), "composite type " + c.name().display() + ", attribute " + Identifiers.show(a.name()));
                if (a.type() instanceof ColumnType.Builtin b && b.type().isSerial()) {
                    throw new InvalidModelException("composite type " + c.name().display(), "attribute "
                            + Identifiers.show(a.name()) + " is serial, which only a table column can be; use integer or bigint");
                }
            }
        }
        Map<QualifiedName, Set<QualifiedName>> graph = new TreeMap<>();
        domains.forEach(d -> graph.put(d.name(), uses(d)));
        composites.forEach(c -> graph.put(c.name(), uses(c)));
        Set<QualifiedName> done = new HashSet<>();
        for (QualifiedName name : graph.keySet()) {
            visit(name, graph, done, new LinkedHashSet<>(), new ArrayList<>());
        }
    }

    private static void check(Map<QualifiedName, String> kinds, ColumnType type, String where) {
        ColumnType element = type instanceof ColumnType.ArrayOf a ? a.element() : type;
        String expected;
        QualifiedName name;
        if (element instanceof ColumnType.EnumRef e) {
            expected = "enum";
            name = e.name();
        } else if (element instanceof ColumnType.DomainRef d) {
            expected = "domain";
            name = d.name();
        } else if (element instanceof ColumnType.CompositeRef c) {
            expected = "composite";
            name = c.name();
        } else {
            return;
        }
        String kind = kinds.get(name);
        if (!expected.equals(kind)) {
            String article = expected.equals("enum") ? "an " : "a ";
            throw new InvalidModelException(where, "has type " + name.display() + ", which is not " + article + expected
                    + (expected.equals("composite") ? " type" : "") + " of the schema; declare the " + expected
                    + (expected.equals("composite") ? " type" : "")
                    + (kind == null ? "" : " (it is declared as " + (kind.equals("composite") ? "a composite type" : "a" + (kind.equals("enum") ? "n " : " ") + kind) + ")"));
        }
    }
}
