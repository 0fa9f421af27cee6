package dev.shale.diff;

import dev.shale.change.AlterPolicy;
import dev.shale.change.AlterRole;
import dev.shale.change.Change;
import dev.shale.change.CreatePolicy;
import dev.shale.change.CreateRole;
import dev.shale.change.DropPolicy;
import dev.shale.change.DropRole;
import dev.shale.change.GrantPrivilege;
import dev.shale.change.RenameTable;
import dev.shale.change.RevokePrivilege;
import dev.shale.change.SetComment;
import dev.shale.change.SetRowSecurity;
import dev.shale.model.Column;
import dev.shale.model.ColumnType;
import dev.shale.model.Grant;
import dev.shale.model.InvalidModelException;
import dev.shale.model.PgType;
import dev.shale.model.Policy;
import dev.shale.model.QualifiedName;
import dev.shale.model.Rename;
import dev.shale.model.Role;
import dev.shale.model.RowSecurity;
import dev.shale.model.SchemaModel;
import dev.shale.model.Table;
import dev.shale.snapshot.Snapshot;
import dev.shale.snapshot.SnapshotJson;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The diff of row-level security, policies, privileges and roles, case by case, and their snapshot form. */
class AccessDiffTest {
    static final QualifiedName NOTES = QualifiedName.of("notes");
    static final Table TABLE = Table.of(NOTES, List.of(new Column("id", ColumnType.Builtin.of(PgType.INTEGER), true, null),
            new Column("owner", ColumnType.Builtin.of(PgType.TEXT), false, null)));
    static final Policy OWN = Policy.of(NOTES, "own").withRoles(List.of("reader")).withUsing("owner = current_user");

    static SchemaModel model(Table table, List<Policy> policies, List<Grant> grants, List<Role> roles) {
        return SchemaModel.builder().tables(List.of(table)).policies(policies).grants(grants).roles(roles).build();
    }

    static SchemaModel with(Policy... policies) {
        return model(TABLE, List.of(policies), List.of(), List.of(Role.external("reader"), Role.external("writer")));
    }

    static List<Class<?>> kinds(SchemaModel from, SchemaModel to) {
        return Differ.changes(from, to, RenameDecisions.NONE).stream().<Class<?>>map(Change::getClass).toList();
    }

    @Test
    void policiesChangeInPlaceWhereAlterPolicyCanAndAreRecreatedOtherwise() {
        record Case(String name, Policy from, Policy to, List<Class<?>> expected) {}
        for (Case c : List.of(
                new Case("roles", OWN, OWN.withRoles(List.of("reader", "writer")), List.of(AlterPolicy.class)),
                new Case("USING", OWN, OWN.withUsing("true"), List.of(AlterPolicy.class)),
                new Case("WITH CHECK added", OWN, OWN.withWithCheck("true"), List.of(AlterPolicy.class)),
                new Case("WITH CHECK removed", OWN.withWithCheck("true"), OWN, List.of(DropPolicy.class, CreatePolicy.class)),
                new Case("command", OWN, OWN.withCommand(Policy.Command.SELECT), List.of(DropPolicy.class, CreatePolicy.class)),
                new Case("restrictive", OWN, OWN.withPermissive(false), List.of(DropPolicy.class, CreatePolicy.class)),
                new Case("comment only", OWN, OWN.withComment("mine"), List.of(SetComment.class)),
                new Case("the same", OWN, OWN, List.of()))) {
            assertEquals(c.expected(), kinds(with(c.from()), with(c.to())), c.name());
        }
        assertEquals(List.of(CreatePolicy.class, SetComment.class), kinds(with(), with(OWN.withComment("mine"))));
        assertEquals(List.of(DropPolicy.class), kinds(with(OWN), with()));
        assertEquals(List.of(dev.shale.change.RenamePolicy.class), kinds(with(OWN), with(OWN.withName("Owners only"))),
                "the same definition under another name is a rename");
        assertEquals(List.of(DropPolicy.class, CreatePolicy.class),
                kinds(with(OWN), with(OWN.withName("Owners only").withUsing("true"))), "another definition is not");
    }

    @Test
    void aColumnTypeChangeRebuildsTheTablesPoliciesAroundIt() {
        Table wider = TABLE.withColumns(List.of(TABLE.columns().get(0),
                new Column("owner", ColumnType.parse("varchar(100)"), false, null)));
        List<Class<?>> kinds = kinds(with(OWN), model(wider, List.of(OWN), List.of(), with().roles()));
        assertEquals(List.of(DropPolicy.class, dev.shale.change.AlterColumn.class, CreatePolicy.class), kinds);
    }

    @Test
    void rowSecurityAndPrivilegesAndOwnedRoles() {
        SchemaModel off = model(TABLE, List.of(), List.of(), List.of());
        Grant select = Grant.table(NOTES, Grant.Privilege.SELECT, "app");
        SchemaModel on = model(TABLE.withRowSecurity(RowSecurity.ENABLED), List.of(), List.of(select),
                List.of(Role.owned("app")));
        List<Change> changes = Differ.changes(off, on, RenameDecisions.NONE);
        assertEquals(List.of(CreateRole.class, SetRowSecurity.class, GrantPrivilege.class),
                changes.stream().map(Change::getClass).toList(), "the role first, the grant last");
        assertEquals(List.of(RevokePrivilege.class, SetRowSecurity.class, DropRole.class), kinds(on, off), "the role last");
        SchemaModel login = on.withRoles(List.of(Role.owned("app").withLogin(true)));
        assertEquals(List.of(AlterRole.class), kinds(on, login));
        SchemaModel external = on.withRoles(List.of(Role.external("app")));
        assertEquals(List.of(), kinds(on, external).stream().filter(k -> k == DropRole.class || k == CreateRole.class).toList(),
                "a role that turns external is left alone");
        SchemaModel grantable = on.withGrants(List.of(select.withGrantable(true)));
        assertEquals(List.of(RevokePrivilege.class, GrantPrivilege.class), kinds(on, grantable));
    }

    @Test
    void aDroppedTableTakesItsPoliciesAndPrivilegesAlong() {
        SchemaModel full = model(TABLE, List.of(OWN), List.of(Grant.table(NOTES, Grant.Privilege.SELECT, "reader")),
                List.of(Role.external("reader")));
        List<Class<?>> kinds = kinds(full, SchemaModel.EMPTY);
        assertEquals(List.of(dev.shale.change.DropTable.class), kinds);
    }

    @Test
    void aRenamedTableKeepsItsPoliciesAndPrivileges() {
        SchemaModel before = model(TABLE, List.of(OWN), List.of(Grant.column(NOTES, "owner", Grant.Privilege.UPDATE, "reader")),
                List.of(Role.external("reader")));
        QualifiedName memos = QualifiedName.of("memos");
        SchemaModel after = model(TABLE.withName(memos), List.of(OWN.withTable(memos)),
                List.of(Grant.column(memos, "owner", Grant.Privilege.UPDATE, "reader")), List.of(Role.external("reader")));
        List<Change> changes = Differ.changes(before, after, RenameDecisions.of(List.of(Rename.table(NOTES, "memos"))));
        assertEquals(List.of(RenameTable.class), changes.stream().map(Change::getClass).toList());
    }

    @Test
    void snapshotsCarryThemAndLeaveThemOutWhenAbsent() {
        SchemaModel full = model(TABLE.withRowSecurity(new RowSecurity(true, true)), List.of(OWN.withComment("c")),
                List.of(Grant.schema("public", Grant.Privilege.USAGE, "reader").withGrantable(true),
                        Grant.function(QualifiedName.of("auth", "uid"), "", Grant.Privilege.EXECUTE, "reader"),
                        Grant.column(NOTES, "owner", Grant.Privilege.SELECT, Policy.PUBLIC)),
                List.of(Role.external("reader"), Role.owned("app").withLogin(true).withConnectionLimit(4)));
        String json = SnapshotJson.write(Snapshot.next(null, full));
        assertEquals(full, SnapshotJson.read(json, "x.json").model());
        assertTrue(json.contains("\"rowSecurity\""), json);
        String plain = SnapshotJson.write(Snapshot.next(null, model(TABLE, List.of(), List.of(), List.of())));
        for (String key : List.of("rowSecurity", "policies", "grants", "roles")) {
            assertFalse(plain.contains("\"" + key + "\""), plain);
        }
    }

    @Test
    void badAccessDeclarationsSayWhatIsWrong() {
        record Bad(String expected, Runnable build) {}
        for (Bad b : List.of(
                new Bad("names role \"ghost\", which the schema does not declare", () -> with(OWN.withRoles(List.of("ghost")))),
                new Bad("is FOR INSERT, which takes no USING expression", () -> OWN.withCommand(Policy.Command.INSERT)),
                new Bad("takes no WITH CHECK expression", () -> OWN.withUsing(null).withCommand(Policy.Command.SELECT).withWithCheck("true")),
                new Bad("is not a privilege of a schema", () -> Grant.schema("app", Grant.Privilege.SELECT, "r")),
                new Bad("a column can be granted only", () -> Grant.column(NOTES, "owner", Grant.Privilege.DELETE, "r")),
                new Bad("is declared twice; policy names are unique per table", () -> with(OWN, OWN.withUsing("true"))),
                new Bad("which \"public\".\"notes\" does not have", () -> model(TABLE, List.of(),
                        List.of(Grant.column(NOTES, "ghost", Grant.Privilege.SELECT, "reader")), List.of(Role.external("reader")))),
                new Bad("is a name PostgreSQL reserves", () -> Role.owned("pg_monitor")))) {
            InvalidModelException e = assertThrows(InvalidModelException.class, b.build::run);
            assertTrue(e.getMessage().contains(b.expected()), e.getMessage());
        }
    }
}
