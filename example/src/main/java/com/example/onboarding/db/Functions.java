package com.example.onboarding.db;

import dev.shale.dsl.PgFunction;

/** Database functions: the shared {@code updated_at} trigger function, and who the signed-in user is. */
public final class Functions {
    /** Keeps {@code updated_at} current on every UPDATE; one trigger per table calls it. */
    public static final PgFunction SET_UPDATED_AT = PgFunction.of("set_updated_at").returns("trigger")
            .language("plpgsql").body("BEGIN NEW.updated_at = now(); RETURN NEW; END")
            .comment("Sets updated_at to the time of the update");

    /**
     * The user the application acts for: it sets {@code app.user_id} per transaction
     * ({@code SET LOCAL app.user_id = '...'}), and the row-level security policies read it.
     */
    public static final PgFunction CURRENT_APP_USER = PgFunction.of("current_app_user").returns("uuid")
            .language("sql").stable().body("SELECT nullif(current_setting('app.user_id', true), '')::uuid")
            .comment("The signed-in user, from the app.user_id setting; null when none is set");

    private Functions() {}
}
