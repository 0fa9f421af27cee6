package com.example.onboarding.db;

/**
 * The onboarding schema: one instance of each table, held in static fields so that foreign keys can
 * name the column they reference ({@code () -> Schema.USERS.id}). {@code shale generate} reads the
 * tables from here and the enums from {@link Enums}.
 */
public final class Schema {
    public static final Users USERS = new Users();
    public static final Profiles PROFILES = new Profiles();
    public static final Applications APPLICATIONS = new Applications();
    public static final Invitations INVITATIONS = new Invitations();

    private Schema() {}
}
