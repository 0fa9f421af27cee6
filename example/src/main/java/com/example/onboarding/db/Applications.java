package com.example.onboarding.db;

import dev.shale.dsl.Column;
import dev.shale.dsl.Table;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static dev.shale.model.IndexMethod.GIN;
import static dev.shale.model.ReferentialAction.CASCADE;
import static dev.shale.model.ReferentialAction.SET_NULL;

/**
 * An application to one track of one cohort. Deleted with its applicant; a deleted reviewer or a
 * deleted invitation leaves the application in place with the reference cleared.
 */
public final class Applications extends Table {
    public final Column<UUID> id = uuid("id").primaryKey().defaultRandom();
    public final Column<UUID> applicantId = uuid("applicant_id").notNull().references(() -> Schema.USERS.id, CASCADE);
    public final Column<UUID> reviewerId = uuid("reviewer_id").references(() -> Schema.USERS.id, SET_NULL);
    public final Column<UUID> invitationId = uuid("invitation_id").references(() -> Schema.INVITATIONS.id, SET_NULL);
    public final Column<LearningTrack> track = column("track", Enums.LEARNING_TRACK).notNull();
    /** Such as {@code 2025-spring}. */
    public final Column<String> cohort = varchar("cohort", 20).notNull();
    public final Column<ApplicationStatus> status = column("status", Enums.APPLICATION_STATUS).notNull().defaultValue(ApplicationStatus.DRAFT);
    public final Column<String> motivation = text("motivation");
    public final Column<String> experienceSummary = text("experience_summary");
    public final Column<List<String>> portfolioUrls = text("portfolio_urls").array().notNull().defaultValue(List.of());
    /** The answers to the track's questionnaire, keyed by question id. */
    public final Column<String> answers = jsonb("answers").notNull().defaultValue("{}");
    public final Column<BigDecimal> score = numeric("score", 5, 2);
    public final Column<String> reviewerNotes = text("reviewer_notes");
    public final Column<OffsetDateTime> submittedAt = timestamptz("submitted_at");
    public final Column<OffsetDateTime> reviewedAt = timestamptz("reviewed_at");
    public final Column<OffsetDateTime> decidedAt = timestamptz("decided_at");
    public final Column<String> withdrawnReason = text("withdrawn_reason");
    public final Column<OffsetDateTime> createdAt = timestamptz("created_at").notNull().defaultNow();
    public final Column<OffsetDateTime> updatedAt = timestamptz("updated_at").notNull().defaultNow();

    Applications() {
        super("applications");
        comment("An applicant's request to join a learning track's cohort");
        enableRowLevelSecurity();
        policy("Applicants and their reviewer see an application").forSelect()
                .using("applicant_id = current_app_user() or reviewer_id = current_app_user()");
        policy("Applicants write their own applications").forInsert().withCheck("applicant_id = current_app_user()");
        trigger(Functions.SET_UPDATED_AT).beforeUpdate().forEachRow();
        unique("applications_applicant_cohort_track_key", applicantId, cohort, track);
        // At most one application in flight per applicant; finished ones do not count.
        uniqueIndex("applications_one_open_per_applicant_key").on(applicantId)
                .where("status not in ('accepted', 'rejected', 'withdrawn')");
        index("applications_reviewer_status_idx").on(reviewerId, status).where("reviewer_id is not null");
        index("applications_status_submitted_idx").on(status, submittedAt.desc());
        index("applications_track_cohort_idx").on(track, cohort);
        index("applications_review_queue_idx").on(submittedAt).where("status in ('submitted', 'under_review')");
        index("applications_invitation_idx").on(invitationId).where("invitation_id is not null");
        index("applications_answers_idx").on(answers).using(GIN);
        index("applications_score_idx").on(score.desc().nullsLast(), submittedAt).where("status = 'under_review'");
        index("applications_created_at_idx").on(createdAt.desc());

        check("applications_score_range", "score is null or (score >= 0 and score <= 100)");
        check("applications_submitted_unless_draft", "status = 'draft' or submitted_at is not null");
        check("applications_decided_after_submitted", "decided_at is null or decided_at >= submitted_at");
        check("applications_withdrawn_has_reason", "status <> 'withdrawn' or withdrawn_reason is not null");
    }
}
