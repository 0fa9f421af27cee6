package dev.shale.workflow;

import dev.shale.change.AddColumn;
import dev.shale.change.AddConstraint;
import dev.shale.change.AddEnumValue;
import dev.shale.change.Change;
import dev.shale.change.CreateEnum;
import dev.shale.change.CreateIndex;
import dev.shale.change.CreateSchema;
import dev.shale.change.CreateTable;
import dev.shale.change.DropTable;
import dev.shale.change.RenameColumn;
import dev.shale.change.RenameIndex;
import dev.shale.change.RenameTable;
import dev.shale.model.Column;
import dev.shale.model.ColumnType;
import dev.shale.model.EnumType;
import dev.shale.model.ForeignKey;
import dev.shale.model.Index;
import dev.shale.model.IndexKey;
import dev.shale.model.IndexMethod;
import dev.shale.model.QualifiedName;
import dev.shale.model.ReferentialAction;
import dev.shale.model.Table;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MigrationNamesTest {
    private static final QualifiedName USERS = QualifiedName.of("users");

    private static Table table(String name) {
        return Table.of(QualifiedName.of(name), List.of(new Column("id", ColumnType.parse("uuid"), true, null)));
    }

    private static Column text(String name) {
        return new Column(name, ColumnType.parse("text"), false, null);
    }

    @Test
    void namesSayWhatChanged() {
        record Case(String expected, List<Change> changes) {}
        EnumType role = new EnumType(QualifiedName.of("user_role"), List.of("admin"));
        Index ix = new Index("users_email_idx", false, IndexMethod.BTREE, List.of(IndexKey.column("email")), null);
        List<Case> cases = List.of(
                new Case("create_users_profiles", List.of(new CreateSchema("app"), new CreateEnum(role),
                        new CreateTable(table("users")), new CreateTable(table("profiles")),
                        new CreateIndex(QualifiedName.of("users"), ix),
                        new AddConstraint(QualifiedName.of("profiles"), new ForeignKey("profiles_user_fk", List.of("id"), USERS,
                                List.of("id"), ReferentialAction.CASCADE, ReferentialAction.NO_ACTION)))),
                new Case("add_users_timezone", List.of(new AddColumn(USERS, text("timezone")))),
                new Case("add_users_email_idx", List.of(new CreateIndex(USERS, ix))),
                new Case("create_user_role", List.of(new CreateEnum(role))),
                new Case("add_user_role_editor", List.of(new AddEnumValue(role.name(), "editor", null, null))),
                new Case("rename_users_name_to_full_name", List.of(new RenameColumn(USERS, "name", "full_name"))),
                new Case("rename_users_to_members", List.of(new RenameTable(USERS, QualifiedName.of("members")),
                        new RenameIndex(QualifiedName.of("members"), "users_email_idx", "members_email_idx"))),
                new Case("rename_users_email_idx_to_users_mail_idx", List.of(new RenameIndex(USERS, "users_email_idx", "users_mail_idx"))),
                new Case("alter_users_sessions", List.of(new AddColumn(USERS, text("timezone")),
                        new DropTable(table("sessions")), new RenameColumn(USERS, "name", "full_name"))));
        for (Case c : cases) {
            assertEquals(c.expected(), MigrationNames.derive(c.changes()), c.changes().toString());
        }
    }

    @Test
    void longListsAreCapped() {
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            changes.add(new CreateTable(table(String.format("table_%04d", i))));
        }
        String name = MigrationNames.derive(changes);
        assertTrue(name.length() <= MigrationNames.MAX_LENGTH + 12, name);
        assertTrue(name.startsWith("create_table_0000_table_0001"), name);
        assertTrue(name.endsWith("_more"), name);
        assertTrue(name.matches("[a-z0-9_]+"), name);
    }

    @Test
    void userNamesAreSanitised() {
        assertEquals("add_user_timezone", MigrationNames.sanitize("Add User-Timezone!"));
        assertEquals("migration", MigrationNames.sanitize("***"));
        assertEquals("a_b", MigrationNames.sanitize("__a__b__"));
    }
}
