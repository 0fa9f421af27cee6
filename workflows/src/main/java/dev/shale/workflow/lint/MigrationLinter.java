package dev.shale.workflow.lint;

import dev.shale.migrator.SqlSplitter;
import dev.shale.migrator.SqlStatement;
import dev.shale.migrator.SqlSyntaxException;
import dev.shale.model.QualifiedName;
import dev.shale.workflow.lint.SchemaFacts.TableSize;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lints one migration file, statement by statement, remembering what earlier statements of the file did:
 * the tables it created (new and empty, so building an index on one is fine), the checks and foreign keys
 * it added NOT VALID, the enum values it added, whether it set {@code lock_timeout}. Statement rules are
 * in {@link StatementRules} and {@link TableRules}; this class holds the file's state and the findings.
 */
final class MigrationLinter {
    /** Rules whose cost grows with the table: a large live table makes them errors. */
    private static final Set<LintRule> SIZE_SENSITIVE = Set.of(LintRule.SH201, LintRule.SH202, LintRule.SH203,
            LintRule.SH204, LintRule.SH205, LintRule.SH301, LintRule.SH302, LintRule.SH303, LintRule.SH304, LintRule.SH305,
            LintRule.SH306, LintRule.SH309, LintRule.SH107, LintRule.SH106, LintRule.SH108, LintRule.SH314, LintRule.SH315);

    final String file;
    final boolean noTransaction;
    final SchemaFacts facts;

    private final String sql;
    private final List<Finding> findings = new ArrayList<>();

    /** Tables this file created so far. */
    final Set<QualifiedName> created = new HashSet<>();
    /** Constraints this file added NOT VALID, by name. */
    final Set<String> addedNotValid = new HashSet<>();
    /** Checks this file added: name to {table key, expression}; and which of them are valid (added valid, or validated). */
    final Map<String, String[]> addedChecks = new LinkedHashMap<>();
    final Set<String> validChecks = new HashSet<>();
    /** Enum values this file added: value to {type, line}. */
    final Map<String, String[]> addedValues = new LinkedHashMap<>();
    /** Types this file renamed: new name (display) to old name (display), as an enum replacement does. */
    final Map<String, String> renamedTypes = new LinkedHashMap<>();
    boolean lockTimeoutSet;
    boolean statementTimeoutSet;
    private boolean timeoutsChecked;
    /** Lines of CONCURRENTLY statements, and of the other statements that change something, in a no-transaction file. */
    final List<Integer> concurrentLines = new ArrayList<>();
    final List<int[]> otherChanges = new ArrayList<>();
    /** The line of a BEGIN not yet committed, in a no-transaction file, or 0. */
    int openTransaction;

    int line;
    String statement;

    MigrationLinter(String file, String sql, boolean noTransaction, SchemaFacts facts) {
        this.file = file;
        this.sql = sql;
        this.noTransaction = noTransaction;
        this.facts = facts;
    }

    /** The findings, in line order, before ignore comments are applied; and the statements' start lines. */
    List<Finding> lint(List<Integer> statementLines) {
        List<SqlStatement> statements;
        try {
            statements = SqlSplitter.split(sql);
        } catch (SqlSyntaxException e) {
            line = e.line();
            statement = "";
            emit(LintRule.SH000, null, e.getMessage(), "fix the file; nothing in it was linted");
            return List.copyOf(findings);
        }
        StatementRules rules = new StatementRules(this);
        for (SqlStatement s : statements) {
            line = s.line();
            statementLines.add(line);
            String first = s.sql().strip().split("\\R", 2)[0];
            statement = first.length() > 100 ? first.substring(0, 97) + "..." : first;
            Tokens tokens = new Tokens(SqlTokenizer.tokens(s.sql()));
            if (tokens.size() == 0) {
                continue;
            }
            identifiers(tokens);
            enumValuesUsed(tokens);
            rules.statement(tokens);
        }
        if (openTransaction > 0) {
            line = openTransaction;
            statement = "BEGIN";
            emit(LintRule.SH403, null, "BEGIN at line " + openTransaction + " is never committed, so the migration ends with"
                    + " its transaction open and its changes are rolled back when the connection closes", "end it with COMMIT");
        }
        if (!concurrentLines.isEmpty()) {
            for (int[] other : otherChanges) {
                line = other[0];
                statement = statementAt(other[0]);
                emit(LintRule.SH402, null, "runs outside a transaction, since this file is marked -- shale:no-transaction for"
                        + " the CONCURRENTLY statement at line " + concurrentLines.get(0) + ", so if a later statement fails it"
                        + " stays applied", "move it to a migration of its own that runs in a transaction");
            }
        }
        findings.sort(Comparator.comparingInt(Finding::line));
        return List.copyOf(findings);
    }

    private final Map<Integer, String> statementTexts = new LinkedHashMap<>();

    private String statementAt(int atLine) {
        return statementTexts.getOrDefault(atLine, "");
    }

    /** Records a finding on the current statement at the rule's severity (raised for a large table). */
    void emit(LintRule rule, QualifiedName table, String what, String fix) {
        emit(rule, rule.severity(), table, what, fix);
    }

    void emit(LintRule rule, Severity severity, QualifiedName table, String what, String fix) {
        statementTexts.putIfAbsent(line, statement);
        String size = "";
        if (SIZE_SENSITIVE.contains(rule)) {
            TableSize s = facts.size(table);
            if (s != null) {
                size = " (" + table.display() + " holds " + s.describe() + ")";
                if (facts.large(s)) {
                    severity = Severity.ERROR;
                }
            }
        }
        findings.add(new Finding(rule, severity, file, line, statement, what + size + "; " + fix));
    }

    /** Notes a statement that changes something, for SH402 in a no-transaction file. */
    void changes() {
        if (noTransaction && openTransaction == 0 && (otherChanges.isEmpty() || otherChanges.get(otherChanges.size() - 1)[0] != line)) {
            otherChanges.add(new int[] {line});
        }
    }

    /** SH607: a statement a rerun of this no-transaction file would repeat, and fail on. */
    void robust(String what, String guard) {
        emit(LintRule.SH607, null, what + " runs outside a transaction (-- shale:no-transaction), so when a later statement"
                + " fails the next run repeats it and it fails because its work is already done", "write " + guard);
    }

    /** Whether the table exists before this statement: not created by this file; unknown tables are taken to exist. */
    boolean existing(QualifiedName table) {
        return table == null || !created.contains(table);
    }

    /** Called for each statement that locks an existing object: the first one without lock_timeout is flagged. */
    void locksExisting() {
        if (timeoutsChecked) {
            return;
        }
        timeoutsChecked = true;
        if (!lockTimeoutSet) {
            if (facts.runnerLockTimeout() != null) {
                emit(LintRule.SH312, Severity.INFO, null, "takes a lock before the file sets lock_timeout: shale migrate sets"
                        + " lock_timeout = " + facts.runnerLockTimeout() + " for it, another runner (psql, Flyway) would wait"
                        + " for the lock without limit while every query on the table queues behind it",
                        "add SET lock_timeout = '5s'; at the top of the file to keep the limit with any runner");
            } else {
                emit(LintRule.SH312, null, "takes a lock without lock_timeout set, so it waits for the lock without limit while"
                        + " every query on the table queues behind it", "add SET lock_timeout = '5s'; at the top of the file");
            }
        }
        if (!statementTimeoutSet && facts.runnerStatementTimeout() == null) {
            emit(LintRule.SH313, null, "runs without statement_timeout set, so a statement that scans or rewrites a large table"
                    + " holds its locks for as long as it takes", "add SET statement_timeout = '5min'; at the top of the file, or set"
                    + " statement_timeout for the runner");
        }
    }

    /** SH611: a name over 63 bytes, which PostgreSQL cuts silently. */
    private void identifiers(Tokens tokens) {
        for (SqlToken t : tokens.list()) {
            if ((t.kind() == SqlToken.Kind.QUOTED || t.kind() == SqlToken.Kind.WORD)
                    && t.value().getBytes(StandardCharsets.UTF_8).length > 63) {
                emit(LintRule.SH611, null, "name " + t.text() + " is " + t.value().getBytes(StandardCharsets.UTF_8).length
                        + " bytes long, and PostgreSQL cuts names to 63 bytes, so the object gets another name than the one"
                        + " written", "shorten it to 63 bytes or fewer");
                return;
            }
        }
    }

    /** SH404: a value added to an enum earlier in the same transaction, used here. */
    private void enumValuesUsed(Tokens tokens) {
        if (noTransaction || addedValues.isEmpty() || tokens.at(0, "alter", "type")) {
            return;
        }
        for (SqlToken t : tokens.list()) {
            if (t.kind() == SqlToken.Kind.STRING && addedValues.containsKey(t.value())) {
                String[] added = addedValues.get(t.value());
                emit(LintRule.SH404, null, "uses enum value '" + t.value() + "', which the statement at line " + added[1]
                        + " added to " + added[0] + " in the same transaction, and PostgreSQL refuses a new enum value"
                        + " until the transaction that added it commits (unsafe use of new value)",
                        "move the ALTER TYPE ... ADD VALUE to a migration of its own before this one");
                return;
            }
        }
    }
}
