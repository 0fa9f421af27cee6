package dev.shale.cli.pull;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.shale.model.IndexKey;
import dev.shale.model.PartitionOf;
import dev.shale.model.Partitioning;
import dev.shale.model.QualifiedName;
import dev.shale.model.SchemaModel;
import dev.shale.model.Table;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The partitioning statements of a pulled table: {@code partitionByRange(at)} (or
 * {@code partitionByExpressions(LIST, "lower(name)")}) on a partitioned table, and
 * {@code partitionOf(Schema.EVENTS).forValuesFrom("'2024-01-01'").to("'2025-01-01'")} on a partition,
 * its bound split back into the DSL's calls from the text PostgreSQL prints.
 */
final class PartitionCode {
    private PartitionCode() {}

    /** The tables with each partition after its parent (and otherwise in name order), so the Schema holder initialises parents first. */
    static List<Table> parentsFirst(List<Table> tables) {
        Map<QualifiedName, Table> pending = new LinkedHashMap<>();
        tables.forEach(t -> pending.put(t.name(), t));
        Set<QualifiedName> placed = new HashSet<>();
        List<Table> out = new ArrayList<>();
        while (!pending.isEmpty()) {
            Table next = pending.values().stream()
                    .filter(t -> t.partitionOf() == null || placed.contains(t.partitionOf().parent())
                            || !pending.containsKey(t.partitionOf().parent()))
                    .findFirst().orElse(pending.values().iterator().next());
            pending.remove(next.name());
            placed.add(next.name());
            out.add(next);
        }
        return out;
    }

    /** The topmost parent of a partition, whose Java fields are the partition's columns; the table itself otherwise. */
    static Table root(Table table, SchemaModel model) {
        Table at = table;
        Set<QualifiedName> seen = new HashSet<>();
        while (at.partitionOf() != null && seen.add(at.name()) && model.table(at.partitionOf().parent()) != null) {
            at = model.table(at.partitionOf().parent());
        }
        return at;
    }

    /** {@code partitionByRange(at, id)}, or by expressions; null for a table that is not partitioned. */
    static CodeBlock partitionBy(Table table, Map<String, CodeBlock> columns) {
        Partitioning p = table.partitioning();
        if (p == null) {
            return null;
        }
        for (IndexKey k : p.keys()) {
            if (k.collation() != null || k.opclass() != null) {
                throw new IllegalArgumentException("table " + table.name().display() + ": a partition key with a collation or"
                        + " operator class cannot be declared in the DSL, so the table cannot be pulled as code");
            }
        }
        boolean allColumns = p.keys().stream().allMatch(k -> k.column() != null);
        boolean allExpressions = p.keys().stream().allMatch(k -> k.column() == null);
        if (allColumns) {
            String method = switch (p.strategy()) {
                case RANGE -> "partitionByRange";
                case LIST -> "partitionByList";
                case HASH -> "partitionByHash";
            };
            return CodeBlock.of("$L($L)", method, CodeBlock.join(p.keys().stream().map(k -> columns.get(k.column())).toList(), ", "));
        }
        if (!allExpressions) {
            throw new IllegalArgumentException("table " + table.name().display() + ": a partition key that mixes columns and"
                    + " expressions cannot be declared in the DSL, so the table cannot be pulled as code");
        }
        List<CodeBlock> args = new ArrayList<>();
        args.add(CodeBlock.of("$T.$L", Partitioning.Strategy.class, p.strategy().name()));
        p.keys().forEach(k -> args.add(CodeBlock.of("$S", k.expression())));
        return CodeBlock.of("partitionByExpressions($L)", CodeBlock.join(args, ", "));
    }

    /** {@code partitionOf(Schema.EVENTS).forValuesIn("'a'", "'b'")}; null for a table that is not a partition. */
    static CodeBlock partitionOf(Table table, ClassName schema, JavaNames names) {
        PartitionOf of = table.partitionOf();
        if (of == null) {
            return null;
        }
        CodeBlock parent = CodeBlock.of("partitionOf($T.$N)", schema, names.table(of.parent()).constant());
        String bound = of.bound();
        if (bound.equals("DEFAULT")) {
            return CodeBlock.of("$L.defaultPartition()", parent);
        }
        java.util.regex.Matcher hash = java.util.regex.Pattern
                .compile("FOR VALUES WITH \\(modulus (\\d+), remainder (\\d+)\\)").matcher(bound);
        if (hash.matches()) {
            return CodeBlock.of("$L.forValuesWithModulus($L, $L)", parent, hash.group(1), hash.group(2));
        }
        if (bound.startsWith("FOR VALUES IN (") && bound.endsWith(")")) {
            return CodeBlock.of("$L.forValuesIn($L)", parent, values(bound.substring("FOR VALUES IN (".length(), bound.length() - 1)));
        }
        String from = "FOR VALUES FROM (";
        int to = topLevel(bound, ") TO (");
        if (bound.startsWith(from) && to > 0 && bound.endsWith(")")) {
            return CodeBlock.of("$L.forValuesFrom($L).to($L)", parent, values(bound.substring(from.length(), to)),
                    values(bound.substring(to + ") TO (".length(), bound.length() - 1)));
        }
        throw new IllegalArgumentException("partition " + table.name().display() + ": its bound " + bound
                + " is not one the DSL can declare, so it cannot be pulled as code");
    }

    private static CodeBlock values(String list) {
        return CodeBlock.join(split(list).stream().map(v -> CodeBlock.of("$S", v.strip())).toList(), ", ");
    }

    /** The index of {@code needle} outside quotes, or -1. */
    private static int topLevel(String text, String needle) {
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '\'') {
                quoted = !quoted;
            } else if (!quoted && text.startsWith(needle, i)) {
                return i;
            }
        }
        return -1;
    }

    /** A comma-separated list split outside quotes and parentheses. */
    private static List<String> split(String list) {
        List<String> out = new ArrayList<>();
        boolean quoted = false;
        int depth = 0;
        int start = 0;
        for (int i = 0; i < list.length(); i++) {
            char ch = list.charAt(i);
            if (ch == '\'') {
                quoted = !quoted;
            } else if (!quoted && ch == '(') {
                depth++;
            } else if (!quoted && ch == ')') {
                depth--;
            } else if (!quoted && depth == 0 && ch == ',') {
                out.add(list.substring(start, i));
                start = i + 1;
            }
        }
        out.add(list.substring(start));
        return out;
    }
}
