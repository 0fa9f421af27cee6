package dev.shale.dsl;

import dev.shale.model.Grant;
import dev.shale.model.Identifiers;
import dev.shale.model.Policy;
import dev.shale.model.Role;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the roles, policies and grants of a schema's declarations: roles held in static fields and
 * every role a policy or grant names, so a role needs no static field of its own.
 */
final class Access {
    private final Map<String, PgRole> roles = new LinkedHashMap<>();
    private final List<Policy> policies = new ArrayList<>();
    private final List<Grant> grants = new ArrayList<>();

    void role(PgRole r) {
        if (r.isPublic()) {
            return;
        }
        PgRole previous = roles.putIfAbsent(r.name(), r);
        if (previous != null && previous != r && !previous.toModel().equals(r.toModel())) {
            throw new SchemaDefinitionException(r.location(), "role " + Identifiers.show(r.name())
                    + " is declared twice differently, here and at " + previous.location() + "; keep one declaration");
        }
    }

    void policy(PolicyBuilder p) {
        p.roles().forEach(this::role);
        policies.add(p.toModel());
    }

    void grant(GrantBuilder g) {
        g.roles().forEach(this::role);
        grants.addAll(g.toModel());
    }

    List<Policy> policies() {
        return policies;
    }

    List<Grant> grants() {
        return grants.stream().distinct().toList();
    }

    List<Role> roles() {
        return roles.values().stream().map(PgRole::toModel).toList();
    }
}
