package dev.shale.render;

import dev.shale.change.Change;
import dev.shale.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Proof that the rendered SQL is valid PostgreSQL: every golden case, applied in order to an empty
 * database (with a few rows inserted along the way, so USING casts and SET NOT NULL meet real data),
 * then the catalog is checked for what the story should have left behind.
 */
class RenderedSqlIntegrationTest {
    private final PostgresRenderer renderer = new PostgresRenderer();

    @Test
    void everyGoldenStatementRunsInOrderOnRealRows() throws SQLException {
        try (TestDatabase db = TestDatabase.create()) {
            for (GoldenCases.Case c : GoldenCases.ALL) {
                before(db, c.name());
                Statement s = renderer.render(c.change());
                try {
                    db.execute(s.sql());
                } catch (SQLException e) {
                    fail("golden case " + c.name() + " failed on PostgreSQL: " + e.getMessage() + "\n" + s.sql(), e);
                }
                after(db, c.name());
            }
            assertFinalState(db);
            assertEquals(List.of("it's|C:\\temp"), db.strings("SELECT \"col\"\"umn\" || '|' || \"path\" FROM \"public\".\"we\"\"irder\""),
                    "string defaults keep their quote and backslash");
        }
    }

    @Test
    void theWholeStoryAsOneMigrationFileRunsInOneTransaction() throws SQLException {
        List<Change> changes = GoldenCases.ALL.stream().map(GoldenCases.Case::change).toList();
        String script = MigrationScript.render("0000_story", renderer.render(changes), List.of());
        try (TestDatabase db = TestDatabase.create()) {
            db.executeInTransaction(script);
            assertFinalState(db);
        }
    }

    private static void before(TestDatabase db, String caseName) throws SQLException {
        if (caseName.equals("add_column")) {
            db.execute("""
                    INSERT INTO "public"."users" ("email", "nickname") VALUES ('ada@example.com', 'ada');
                    INSERT INTO "public"."profiles" ("user_id", "bio", "handle", "rank", "age", "status", "level", "lucky_numbers")
                        SELECT "id", 'hi', 'ada', 5, '42', 'it''s off', 'admin', '{7,13}' FROM "public"."users";
                    INSERT INTO "public"."we""ird" DEFAULT VALUES;
                    """);
        }
        if (caseName.equals("set_comment_column")) {
            db.execute("INSERT INTO \"public\".\"orders\" (\"code\", \"price\", \"quantity\") VALUES ('a', 3, 2), ('b', 5, 1)");
        }
        if (caseName.equals("attach_partition")) {
            db.execute("""
                    INSERT INTO "public"."events" VALUES (1, '2024-05-01', 'a'), (2, '2030-01-01', 'b');
                    INSERT INTO "public"."events_archive" VALUES (3, '2001-01-01', 'c');
                    """);
        }
    }

    private static void after(TestDatabase db, String caseName) throws SQLException {
        switch (caseName) {
            case "add_foreign_key_composite" -> assertEquals(
                    List.of("profiles_membership_fkey delete=n update=c", "profiles_user_id_fkey delete=c update=a"),
                    db.strings("SELECT conname || ' delete=' || confdeltype::text || ' update=' || confupdtype::text FROM pg_constraint"
                            + " WHERE contype = 'f' AND conrelid = 'public.profiles'::regclass ORDER BY 1"));
            case "create_index_desc_nulls" -> {
                String def = db.strings("SELECT pg_get_indexdef('public.profiles_followers_idx'::regclass)").get(0);
                assertTrue(def.contains("(followers DESC NULLS LAST, rank NULLS FIRST, COALESCE("), def);
            }
            case "alter_column_all_aspects" -> {
                assertEquals(List.of("42|it's off|admin|7,13|5|ada"), db.strings(
                        "SELECT age || '|' || status || '|' || level || '|' || array_to_string(lucky_numbers, ',')"
                                + " || '|' || rank || '|' || handle FROM \"public\".\"profiles\""),
                        "USING casts and type changes keep the row's values");
                assertEquals(List.of("status 'active'::account_status not null", "level 'member'::user_role not null"), db.strings(
                        "SELECT attname || ' ' || pg_get_expr(adbin, adrelid) || CASE WHEN attnotnull THEN ' not null' ELSE '' END"
                                + " FROM pg_attribute JOIN pg_attrdef ON adrelid = attrelid AND adnum = attnum"
                                + " WHERE attrelid = 'public.profiles'::regclass AND attname IN ('status', 'level') ORDER BY attnum"),
                        "a default dropped for a USING cast is set again");
            }
            case "alter_column_serial_to_identity", "alter_column_identity_to_serial", "alter_column_plain_to_serial" -> {
                db.execute("INSERT INTO \"public\".\"orders\" (\"code\", \"price\") VALUES ('" + caseName + "', 1)");
                assertEquals(List.of("0"), db.strings("SELECT count(*) - count(DISTINCT legacy) FROM public.orders"),
                        caseName + ": the next value does not collide with the rows' values");
            }
            case "alter_column_type_using_expression" -> assertEquals(List.of("0"),
                    db.strings("SELECT count(*) FROM public.orders WHERE created_at IS NOT NULL"));
            case "alter_column_type_using_overrides_cast" -> assertEquals(List.of("1", "1"),
                    db.strings("SELECT code FROM public.orders WHERE price IN (3, 5) ORDER BY id"), "length(code), not a cast");
            case "attach_partition" -> assertEquals(List.of("1 events_2024", "2 events_other", "3 events_archive"), db.strings(
                    "SELECT id || ' ' || tableoid::regclass FROM \"public\".\"events\" ORDER BY id"), "each row in its partition");
            case "detach_partition" -> assertEquals(List.of("3"), db.strings("SELECT id::text FROM \"public\".\"events_archive\""),
                    "a detached partition keeps its rows");
            case "create_policy_all_public" -> {
                // the policies filter rows for the role: it sees only the row whose id the session names
                String id = db.strings("SELECT id FROM public.users ORDER BY email LIMIT 1").get(0);
                try (var c = db.connect(); var st = c.createStatement()) {
                    st.execute("GRANT SELECT ON public.users TO " + AccessGoldenCases.READER);
                    st.execute("SET ROLE " + AccessGoldenCases.READER);
                    st.execute("SELECT set_config('app.user_id', '" + id + "', false)");
                    try (var rs = st.executeQuery("SELECT count(*) FROM public.users")) {
                        rs.next();
                        assertEquals(1, rs.getInt(1), "one row visible to the role");
                    }
                    st.execute("RESET ROLE");
                    st.execute("REVOKE SELECT ON public.users FROM " + AccessGoldenCases.READER);
                }
            }
            case "drop_role" -> assertEquals(List.of(), db.strings("SELECT rolname FROM pg_roles WHERE rolname = '"
                    + AccessGoldenCases.READER + "'"));
            default -> { }
        }
    }

    private static void assertFinalState(TestDatabase db) throws SQLException {
        assertEquals(List.of("public.orders", "public.users", "public.we\"irder"), db.strings("SELECT table_schema || '.' || table_name"
                + " FROM information_schema.tables WHERE table_schema IN ('public', 'auth') ORDER BY 1"));
        assertEquals(List.of(
                "id uuid not null default gen_random_uuid()",
                "email character varying(255)",
                "role user_role not null default 'applicant'::user_role",
                "tags text[] not null default '{}'::text[]",
                "score numeric(10,2) default 10.5",
                "active boolean",
                "display_name character varying(100)",
                "invited_by uuid",
                "created_at timestamp with time zone not null default now()",
                "timezone text not null default 'UTC'::text",
                "expires_at timestamp with time zone default (now() + '30 days'::interval)"), db.strings("""
                SELECT attname || ' ' || format_type(atttypid, atttypmod)
                       || CASE WHEN attnotnull THEN ' not null' ELSE '' END
                       || coalesce(' default ' || pg_get_expr(adbin, adrelid), '')
                FROM pg_attribute LEFT JOIN pg_attrdef ON adrelid = attrelid AND adnum = attnum
                WHERE attrelid = 'public.users'::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum"""));
        // replaced by the type cases: removed and reordered values, the old type dropped
        assertEquals(List.of("admin", "member", "applicant"),
                db.strings("SELECT unnest(enum_range(NULL::public.user_role))::text"));
        assertEquals(List.of("0"), db.strings("SELECT count(*) FROM pg_type WHERE typname IN ('user_role__old', 'email_address',"
                + " 'postal_address')"));
        assertEquals(List.of("0"), db.strings("SELECT count(*) FROM pg_type WHERE typname = 'account_status'"));
        assertEquals(List.of("users_email_key", "users_email_lower_key", "users_nickname_hash_idx", "users_pkey", "users_role_recent_idx"),
                db.strings("SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND tablename = 'users' ORDER BY 1"));
        assertEquals(List.of("users_email_key u", "users_invited_by_fkey f", "users_pkey p", "users_score_positive c"),
                db.strings("SELECT conname || ' ' || contype::text FROM pg_constraint WHERE conrelid = 'public.users'::regclass ORDER BY 1"));
        assertEquals(List.of("col\"umn", "path", "mixed \"case\""), db.strings("SELECT attname FROM pg_attribute"
                + " WHERE attrelid = 'public.\"we\"\"irder\"'::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum"));
        assertEquals(List.of("we\"ird_check", "we\"ird_key"), db.strings("SELECT conname FROM pg_constraint"
                + " WHERE conrelid = 'public.\"we\"\"irder\"'::regclass ORDER BY 1"));
    }
}
