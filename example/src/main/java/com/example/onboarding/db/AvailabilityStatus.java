package com.example.onboarding.db;

/** Whether a member can take on mentoring or project work right now. */
public enum AvailabilityStatus {
    AVAILABLE, LIMITED, UNAVAILABLE
}
