package dev.shale.workflow.lint;

import dev.shale.diff.Hazards;
import dev.shale.diff.TypeConversions;
import dev.shale.model.ColumnType;
import dev.shale.model.Identifiers;
import dev.shale.model.QualifiedName;

import java.util.List;
import java.util.Set;

/** The rules of {@code CREATE TABLE} and {@code ALTER TABLE}, and of the column definitions in them. */
final class TableRules {
    /** Words that end a column's type in a column definition. */
    private static final Set<String> CONSTRAINT_WORDS = Set.of("default", "not", "null", "primary", "unique", "check",
            "references", "constraint", "generated", "collate", "deferrable", "initially", "compression", "storage");
    private static final Set<String> TABLE_CONSTRAINTS = Set.of("constraint", "primary", "unique", "check", "foreign",
            "exclude", "like");
    /** Functions whose result differs per row: a default calling one is computed for every existing row. */
    private static final Set<String> VOLATILE = Set.of("random", "gen_random_uuid", "uuid_generate_v1", "uuid_generate_v1mc",
            "uuid_generate_v4", "uuidv4", "uuidv7", "nextval", "clock_timestamp", "timeofday", "txid_current");
    /** Functions a default commonly calls that are not volatile, so adding the column is instant. */
    private static final Set<String> NOT_VOLATILE = Set.of("now", "current_timestamp", "transaction_timestamp",
            "statement_timestamp", "current_date", "localtimestamp", "current_setting", "lower", "upper", "coalesce",
            "jsonb_build_object", "json_build_object", "jsonb_build_array", "to_jsonb", "make_interval", "array", "concat",
            "timezone", "date_trunc", "interval", "numeric", "varchar", "char", "timestamp", "timestamptz", "int", "bigint");
    private static final String NEW_COLUMN_FIX = "add a new column, backfill it in batches, and switch the code over before"
            + " dropping the old one";

    private final MigrationLinter m;

    TableRules(MigrationLinter m) {
        this.m = m;
    }

    /** {@code CREATE TABLE [IF NOT EXISTS] name (...)} from the name's position. */
    void createTable(Tokens t, int i) {
        boolean guarded = t.at(i, "if", "not", "exists");
        Tokens.Name name = t.name(t.skipGuards(i));
        if (name == null) {
            return;
        }
        QualifiedName table = name.qualifiedName();
        if (table != null) {
            m.created.add(table);
        }
        if (!name.qualified()) {
            m.emit(LintRule.SH610, null, "creates table " + name.name() + " without a schema, so it lands in the first schema"
                    + " of the migrating session's search_path", "write the schema: " + name.display());
        }
        if (m.noTransaction && !guarded) {
            m.robust("CREATE TABLE", "IF NOT EXISTS");
        }
        int open = name.end();
        if (t.get(open) == null || !t.get(open).isSymbol("(")) {
            return; // AS SELECT, PARTITION OF, OF type: no column list here
        }
        Tokens body = t.slice(open + 1, t.closing(open) - 1);
        for (Tokens element : body.commaList(0)) {
            SqlToken first = element.get(0);
            if (first == null || first.kind() == SqlToken.Kind.WORD && TABLE_CONSTRAINTS.contains(first.value())) {
                continue;
            }
            types(table, first.value(), typeTokens(element, 1));
        }
    }

    /** {@code ALTER TABLE [IF EXISTS] [ONLY] name action, ...} from the name's position. */
    void alterTable(Tokens t, int i) {
        Tokens.Name name = t.name(t.skipGuards(i));
        if (name == null) {
            return;
        }
        m.changes();
        QualifiedName table = name.qualifiedName();
        if (!name.qualified() && m.existing(table) && m.facts.before() != null && m.facts.table(table) == null) {
            m.emit(LintRule.SH610, null, "alters table " + name.name() + " without a schema, so it changes the first one of"
                    + " that name on the migrating session's search_path", "write the schema: " + name.display());
        }
        for (Tokens action : t.commaList(name.end())) {
            action(table, name, action);
        }
    }

    private void action(QualifiedName table, Tokens.Name name, Tokens a) {
        boolean existing = m.existing(table);
        String shown = name.display();
        if (a.at(0, "add")) {
            int i = a.at(1, "column") ? 2 : 1;
            boolean guarded = a.at(i, "if", "not", "exists");
            i = a.skipGuards(i);
            SqlToken next = a.get(i);
            if (next == null) {
                return;
            }
            if (next.kind() == SqlToken.Kind.WORD && TABLE_CONSTRAINTS.contains(next.value()) && !a.at(1, "column")) {
                addConstraint(table, shown, a, i, existing);
            } else {
                if (m.noTransaction && !guarded) {
                    m.robust("ADD COLUMN", "ADD COLUMN IF NOT EXISTS");
                }
                addColumn(table, shown, a.slice(i, a.size()), existing);
            }
        } else if (a.at(0, "drop") && !a.at(1, "constraint")) {
            int i = a.skipGuards(a.at(1, "column") ? 2 : 1);
            SqlToken column = a.get(i);
            if (column != null && column.isName() && existing) {
                m.emit(LintRule.SH102, null, "drops column " + shown + "." + Identifiers.show(column.value()) + " and its data,"
                        + " and breaks code still running that reads or writes it", "stop using the column in a deploy first,"
                        + " then drop it in a later migration");
            }
        } else if (a.at(0, "alter")) {
            int i = a.at(1, "column") ? 2 : 1;
            SqlToken column = a.get(i);
            if (column == null || !column.isName() || !existing) {
                return;
            }
            String col = shown + "." + Identifiers.show(column.value());
            int j = i + 1;
            if (a.at(j, "type") || a.at(j, "set", "data", "type")) {
                int typeAt = a.at(j, "type") ? j + 1 : j + 3;
                int using = a.find(typeAt, "using");
                int collate = a.find(typeAt, "collate");
                int end = using >= 0 ? using : collate >= 0 ? collate : a.size();
                typeChange(table, col, column.value(), a.slice(typeAt, end), using >= 0);
            } else if (a.at(j, "set", "not", "null")) {
                setNotNull(table, col, column.value());
            } else if (a.at(j, "drop", "not", "null")) {
                m.emit(LintRule.SH503, null, "drops NOT NULL from column " + col + ", which breaks code still running that"
                        + " counts on the column never being NULL", "deploy code that handles NULL first, then drop the constraint");
            }
        } else if (a.at(0, "rename")) {
            if (a.at(1, "to")) {
                SqlToken to = a.get(2);
                m.emit(LintRule.SH502, null, "renames table " + shown + " to " + (to == null ? "" : Identifiers.show(to.value()))
                        + ", which breaks code still running that uses the old name", "create a view with the old name"
                        + " until every deploy uses the new one, or add the new table and move over in steps");
            } else if (!a.at(1, "constraint")) {
                int i = a.at(1, "column") ? 2 : 1;
                SqlToken from = a.get(i);
                SqlToken to = a.get(i + 2);
                if (from != null && to != null && existing) {
                    m.emit(LintRule.SH501, null, "renames column " + shown + "." + Identifiers.show(from.value()) + " to "
                            + Identifiers.show(to.value()) + ", which breaks code still running that uses the old name",
                            "add the new column, write both from the code, backfill, then drop the old one in a later migration");
                }
            }
        } else if (a.at(0, "set", "logged") || a.at(0, "set", "unlogged")) {
            if (existing) {
                m.emit(LintRule.SH202, table, "makes table " + shown + (a.at(1, "logged") ? " logged" : " unlogged")
                        + ", which rewrites it under an ACCESS EXCLUSIVE lock", "do it while the table is small, or in a"
                        + " maintenance window");
            }
        } else if (a.at(0, "set", "schema")) {
            m.emit(LintRule.SH504, null, "moves table " + shown + " to schema " + (a.get(2) == null ? "" : Identifiers.show(a.get(2).value()))
                    + ", which breaks code still running that names the old schema", "keep the schema, or move over in steps"
                    + " with a view in the old one");
        } else if (a.at(0, "validate", "constraint")) {
            SqlToken c = a.get(2);
            if (c == null) {
                return;
            }
            m.validChecks.add(c.value());
            if (!m.noTransaction && m.addedNotValid.contains(c.value())) {
                m.emit(LintRule.SH311, table, "validates constraint " + Identifiers.show(c.value()) + " in the transaction that"
                        + " added it NOT VALID, so the lock taken to add it is held while every row is checked",
                        "validate it in a later migration");
            }
        } else if (a.at(0, "attach", "partition")) {
            Tokens.Name part = a.name(2);
            QualifiedName partition = part == null ? null : part.qualifiedName();
            if (part != null && m.existing(partition)) {
                m.emit(LintRule.SH314, partition, "attaches " + part.display() + " to " + shown + ", which scans every row of "
                        + part.display() + " under an ACCESS EXCLUSIVE lock on it to check the bound (and of a default"
                        + " partition, if there is one)", "first add a CHECK constraint matching the bound NOT VALID and VALIDATE"
                        + " it; ATTACH PARTITION then skips the scan");
            }
        } else if (a.at(0, "detach", "partition")) {
            if (a.has(2, "concurrently")) {
                m.concurrentLines.add(m.line);
                m.otherChanges.removeIf(o -> o[0] == m.line);
                if (!m.noTransaction) {
                    m.emit(LintRule.SH401, null, "DETACH PARTITION CONCURRENTLY cannot run inside a transaction block, and"
                            + " shale migrate runs this file in one, so it fails", "put it in a migration of its own whose"
                            + " header says -- shale:no-transaction");
                }
            } else if (!a.has(2, "finalize")) {
                Tokens.Name part = a.name(2);
                m.emit(LintRule.SH308, table, "detaches partition " + (part == null ? "" : part.display()) + " from " + shown
                        + " without CONCURRENTLY, which takes an ACCESS EXCLUSIVE lock on " + shown, "use DETACH PARTITION"
                        + " ... CONCURRENTLY in a migration of its own whose header says -- shale:no-transaction");
            }
        }
    }

    private void addConstraint(QualifiedName table, String shown, Tokens a, int i, boolean existing) {
        String constraint = null;
        if (a.at(i, "constraint")) {
            constraint = a.get(i + 1) == null ? null : a.get(i + 1).value();
            i += 2;
        }
        boolean notValid = a.hasRun(i, "not", "valid");
        String named = constraint == null ? "" : " " + Identifiers.show(constraint);
        if (a.at(i, "foreign")) {
            if (notValid && constraint != null) {
                m.addedNotValid.add(constraint);
            }
            if (existing && !notValid) {
                int ref = a.find(i, "references");
                Tokens.Name target = ref < 0 ? null : a.name(ref + 1);
                m.emit(LintRule.SH303, table, "adds foreign key" + named + " to " + shown + " without NOT VALID, which checks"
                        + " every row while holding a lock that blocks writes to " + shown
                        + (target == null ? "" : " and " + target.display()), "add it NOT VALID, then VALIDATE CONSTRAINT it in"
                        + " a later migration");
            }
        } else if (a.at(i, "check")) {
            int open = i + 1;
            String expression = a.slice(open + 1, a.closing(open) - 1).text();
            if (constraint != null) {
                m.addedChecks.put(constraint, new String[] {table == null ? "" : table.key(), expression});
                if (notValid) {
                    m.addedNotValid.add(constraint);
                } else {
                    m.validChecks.add(constraint);
                }
            }
            if (existing && !notValid) {
                m.emit(LintRule.SH304, table, "adds check" + named + " to " + shown + " without NOT VALID, which scans every row"
                        + " under an ACCESS EXCLUSIVE lock", "add it NOT VALID, then VALIDATE CONSTRAINT it in a later migration");
            }
        } else if ((a.at(i, "unique") || a.at(i, "primary") || a.at(i, "exclude")) && existing && !a.hasRun(i, "using", "index")) {
            String kind = a.at(i, "unique") ? "unique constraint" : a.at(i, "primary") ? "primary key" : "exclusion constraint";
            m.emit(LintRule.SH306, table, "adds " + kind + named + " to " + shown + ", which builds its index under an ACCESS"
                    + " EXCLUSIVE lock, blocking reads and writes", a.at(i, "exclude") ? "build the table with it, or accept"
                    + " the lock in a maintenance window" : "CREATE UNIQUE INDEX CONCURRENTLY first, then ADD CONSTRAINT ... "
                    + (a.at(i, "primary") ? "PRIMARY KEY" : "UNIQUE") + " USING INDEX");
        }
    }

    private void addColumn(QualifiedName table, String shown, Tokens c, boolean existing) {
        SqlToken name = c.get(0);
        if (name == null) {
            return;
        }
        Tokens type = typeTokens(c, 1);
        types(table, name.value(), type);
        if (!existing) {
            return;
        }
        String col = shown + "." + Identifiers.show(name.value());
        String base = TypeNames.base(type.list());
        boolean serial = Set.of("serial", "serial4", "bigserial", "serial8", "smallserial", "serial2").contains(base);
        int def = c.find(1, "default");
        boolean identity = c.hasRun(1, "generated", "always", "as", "identity") || c.hasRun(1, "generated", "by", "default");
        boolean stored = c.hasRun(1, "generated", "always", "as") && !identity;
        if (serial) {
            m.emit(LintRule.SH203, table, "adds " + base + " column " + col + ", whose default nextval() differs per row, so"
                    + " it rewrites table " + shown + " under an ACCESS EXCLUSIVE lock", "add a nullable bigint column, backfill"
                    + " it in batches, then attach a sequence or identity");
        } else if (def >= 0) {
            String call = call(c, def + 1);
            if (call != null && VOLATILE.contains(call)) {
                m.emit(LintRule.SH203, table, "adds column " + col + " with the volatile default " + call + "(), which rewrites"
                        + " table " + shown + " under an ACCESS EXCLUSIVE lock", "add the column without a default, set the"
                        + " default in a second statement, and backfill existing rows in batches");
            } else if (call != null && !NOT_VOLATILE.contains(call)) {
                m.emit(LintRule.SH203, Severity.WARNING, table, "adds column " + col + " with a default calling " + call
                        + "(), which rewrites table " + shown + " under an ACCESS EXCLUSIVE lock if the function is volatile",
                        "add the column without a default, set the default in a second statement, and backfill in batches");
            }
        }
        if (identity || stored) {
            m.emit(LintRule.SH204, table, "adds " + (identity ? "identity" : "stored generated") + " column " + col
                    + ", which computes it for every row and rewrites table " + shown + " under an ACCESS EXCLUSIVE lock",
                    identity ? "add a nullable bigint column, backfill it in batches, then ADD GENERATED ... AS IDENTITY"
                    : "add a plain column filled by the code or a trigger, backfill it in batches");
        }
        if (c.hasRun(1, "not", "null") && def < 0 && !identity && !stored && !serial) {
            m.emit(LintRule.SH307, null, "adds column " + col + " NOT NULL without a default, which fails if " + shown
                    + " has rows", "give it a DEFAULT, or add it nullable, backfill, and set NOT NULL in a later migration");
        }
        if (c.has(1, "references")) {
            m.emit(LintRule.SH303, table, "adds column " + col + " with a foreign key, which locks " + shown + " and the"
                    + " referenced table against writes while it is added", "add the column first, then the foreign key NOT VALID,"
                    + " and VALIDATE CONSTRAINT it in a later migration");
        }
        if (c.has(1, "primary") || c.has(1, "unique")) {
            m.emit(LintRule.SH306, table, "adds column " + col + " with a " + (c.has(1, "primary") ? "primary key" : "unique")
                    + " constraint, which builds its index under an ACCESS EXCLUSIVE lock, blocking reads and writes",
                    "add the column, CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT ... USING INDEX");
        }
    }

    /** The function a default expression starting at {@code i} calls first, lower case, or null when it calls none. */
    private static String call(Tokens c, int i) {
        for (int k = i; k + 1 < c.size(); k++) {
            SqlToken t = c.get(k);
            if (t.kind() == SqlToken.Kind.WORD && CONSTRAINT_WORDS.contains(t.value()) && k > i) {
                return null;
            }
            if (t.kind() == SqlToken.Kind.WORD && c.get(k + 1).isSymbol("(")) {
                return t.value();
            }
        }
        return null;
    }

    private void typeChange(QualifiedName table, String col, String column, Tokens type, boolean using) {
        ColumnType from = m.facts.columnType(table, column);
        ColumnType to = m.facts.resolve(TypeNames.parse(type.list()));
        String toText = type.text();
        if (from != null && to != null) {
            if (from.equals(to)) {
                if (from instanceof ColumnType.EnumRef e && m.renamedTypes.containsValue(e.name().display())) {
                    m.emit(LintRule.SH201, table, "converts column " + col + " to the new enum " + e.name().display()
                            + " that replaces the old one, which rewrites table " + table.display() + " under an ACCESS"
                            + " EXCLUSIVE lock", "do it while the table is small, or add the values instead of removing or"
                            + " reordering them");
                }
                return;
            }
            String change = "changes column " + col + " from " + from.sql() + " to " + to.sql();
            TypeConversions.Effect effect = TypeConversions.effect(from, to);
            if (!using && effect.alters() != null) {
                m.emit(LintRule.SH106, table, change + ", which " + effect.alters(), NEW_COLUMN_FIX);
            }
            if (Hazards.rewritesTable(from, to)) {
                m.emit(LintRule.SH201, table, change + ", which rewrites table " + table.display() + " under an ACCESS EXCLUSIVE"
                        + " lock", NEW_COLUMN_FIX);
            }
            return;
        }
        m.emit(LintRule.SH201, Severity.WARNING, table, "changes the type of column " + col + " to " + toText + ", which rewrites"
                + " the table under an ACCESS EXCLUSIVE lock unless the stored values can stay as they are (the old type is not"
                + " in the snapshot, so lint cannot tell)", NEW_COLUMN_FIX);
    }

    private void setNotNull(QualifiedName table, String col, String column) {
        if (m.facts.hasValidatedNotNullCheck(table, column)) {
            return;
        }
        for (var e : m.addedChecks.entrySet()) {
            if (table != null && e.getValue()[0].equals(table.key()) && m.validChecks.contains(e.getKey())
                    && SchemaFacts.isNotNullCheck(e.getValue()[1], column)) {
                return;
            }
        }
        m.emit(LintRule.SH305, table, "sets column " + col + " NOT NULL, which scans every row under an ACCESS EXCLUSIVE lock",
                "first ADD CONSTRAINT ... CHECK (" + Identifiers.show(column) + " IS NOT NULL) NOT VALID and VALIDATE it in a"
                + " later migration; SET NOT NULL then skips the scan, and the check can be dropped");
    }

    /** The type part of a column definition: from {@code i} up to its first constraint word. */
    private static Tokens typeTokens(Tokens element, int i) {
        int end = i;
        int depth = 0;
        while (end < element.size()) {
            SqlToken t = element.get(end);
            if (t.isSymbol("(") || t.isSymbol("[")) {
                depth++;
            } else if (t.isSymbol(")") || t.isSymbol("]")) {
                depth--;
            } else if (depth == 0 && t.kind() == SqlToken.Kind.WORD && CONSTRAINT_WORDS.contains(t.value())) {
                break;
            }
            end++;
        }
        return element.slice(i, end);
    }

    /** SH601-SH606: column types that cause trouble later. */
    private void types(QualifiedName table, String column, Tokens type) {
        String col = (table == null ? "" : table.display() + ".") + Identifiers.show(column);
        String base = TypeNames.base(type.list());
        List<SqlToken> list = type.list();
        boolean hasLength = list.stream().anyMatch(x -> x.isSymbol("("));
        switch (base) {
            case "int", "integer", "int4", "serial", "serial4" -> m.emit(LintRule.SH601, null, "column " + col + " is " + base
                    + ", whose values end at 2,147,483,647", "use bigint" + (base.startsWith("serial") ? " (bigserial)" : ""));
            case "smallint", "int2", "smallserial", "serial2" -> m.emit(LintRule.SH602, null, "column " + col + " is " + base
                    + ", whose values end at 32,767", "use bigint");
            case "varchar", "character varying" -> {
                if (hasLength) {
                    m.emit(LintRule.SH604, null, "column " + col + " is " + type.text() + ", and raising the limit later"
                            + " takes an ACCESS EXCLUSIVE lock", "use text with a CHECK (char_length(" + Identifiers.show(column)
                            + ") <= n) constraint, which can be replaced NOT VALID");
                }
            }
            case "char", "character", "bpchar" -> m.emit(LintRule.SH606, null, "column " + col + " is " + type.text()
                    + ", which pads values with spaces to its length and compares them ignoring trailing spaces", "use text"
                    + " (with a CHECK on its length where one is needed)");
            case "timestamp", "timestamp without time zone" -> m.emit(LintRule.SH605, null, "column " + col + " is " + base
                    + ", which stores no time zone, so values depend on the writing session's zone", "use timestamptz");
            default -> { }
        }
        if (base.contains("serial")) {
            m.emit(LintRule.SH603, null, "column " + col + " is " + base + ", whose sequence has its own owner and grants",
                    "use bigint GENERATED BY DEFAULT AS IDENTITY");
        }
    }
}
