package dev.shale.render;

import dev.shale.change.AlterPolicy;
import dev.shale.change.AlterRole;
import dev.shale.change.CommentTarget;
import dev.shale.change.CreatePolicy;
import dev.shale.change.CreateRole;
import dev.shale.change.CreateSequence;
import dev.shale.change.DropPolicy;
import dev.shale.change.DropRole;
import dev.shale.change.DropSequence;
import dev.shale.change.GrantPrivilege;
import dev.shale.change.RevokePrivilege;
import dev.shale.change.RenamePolicy;
import dev.shale.change.SetComment;
import dev.shale.change.SetRowSecurity;
import dev.shale.model.Grant;
import dev.shale.model.Policy;
import dev.shale.model.QualifiedName;
import dev.shale.model.Role;
import dev.shale.model.RowSecurity;
import dev.shale.model.Sequence;
import dev.shale.render.GoldenCases.Case;

import java.util.ArrayList;
import java.util.List;

/**
 * The golden cases of roles, row-level security, policies and privileges, on the users table the story
 * has built: an owned role is created, given privileges and policies, and everything is taken back
 * until the role can be dropped. (The role's name is this story's own: roles are cluster-wide.)
 */
final class AccessGoldenCases {
    private AccessGoldenCases() {}

    static final String READER = "shale_golden_reader";
    static final QualifiedName USERS = GoldenCases.USERS;
    static final QualifiedName INVOICE_NO = QualifiedName.of("invoice_no");
    static final Role ROLE = Role.owned(READER).withLogin(true).withConnectionLimit(10);
    static final Policy READ_SELF = Policy.of(USERS, "Users can read themselves").withCommand(Policy.Command.SELECT)
            .withRoles(List.of(READER)).withUsing("id = nullif(current_setting('app.user_id', true), '')::uuid");
    static final Policy SHAPED = Policy.of(USERS, "emails are shaped").withPermissive(false)
            .withCommand(Policy.Command.INSERT).withWithCheck("email like '%@%'");
    static final Policy OWN_ROW = Policy.of(USERS, "own_row").withRoles(List.of(READER, Policy.PUBLIC))
            .withUsing("(id = nullif(current_setting('app.user_id', true), '')::uuid)")
            .withWithCheck("active");
    static final Grant SELECT = Grant.table(USERS, Grant.Privilege.SELECT, READER);
    static final Grant UPDATE_NAME = Grant.column(USERS, "display_name", Grant.Privilege.UPDATE, READER);
    static final Grant INSERT_GRANTABLE = Grant.table(USERS, Grant.Privilege.INSERT, READER).withGrantable(true);
    static final Grant SCHEMA_CREATE = Grant.schema("public", Grant.Privilege.CREATE, READER);
    static final Grant SEQUENCE_USAGE = Grant.sequence(INVOICE_NO, Grant.Privilege.USAGE, READER);
    static final Grant FUNCTION_EXECUTE = Grant.function(QualifiedName.of("pg_catalog", "random"), "", Grant.Privilege.EXECUTE, READER);
    static final Grant DELETE_PUBLIC = Grant.table(USERS, Grant.Privilege.DELETE, Policy.PUBLIC);

    static List<Case> cases() {
        List<Case> all = new ArrayList<>();
        all.add(new Case("create_role", new CreateRole(ROLE)));
        all.add(new Case("alter_role", new AlterRole(ROLE, ROLE.withLogin(false).withBypassRls(true).withConnectionLimit(-1))));
        all.add(new Case("enable_row_security", new SetRowSecurity(USERS, RowSecurity.OFF, RowSecurity.ENABLED)));
        all.add(new Case("force_row_security", new SetRowSecurity(USERS, RowSecurity.ENABLED, new RowSecurity(true, true))));
        all.add(new Case("create_policy", new CreatePolicy(READ_SELF)));
        all.add(new Case("create_policy_restrictive_check", new CreatePolicy(SHAPED)));
        all.add(new Case("create_policy_all_public", new CreatePolicy(OWN_ROW)));
        all.add(new Case("alter_policy_roles_using", new AlterPolicy(READ_SELF,
                READ_SELF.withRoles(List.of(READER, Policy.PUBLIC)).withUsing("active"))));
        all.add(new Case("alter_policy_check", new AlterPolicy(SHAPED, SHAPED.withWithCheck("position('@' in email) > 1"))));
        all.add(new Case("rename_policy", new RenamePolicy(USERS, "own_row", "Own row")));
        all.add(new Case("rename_policy_back", new RenamePolicy(USERS, "Own row", "own_row")));
        all.add(new Case("comment_policy", new SetComment(CommentTarget.policy(USERS, "own_row"), "A user's own row; it's theirs")));
        all.add(new Case("create_sequence_for_grant", new CreateSequence(Sequence.of(INVOICE_NO))));
        all.add(new Case("grant_table", new GrantPrivilege(SELECT)));
        all.add(new Case("grant_column", new GrantPrivilege(UPDATE_NAME)));
        all.add(new Case("grant_with_grant_option", new GrantPrivilege(INSERT_GRANTABLE)));
        all.add(new Case("grant_to_public", new GrantPrivilege(DELETE_PUBLIC)));
        all.add(new Case("grant_schema", new GrantPrivilege(SCHEMA_CREATE)));
        all.add(new Case("grant_sequence", new GrantPrivilege(SEQUENCE_USAGE)));
        all.add(new Case("grant_function", new GrantPrivilege(FUNCTION_EXECUTE)));
        all.add(new Case("revoke_table", new RevokePrivilege(SELECT)));
        all.add(new Case("revoke_column", new RevokePrivilege(UPDATE_NAME)));
        all.add(new Case("revoke_with_grant_option", new RevokePrivilege(INSERT_GRANTABLE)));
        all.add(new Case("revoke_from_public", new RevokePrivilege(DELETE_PUBLIC)));
        all.add(new Case("revoke_schema", new RevokePrivilege(SCHEMA_CREATE)));
        all.add(new Case("revoke_sequence", new RevokePrivilege(SEQUENCE_USAGE)));
        all.add(new Case("revoke_function", new RevokePrivilege(FUNCTION_EXECUTE)));
        all.add(new Case("drop_sequence_after_grants", new DropSequence(Sequence.of(INVOICE_NO))));
        all.add(new Case("drop_policy", new DropPolicy(READ_SELF)));
        all.add(new Case("drop_policy_restrictive", new DropPolicy(SHAPED)));
        all.add(new Case("drop_policy_all", new DropPolicy(OWN_ROW)));
        all.add(new Case("disable_row_security", new SetRowSecurity(USERS, new RowSecurity(true, true), RowSecurity.OFF)));
        all.add(new Case("drop_role", new DropRole(ROLE)));
        return all;
    }
}
