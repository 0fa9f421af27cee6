package dev.shale.render;

import dev.shale.change.Change;

/**
 * One rendered SQL statement with the change it came from.
 *
 * @param change the change rendered
 * @param comment one line for the migration file, above the SQL ({@code add column "users"."timezone"})
 * @param sql the statement, ending in {@code ;}, possibly several lines
 */
public record Statement(Change change, String comment, String sql) {}
