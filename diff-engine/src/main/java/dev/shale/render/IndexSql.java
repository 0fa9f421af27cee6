package dev.shale.render;

import dev.shale.model.Index;
import dev.shale.model.IndexKey;
import dev.shale.model.IndexMethod;
import dev.shale.model.QualifiedName;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code CREATE INDEX} and {@code DROP INDEX}.
 *
 * <p>Both by hand. jOOQ's CREATE INDEX has no access method, leaves expression keys bare (PostgreSQL
 * requires parentheses around any key that is not a column or a function call) and breaks the key
 * list over several lines; its DROP INDEX drops the schema ({@code DROP INDEX "ix"}), which would
 * find the index through the search path instead of in the table's schema.
 */
final class IndexSql {
    private IndexSql() {}

    /**
     * {@code CREATE UNIQUE INDEX "ix" ON "public"."users" USING gin ("col" DESC NULLS LAST, (lower(email))) WHERE (p);}:
     * btree, the default method, is not spelled out; an index lives in its table's schema, so its
     * name is not qualified.
     */
    static String create(QualifiedName table, Index index) {
        return create(table, index, false);
    }

    /**
     * The same, {@code CONCURRENTLY IF NOT EXISTS} when {@code concurrently}: the build of a
     * {@code -- shale:no-transaction} file, which may run again from its first statement (the migrator
     * refuses to rerun over an INVALID leftover of that name, so IF NOT EXISTS never keeps a broken one).
     */
    static String create(QualifiedName table, Index index, boolean concurrently) {
        StringBuilder out = new StringBuilder("CREATE ");
        if (index.unique()) {
            out.append("UNIQUE ");
        }
        out.append("INDEX ").append(concurrently ? "CONCURRENTLY IF NOT EXISTS " : "").append(Sql.ident(index.name())).append(" ON ").append(Sql.qualified(table));
        if (index.method() != IndexMethod.BTREE) {
            out.append(" USING ").append(index.method().sql());
        }
        List<String> keys = new ArrayList<>();
        for (IndexKey key : index.keys()) {
            keys.add(key(key));
        }
        out.append(" (").append(String.join(", ", keys)).append(')');
        if (!index.include().isEmpty()) {
            out.append(" INCLUDE (").append(Sql.idents(index.include())).append(')');
        }
        if (index.nullsNotDistinct()) {
            out.append(" NULLS NOT DISTINCT");
        }
        out.append(OptionsSql.with(index.storage()));
        if (index.where() != null) {
            out.append(" WHERE ").append(Sql.parenthesized(index.where()));
        }
        return out.append(';').toString();
    }

    /** {@code DROP INDEX "schema"."name";}. */
    static String drop(QualifiedName table, Index index) {
        return drop(table, index, false);
    }

    /** The same, {@code DROP INDEX CONCURRENTLY IF EXISTS "schema"."name";} when {@code concurrently}. */
    static String drop(QualifiedName table, Index index, boolean concurrently) {
        return "DROP INDEX " + (concurrently ? "CONCURRENTLY IF EXISTS " : "") + Sql.qualified(table.withName(index.name())) + ";";
    }

    private static String key(IndexKey key) {
        return OptionsSql.key(key);
    }
}
