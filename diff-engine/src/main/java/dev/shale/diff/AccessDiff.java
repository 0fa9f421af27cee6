package dev.shale.diff;

import dev.shale.change.AlterPolicy;
import dev.shale.change.AlterRole;
import dev.shale.change.CreatePolicy;
import dev.shale.change.CreateRole;
import dev.shale.change.DropPolicy;
import dev.shale.change.DropRole;
import dev.shale.change.GrantPrivilege;
import dev.shale.change.RevokePrivilege;
import dev.shale.change.SetRowSecurity;
import dev.shale.diff.ChangeOrder.Phase;
import dev.shale.model.Column;
import dev.shale.model.Grant;
import dev.shale.model.Policy;
import dev.shale.model.QualifiedName;
import dev.shale.model.Role;
import dev.shale.model.RowSecurity;
import dev.shale.model.SchemaModel;
import dev.shale.model.Table;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Row-level security, policies, privileges and roles (the models come uncommented: policy comments are
 * {@link CommentDiff}'s).
 *
 * <p><b>Policies</b> are matched by table and name; a policy that goes and one that comes on the same table
 * with the same definition is the same policy renamed (ALTER POLICY ... RENAME TO). Roles, USING and WITH CHECK change in place with
 * ALTER POLICY; a changed command, PERMISSIVE/RESTRICTIVE, or an expression that goes away (ALTER
 * POLICY can set one but not remove it) is a drop and a create. The policies of a table whose columns
 * are dropped or change type are dropped first and created again afterwards, since PostgreSQL refuses
 * to change a column a policy uses. A dropped table takes its policies and privileges along.
 *
 * <p><b>Privileges</b> are compared one privilege at a time: each one only the new model has is
 * granted, each one only the old model has is revoked (a changed grant option is both). Revoking a table
 * privilege revokes it on the table's columns as well, so a column grant of that privilege to that grantee
 * which the new model keeps is granted again after the revoke.
 *
 * <p><b>Roles</b>: only roles the project owns are created, altered and dropped; an external role is
 * never touched, and a role that turns from owned to external is left in place.
 */
final class AccessDiff {
    private AccessDiff() {}

    static void diff(SchemaModel from, SchemaModel to, ChangeOrder order) {
        roles(from, to, order);
        Set<QualifiedName> rebuilt = rebuiltTables(from, to);
        policies(from, to, rebuilt, order);
        rowSecurity(from, to, order);
        grants(from, to, order);
    }

    private static void roles(SchemaModel from, SchemaModel to, ChangeOrder order) {
        for (Role r : to.roles()) {
            if (!r.owned()) {
                continue;
            }
            Role old = from.role(r.name());
            QualifiedName key = QualifiedName.of(r.name(), r.name());
            if (old == null || !old.owned()) {
                order.add(Phase.CREATE_ROLE, key, 0, "", new CreateRole(r));
            } else if (!old.equals(r)) {
                order.add(Phase.ALTER_ROLE, key, 0, "", new AlterRole(old, r));
            }
        }
        for (Role old : from.roles()) {
            Role now = to.role(old.name());
            if (old.owned() && now == null) {
                order.add(Phase.DROP_ROLE, QualifiedName.of(old.name(), old.name()), 0, "", new DropRole(old));
            }
        }
    }

    /** Tables on both sides with a column dropped or of another type: their policies are rebuilt around it. */
    private static Set<QualifiedName> rebuiltTables(SchemaModel from, SchemaModel to) {
        Set<QualifiedName> out = new HashSet<>();
        for (QualifiedName t : columnsDroppedOrRetyped(from, to)) {
            if (!from.policiesOn(t).isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * Tables on both sides with a column dropped or of another type or collation (ALTER COLUMN ... TYPE ... COLLATE).
     * PostgreSQL refuses these under a policy
     * or a trigger that names the column, so those are dropped before and created again after.
     */
    static Set<QualifiedName> columnsDroppedOrRetyped(SchemaModel from, SchemaModel to) {
        Set<QualifiedName> out = new HashSet<>();
        for (Table old : from.tables()) {
            Table now = to.table(old.name());
            if (now == null) {
                continue;
            }
            for (Column c : old.columns()) {
                Column after = now.column(c.name());
                if (after == null || !after.type().equals(c.type()) || !Objects.equals(after.collation(), c.collation())) {
                    out.add(old.name());
                }
            }
        }
        return out;
    }

    /**
     * What each policy of {@code to} was before: the one of the same name, or the one it is renamed from.
     * A policy that is new, or created again because its table is rebuilt around a column, has no entry,
     * so whatever it carries (a comment) is set afresh.
     */
    static Map<Policy, Policy> policiesBefore(SchemaModel from, SchemaModel to) {
        Set<QualifiedName> rebuilt = rebuiltTables(from, to);
        Map<Policy, Policy> before = policyRenames(from, to, rebuilt);
        for (Policy p : to.policies()) {
            Policy same = find(from, p.table(), p.name());
            if (same != null && !(rebuilt.contains(p.table()) && from.table(p.table()) != null)) {
                before.put(p, same);
            }
        }
        return before;
    }

    /**
     * The renamed policies, each policy of {@code to} to the one of {@code from} it was: a policy that goes
     * and one that comes on the same table with the same definition (comments aside) is one policy renamed.
     */
    private static Map<Policy, Policy> policyRenames(SchemaModel from, SchemaModel to, Set<QualifiedName> rebuilt) {
        Map<Policy, Policy> renames = new LinkedHashMap<>();
        Set<Policy> renamedFrom = new HashSet<>();
        for (Policy p : to.policies()) {
            if (find(from, p.table(), p.name()) != null || rebuilt.contains(p.table())) {
                continue;
            }
            for (Policy old : from.policiesOn(p.table())) {
                if (find(to, old.table(), old.name()) == null && !renamedFrom.contains(old)
                        && old.withName(p.name()).withComment(null).equals(p.withComment(null))) {
                    renames.put(p, old);
                    renamedFrom.add(old);
                    break;
                }
            }
        }
        return renames;
    }

    private static void policies(SchemaModel from, SchemaModel to, Set<QualifiedName> rebuilt, ChangeOrder order) {
        Map<Policy, Policy> renames = policyRenames(from, to, rebuilt);
        Set<Policy> renamedTo = renames.keySet();
        Set<Policy> renamedFrom = new HashSet<>(renames.values());
        renames.forEach((p, old) -> order.add(Phase.CREATE_POLICY, p.table(), 0, p.name(),
                new dev.shale.change.RenamePolicy(p.table(), old.name(), p.name())));
        for (Policy p : to.policies()) {
            if (renamedTo.contains(p)) {
                continue;
            }
            Policy old = find(from, p.table(), p.name());
            if (old == null || rebuilt.contains(p.table()) && from.table(p.table()) != null) {
                if (old != null) {
                    order.add(Phase.DROP_POLICY, p.table(), 0, p.name(), new DropPolicy(old));
                }
                order.add(Phase.CREATE_POLICY, p.table(), 0, p.name(), new CreatePolicy(p));
            } else if (!old.equals(p)) {
                boolean inPlace = old.command() == p.command() && old.permissive() == p.permissive()
                        && (old.using() == null || p.using() != null) && (old.withCheck() == null || p.withCheck() != null);
                if (inPlace) {
                    order.add(Phase.CREATE_POLICY, p.table(), 1, p.name(), new AlterPolicy(old, p));
                } else {
                    order.add(Phase.DROP_POLICY, p.table(), 0, p.name(), new DropPolicy(old));
                    order.add(Phase.CREATE_POLICY, p.table(), 0, p.name(), new CreatePolicy(p));
                }
            }
        }
        for (Policy old : from.policies()) {
            if (find(to, old.table(), old.name()) == null && to.table(old.table()) != null && !renamedFrom.contains(old)) {
                order.add(Phase.DROP_POLICY, old.table(), 0, old.name(), new DropPolicy(old));
            }
        }
    }

    private static Policy find(SchemaModel model, QualifiedName table, String name) {
        for (Policy p : model.policiesOn(table)) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        return null;
    }

    private static void rowSecurity(SchemaModel from, SchemaModel to, ChangeOrder order) {
        for (Table t : to.tables()) {
            Table old = from.table(t.name());
            RowSecurity before = old == null ? RowSecurity.OFF : old.rowSecurity();
            if (!before.equals(t.rowSecurity())) {
                order.add(Phase.ROW_SECURITY, t.name(), 0, "", new SetRowSecurity(t.name(), before, t.rowSecurity()));
            }
        }
    }

    private static void grants(SchemaModel from, SchemaModel to, ChangeOrder order) {
        Set<Grant> before = new HashSet<>(from.grants());
        Set<Grant> after = new HashSet<>(to.grants());
        for (Grant g : to.grants()) {
            if (!before.contains(g)) {
                order.add(Phase.GRANT, g.object(), 0, key(g), new GrantPrivilege(g));
            }
        }
        Set<List<Object>> revokedOnTables = new HashSet<>();
        for (Grant g : from.grants()) {
            if (!after.contains(g) && !goesWithItsObject(g, from, to)) {
                order.add(Phase.REVOKE, g.object(), 0, key(g), new RevokePrivilege(g));
                if (g.on() == Grant.On.TABLE && g.column() == null) {
                    revokedOnTables.add(List.of(g.object(), g.grantee(), g.privilege()));
                }
            }
        }
        // REVOKE of a table privilege revokes it on each column too: a column grant that stays is granted again
        for (Grant g : to.grants()) {
            if (g.column() != null && before.contains(g) && revokedOnTables.contains(List.of(g.object(), g.grantee(), g.privilege()))) {
                order.add(Phase.GRANT, g.object(), 0, key(g), new GrantPrivilege(g));
            }
        }
    }

    /** Whether the object of a grant is dropped on the way, taking its privileges along. */
    private static boolean goesWithItsObject(Grant g, SchemaModel from, SchemaModel to) {
        return switch (g.on()) {
            case TABLE -> from.table(g.object()) != null && (to.table(g.object()) == null
                    || g.column() != null && to.table(g.object()).column(g.column()) == null)
                    || from.view(g.object()) != null && to.view(g.object()) == null;
            case SEQUENCE -> from.sequence(g.object()) != null && to.sequence(g.object()) == null;
            case SCHEMA, FUNCTION -> false;
        };
    }

    private static String key(Grant g) {
        return Objects.toString(g.signature(), "") + "\0" + Objects.toString(g.column(), "") + "\0" + g.grantee()
                + "\0" + g.privilege() + "\0" + g.grantable();
    }
}
