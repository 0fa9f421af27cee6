package dev.shale.testing;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fingerprint the evolution tests compare must see every difference they rely on, and nothing else. */
class CatalogFingerprintTest {

    private static final String BASE = """
            CREATE TYPE "public"."mood" AS ENUM ('happy', 'sad');
            CREATE TABLE "public"."teams" ("id" integer PRIMARY KEY);
            CREATE TABLE "public"."people" (
              "id" integer PRIMARY KEY,
              "name" varchar(50) NOT NULL DEFAULT 'x',
              "mood" "public"."mood",
              "team_id" integer REFERENCES "public"."teams" ("id") ON DELETE CASCADE,
              CONSTRAINT "people_name_check" CHECK ("name" <> '')
            );
            CREATE INDEX "people_name_idx" ON "public"."people" ("name" DESC NULLS LAST);
            """;

    @Test
    void sameSchemaBuiltInAnotherColumnOrderHasTheSameFingerprint() throws SQLException {
        String reordered = BASE.replace("""
                  "name" varchar(50) NOT NULL DEFAULT 'x',
                  "mood" "public"."mood",
                """, """
                  "mood" "public"."mood",
                  "name" varchar(50) NOT NULL DEFAULT 'x',
                """);
        assertNotEquals(BASE, reordered);
        assertEquals(fingerprint(BASE), fingerprint(reordered));
    }

    @Test
    void everyAspectTheEvolutionsCompareIsSeen() throws SQLException {
        String base = fingerprint(BASE);
        assertTrue(base.contains("enum public.mood ('happy', 'sad')"), base);
        Map<String, String> variants = new LinkedHashMap<>();
        variants.put("type", BASE.replace("varchar(50)", "varchar(51)"));
        variants.put("not null", BASE.replace("varchar(50) NOT NULL", "varchar(50)"));
        variants.put("default", BASE.replace("DEFAULT 'x'", "DEFAULT 'y'"));
        variants.put("enum order", BASE.replace("('happy', 'sad')", "('sad', 'happy')"));
        variants.put("check", BASE.replace("<> ''", "<> 'z'"));
        variants.put("foreign key action", BASE.replace("ON DELETE CASCADE", "ON DELETE SET NULL"));
        variants.put("index order", BASE.replace("DESC NULLS LAST", "DESC"));
        variants.put("extra table", BASE + "CREATE TABLE \"public\".\"extra\" ();");
        variants.put("table name", BASE.replace("\"public\".\"teams\"", "\"public\".\"squads\""));
        for (Map.Entry<String, String> v : variants.entrySet()) {
            assertNotEquals(base, fingerprint(v.getValue()), "the fingerprint misses a change of " + v.getKey());
        }
    }

    private static String fingerprint(String ddl) throws SQLException {
        try (TestDatabase db = TestDatabase.create()) {
            db.execute(ddl);
            return CatalogFingerprint.of(db);
        }
    }
}
