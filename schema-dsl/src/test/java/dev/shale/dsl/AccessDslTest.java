package dev.shale.dsl;

import dev.shale.model.Grant;
import dev.shale.model.Policy;
import dev.shale.model.QualifiedName;
import dev.shale.model.Role;
import dev.shale.model.RowSecurity;
import dev.shale.model.SchemaModel;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static dev.shale.model.Grant.Privilege.EXECUTE;
import static dev.shale.model.Grant.Privilege.INSERT;
import static dev.shale.model.Grant.Privilege.SELECT;
import static dev.shale.model.Grant.Privilege.UPDATE;
import static dev.shale.model.Grant.Privilege.USAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Row-level security, policies, grants and roles as the DSL declares them. */
class AccessDslTest {
    static final PgRole AUTHENTICATED = PgRole.external("authenticated");
    static final PgRole APP = PgRole.owned("app_reader").login().bypassRls();

    static final class Settings extends Table {
        final Column<UUID> id = uuid("id").primaryKey();
        final Column<UUID> userId = uuid("user_id").notNull();
        final Column<String> theme = text("theme");

        Settings() {
            super("settings");
            enableRowLevelSecurity();
            forceRowLevelSecurity();
            policy("Users can manage their own settings").forAll().to(AUTHENTICATED)
                    .using("auth.uid() = user_id").withCheck("auth.uid() = user_id").comment("owner only");
            policy("readers").forSelect().restrictive().to(APP, PgRole.PUBLIC).using("true");
            grant(SELECT, INSERT).to(AUTHENTICATED, APP);
            grant(UPDATE).onColumns(theme).to(AUTHENTICATED).withGrantOption();
        }
    }

    static final class Holder {
        static final PgRole OWNED = APP;
        static final Settings SETTINGS = new Settings();
        static final PgSequence SEQ = PgSequence.sequence("counter");
        static final GrantBuilder SEQ_USAGE = SEQ.grant(USAGE).to(APP);
        static final GrantBuilder UID = GrantBuilder.onFunction("auth", "uid", "").grant(EXECUTE).to(AUTHENTICATED);
        static final GrantBuilder SCHEMA = GrantBuilder.onSchema("public").grant(USAGE).to(AUTHENTICATED);
    }

    @Test
    void aTableDeclaresRowSecurityPoliciesAndGrants() {
        SchemaModel m = SchemaBuilder.fromClasses(List.of(Holder.class)).model();
        QualifiedName settings = QualifiedName.of("settings");
        assertEquals(new RowSecurity(true, true), m.table(settings).rowSecurity());
        assertEquals(List.of(
                new Policy(settings, "Users can manage their own settings", Policy.Command.ALL, true, List.of("authenticated"),
                        "auth.uid() = user_id", "auth.uid() = user_id", "owner only"),
                new Policy(settings, "readers", Policy.Command.SELECT, false, List.of("public"), "true", null, null)),
                m.policies());
        assertEquals(List.of(Role.owned("app_reader").withLogin(true).withBypassRls(true), Role.external("authenticated")),
                m.roles());
        assertTrue(m.grants().contains(Grant.table(settings, SELECT, "app_reader")));
        assertTrue(m.grants().contains(Grant.column(settings, "theme", UPDATE, "authenticated").withGrantable(true)));
        assertTrue(m.grants().contains(Grant.sequence(QualifiedName.of("counter"), USAGE, "app_reader")));
        assertTrue(m.grants().contains(Grant.function(QualifiedName.of("auth", "uid"), "", EXECUTE, "authenticated")));
        assertTrue(m.grants().contains(Grant.schema("public", USAGE, "authenticated")));
        assertEquals(8, m.grants().size(), m.grants().toString());
    }

    @Test
    void aPrivilegeGrantedTwiceIsHeldOnceWithTheGrantOptionEitherGrantGave() {
        QualifiedName notes = QualifiedName.of("notes");
        Grant plain = Grant.table(notes, INSERT, "writer");
        Grant grantable = plain.withGrantable(true);
        Grant toPublic = Grant.table(notes, SELECT, "public");
        SchemaModel m = SchemaModel.builder().roles(List.of(Role.external("writer")))
                .grants(List.of(plain, grantable, toPublic, toPublic, plain)).build();
        assertEquals(List.of(toPublic, grantable), m.grants());
    }

    static final class Other extends Table {
        final Column<UUID> id = uuid("id").primaryKey();

        Other() {
            super("other");
        }
    }

    @Test
    void mistakesAreNamedAtTheirDeclaration() {
        SchemaDefinitionException external = assertThrows(SchemaDefinitionException.class,
                () -> PgRole.external("anon").login());
        assertTrue(external.getMessage().contains("this one is external; declare it with PgRole.owned"), external.getMessage());

        Other other = new Other();
        SchemaDefinitionException column = assertThrows(SchemaDefinitionException.class, () -> new Table("t") {
            final Column<UUID> id = uuid("id");
            {
                grant(SELECT).onColumns(other.id).to(AUTHENTICATED);
            }
        });
        assertTrue(column.getMessage().contains("uses column \"id\" of another table"), column.getMessage());

        SchemaDefinitionException insert = assertThrows(SchemaDefinitionException.class,
                () -> SchemaBuilder.build(List.of(new Table("t") {
                    final Column<UUID> id = uuid("id");
                    {
                        policy("p").forInsert().using("true");
                    }
                })));
        assertTrue(insert.getMessage().contains("takes no USING expression"), insert.getMessage());

        SchemaDefinitionException twice = assertThrows(SchemaDefinitionException.class,
                () -> SchemaBuilder.build(List.of(PgRole.owned("r1"), PgRole.owned("r1").login())));
        assertTrue(twice.getMessage().contains("is declared twice differently"), twice.getMessage());

        SchemaDefinitionException noRole = assertThrows(SchemaDefinitionException.class,
                () -> SchemaBuilder.build(List.of(new Table("t") {
                    final Column<UUID> id = uuid("id");
                    {
                        grant(SELECT);
                    }
                })));
        assertTrue(noRole.getMessage().contains("names no role; add .to(role)"), noRole.getMessage());
    }
}
