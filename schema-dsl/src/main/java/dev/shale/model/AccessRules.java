package dev.shale.model;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The rules a model's policies, grants and roles follow, checked once when the model is built. */
final class AccessRules {
    private AccessRules() {}

    static void validate(List<Table> tables, List<Table> externals, List<Sequence> sequences, List<Policy> policies,
                         List<Grant> grants, List<Role> roles) {
        Set<String> roleNames = new HashSet<>();
        for (Role r : roles) {
            if (!roleNames.add(r.name())) {
                throw new InvalidModelException("role " + Identifiers.show(r.name()), "is declared twice");
            }
        }
        Map<QualifiedName, Table> owned = new HashMap<>();
        tables.forEach(t -> owned.put(t.name(), t));
        Set<String> seen = new HashSet<>();
        for (Policy p : policies) {
            if (!owned.containsKey(p.table())) {
                throw new InvalidModelException(p.display(), "is on " + p.table().display()
                        + ", which is not an owned table of the schema; policies go on tables the project owns");
            }
            if (!seen.add(p.table().key() + "\0" + p.name())) {
                throw new InvalidModelException(p.display(), "is declared twice; policy names are unique per table");
            }
            for (String role : p.roles()) {
                requireRole(roleNames, p.display(), role);
            }
        }
        Set<QualifiedName> sequenceNames = new HashSet<>();
        sequences.forEach(s -> sequenceNames.add(s.name()));
        for (Grant g : grants) {
            String self = "grant of " + g.display();
            requireRole(roleNames, self, g.grantee());
            switch (g.on()) {
                case TABLE -> {
                    // Grants on relations the schema does not model as tables (views) are checked by
                    // PostgreSQL when they run; a grant on a column must name a column of an owned table.
                    Table t = owned.get(g.object());
                    if (g.column() != null && t != null && t.column(g.column()) == null) {
                        throw new InvalidModelException(self, "names column " + Identifiers.show(g.column())
                                + ", which " + g.object().display() + " does not have");
                    }
                    if (t == null && externals.stream().anyMatch(e -> e.name().equals(g.object()))) {
                        throw new InvalidModelException(self, "is on the external table " + g.object().display()
                                + ", whose privileges belong to the system that owns it");
                    }
                }
                case SEQUENCE, SCHEMA, FUNCTION -> { }
            }
        }
    }

    private static void requireRole(Set<String> roleNames, String self, String role) {
        if (!role.equals(Policy.PUBLIC) && !roleNames.contains(role)) {
            throw new InvalidModelException(self, "names role " + Identifiers.show(role)
                    + ", which the schema does not declare; declare it as a role the project owns, or as an"
                    + " external role if it exists already (Supabase's anon, authenticated, service_role)");
        }
    }
}
