package dev.shale.cli;

import dev.shale.workflow.SchemaLoader;
import dev.shale.model.ForeignKey;
import dev.shale.model.Index;
import dev.shale.model.ReferentialAction;
import dev.shale.model.SchemaModel;
import dev.shale.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The committed migrations of the bundled example, applied in order to an empty database (each file
 * in one transaction), leave exactly what the example's schema code declares: the same tables, enums
 * with their labels in order, indexes, foreign keys with their actions, and check constraints — by
 * name and by count. The expected sets come from the example's model, never from the SQL.
 */
class ExampleMigrationTest {
    private static final Path MIGRATIONS = Path.of("../migrations");
    private static final String USER_SCHEMAS = "not in ('pg_catalog', 'information_schema', 'pg_toast')";

    private static SchemaModel model;
    private static Catalog catalog;

    @BeforeAll
    static void applyTheMigrations() throws Exception {
        // the same path `./shale generate` takes: the repository's shale.toml, sources compiled in memory
        model = SchemaLoader.load(ShaleConfig.load(Path.of(".."), ShaleConfig.Overrides.NONE, Map.of()).project()).definition().model();
        List<Path> files = migrations();
        try (TestDatabase db = TestDatabase.create()) {
            for (Path file : files) {
                try {
                    db.executeInTransaction(Files.readString(file));
                } catch (SQLException e) {
                    fail("migration " + file.getFileName() + " failed to apply: " + e.getMessage(), e);
                }
            }
            catalog = Catalog.read(db);
        }
    }

    @Test
    void theExampleIsTheOnboardingSchemaTheIssueAsksFor() {
        assertEquals(Set.of("public.users", "public.profiles", "public.applications", "public.invitations"),
                names(model.tables().stream().map(t -> t.name().key())));
        assertTrue(names(model.enums().stream().map(e -> e.name().key())).containsAll(Set.of("public.user_role",
                "public.account_status", "public.auth_method", "public.profile_visibility", "public.availability_status",
                "public.learning_track", "public.application_status")), "the seven enums");
        assertTrue(indexes().size() >= 24, "at least 24 indexes, declared " + indexes().size());
        Set<ReferentialAction> actions = names(model.tables().stream().flatMap(t -> t.foreignKeys().stream()).map(ForeignKey::onDelete));
        assertTrue(actions.containsAll(Set.of(ReferentialAction.CASCADE, ReferentialAction.SET_NULL)), actions.toString());
        assertTrue(model.tables().stream().mapToInt(t -> t.checks().size()).sum() >= 4, "several checks");
    }

    @Test
    void exactlyTheDeclaredTables() {
        assertSameNames("tables", names(model.tables().stream().map(t -> t.name().key())), catalog.tables());
    }

    @Test
    void exactlyTheDeclaredEnumsWithTheirLabelsInOrder() {
        Map<String, String> expected = new TreeMap<>();
        model.enums().forEach(e -> expected.put(e.name().key(), String.join(",", e.values())));
        assertSameNames("enums with their labels", expected, catalog.enums());
    }

    @Test
    void exactlyTheDeclaredIndexesWithTheirShape() {
        Map<String, String> expected = new TreeMap<>();
        for (var t : model.tables()) {
            for (Index ix : t.indexes()) {
                boolean expression = ix.keys().stream().anyMatch(k -> k.expression() != null);
                expected.put(t.name().schema() + "." + ix.name(), shape(ix.unique(), ix.method().sql(), ix.where() != null, expression));
            }
        }
        assertSameNames("indexes with their shape", expected, catalog.indexes());
    }

    @Test
    void primaryKeysAndUniqueConstraintsHaveTheirIndexes() {
        Set<String> expected = new TreeSet<>();
        for (var t : model.tables()) {
            if (t.primaryKey() != null) {
                expected.add(t.name().key() + "|p|" + t.primaryKey().name());
            }
            t.uniques().forEach(u -> expected.add(t.name().key() + "|u|" + u.name()));
        }
        assertSameNames("primary keys and unique constraints", expected, catalog.keys());
    }

    @Test
    void exactlyTheDeclaredForeignKeysWithTheirActions() {
        Set<String> expected = new TreeSet<>();
        for (var t : model.tables()) {
            for (ForeignKey fk : t.foreignKeys()) {
                expected.add(t.name().key() + "|" + fk.name() + "|" + fk.referencedTable().key()
                        + "|ON DELETE " + fk.onDelete().sql() + "|ON UPDATE " + fk.onUpdate().sql());
            }
        }
        assertFalse(expected.isEmpty());
        assertSameNames("foreign keys with their actions", expected, catalog.foreignKeys());
    }

    @Test
    void exactlyTheDeclaredChecks() {
        Set<String> expected = new TreeSet<>();
        model.tables().forEach(t -> t.checks().forEach(c -> expected.add(t.name().key() + "|" + c.name())));
        assertSameNames("check constraints", expected, catalog.checks());
    }

    private static List<Index> indexes() {
        return model.tables().stream().flatMap(t -> t.indexes().stream()).toList();
    }

    private static String shape(boolean unique, String method, boolean partial, boolean expression) {
        return (unique ? "unique " : "") + method + (partial ? " partial" : "") + (expression ? " expression" : "");
    }

    private static <T> Set<T> names(Stream<T> items) {
        return items.collect(java.util.stream.Collectors.toSet());
    }

    /** Equal sets, or a message listing what the database lacks and what it has beyond the declaration. */
    private static void assertSameNames(String what, Set<String> expected, Set<String> actual) {
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(actual);
        Set<String> unexpected = new TreeSet<>(actual);
        unexpected.removeAll(expected);
        assertTrue(missing.isEmpty() && unexpected.isEmpty(), what + ": declared but not in the database " + missing
                + "; in the database but not declared " + unexpected);
        assertEquals(expected.size(), actual.size(), what + " count");
    }

    private static void assertSameNames(String what, Map<String, String> expected, Map<String, String> actual) {
        assertSameNames(what, pairs(expected), pairs(actual));
    }

    private static Set<String> pairs(Map<String, String> map) {
        Set<String> out = new TreeSet<>();
        map.forEach((k, v) -> out.add(k + " = " + v));
        return out;
    }

    /** The committed migration files, in order; there must be at least the first. */
    private static List<Path> migrations() throws IOException {
        if (!Files.isDirectory(MIGRATIONS)) {
            fail("no " + MIGRATIONS.toAbsolutePath().normalize() + ": run `shale generate` on the example and commit its output");
        }
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            List<Path> sql = files.filter(p -> p.getFileName().toString().matches("\\d{4}_.*\\.sql") && !p.getFileName().toString().endsWith(".down.sql")).sorted().toList();
            if (sql.isEmpty() || !sql.get(0).getFileName().toString().startsWith("0000_")) {
                fail("expected migrations 0000_*.sql, 0001_*.sql, ... in " + MIGRATIONS.toAbsolutePath().normalize() + ", found " + sql);
            }
            return sql;
        }
    }

    /** What the database's catalog holds, in the same string forms the expectations use. */
    private record Catalog(Set<String> tables, Map<String, String> enums, Map<String, String> indexes, Set<String> keys,
                           Set<String> foreignKeys, Set<String> checks) {
        private static final String ACTION = "case %s when 'a' then 'NO ACTION' when 'r' then 'RESTRICT' when 'c' then 'CASCADE'"
                + " when 'n' then 'SET NULL' when 'd' then 'SET DEFAULT' end";

        static Catalog read(TestDatabase db) throws SQLException {
            Set<String> tables = new TreeSet<>(db.strings("select n.nspname || '.' || c.relname from pg_class c"
                    + " join pg_namespace n on n.oid = c.relnamespace where c.relkind in ('r', 'p') and n.nspname " + USER_SCHEMAS));
            Map<String, String> enums = pairs(db.strings("select n.nspname || '.' || t.typname || '|'"
                    + " || string_agg(e.enumlabel, ',' order by e.enumsortorder) from pg_type t"
                    + " join pg_enum e on e.enumtypid = t.oid join pg_namespace n on n.oid = t.typnamespace"
                    + " group by n.nspname, t.typname"));
            // indexes that do not back a primary key, unique or exclusion constraint: the declared ones
            Map<String, String> indexes = pairs(db.strings("select n.nspname || '.' || c.relname || '|'"
                    + " || case when i.indisunique then 'unique ' else '' end || am.amname"
                    + " || case when i.indpred is not null then ' partial' else '' end"
                    + " || case when i.indexprs is not null then ' expression' else '' end"
                    + " from pg_index i join pg_class c on c.oid = i.indexrelid join pg_namespace n on n.oid = c.relnamespace"
                    + " join pg_am am on am.oid = c.relam where n.nspname " + USER_SCHEMAS
                    + " and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid and k.contype in ('p', 'u', 'x'))"));
            Set<String> keys = constraints(db, "k.contype::text || '|' || k.conname", "'p', 'u'");
            Set<String> fks = constraints(db, "k.conname || '|' || rn.nspname || '.' || r.relname || '|ON DELETE ' || "
                    + ACTION.formatted("k.confdeltype") + " || '|ON UPDATE ' || " + ACTION.formatted("k.confupdtype"), "'f'");
            Set<String> checks = constraints(db, "k.conname", "'c'");
            return new Catalog(tables, enums, indexes, keys, fks, checks);
        }

        private static Set<String> constraints(TestDatabase db, String what, String types) throws SQLException {
            return new TreeSet<>(db.strings("select n.nspname || '.' || c.relname || '|' || " + what + " from pg_constraint k"
                    + " join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace"
                    + " left join pg_class r on r.oid = k.confrelid left join pg_namespace rn on rn.oid = r.relnamespace"
                    + " where k.contype in (" + types + ") and n.nspname " + USER_SCHEMAS));
        }

        private static Map<String, String> pairs(List<String> rows) {
            Map<String, String> out = new TreeMap<>();
            rows.forEach(r -> out.put(r.substring(0, r.indexOf('|')), r.substring(r.indexOf('|') + 1)));
            return out;
        }
    }
}
