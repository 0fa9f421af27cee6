package dev.shale.dsl;

import dev.shale.model.ForeignKey;
import dev.shale.model.QualifiedName;
import dev.shale.model.ReferentialAction;
import dev.shale.model.Rename;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Tables the project does not own (Supabase's auth.users), and renamedFrom hints. */
class ExternalTablesAndRenamesTest {

    static final class AuthUsers extends ExternalTable {
        final Column<UUID> id = uuid("id");

        AuthUsers() {
            super("auth", "users");
        }
    }

    static final class Accounts extends Table {
        final Column<UUID> id = uuid("id").primaryKey().references(() -> Holder.AUTH_USERS.id, ReferentialAction.CASCADE);
        final Column<String> name = text("name").notNull().renamedFrom("full_name");
        final Column<String> email = text("email");

        Accounts() {
            super("accounts");
            renamedFrom("profiles");
        }
    }

    static final class Holder {
        static final AuthUsers AUTH_USERS = new AuthUsers();
        static final Accounts ACCOUNTS = new Accounts();
    }

    private static final SchemaDefinition DEFINITION = SchemaBuilder.fromClasses(List.of(Holder.class));

    @Test
    void anExternalTableIsReferencedButNeverOwned() {
        var model = DEFINITION.model();
        QualifiedName auth = QualifiedName.of("auth", "users");
        assertNull(model.table(auth), "auth.users is not an owned table");
        assertEquals(List.of(auth), model.externalTables().stream().map(dev.shale.model.Table::name).toList());
        assertEquals(List.of("id"), model.externalTable(auth).columns().stream().map(dev.shale.model.Column::name).toList());
        assertEquals(List.of(QualifiedName.of("accounts")), model.tables().stream().map(dev.shale.model.Table::name).toList());
        assertEquals(Set.of("public"), model.schemas(), "the auth schema belongs to someone else");
    }

    @Test
    void aForeignKeyToAnExternalTableWorks() {
        var accounts = Dsl.table(DEFINITION.model(), "accounts");
        assertEquals(List.of(new ForeignKey("accounts_id_fkey", List.of("id"), QualifiedName.of("auth", "users"), List.of("id"),
                ReferentialAction.CASCADE, ReferentialAction.NO_ACTION)), accounts.foreignKeys());
    }

    @Test
    void renameHintsAreDecisionsBesideTheModelTablesFirst() {
        QualifiedName accounts = QualifiedName.of("accounts");
        assertEquals(List.of(Rename.table(QualifiedName.of("profiles"), "accounts"),
                Rename.column(accounts, "full_name", "name")), DEFINITION.renames());
        assertEquals("public.profiles=accounts", DEFINITION.renames().get(0).flag());
        assertEquals("public.accounts.full_name=name", DEFINITION.renames().get(1).flag());
        assertEquals(List.of("id", "name", "email"), Dsl.table(DEFINITION.model(), "accounts").columns().stream()
                .map(dev.shale.model.Column::name).toList(), "the model holds only the new names");
    }

    @Test
    void aSchemaWithoutHintsHasNoRenames() {
        final class Plain extends Table {
            final Column<Integer> n = integer("n");

            Plain() {
                super("plain");
            }
        }
        assertEquals(List.of(), Dsl.define(new Plain()).renames());
    }
}
