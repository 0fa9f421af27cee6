package dev.shale.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code using("...")} in schema code: a type change without a cast is refused until the code says how
 * to convert, the migration then converts with it, and the conversion is in no snapshot, so removing it
 * afterwards changes nothing.
 */
class UsingConversionTest {
    @TempDir
    Path dir;

    private static String posts(String createdAt) {
        return TempProject.POSTS.replace("public final Column<String> title = text(\"title\").notNull();",
                "public final Column<String> title = text(\"title\").notNull();\n    " + createdAt);
    }

    @Test
    void aConversionFromCodeIsUsedOnceAndNotKept() {
        TempProject p = TempProject.standard(dir);
        p.write("src/app/db/Posts.java", posts("public final Column<Long> createdAt = bigint(\"created_at\");"));
        assertEquals(0, p.run("generate").code());

        p.write("src/app/db/Posts.java", posts("public final Column<java.time.OffsetDateTime> createdAt"
                + " = timestamptz(\"created_at\");"));
        TempProject.Run refused = p.run("generate", "--name", "epoch");
        assertNotEquals(0, refused.code(), refused.toString());
        assertTrue(refused.toString().contains("\"public\".\"posts\".\"created_at\"") && refused.toString().contains("using("),
                refused.toString());

        p.write("src/app/db/Posts.java", posts("public final Column<java.time.OffsetDateTime> createdAt"
                + " = timestamptz(\"created_at\").using(\"to_timestamp(created_at)\");"));
        TempProject.Run run = p.run("generate", "--name", "epoch");
        assertEquals(0, run.code(), run.toString());
        String migration = p.read("migrations/0001_epoch.sql");
        assertTrue(migration.contains("ALTER COLUMN \"created_at\" TYPE timestamptz USING (to_timestamp(created_at));"), migration);
        assertFalse(p.read("snapshots/0001_snapshot.json").contains("to_timestamp"), "a conversion is not schema");

        p.write("src/app/db/Posts.java", posts("public final Column<java.time.OffsetDateTime> createdAt"
                + " = timestamptz(\"created_at\");"));
        TempProject.Run check = p.run("check");
        assertEquals(0, check.code(), check.toString());
    }
}
