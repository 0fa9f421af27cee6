package dev.shale.introspect;

import dev.shale.model.Role;
import dev.shale.model.SchemaModel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which roles a comparison with declared code sees. Roles are cluster-wide, so a database "has" every
 * role of its cluster; a comparison looks at the roles the code declares and those the database's
 * policies and grants name. A role the code owns compares with its attributes in the cluster; any
 * other role is external (referenced, never created or dropped). A role the code stops declaring is
 * dropped by {@code generate}, which compares code with the previous snapshot, where it was declared.
 */
public final class DeclaredRoles {
    private DeclaredRoles() {}

    /**
     * {@code live} (whose roles are the ones its policies and grants name) with the roles {@code declared}
     * names that exist in the cluster: owned ones with their attributes there, the others external.
     */
    public static SchemaModel only(SchemaModel live, List<Role> clusterRoles, SchemaModel declared) {
        Map<String, Role> cluster = new LinkedHashMap<>();
        clusterRoles.forEach(r -> cluster.put(r.name(), r));
        Map<String, Role> roles = new LinkedHashMap<>();
        live.roles().forEach(r -> roles.put(r.name(), Role.external(r.name())));
        for (Role d : declared.roles()) {
            Role there = cluster.get(d.name());
            if (there == null) {
                continue;
            }
            roles.put(d.name(), d.owned() ? there.withOwned(true) : Role.external(d.name()));
        }
        List<Role> out = new ArrayList<>(roles.values());
        return out.equals(live.roles()) ? live : live.withRoles(out);
    }

    /**
     * Fails, saying which, when a role {@code declared} only refers to is missing from the cluster behind
     * {@code connection}: policies and grants naming it could not be created.
     */
    static void requireExternal(SchemaModel declared, java.sql.Connection connection) throws java.sql.SQLException {
        List<String> external = declared.roles().stream().filter(r -> !r.owned()).map(Role::name).toList();
        if (external.isEmpty()) {
            return;
        }
        List<String> missing = new ArrayList<>(external);
        try (java.sql.PreparedStatement ps = connection.prepareStatement(
                "SELECT rolname::text FROM pg_catalog.pg_roles WHERE rolname = ANY (?)")) {
            ps.setArray(1, connection.createArrayOf("text", external.toArray()));
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    missing.remove(rs.getString(1));
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new java.sql.SQLException("cannot put the schema in canonical form: the external role(s) " + missing
                    + " do not exist in the database's cluster, so policies and grants naming them cannot be created;"
                    + " create them there first (they are owned outside the project)");
        }
    }
}
