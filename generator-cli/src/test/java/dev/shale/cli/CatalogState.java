package dev.shale.cli;

import dev.shale.testing.TestDatabase;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** What a database's public schema holds, as sorted lines: columns, constraints, indexes and enums, for equality checks. */
final class CatalogState {
    private CatalogState() {}

    static List<String> of(TestDatabase db) throws SQLException {
        List<String> out = new ArrayList<>();
        out.addAll(db.strings("select 'column ' || table_name || '.' || column_name || ' ' || udt_name || ' null=' || is_nullable"
                + " || ' default=' || coalesce(column_default, '-') from information_schema.columns"
                + " where table_schema = 'public' and table_name <> 'shale_migrations' order by 1"));
        out.addAll(db.strings("select 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)"
                + " from pg_constraint where connamespace = 'public'::regnamespace"
                + " and conrelid::regclass::text not like '%shale_migrations' order by 1"));
        out.addAll(db.strings("select 'index ' || indexdef from pg_indexes where schemaname = 'public'"
                + " and tablename <> 'shale_migrations' order by 1"));
        out.addAll(db.strings("select 'enum ' || t.typname || ' ' || string_agg(e.enumlabel, ',' order by e.enumsortorder)"
                + " from pg_type t join pg_enum e on e.enumtypid = t.oid where t.typnamespace = 'public'::regnamespace"
                + " group by t.typname order by 1"));
        return out;
    }
}
