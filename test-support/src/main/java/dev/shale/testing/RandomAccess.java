package dev.shale.testing;

import dev.shale.model.Column;
import dev.shale.model.Grant;
import dev.shale.model.Policy;
import dev.shale.model.QualifiedName;
import dev.shale.model.Role;
import dev.shale.model.RowSecurity;
import dev.shale.model.SchemaModel;
import dev.shale.model.Sequence;
import dev.shale.model.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Row-level security, policies and privileges for a random schema: RLS enabled (sometimes forced) on
 * some tables, permissive and restrictive policies of every command to the roles of {@link #ROLES} or
 * PUBLIC (with expressions on the table's columns, sometimes commented), and privileges on tables,
 * columns, sequences and schemas. The roles of {@link #ROLES} are external (they must exist:
 * {@link #ensureRoles}). Given a prefix, the schema also owns a role or two of that prefix now and then,
 * with random attributes, which policies and grants name too: a migration then creates, alters and drops
 * roles in the cluster, so the caller must pick a prefix no one else uses and drop its roles after.
 */
public final class RandomAccess {
    /** The external roles random schemas name. */
    public static final List<String> ROLES = List.of("shale_test_rls_reader", "shale_test_rls_writer");

    private final Random r;
    private final String ownedPrefix;

    /** Only external roles. */
    public RandomAccess(Random r) {
        this(r, null);
    }

    /** Owned roles too, named {@code ownedPrefix} and a letter and digit, when the prefix is not null. */
    public RandomAccess(Random r, String ownedPrefix) {
        this.r = r;
        this.ownedPrefix = ownedPrefix;
    }

    /** Creates the {@link #ROLES} in the test cluster when missing. */
    public static void ensureRoles(TestDatabase db) throws java.sql.SQLException {
        for (String role : ROLES) {
            TestRoles.ensure(db, role);
        }
    }

    /** The roles the generated policies and grants name, on the server {@code c} is connected to. */
    public static void ensureRoles(java.sql.Connection c) throws java.sql.SQLException {
        for (String role : ROLES) {
            TestRoles.ensure(c, role);
        }
    }

    public SchemaModel decorate(SchemaModel model) {
        List<Role> owned = ownedRoles();
        List<String> roles = new ArrayList<>(ROLES);
        owned.forEach(o -> roles.add(o.name()));
        List<Table> tables = new ArrayList<>();
        List<Policy> policies = new ArrayList<>();
        List<Grant> grants = new ArrayList<>();
        for (Table t : model.tables()) {
            if (t.isPartition()) {
                tables.add(t);
                continue;
            }
            RowSecurity rls = switch (r.nextInt(5)) {
                case 0 -> RowSecurity.ENABLED;
                case 1 -> new RowSecurity(true, true);
                case 2 -> new RowSecurity(false, true);
                default -> RowSecurity.OFF;
            };
            tables.add(t.withRowSecurity(rls));
            int count = r.nextInt(3) == 0 ? 1 + r.nextInt(2) : 0;
            for (int i = 0; i < count; i++) {
                policies.add(policy(t, i, roles));
            }
            for (Grant.Privilege p : Grant.On.TABLE.privileges()) {
                if (r.nextInt(8) == 0) {
                    String grantee = grantee(roles);
                    grants.add(Grant.table(t.name(), p, grantee).withGrantable(r.nextInt(4) == 0 && !grantee.equals(Policy.PUBLIC)));
                }
            }
            if (!t.columns().isEmpty() && r.nextInt(5) == 0) {
                Column c = t.columns().get(r.nextInt(t.columns().size()));
                grants.add(Grant.column(t.name(), c.name(), pick(List.copyOf(Grant.Privilege.COLUMN)), grantee(roles)));
            }
        }
        for (Sequence q : model.sequences()) {
            if (r.nextInt(3) == 0) {
                grants.add(Grant.sequence(q.name(), pick(List.of(Grant.Privilege.USAGE, Grant.Privilege.SELECT,
                        Grant.Privilege.UPDATE)), grantee(roles)));
            }
        }
        for (String s : model.schemas()) {
            if (r.nextInt(4) == 0) {
                Grant.Privilege privilege = r.nextBoolean() ? Grant.Privilege.USAGE : Grant.Privilege.CREATE;
                String grantee = grantee(roles);
                // what initdb grants PUBLIC on schema public (USAGE; CREATE too before PostgreSQL 15) is left out
                // of every comparison, so the code does not declare it
                if (!(s.equals("public") && grantee.equals(Policy.PUBLIC))) {
                    grants.add(Grant.schema(s, privilege, grantee));
                }
            }
        }
        grants = grants.stream().distinct().toList();
        Set<String> named = new TreeSet<>();
        policies.forEach(p -> named.addAll(p.roles()));
        grants.forEach(g -> named.add(g.grantee()));
        named.remove(Policy.PUBLIC);
        owned.forEach(o -> named.remove(o.name()));
        List<Role> all = new ArrayList<>(owned);
        named.forEach(n -> all.add(Role.external(n)));
        return model.toBuilder().tables(tables).policies(policies).grants(grants).roles(all).build();
    }

    /** None without a prefix; else now and then one or two, LOGIN or not, with random other attributes. */
    private List<Role> ownedRoles() {
        List<Role> out = new ArrayList<>();
        if (ownedPrefix == null || r.nextBoolean()) {
            return out;
        }
        int count = 1 + r.nextInt(2);
        Set<String> names = new TreeSet<>();
        for (int i = 0; i < count; i++) {
            String name = ownedPrefix + (r.nextBoolean() ? "app_" : "ops_") + r.nextInt(3);
            if (names.add(name)) {
                out.add(Role.owned(name).withLogin(r.nextInt(3) == 0).withInherit(r.nextInt(4) != 0)
                        .withCreateDb(r.nextInt(5) == 0).withCreateRole(r.nextInt(6) == 0).withBypassRls(r.nextInt(5) == 0)
                        .withConnectionLimit(r.nextInt(3) == 0 ? r.nextInt(20) : -1));
            }
        }
        return out;
    }

    private Policy policy(Table t, int i, List<String> names) {
        Policy.Command command = pick(List.of(Policy.Command.values()));
        List<String> roles = new ArrayList<>();
        if (r.nextBoolean()) {
            roles.add(pick(names));
            if (r.nextInt(3) == 0) {
                roles.add(pick(names));
            }
        }
        Column c = t.columns().isEmpty() ? null : t.columns().get(r.nextInt(t.columns().size()));
        String using = command.takesUsing() && r.nextInt(4) != 0 ? expression(c) : null;
        String check = command.takesWithCheck() && r.nextInt(3) != 0 ? expression(c) : null;
        return new Policy(t.name(), i == 0 ? "policy " + r.nextInt(3) : "p_" + i, command, r.nextInt(4) != 0, roles,
                using, check, r.nextInt(4) == 0 ? "it's policy " + r.nextInt(10) : null);
    }

    private String expression(Column c) {
        return switch (r.nextInt(4)) {
            case 0 -> "true";
            case 1 -> "current_user = 'shale_test_rls_reader'";
            default -> c == null ? "false" : dev.shale.model.Identifiers.show(c.name()) + " IS NOT NULL";
        };
    }

    private String grantee(List<String> roles) {
        return r.nextInt(5) == 0 ? Policy.PUBLIC : pick(roles);
    }

    private <T> T pick(List<T> items) {
        return items.get(r.nextInt(items.size()));
    }
}
