/**
 * The example schema bundled with Shale: the database of an onboarding app, where people are invited,
 * sign up, fill in a profile and apply to a learning track. Four tables ({@link com.example.onboarding.db.Users},
 * {@link com.example.onboarding.db.Profiles}, {@link com.example.onboarding.db.Applications},
 * {@link com.example.onboarding.db.Invitations}), seven enums ({@link com.example.onboarding.db.Enums}), foreign
 * keys with CASCADE and SET NULL, indexes of every kind the DSL offers, row-level security with policies
 * that read the signed-in user ({@link com.example.onboarding.db.Functions#CURRENT_APP_USER}), one shared
 * {@code updated_at} trigger function, a view ({@link com.example.onboarding.db.Views}) and comments.
 *
 * <p>Its generated migrations and snapshots are committed at the repository's top level
 * ({@code migrations/}, {@code snapshots/}), so a reviewer can read what Shale emits for it.
 */
package com.example.onboarding.db;
