package com.example.onboarding.db;

import dev.shale.dsl.Column;
import dev.shale.dsl.Table;

import java.net.InetAddress;
import java.time.OffsetDateTime;
import java.util.UUID;

import static dev.shale.dsl.IndexKeySpec.expression;
import static dev.shale.model.IndexMethod.BRIN;
import static dev.shale.model.ReferentialAction.SET_NULL;

/** Everyone who can sign in: applicants, mentors, reviewers and admins. Soft-deleted by {@code deleted_at}. */
public final class Users extends Table {
    public final Column<UUID> id = uuid("id").primaryKey().defaultRandom();
    public final Column<String> email = varchar("email", 255).notNull();
    public final Column<OffsetDateTime> emailVerifiedAt = timestamptz("email_verified_at");
    /** Null for users who sign in with an identity provider or a magic link. */
    public final Column<String> passwordHash = text("password_hash")
            .comment("Null for users who sign in with an identity provider or a magic link");
    public final Column<AuthMethod> authMethod = column("auth_method", Enums.AUTH_METHOD).notNull().defaultValue(AuthMethod.EMAIL_PASSWORD);
    public final Column<UserRole> role = column("role", Enums.USER_ROLE).notNull().defaultValue(UserRole.APPLICANT);
    public final Column<AccountStatus> status = column("status", Enums.ACCOUNT_STATUS).notNull().defaultValue(AccountStatus.PENDING_VERIFICATION);
    /** What the app calls the user; was {@code display_name}. */
    public final Column<String> preferredName = varchar("preferred_name", 100).renamedFrom("display_name");
    public final Column<String> locale = varchar("locale", 10).notNull().defaultValue("en");
    public final Column<String> timezone = varchar("timezone", 64).notNull().defaultValue("UTC");
    public final Column<Boolean> marketingOptIn = bool("marketing_opt_in").notNull().defaultValue(false);
    public final Column<Integer> failedLoginCount = integer("failed_login_count").notNull().defaultValue(0);
    public final Column<OffsetDateTime> lastLoginAt = timestamptz("last_login_at");
    public final Column<InetAddress> lastLoginIp = inet("last_login_ip");
    /** Who invited this user; kept when the inviter's account is deleted, as null. */
    public final Column<UUID> invitedBy = uuid("invited_by").references(() -> Schema.USERS.id, SET_NULL);
    public final Column<String> metadata = jsonb("metadata").notNull().defaultValue("{}");
    public final Column<OffsetDateTime> createdAt = timestamptz("created_at").notNull().defaultNow();
    public final Column<OffsetDateTime> updatedAt = timestamptz("updated_at").notNull().defaultNow();
    public final Column<OffsetDateTime> deletedAt = timestamptz("deleted_at");

    Users() {
        super("users");
        comment("Everyone who can sign in: applicants, mentors, reviewers and admins");
        enableRowLevelSecurity();
        policy("Users see and edit themselves").using("id = current_app_user()").withCheck("id = current_app_user()");
        trigger(Functions.SET_UPDATED_AT).beforeUpdate().forEachRow();
        // Emails are unique whatever their case: the expression index is the uniqueness rule.
        uniqueIndex("users_email_lower_key").on(expression("lower(email)"));
        index("users_role_idx").on(role);
        index("users_status_created_idx").on(status, createdAt.desc()).where("deleted_at is null");
        index("users_last_login_idx").on(lastLoginAt.desc().nullsLast());
        index("users_invited_by_idx").on(invitedBy).where("invited_by is not null");
        index("users_created_at_brin_idx").on(createdAt).using(BRIN);
        index("users_deleted_at_idx").on(deletedAt).where("deleted_at is not null");

        check("users_email_shape", "position('@' in email) > 1");
        check("users_failed_login_count_nonneg", "failed_login_count >= 0");
        check("users_password_for_email_auth", "auth_method <> 'email_password' or password_hash is not null");
    }
}
