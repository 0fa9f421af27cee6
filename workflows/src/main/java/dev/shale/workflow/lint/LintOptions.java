package dev.shale.workflow.lint;

import java.util.List;

/**
 * What to lint and how.
 *
 * @param versions the migration numbers to lint; empty for every migration
 * @param latest lint only the newest this many (after {@code versions}), or null for all
 * @param url a database whose table sizes raise the severity of lock and rewrite findings, or null
 * @param failOn the least serious severity that fails the run, or null when nothing fails it
 * @param largeTableRows from how many rows (by the planner's estimate) a table counts as large
 * @param largeTableBytes from how many bytes (table, indexes and TOAST) a table counts as large
 * @param excluded rules not applied at all (squawk's {@code excluded_rules})
 */
public record LintOptions(List<Integer> versions, Integer latest, String url, Severity failOn, long largeTableRows,
                          long largeTableBytes, java.util.Set<LintRule> excluded) {
    public static final long LARGE_TABLE_ROWS = 1_000_000;
    public static final long LARGE_TABLE_BYTES = 1L << 30;
    public static final LintOptions DEFAULT = new LintOptions(List.of(), null, null, Severity.ERROR, LARGE_TABLE_ROWS, LARGE_TABLE_BYTES,
            java.util.Set.of());

    public LintOptions {
        versions = List.copyOf(versions);
        excluded = java.util.Set.copyOf(excluded);
    }

    public LintOptions withVersions(List<Integer> v) {
        return new LintOptions(v, latest, url, failOn, largeTableRows, largeTableBytes, excluded);
    }

    public LintOptions withLatest(Integer n) {
        return new LintOptions(versions, n, url, failOn, largeTableRows, largeTableBytes, excluded);
    }

    public LintOptions withUrl(String u) {
        return new LintOptions(versions, latest, u, failOn, largeTableRows, largeTableBytes, excluded);
    }

    public LintOptions withFailOn(Severity s) {
        return new LintOptions(versions, latest, url, s, largeTableRows, largeTableBytes, excluded);
    }

    public LintOptions withLargeTable(long rows, long bytes) {
        return new LintOptions(versions, latest, url, failOn, rows, bytes, excluded);
    }

    public LintOptions withExcluded(java.util.Collection<LintRule> rules) {
        return new LintOptions(versions, latest, url, failOn, largeTableRows, largeTableBytes, java.util.Set.copyOf(rules));
    }
}
