package com.example.onboarding.db;

/** How a user signs in. */
public enum AuthMethod {
    EMAIL_PASSWORD, GOOGLE, GITHUB, MAGIC_LINK
}
