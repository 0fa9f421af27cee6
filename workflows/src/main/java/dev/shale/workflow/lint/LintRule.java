package dev.shale.workflow.lint;

import java.util.List;

/**
 * Every rule {@code lint} applies, with its stable code. Codes never change meaning: a team's
 * {@code -- shale:lint-ignore SH301} comments and CI settings keep working across versions. The
 * hundreds say the family: 0 the file itself, 1 data loss, 2 table rewrites, 3 locks, 4 transactions,
 * 5 changes that break the code still running, 6 column types and habits.
 *
 * <p>{@link #squawk()} names the squawk rules a rule covers, so a team moving from squawk can map its
 * configuration (docs/lint.md lists the mapping).
 */
public enum LintRule {
    SH000("syntax-error", Severity.ERROR, "syntax-error"),
    SH001("unknown-ignore", Severity.WARNING),
    SH002("unused-ignore", Severity.INFO),
    SH101("drop-table", Severity.ERROR, "ban-drop-table"),
    SH102("drop-column", Severity.ERROR, "ban-drop-column"),
    SH103("drop-schema", Severity.ERROR, "ban-drop-schema"),
    SH104("drop-type", Severity.ERROR, "ban-drop-domain"),
    SH105("drop-database", Severity.ERROR, "ban-drop-database"),
    SH106("lossy-type-change", Severity.ERROR, "changing-column-type"),
    SH107("truncate", Severity.ERROR, "ban-truncate-cascade"),
    SH108("delete-all-rows", Severity.ERROR),
    SH201("type-change-rewrites", Severity.ERROR, "changing-column-type"),
    SH202("set-logged-rewrites", Severity.WARNING),
    SH203("volatile-default", Severity.ERROR, "adding-field-with-default"),
    SH204("stored-column-rewrites", Severity.ERROR, "adding-field-with-default"),
    SH205("full-rewrite", Severity.WARNING, "prefer-repack"),
    SH301("index-not-concurrent", Severity.WARNING, "require-concurrent-index-creation"),
    SH302("drop-index-not-concurrent", Severity.WARNING, "require-concurrent-index-deletion"),
    SH303("foreign-key-not-valid", Severity.WARNING, "adding-foreign-key-constraint", "constraint-missing-not-valid"),
    SH304("check-not-valid", Severity.WARNING, "constraint-missing-not-valid"),
    SH305("set-not-null-scans", Severity.WARNING, "adding-not-nullable-field"),
    SH306("unique-builds-index", Severity.WARNING, "disallowed-unique-constraint", "adding-serial-primary-key-field"),
    SH307("required-column", Severity.ERROR, "adding-required-field"),
    SH308("detach-not-concurrent", Severity.WARNING, "require-concurrent-partition-detach"),
    SH309("reindex-not-concurrent", Severity.WARNING, "require-concurrent-reindex"),
    SH310("domain-constraint-not-valid", Severity.WARNING, "ban-alter-domain-with-add-constraint"),
    SH311("validate-in-same-transaction", Severity.WARNING, "constraint-missing-not-valid"),
    SH312("no-lock-timeout", Severity.WARNING, "require-timeout-settings"),
    SH313("no-statement-timeout", Severity.INFO, "require-timeout-settings"),
    SH314("attach-partition-scans", Severity.WARNING),
    SH315("backfill-in-migration", Severity.WARNING),
    SH401("concurrently-in-transaction", Severity.ERROR, "ban-concurrent-index-creation-in-transaction"),
    SH402("mixed-transaction", Severity.WARNING),
    SH403("transaction-control", Severity.ERROR, "transaction-nesting", "ban-uncommitted-transaction"),
    SH404("enum-value-used-in-transaction", Severity.ERROR),
    SH501("rename-column", Severity.WARNING, "renaming-column"),
    SH502("rename-table", Severity.WARNING, "renaming-table"),
    SH503("drop-not-null", Severity.WARNING, "ban-drop-not-null"),
    SH504("rename-type", Severity.WARNING, "renaming-object", "ban-set-schema"),
    SH601("prefer-bigint-over-int", Severity.INFO, "prefer-bigint-over-int", "prefer-big-int"),
    SH602("prefer-bigint-over-smallint", Severity.INFO, "prefer-bigint-over-smallint", "prefer-big-int"),
    SH603("prefer-identity", Severity.INFO, "prefer-identity"),
    SH604("prefer-text-field", Severity.INFO, "prefer-text-field"),
    SH605("prefer-timestamptz", Severity.WARNING, "prefer-timestamptz"),
    SH606("ban-char-field", Severity.WARNING, "ban-char-field"),
    SH607("prefer-robust-stmts", Severity.WARNING, "prefer-robust-stmts"),
    SH608("domain-with-constraint", Severity.INFO, "ban-create-domain-with-constraint"),
    SH609("enum-value-ordering", Severity.INFO, "require-enum-value-ordering"),
    SH610("require-table-schema", Severity.INFO, "require-table-schema"),
    SH611("identifier-too-long", Severity.ERROR, "identifier-too-long");

    private final String title;
    private final Severity severity;
    private final List<String> squawk;

    LintRule(String title, Severity severity, String... squawk) {
        this.title = title;
        this.severity = severity;
        this.squawk = List.of(squawk);
    }

    /** The rule's short name, as output shows it beside the code: {@code index-not-concurrent}. */
    public String title() {
        return title;
    }

    /** The severity a finding has unless the table's size raises it. */
    public Severity severity() {
        return severity;
    }

    /** The squawk rules this one covers, or empty when squawk has none. */
    public List<String> squawk() {
        return squawk;
    }

    /** The code as written in output and ignore comments: {@code SH301}. */
    public String code() {
        return name();
    }

    /** The rule with code {@code code} (any case), or null. */
    public static LintRule of(String code) {
        for (LintRule r : values()) {
            if (r.name().equalsIgnoreCase(code)) {
                return r;
            }
        }
        return null;
    }
}
