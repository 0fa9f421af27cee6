package com.example.onboarding.db;

/** Who can see a profile. */
public enum ProfileVisibility {
    PUBLIC, MEMBERS_ONLY, PRIVATE
}
