package com.example.onboarding.db;

import dev.shale.dsl.Column;
import dev.shale.dsl.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static dev.shale.dsl.IndexKeySpec.expression;
import static dev.shale.model.IndexMethod.GIN;
import static dev.shale.model.ReferentialAction.CASCADE;

/** A user's public face: one profile per user, deleted with the user. */
public final class Profiles extends Table {
    public final Column<UUID> id = uuid("id").primaryKey().defaultRandom();
    public final Column<UUID> userId = uuid("user_id").notNull().unique().references(() -> Schema.USERS.id, CASCADE);
    public final Column<String> handle = varchar("handle", 40).notNull();
    public final Column<String> fullName = varchar("full_name", 200).notNull();
    public final Column<String> headline = varchar("headline", 160);
    public final Column<String> bio = text("bio");
    public final Column<String> avatarUrl = text("avatar_url");
    /** ISO 3166-1 alpha-2. */
    public final Column<String> countryCode = character("country_code", 2);
    public final Column<String> city = varchar("city", 100);
    public final Column<LocalDate> dateOfBirth = date("date_of_birth");
    public final Column<ProfileVisibility> visibility = column("visibility", Enums.PROFILE_VISIBILITY).notNull().defaultValue(ProfileVisibility.MEMBERS_ONLY);
    public final Column<AvailabilityStatus> availability = column("availability", Enums.AVAILABILITY_STATUS).notNull().defaultValue(AvailabilityStatus.AVAILABLE);
    public final Column<Short> weeklyHours = smallint("weekly_hours");
    public final Column<BigDecimal> yearsExperience = numeric("years_experience", 4, 1);
    public final Column<BigDecimal> hourlyRate = numeric("hourly_rate", 10, 2);
    public final Column<List<String>> skills = text("skills").array().notNull().defaultValue(List.of());
    public final Column<List<LearningTrack>> learningTracks = column("learning_tracks", Enums.LEARNING_TRACK).array().notNull().defaultValue(List.of());
    public final Column<String> socialLinks = jsonb("social_links").notNull().defaultValue("{}");
    public final Column<Long> viewCount = bigint("view_count").notNull().defaultValue(0L);
    public final Column<OffsetDateTime> completedAt = timestamptz("completed_at");
    public final Column<OffsetDateTime> createdAt = timestamptz("created_at").notNull().defaultNow();
    public final Column<OffsetDateTime> updatedAt = timestamptz("updated_at").notNull().defaultNow();
    /** How far through the onboarding wizard the user got; 0 is not started. Added last, as ADD COLUMN appends. */
    public final Column<Short> onboardingStep = smallint("onboarding_step").notNull().defaultValue((short) 0);

    Profiles() {
        super("profiles");
        comment("The public face of a user, filled in during onboarding");
        enableRowLevelSecurity();
        policy("Visible profiles are readable").forSelect().using("visibility <> 'private' or user_id = current_app_user()");
        policy("Owners manage their profile").using("user_id = current_app_user()").withCheck("user_id = current_app_user()");
        trigger(Functions.SET_UPDATED_AT).beforeUpdate().forEachRow();
        uniqueIndex("profiles_handle_lower_key").on(expression("lower(handle)"));
        index("profiles_directory_idx").on(visibility, availability).where("visibility <> 'private'");
        index("profiles_skills_idx").on(skills).using(GIN);
        index("profiles_learning_tracks_idx").on(learningTracks).using(GIN);
        index("profiles_location_idx").on(countryCode, city);
        index("profiles_hourly_rate_idx").on(hourlyRate.desc().nullsLast()).where("availability <> 'unavailable'");
        index("profiles_completed_at_idx").on(completedAt).where("completed_at is not null");
        index("profiles_view_count_idx").on(viewCount.desc());
        index("profiles_onboarding_step_idx").on(onboardingStep).where("completed_at is null");

        check("profiles_handle_shape", "handle ~ '^[a-z0-9_]{3,40}$'");
        check("profiles_weekly_hours_range", "weekly_hours between 0 and 80");
        check("profiles_years_experience_range", "years_experience >= 0 and years_experience <= 60");
        check("profiles_hourly_rate_nonneg", "hourly_rate >= 0");
        check("profiles_country_code_upper", "country_code = upper(country_code)");
    }
}
