/**
 * The example schema bundled with Shale: the database of an onboarding app, where people are invited,
 * sign up, fill in a profile and apply to a learning track. Four tables ({@link com.example.onboarding.db.Users},
 * {@link com.example.onboarding.db.Profiles}, {@link com.example.onboarding.db.Applications},
 * {@link com.example.onboarding.db.Invitations}), seven enums ({@link com.example.onboarding.db.Enums}), foreign
 * keys with CASCADE and SET NULL, and indexes of every kind the DSL offers.
 *
 * <p>Its generated migrations and snapshots are committed at the repository's top level
 * ({@code migrations/}, {@code snapshots/}), so a reviewer can read what Shale emits for it.
 */
package com.example.onboarding.db;
