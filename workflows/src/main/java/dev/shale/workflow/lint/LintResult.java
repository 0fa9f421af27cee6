package dev.shale.workflow.lint;

import java.util.List;

/**
 * What {@link Linter#lint} found.
 *
 * @param migrations each migration linted, oldest first
 * @param notFound requested migration numbers that have no migration file
 * @param failOn the least serious severity that fails the run, or null
 * @param sized whether table sizes were read from a database
 */
public record LintResult(List<MigrationLint> migrations, List<Integer> notFound, Severity failOn, boolean sized) {
    public LintResult {
        migrations = List.copyOf(migrations);
        notFound = List.copyOf(notFound);
    }

    /**
     * One migration's findings.
     *
     * @param version its number
     * @param file the file as messages show it
     * @param findings what lint found, in statement order
     * @param ignored findings an ignore comment silenced
     */
    public record MigrationLint(int version, String file, List<Finding> findings, List<Ignored> ignored) {
        public MigrationLint {
            findings = List.copyOf(findings);
            ignored = List.copyOf(ignored);
        }
    }

    /**
     * A finding silenced by {@code -- shale:lint-ignore CODE reason} above its statement.
     *
     * @param finding the finding
     * @param reason the text after the codes, or empty
     */
    public record Ignored(Finding finding, String reason) {}

    /** Every finding, in migration and statement order. */
    public List<Finding> findings() {
        return migrations.stream().flatMap(m -> m.findings().stream()).toList();
    }

    /** How many findings have severity {@code s}. */
    public long count(Severity s) {
        return findings().stream().filter(f -> f.severity() == s).count();
    }

    /** Whether a finding is at the failing severity or worse. */
    public boolean failed() {
        return failOn != null && findings().stream().anyMatch(f -> f.severity().atLeast(failOn));
    }
}
