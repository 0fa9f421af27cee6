package com.example.onboarding.db;

import dev.shale.dsl.Column;
import dev.shale.dsl.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

import static dev.shale.dsl.IndexKeySpec.expression;
import static dev.shale.model.ReferentialAction.SET_NULL;

/**
 * An invitation sent by email. Only a hash of its token is stored. Invitations outlive the users who
 * sent or accepted them (the references become null), so the audit trail stays.
 */
public final class Invitations extends Table {
    public final Column<UUID> id = uuid("id").primaryKey().defaultRandom();
    public final Column<String> email = varchar("email", 255).notNull();
    /** SHA-256 of the token in the invitation link. */
    public final Column<byte[]> tokenHash = bytea("token_hash").notNull();
    public final Column<UUID> invitedBy = uuid("invited_by").references(() -> Schema.USERS.id, SET_NULL);
    public final Column<UUID> acceptedBy = uuid("accepted_by").references(() -> Schema.USERS.id, SET_NULL);
    public final Column<UserRole> role = column("role", Enums.USER_ROLE).notNull().defaultValue(UserRole.APPLICANT);
    public final Column<LearningTrack> track = column("track", Enums.LEARNING_TRACK);
    public final Column<String> message = text("message");
    public final Column<Short> sendCount = smallint("send_count").notNull().defaultValue((short) 1);
    public final Column<OffsetDateTime> expiresAt = timestamptz("expires_at").notNull().defaultSql("now() + interval '14 days'");
    public final Column<OffsetDateTime> acceptedAt = timestamptz("accepted_at");
    public final Column<OffsetDateTime> revokedAt = timestamptz("revoked_at");
    public final Column<OffsetDateTime> createdAt = timestamptz("created_at").notNull().defaultNow();

    Invitations() {
        super("invitations");
        comment("Invitations sent by email; the token is stored hashed");
        enableRowLevelSecurity();
        policy("Inviters see their invitations").forSelect().using("invited_by = current_app_user()");
        unique("invitations_token_hash_key", tokenHash);
        // One pending invitation per address; accepted and revoked ones are history.
        uniqueIndex("invitations_pending_email_key").on(expression("lower(email)"))
                .where("accepted_at is null and revoked_at is null");
        index("invitations_invited_by_idx").on(invitedBy, createdAt.desc());
        index("invitations_accepted_by_idx").on(acceptedBy).where("accepted_by is not null");
        index("invitations_expiry_idx").on(expiresAt).where("accepted_at is null and revoked_at is null");
        index("invitations_role_track_idx").on(role, track.asc().nullsFirst());

        check("invitations_email_shape", "position('@' in email) > 1");
        check("invitations_expires_after_created", "expires_at > created_at");
        check("invitations_not_accepted_and_revoked", "accepted_at is null or revoked_at is null");
        check("invitations_send_count_positive", "send_count >= 1");
    }
}
