package dev.shale.introspect;

import dev.shale.model.Grant;
import dev.shale.model.Policy;
import dev.shale.model.QualifiedName;
import dev.shale.model.Role;
import dev.shale.model.RowSecurity;
import dev.shale.model.SchemaModel;
import dev.shale.model.Table;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads row-level security, policies, privileges and roles ({@link CatalogQueries#POLICIES},
 * {@link CatalogQueries#PRIVILEGES}, {@link CatalogQueries#ROLES}) and puts them on the model. The
 * model's roles are those its policies and grants name, as external roles: whether a role is the
 * project's is a question for the code ({@link DeclaredRoles}); every role of the cluster is kept
 * with its attributes for that.
 */
final class AccessReader {
    private final Set<String> notManaged;
    private final Map<QualifiedName, RowSecurity> rowSecurity = new HashMap<>();
    private final List<Policy> policies = new ArrayList<>();
    private final List<Grant> grants = new ArrayList<>();
    private final List<Grant> byDefault = new ArrayList<>();
    private final Map<String, Role> clusterRoles = new TreeMap<>();

    AccessReader(Set<String> notManaged) {
        this.notManaged = notManaged;
    }

    void policies(ResultSet rs) throws SQLException {
        while (rs.next()) {
            QualifiedName table = QualifiedName.of(rs.getString(2), rs.getString(3));
            if (rs.getString(1).equals("rls")) {
                rowSecurity.put(table, new RowSecurity(rs.getBoolean(5), rs.getBoolean(6)));
                continue;
            }
            Object[] roles = (Object[]) rs.getArray(8).getArray();
            List<String> names = new ArrayList<>();
            for (Object r : roles) {
                names.add((String) r);
            }
            policies.add(new Policy(table, rs.getString(4), command(rs.getString(7)), rs.getBoolean(5), names,
                    rs.getString(9), rs.getString(10), rs.getString(11)));
        }
    }

    void privileges(ResultSet rs) throws SQLException {
        while (rs.next()) {
            Grant.On on = Grant.On.valueOf(rs.getString(1));
            String schema = rs.getString(2);
            QualifiedName object = QualifiedName.of(schema, rs.getString(3));
            String privilege = rs.getString(6);
            Grant.Privilege p;
            try {
                p = Grant.Privilege.valueOf(privilege);
            } catch (IllegalArgumentException e) {
                p = null;
            }
            String column = rs.getString(5);
            if (p == null || (column == null ? !on.privileges().contains(p) : !Grant.Privilege.COLUMN.contains(p))) {
                notManaged.add("privilege " + privilege + " on " + object.display() + " to " + rs.getString(7));
                continue;
            }
            Grant g = new Grant(on, object, on == Grant.On.FUNCTION ? rs.getString(4) : null, column, p,
                    rs.getString(7), rs.getBoolean(8));
            grants.add(g);
            if (rs.getBoolean(9)) {
                byDefault.add(g);
            }
        }
    }

    /** The privileges read that default privileges account for (see {@link DefaultPrivileges}). */
    List<Grant> byDefault() {
        return List.copyOf(byDefault);
    }

    void roles(ResultSet rs) throws SQLException {
        while (rs.next()) {
            String name = rs.getString(1);
            if (name.equals(Policy.PUBLIC)) {
                continue;
            }
            clusterRoles.put(name, new Role(name, true, rs.getBoolean(2), rs.getBoolean(3), rs.getBoolean(4),
                    rs.getBoolean(5), rs.getBoolean(6), rs.getInt(7)));
        }
    }

    /** Every role of the cluster but PostgreSQL's own, as if owned, with its attributes. */
    List<Role> clusterRoles() {
        return List.copyOf(clusterRoles.values());
    }

    /** {@code model} with row-level security, the policies and grants of its tables, and the roles they name. */
    SchemaModel applyTo(SchemaModel model) {
        List<Table> tables = new ArrayList<>();
        for (Table t : model.tables()) {
            RowSecurity r = rowSecurity.get(t.name());
            tables.add(r == null ? t : t.withRowSecurity(r));
        }
        List<Policy> kept = policies.stream().filter(p -> model.table(p.table()) != null).toList();
        Set<String> named = new TreeSet<>();
        kept.forEach(p -> named.addAll(p.roles()));
        grants.forEach(g -> named.add(g.grantee()));
        named.remove(Policy.PUBLIC);
        List<Role> roles = named.stream().map(Role::external).toList();
        return model.toBuilder().tables(tables).policies(kept).grants(grants).roles(roles).build();
    }

    private static Policy.Command command(String code) {
        return switch (code) {
            case "r" -> Policy.Command.SELECT;
            case "a" -> Policy.Command.INSERT;
            case "w" -> Policy.Command.UPDATE;
            case "d" -> Policy.Command.DELETE;
            default -> Policy.Command.ALL;
        };
    }
}
