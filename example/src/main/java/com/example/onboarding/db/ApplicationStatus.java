package com.example.onboarding.db;

/** The steps of an application, in the order it moves through them. */
public enum ApplicationStatus {
    DRAFT, SUBMITTED, UNDER_REVIEW, INTERVIEW, ACCEPTED, REJECTED, WITHDRAWN
}
