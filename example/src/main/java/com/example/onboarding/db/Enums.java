package com.example.onboarding.db;

import dev.shale.dsl.PgEnum;

/**
 * The schema's PostgreSQL enums. Each is backed by a Java enum whose constants, lower-cased, are the
 * labels, in the order they are declared (which is also how PostgreSQL sorts them).
 */
public final class Enums {
    public static final PgEnum<UserRole> USER_ROLE = PgEnum.of("user_role", UserRole.class);
    public static final PgEnum<AccountStatus> ACCOUNT_STATUS = PgEnum.of("account_status", AccountStatus.class);
    public static final PgEnum<AuthMethod> AUTH_METHOD = PgEnum.of("auth_method", AuthMethod.class);
    public static final PgEnum<ProfileVisibility> PROFILE_VISIBILITY = PgEnum.of("profile_visibility", ProfileVisibility.class);
    public static final PgEnum<AvailabilityStatus> AVAILABILITY_STATUS = PgEnum.of("availability_status", AvailabilityStatus.class);
    public static final PgEnum<LearningTrack> LEARNING_TRACK = PgEnum.of("learning_track", LearningTrack.class);
    public static final PgEnum<ApplicationStatus> APPLICATION_STATUS = PgEnum.of("application_status", ApplicationStatus.class);

    private Enums() {}
}
