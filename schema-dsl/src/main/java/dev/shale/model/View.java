package dev.shale.model;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A view or a materialized view, declared with its SQL text. Shale does not parse the query: it keeps
 * the text (trimmed, without a final semicolon) and lets PostgreSQL normalise it when a declared model
 * is compared with a database ({@code pg_get_viewdef}).
 *
 * @param name its qualified name (views share the relation namespace with tables and indexes)
 * @param query the SELECT (or VALUES) text after {@code AS}
 * @param columns the column list ({@code CREATE VIEW v (a, b)}), empty for the query's own names; a
 *                column's type is known when introspected or declared, else null
 * @param materialized whether it is a materialized view
 * @param checkOption {@code WITH [LOCAL | CASCADED] CHECK OPTION} (views only)
 * @param securityBarrier the {@code security_barrier} option (views only)
 * @param securityInvoker the {@code security_invoker} option (views only, PostgreSQL 15)
 * @param withData false for {@code WITH NO DATA} (materialized views only; not compared once created)
 * @param storage storage parameters (materialized views only), sorted by name
 * @param indexes the indexes of a materialized view, sorted by name
 * @param comment its comment, or null
 */
public record View(QualifiedName name, String query, List<Column> columns, boolean materialized,
                   CheckOption checkOption, boolean securityBarrier, boolean securityInvoker, boolean withData,
                   Map<String, String> storage, List<Index> indexes, String comment) {

    /** {@code WITH [LOCAL | CASCADED] CHECK OPTION}, or none. */
    public enum CheckOption { NONE, LOCAL, CASCADED }

    /**
     * One output column of a view.
     *
     * @param name its name
     * @param type its type as PostgreSQL's {@code format_type} writes it, or null when not known
     */
    public record Column(String name, String type) {
        public Column {
            Identifiers.require("view column", name);
            if (type != null && type.isBlank()) {
                type = null;
            }
        }
    }

    public View {
        if (name == null) {
            throw new InvalidModelException("view", "name is required");
        }
        String self = (materialized ? "materialized view " : "view ") + name.display();
        query = normalize(query);
        if (query == null) {
            throw new InvalidModelException(self, "the query is required: give the SELECT text it shows");
        }
        columns = List.copyOf(columns == null ? List.of() : columns);
        Set<String> seen = new HashSet<>();
        for (Column c : columns) {
            if (!seen.add(c.name())) {
                throw new InvalidModelException(self, "column " + Identifiers.show(c.name()) + " is listed twice");
            }
        }
        checkOption = checkOption == null ? CheckOption.NONE : checkOption;
        storage = StorageParameters.copy(self, storage);
        indexes = List.copyOf(new java.util.TreeMap<>(indexMap(self, indexes)).values());
        comment = Comments.normalize(comment);
        if (materialized) {
            if (checkOption != CheckOption.NONE || securityBarrier || securityInvoker) {
                throw new InvalidModelException(self, "CHECK OPTION, security_barrier and security_invoker apply to"
                        + " views only; PostgreSQL has none of them on a materialized view");
            }
        } else {
            if (!withData) {
                throw new InvalidModelException(self, "WITH NO DATA applies to materialized views only");
            }
            if (!storage.isEmpty()) {
                throw new InvalidModelException(self, "storage parameters apply to materialized views only;"
                        + " use securityBarrier, securityInvoker or a check option on a view");
            }
            if (!indexes.isEmpty()) {
                throw new InvalidModelException(self, "a view has no indexes; make it a materialized view to index it");
            }
        }
    }

    /** A plain view of this query with no options. */
    public static View of(QualifiedName name, String query) {
        return new View(name, query, List.of(), false, CheckOption.NONE, false, false, true, Map.of(), List.of(), null);
    }

    /** A materialized view of this query, populated when created. */
    public static View materialized(QualifiedName name, String query) {
        return new View(name, query, List.of(), true, CheckOption.NONE, false, false, true, Map.of(), List.of(), null);
    }

    /** "view app.x" or "materialized view app.x", for messages. */
    public String display() {
        return (materialized ? "materialized view " : "view ") + name.display();
    }

    /** The declared column names, in order. */
    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    /** The index of that name, or null. */
    public Index index(String indexName) {
        return indexes.stream().filter(i -> i.name().equals(indexName)).findFirst().orElse(null);
    }

    /**
     * The query as the model keeps it: trimmed, without final semicolons, null when blank. (PostgreSQL's
     * {@code pg_get_viewdef} ends with one and starts with a space.)
     */
    public static String normalize(String query) {
        if (query == null) {
            return null;
        }
        String q = query.strip();
        while (q.endsWith(";")) {
            q = q.substring(0, q.length() - 1).strip();
        }
        return q.isEmpty() ? null : q;
    }

    private static Map<String, Index> indexMap(String self, List<Index> indexes) {
        Map<String, Index> byName = new java.util.HashMap<>();
        for (Index ix : indexes == null ? List.<Index>of() : indexes) {
            if (ix == null) {
                throw new InvalidModelException(self, "a null index was given");
            }
            if (byName.put(ix.name(), ix) != null) {
                throw new InvalidModelException(self, "index " + Identifiers.show(ix.name()) + " is declared twice");
            }
        }
        return byName;
    }

    public View withName(QualifiedName value) {
        return new View(value, query, columns, materialized, checkOption, securityBarrier, securityInvoker, withData, storage, indexes, comment);
    }

    public View withQuery(String value) {
        return new View(name, value, columns, materialized, checkOption, securityBarrier, securityInvoker, withData, storage, indexes, comment);
    }

    public View withColumns(List<Column> value) {
        return new View(name, query, value, materialized, checkOption, securityBarrier, securityInvoker, withData, storage, indexes, comment);
    }

    public View withCheckOption(CheckOption value) {
        return new View(name, query, columns, materialized, value, securityBarrier, securityInvoker, withData, storage, indexes, comment);
    }

    public View withSecurityBarrier(boolean value) {
        return new View(name, query, columns, materialized, checkOption, value, securityInvoker, withData, storage, indexes, comment);
    }

    public View withSecurityInvoker(boolean value) {
        return new View(name, query, columns, materialized, checkOption, securityBarrier, value, withData, storage, indexes, comment);
    }

    public View withData(boolean value) {
        return new View(name, query, columns, materialized, checkOption, securityBarrier, securityInvoker, value, storage, indexes, comment);
    }

    public View withStorage(Map<String, String> value) {
        return new View(name, query, columns, materialized, checkOption, securityBarrier, securityInvoker, withData, value, indexes, comment);
    }

    public View withIndexes(List<Index> value) {
        return new View(name, query, columns, materialized, checkOption, securityBarrier, securityInvoker, withData, storage, value, comment);
    }

    public View withComment(String value) {
        return new View(name, query, columns, materialized, checkOption, securityBarrier, securityInvoker, withData, storage, indexes, value);
    }
}
