package com.example.onboarding.db;

/**
 * The steps of an application, in the order it moves through them. {@code WAITLISTED} came later: its
 * position here is its position in PostgreSQL, added with {@code ALTER TYPE ... ADD VALUE ... AFTER}.
 */
public enum ApplicationStatus {
    DRAFT, SUBMITTED, UNDER_REVIEW, INTERVIEW, WAITLISTED, ACCEPTED, REJECTED, WITHDRAWN
}
