package dev.shale.workflow.lint;

import dev.shale.model.QualifiedName;

import java.util.List;
import java.util.Set;

/**
 * The rules of every statement except {@code CREATE TABLE} and {@code ALTER TABLE} (those are in
 * {@link TableRules}): drops, indexes, enum values, domains, timeouts, transaction control.
 */
final class StatementRules {
    private static final Set<String> TRANSACTION_CONTROL = Set.of("begin", "start", "commit", "end", "rollback", "abort");
    private static final String NO_TRANSACTION = "put it in a migration of its own whose header says -- shale:no-transaction";

    private final MigrationLinter m;
    private final TableRules tables;

    StatementRules(MigrationLinter m) {
        this.m = m;
        this.tables = new TableRules(m);
    }

    void statement(Tokens t) {
        SqlToken first = t.get(0);
        switch (first.kind() == SqlToken.Kind.WORD ? first.value() : "") {
            case "set" -> set(t);
            case "select" -> {
                String text = t.text().toLowerCase(java.util.Locale.ROOT);
                m.lockTimeoutSet |= text.contains("set_config") && text.contains("'lock_timeout'");
                m.statementTimeoutSet |= text.contains("set_config") && text.contains("'statement_timeout'");
            }
            case "begin", "start", "commit", "end", "rollback", "abort" -> transactionControl(t);
            case "create" -> create(t);
            case "alter" -> alter(t);
            case "drop" -> drop(t);
            case "truncate" -> truncate(t);
            case "reindex" -> reindex(t);
            case "vacuum", "cluster" -> rewriteAll(t);
            case "update", "delete" -> {
                m.locksExisting();
                m.changes();
                wholeTable(t);
            }
            case "insert", "lock", "comment", "grant", "revoke" -> {
                m.locksExisting();
                m.changes();
            }
            default -> { }
        }
    }

    /** SH108, SH315: an UPDATE or DELETE without WHERE, which touches every row of an existing table in the migration's transaction. */
    private void wholeTable(Tokens t) {
        boolean delete = t.get(0).is("delete");
        int i = t.skipGuards(delete ? (t.at(1, "from") ? 2 : 1) : 1);
        Tokens.Name name = t.name(i);
        if (name == null || t.has(i, "where") || !m.existing(name.qualifiedName()) || !delete && m.noTransaction) {
            return;
        }
        if (delete) {
            m.emit(LintRule.SH108, name.qualifiedName(), "deletes every row of " + name.display() + " (no WHERE)",
                    "say which rows with WHERE, or add -- shale:lint-ignore SH108 with the reason");
        } else {
            m.emit(LintRule.SH315, name.qualifiedName(), "updates every row of " + name.display() + " in the migration's"
                    + " transaction, holding a lock on each row (and the table's other locks) until it commits",
                    "backfill in batches outside the migration, or in a -- shale:no-transaction migration of its own");
        }
    }

    private void set(Tokens t) {
        int i = t.at(1, "local") || t.at(1, "session") ? 2 : 1;
        if (t.at(i, "lock_timeout")) {
            m.lockTimeoutSet = true;
        } else if (t.at(i, "statement_timeout")) {
            m.statementTimeoutSet = true;
        }
    }

    private void transactionControl(Tokens t) {
        String word = t.get(0).value();
        if (!TRANSACTION_CONTROL.contains(word) || word.equals("start") && !t.at(1, "transaction")) {
            return;
        }
        boolean opens = word.equals("begin") || word.equals("start");
        if (m.noTransaction) {
            m.openTransaction = opens ? m.line : 0;
            return;
        }
        m.emit(LintRule.SH403, null, t.get(0).text().toUpperCase(java.util.Locale.ROOT) + (opens ? " opens" : " ends")
                + " a transaction inside the one shale migrate runs this migration in, so "
                + (opens ? "PostgreSQL ignores it with a warning and a later COMMIT ends the migration's transaction early"
                : "the statements after it run outside the migration's transaction and stay applied if a later one fails"),
                "remove the transaction control; mark the file -- shale:no-transaction to manage transactions by hand");
    }

    private void create(Tokens t) {
        int i = 1;
        if (t.at(i, "or", "replace")) {
            i += 2;
        }
        if (t.at(i, "unique")) {
            i++;
        }
        if (t.at(i, "index")) {
            createIndex(t, i + 1);
            return;
        }
        while (t.at(i, "global") || t.at(i, "local") || t.at(i, "temp") || t.at(i, "temporary") || t.at(i, "unlogged")) {
            if (t.at(i, "temp") || t.at(i, "temporary")) {
                return;
            }
            i++;
        }
        if (t.at(i, "table")) {
            tables.createTable(t, i + 1);
            m.changes();
        } else if (t.at(i, "domain")) {
            Tokens.Name name = t.name(t.skipGuards(i + 1));
            if (name != null && (t.has(name.end(), "check") || t.has(name.end(), "constraint"))) {
                m.emit(LintRule.SH608, null, "creates domain " + name.display() + " with a constraint, which cannot later be"
                        + " changed without checking every column of the domain", "put the check on the columns (NOT VALID"
                        + " where they exist), or accept that changing it scans every table using the domain");
            }
            m.changes();
        } else if (t.at(i, "trigger") || t.at(i, "constraint", "trigger") || t.at(i, "policy") || t.at(i, "rule")) {
            m.locksExisting();
            m.changes();
        } else {
            m.changes();
        }
    }

    private void createIndex(Tokens t, int i) {
        boolean concurrently = t.at(i, "concurrently");
        if (concurrently) {
            i++;
        }
        boolean guarded = t.at(i, "if", "not", "exists");
        int on = t.find(i, "on");
        String index = on > i + (guarded ? 3 : 0) ? t.get(on - 1).value() : "(unnamed)";
        Tokens.Name table = on < 0 ? null : t.name(t.skipGuards(on + 1));
        QualifiedName q = table == null ? null : table.qualifiedName();
        String shownIndex = on > i + (guarded ? 3 : 0) ? dev.shale.model.Identifiers.show(index) : "(unnamed)";
        if (m.existing(q)) {
            m.locksExisting();
        }
        if (concurrently) {
            m.concurrentLines.add(m.line);
            if (!m.noTransaction) {
                m.emit(LintRule.SH401, null, "CREATE INDEX CONCURRENTLY cannot run inside a transaction block, and shale migrate"
                        + " runs this file in one, so it fails", NO_TRANSACTION);
            }
            return;
        }
        if (q != null && !m.existing(q)) {
            return;
        }
        m.changes();
        m.emit(LintRule.SH301, q, "creates index " + shownIndex + " on " + (table == null ? "a table" : "existing table "
                + table.display()) + " without CONCURRENTLY, which blocks writes to the table while the index builds",
                "use CREATE INDEX CONCURRENTLY; " + NO_TRANSACTION);
        if (m.noTransaction && !guarded) {
            m.robust("CREATE INDEX", "IF NOT EXISTS");
        }
    }

    private void alter(Tokens t) {
        if (t.at(1, "table")) {
            Tokens.Name table = t.name(t.skipGuards(2));
            if (table == null || m.existing(table.qualifiedName())) {
                m.locksExisting();
            }
            tables.alterTable(t, 2);
            return;
        }
        if (t.at(1, "type")) {
            m.locksExisting();
            alterType(t);
            m.changes();
            return;
        }
        if (t.at(1, "domain")) {
            m.locksExisting();
            Tokens.Name name = t.name(2);
            if (name != null && t.at(name.end(), "add") && !t.hasRun(name.end(), "not", "valid")) {
                m.emit(LintRule.SH310, null, "adds a constraint to domain " + name.display() + " without NOT VALID, which checks"
                        + " every column of the domain in every table while holding locks on them", "add it NOT VALID, then"
                        + " VALIDATE CONSTRAINT in a later migration");
            }
            m.changes();
            return;
        }
        m.locksExisting();
        m.changes();
    }

    private void alterType(Tokens t) {
        Tokens.Name type = t.name(2);
        if (type == null) {
            return;
        }
        int i = type.end();
        if (t.at(i, "add", "value")) {
            int v = t.skipGuards(i + 2);
            SqlToken value = t.get(v);
            if (value != null && value.kind() == SqlToken.Kind.STRING) {
                m.addedValues.put(value.value(), new String[] {type.display(), String.valueOf(m.line)});
                if (!t.at(v + 1, "before") && !t.at(v + 1, "after")) {
                    m.emit(LintRule.SH609, null, "adds value '" + value.value() + "' to enum " + type.display()
                            + " without BEFORE or AFTER, so it sorts after every existing value",
                            "say where it belongs with BEFORE or AFTER, or add -- shale:lint-ignore SH609 if last is right");
                }
            }
        } else if (t.at(i, "rename", "value")) {
            SqlToken from = t.get(i + 2);
            m.emit(LintRule.SH504, null, "renames value " + (from == null ? "" : from.text()) + " of enum " + type.display()
                    + ", which breaks code still running that reads or writes the old value", "add the new value, move the"
                    + " code and the data over, and stop using the old one instead");
        } else if (t.at(i, "rename", "to") || t.at(i, "set", "schema")) {
            SqlToken to = t.get(i + 2);
            if (t.at(i, "rename") && to != null && to.isName()) {
                m.renamedTypes.put(new Tokens.Name(type.schema() == null ? "public" : type.schema(), to.value(), true, 0).display(),
                        type.display());
            }
            m.emit(LintRule.SH504, null, (t.at(i, "rename") ? "renames" : "moves") + " type " + type.display()
                    + ", which breaks code still running that names the type", "keep the name; create the new type and"
                    + " move the columns over in steps");
        }
    }

    private void drop(Tokens t) {
        SqlToken what = t.get(1);
        if (what == null) {
            return;
        }
        m.locksExisting();
        m.changes();
        int i = 2;
        switch (what.value()) {
            case "table" -> {
                boolean guarded = t.at(i, "if", "exists");
                for (Tokens part : t.commaList(t.skipGuards(i))) {
                    Tokens.Name name = part.name(0);
                    if (name == null || !m.existing(name.qualifiedName())) {
                        continue;
                    }
                    m.emit(LintRule.SH101, null, "drops table " + name.display() + " and its data, and breaks code still"
                            + " running that reads it", "stop using the table in a deploy first, and back it up or rename it"
                            + " away before dropping it in a later migration");
                }
                if (m.noTransaction && !guarded) {
                    m.robust("DROP TABLE", "IF EXISTS");
                }
            }
            case "index" -> dropIndex(t);
            case "schema" -> names(t, i, LintRule.SH103, "schema", "and every object in it");
            case "type", "domain" -> {
                for (Tokens part : t.commaList(t.skipGuards(i))) {
                    Tokens.Name name = part.name(0);
                    if (name != null && !m.renamedTypes.containsKey(name.display())) {
                        names(part, 0, LintRule.SH104, what.value(), "and fails or, with CASCADE, drops the columns that use it");
                    }
                }
            }
            case "database" -> names(t, i, LintRule.SH105, "database", "and all its data");
            default -> { }
        }
    }

    private void names(Tokens t, int i, LintRule rule, String kind, String consequence) {
        for (Tokens part : t.commaList(t.skipGuards(i))) {
            Tokens.Name name = part.name(0);
            if (name == null) {
                continue;
            }
            String shown = kind.equals("schema") || kind.equals("database") ? dev.shale.model.Identifiers.show(name.name())
                    : name.display();
            m.emit(rule, null, "drops " + kind + " " + shown + " " + consequence, "make sure nothing uses it and back it up;"
                    + " add -- shale:lint-ignore " + rule.code() + " with the reason above the statement when it is meant");
        }
    }

    private void dropIndex(Tokens t) {
        int i = 2;
        boolean concurrently = t.at(i, "concurrently");
        if (concurrently) {
            i++;
        }
        boolean guarded = t.at(i, "if", "exists");
        if (concurrently) {
            m.concurrentLines.add(m.line);
            m.otherChanges.removeIf(o -> o[0] == m.line);
            if (!m.noTransaction) {
                m.emit(LintRule.SH401, null, "DROP INDEX CONCURRENTLY cannot run inside a transaction block, and shale migrate"
                        + " runs this file in one, so it fails", NO_TRANSACTION);
            }
            return;
        }
        for (Tokens part : t.commaList(t.skipGuards(i))) {
            Tokens.Name name = part.name(0);
            if (name == null) {
                continue;
            }
            QualifiedName table = m.facts.tableOfIndex(name.schema(), name.name());
            if (table != null && !m.existing(table)) {
                continue;
            }
            m.emit(LintRule.SH302, table, "drops index " + dev.shale.model.Identifiers.show(name.name()) + " without"
                    + " CONCURRENTLY, which takes an ACCESS EXCLUSIVE lock on " + (table == null ? "its table" : table.display())
                    + ", blocking reads and writes until other transactions using it finish",
                    "use DROP INDEX CONCURRENTLY; " + NO_TRANSACTION);
        }
        if (m.noTransaction && !guarded) {
            m.robust("DROP INDEX", "IF EXISTS");
        }
    }

    private void truncate(Tokens t) {
        m.locksExisting();
        m.changes();
        int i = t.at(1, "table") ? 2 : 1;
        List<Tokens> parts = t.commaList(t.skipGuards(i));
        for (Tokens part : parts) {
            Tokens.Name name = part.name(0);
            if (name == null) {
                continue;
            }
            boolean cascade = t.has(0, "cascade");
            m.emit(LintRule.SH107, name.qualifiedName(), "truncates " + name.display() + ", deleting every row"
                    + (cascade ? ", and with CASCADE every row of the tables referencing it" : ""),
                    "delete the rows you mean with DELETE ... WHERE, or add -- shale:lint-ignore SH107 with the reason");
        }
    }

    private void reindex(Tokens t) {
        m.locksExisting();
        int i = 1;
        if (t.get(i) != null && t.get(i).isSymbol("(")) {
            i = t.closing(i);
        }
        SqlToken kind = t.get(i);
        boolean concurrently = t.at(i + 1, "concurrently");
        if (concurrently) {
            m.concurrentLines.add(m.line);
            if (!m.noTransaction) {
                m.emit(LintRule.SH401, null, "REINDEX CONCURRENTLY cannot run inside a transaction block, and shale migrate"
                        + " runs this file in one, so it fails", NO_TRANSACTION);
            }
            return;
        }
        m.changes();
        Tokens.Name name = t.name(i + 1);
        QualifiedName table = kind != null && kind.is("table") && name != null ? name.qualifiedName() : null;
        m.emit(LintRule.SH309, table, "reindexes " + (kind == null ? "" : kind.value() + " ") + (name == null ? "" : name.display())
                + " without CONCURRENTLY, which blocks writes to the table (and reads that use the index) until it ends",
                "use REINDEX CONCURRENTLY; " + NO_TRANSACTION);
    }

    private void rewriteAll(Tokens t) {
        boolean vacuum = t.get(0).is("vacuum");
        if (vacuum && !t.has(1, "full")) {
            if (!m.noTransaction) {
                m.emit(LintRule.SH401, null, "VACUUM cannot run inside a transaction block, and shale migrate runs this file in"
                        + " one, so it fails", NO_TRANSACTION);
            }
            return;
        }
        m.locksExisting();
        m.changes();
        Tokens.Name name = null;
        for (int i = 1; i < t.size() && name == null; i++) {
            if (t.get(i).isName() && !Set.of("full", "verbose", "analyze", "freeze").contains(t.get(i).value())) {
                name = t.name(i);
            }
        }
        m.emit(LintRule.SH205, name == null ? null : name.qualifiedName(), (vacuum ? "VACUUM FULL" : "CLUSTER") + " rewrites "
                + (name == null ? "every table" : name.display()) + " under an ACCESS EXCLUSIVE lock, blocking reads and writes"
                + " until it ends", "use pg_repack (or pg_squeeze), which rebuilds the table online");
    }
}
