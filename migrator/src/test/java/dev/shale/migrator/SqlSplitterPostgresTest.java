package dev.shale.migrator;

import dev.shale.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A hand-written migration with a trigger function, a trigger, a SQL-standard function and a DO block applies statement by statement. */
class SqlSplitterPostgresTest {
    private static final String MIGRATION = """
            -- 0007_audit.sql: written by hand
            CREATE TABLE "public"."accounts" (
              "id" bigint PRIMARY KEY,
              "name" text NOT NULL, -- the display name; never null
              "updated" timestamptz
            );

            CREATE TABLE "public"."audit" ("id" bigserial PRIMARY KEY, "what" text NOT NULL);

            /* The trigger function: its body holds semicolons, 'quotes', $$ and a /* nested */ comment. */
            CREATE OR REPLACE FUNCTION "public"."audit_accounts"() RETURNS trigger
            LANGUAGE plpgsql AS $fn$
            BEGIN
              -- record every change; keep this comment
              INSERT INTO "public"."audit"("what") VALUES (TG_OP || ' ' || NEW."name" || E' \\';\\' $$');
              NEW."updated" := now();
              RETURN NEW;
            END;
            $fn$;

            CREATE TRIGGER "accounts_audit" BEFORE INSERT OR UPDATE ON "public"."accounts"
              FOR EACH ROW EXECUTE FUNCTION "public"."audit_accounts"();

            CREATE FUNCTION "public"."account_label"(a "public"."accounts") RETURNS text
            LANGUAGE sql STABLE
            BEGIN ATOMIC
              SELECT CASE WHEN a."name" = '' THEN '(none)' ELSE a."name" || ';' END;
            END;

            DO $$
            BEGIN
              INSERT INTO "public"."accounts"("id", "name") VALUES (1, 'Ann; O''Neil');
              UPDATE "public"."accounts" SET "name" = "name" || $q$ "x;" $q$ WHERE "id" = 1;
            END
            $$;

            COMMENT ON TABLE "public"."accounts" IS 'People; and their ''accounts''' -- no semicolon at the end
            """;

    @Test
    void appliesFunctionsTriggersAndDoBlocks() throws SQLException {
        List<SqlStatement> statements = SqlSplitter.split(MIGRATION);
        assertEquals(List.of(2, 8, 11, 21, 24, 30, 37), statements.stream().map(SqlStatement::line).toList());
        assertEquals("CREATE TRIGGER \"accounts_audit\" BEFORE INSERT OR UPDATE ON \"public\".\"accounts\"\n"
                + "  FOR EACH ROW EXECUTE FUNCTION \"public\".\"audit_accounts\"()", statements.get(3).sql());
        try (TestDatabase db = TestDatabase.create(); Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.setEscapeProcessing(false);
                for (SqlStatement statement : statements) {
                    st.execute(statement.sql());
                }
            }
            c.commit();
            assertEquals(List.of("INSERT Ann; O'Neil ';' $$", "UPDATE Ann; O'Neil \"x;\"  ';' $$"),
                    db.strings("SELECT \"what\" FROM \"public\".\"audit\" ORDER BY \"id\""));
            assertEquals(List.of("Ann; O'Neil \"x;\" ;"), db.strings("SELECT \"public\".\"account_label\"(a) FROM \"public\".\"accounts\" a"));
            assertEquals(List.of("People; and their 'accounts'"), db.strings("SELECT obj_description('\"public\".\"accounts\"'::regclass)"));
            assertEquals(List.of("t"), db.strings("SELECT prosrc LIKE '%-- record every change; keep this comment%' FROM pg_proc WHERE proname = 'audit_accounts'"));
        }
    }
}
