package com.example.onboarding.db;

/** What a user may do: apply, mentor, review applications, or administer the programme. */
public enum UserRole {
    APPLICANT, MENTOR, REVIEWER, ADMIN
}
