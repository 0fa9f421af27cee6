package dev.shale.cli;

import dev.shale.testing.SchemaDump;
import dev.shale.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The adoption path, end to end: a database built by hand (no Shale), {@code pull} it, {@code migrate
 * --baseline 0} on it (the baseline is recorded, nothing runs), then a fresh database built from the
 * pulled migrations with {@code migrate} has the same schema: equal normalised {@code pg_dump} output.
 */
class AdoptionTest {
    /** A small shop's schema, as a team would have written it by hand: an enum, keys, foreign keys, indexes, defaults, checks. */
    static final String HAND_WRITTEN = """
            CREATE TYPE order_status AS ENUM ('new', 'paid', 'shipped');
            CREATE TABLE customers (
                id bigserial PRIMARY KEY,
                email varchar(255) NOT NULL,
                name text NOT NULL DEFAULT '',
                vip boolean NOT NULL DEFAULT false,
                created_at timestamptz NOT NULL DEFAULT now(),
                CONSTRAINT customers_email_key UNIQUE (email)
            );
            CREATE TABLE orders (
                id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
                customer_id bigint NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
                status order_status NOT NULL DEFAULT 'new',
                total numeric(12, 2) NOT NULL DEFAULT 0 CHECK (total >= 0),
                tags text[],
                placed_at timestamptz
            );
            CREATE INDEX orders_customer_idx ON orders (customer_id);
            CREATE INDEX orders_open_idx ON orders (placed_at DESC) WHERE status <> 'shipped';
            CREATE TABLE order_lines (
                order_id uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
                line_no integer NOT NULL,
                sku text NOT NULL,
                quantity integer NOT NULL DEFAULT 1,
                PRIMARY KEY (order_id, line_no)
            );
            CREATE UNIQUE INDEX order_lines_sku_idx ON order_lines (order_id, lower(sku));
            """;

    @TempDir
    Path dir;

    @Test
    void pullBaselineThenAFreshDatabaseFromTheMigrationsMatchesTheOriginal() throws Exception {
        try (TestDatabase original = TestDatabase.create(); TestDatabase fresh = TestDatabase.create()) {
            original.execute(HAND_WRITTEN);
            List<String> before = SchemaDump.normalized(original);
            assertTrue(before.contains("CREATE TABLE public.orders (") && before.stream().anyMatch(l -> l.contains("orders_open_idx")), before::toString);

            TempProject project = new TempProject(dir.resolve("shop"));
            project.write("shale.toml", TempProject.CONFIG);
            TempProject.Run pull = project.run("pull", "--package", "app.db", "--url", original.url());
            assertEquals(0, pull.code(), pull.toString());
            assertTrue(pull.out().contains("shale migrate --baseline 0"), pull.toString());
            String baseline = project.read("migrations/0000_baseline.sql");
            assertTrue(baseline.contains("CREATE TABLE \"public\".\"orders\""), baseline);
            assertTrue(baseline.contains("CREATE TYPE \"public\".\"order_status\""), baseline);
            assertTrue(project.read("migrations/0000_baseline.down.sql").contains("-- shale:irreversible"));

            TempProject.Run check = project.run("check");
            assertEquals(0, check.code(), "the pulled code matches its baseline snapshot: " + check);

            // Adopt the original: the baseline is recorded as applied and nothing runs.
            TempProject.Run adopt = project.run("migrate", "--baseline", "0", "--url", original.url());
            assertEquals(0, adopt.code(), adopt.toString());
            assertTrue(adopt.out().contains("baselined 0000_baseline (recorded as applied, not run)"), adopt.toString());
            assertEquals(List.of("0|baseline"), original.strings("SELECT version || '|' || name FROM public.shale_migrations"));
            assertEquals(before, SchemaDump.normalized(original, "public.shale_migrations"), "baselining ran nothing");
            TempProject.Run status = project.run("status", "--url", original.url());
            assertEquals(0, status.code(), status.toString());
            assertTrue(status.out().contains("applied"), status.toString());
            TempProject.Run again = project.run("migrate", "--url", original.url());
            assertEquals(0, again.code(), "nothing is pending on the adopted database: " + again);

            // A fresh database built from the pulled migrations has the original's schema.
            TempProject.Run build = project.run("migrate", "--url", fresh.url());
            assertEquals(0, build.code(), build.toString());
            assertEquals(String.join("\n", before), String.join("\n", SchemaDump.normalized(fresh, "public.shale_migrations")));
        }
    }
}
