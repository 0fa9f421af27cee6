package com.example.onboarding.db;

/** Where an account is in its life: waiting for email verification, usable, suspended, or closed. */
public enum AccountStatus {
    PENDING_VERIFICATION, ACTIVE, SUSPENDED, DEACTIVATED
}
