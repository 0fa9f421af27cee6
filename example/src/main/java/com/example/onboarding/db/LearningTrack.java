package com.example.onboarding.db;

/** The programme tracks an applicant can apply to. */
public enum LearningTrack {
    FRONTEND, BACKEND, FULLSTACK, DATA, DEVOPS, MOBILE
}
