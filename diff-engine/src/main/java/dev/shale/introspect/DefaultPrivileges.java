package dev.shale.introspect;

import dev.shale.model.Grant;
import dev.shale.model.Policy;
import dev.shale.model.Role;
import dev.shale.model.SchemaModel;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Privileges that are the database's rather than the project's, as a comparison with code sees them: those
 * default privileges ({@code ALTER DEFAULT PRIVILEGES}) give each new object, and those on schemas the code
 * does not declare. Shale does not manage default privileges (they are listed as not managed), and a
 * platform sets them for its own roles: Supabase grants {@code anon}, {@code authenticated} and
 * {@code service_role} everything on each new table, sequence and function in {@code public}. Such a
 * privilege is the database's, not a difference: one the code does not declare is left out of the live
 * model, so {@code check} does not report it and {@code push} does not revoke it; one the code declares
 * compares as any other.
 */
public final class DefaultPrivileges {
    private DefaultPrivileges() {}

    /**
     * {@code live} without the grants {@code declared} does not have that are the database's rather than the
     * project's, and without the roles only those grants named: the grants of {@code byDefault}, and those on
     * a schema the code neither declares ({@link dev.shale.model.Namespace}) nor grants anything on, as a
     * platform grants its roles USAGE on {@code public}. (The schema's objects are compared whatever the
     * schema: this is about the schema's own privileges.)
     */
    public static SchemaModel only(SchemaModel live, List<Grant> byDefault, SchemaModel declared) {
        Set<String> ownSchemas = new HashSet<>();
        declared.namespaces().forEach(n -> ownSchemas.add(n.name()));
        declared.grants().stream().filter(g -> g.on() == Grant.On.SCHEMA).forEach(g -> ownSchemas.add(g.object().schema()));
        Set<Grant> wanted = new HashSet<>(declared.grants());
        Set<Grant> implied = new HashSet<>(byDefault);
        List<Grant> kept = live.grants().stream().filter(g -> wanted.contains(g)
                || !implied.contains(g) && (g.on() != Grant.On.SCHEMA || ownSchemas.contains(g.object().schema()))).toList();
        if (kept.size() == live.grants().size()) {
            return live;
        }
        Set<String> named = new HashSet<>();
        kept.forEach(g -> named.add(g.grantee()));
        live.policies().forEach(p -> named.addAll(p.roles()));
        named.remove(Policy.PUBLIC);
        List<Role> roles = live.roles().stream().filter(r -> named.contains(r.name())).toList();
        return live.toBuilder().grants(kept).roles(roles).build();
    }
}
