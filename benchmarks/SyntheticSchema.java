import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a synthetic Shale project of N tables, the benchmark schema of issue 2, as DSL sources.
 *
 * <pre>
 * java benchmarks/SyntheticSchema.java &lt;N&gt; &lt;outDir&gt; [--change]
 * </pre>
 *
 * Output: {@code outDir/shale.toml} and, in {@code outDir/src/main/java/bench/db/} (package
 * {@code bench.db}), one class per table ({@code Tbl0000} … for tables {@code tbl_0000} …), {@code Enums}
 * (the ceil(N/20) status enums) and {@code Schema} (static instances of every table, which foreign keys
 * refer to). Tables are numbered from 0. For table i:
 * <ul>
 *   <li>columns id (uuid primary key, default gen_random_uuid()), name, slug, email, description,
 *       quantity, view_count, is_active, price, metadata, status, sort_order, created_at, updated_at;</li>
 *   <li>parent_id → table i-1 ON DELETE CASCADE, for every table but the first (i &gt; 0);</li>
 *   <li>owner_id → table i/3 ON DELETE SET NULL, on every other table (odd i: the 2nd, 4th, … table);</li>
 *   <li>a unique index on slug, an index on (status, created_at);</li>
 *   <li>a check {@code quantity >= 0 and sort_order >= 0} on every third table (i % 3 == 2: the 3rd, 6th, …);</li>
 *   <li>status uses enum number i % ceil(N/20); enum k has 4 + k % 3 labels, the first always 'draft'.</li>
 * </ul>
 * {@code --change} adds one nullable column, {@code notes text}, to table N/2: the one-column change.
 * {@code --drizzle} writes the same schema for drizzle-kit instead, as one TypeScript file
 * {@code outDir/schema.ts} (drizzle-orm's pg-core builders; foreign keys keep drizzle's own names), for
 * {@code benchmarks/peers/run.sh}.
 * Output is deterministic: the same arguments write byte-identical files.
 */
public final class SyntheticSchema {
    private static final String PACKAGE = "bench.db";
    private static final List<String> LABELS = List.of("draft", "pending", "active", "paused", "archived", "deleted");

    private SyntheticSchema() {}

    public static void main(String[] args) throws IOException {
        List<String> positional = new ArrayList<>();
        boolean change = false;
        boolean drizzle = false;
        for (String a : args) {
            if (a.equals("--change")) {
                change = true;
            } else if (a.equals("--drizzle")) {
                drizzle = true;
            } else if (a.startsWith("-")) {
                usage("unknown option " + a);
            } else {
                positional.add(a);
            }
        }
        if (positional.size() != 2) {
            usage("expected <N> and <outDir>");
        }
        int n;
        try {
            n = Integer.parseInt(positional.get(0));
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 1 || n > 99_999) {
            usage("N must be a whole number from 1 to 99999, got " + positional.get(0));
        }
        if (drizzle) {
            writeDrizzle(n, Path.of(positional.get(1)), change);
        } else {
            write(n, Path.of(positional.get(1)), change);
        }
    }

    private static void usage(String problem) {
        System.err.println("SyntheticSchema: " + problem);
        System.err.println("usage: java benchmarks/SyntheticSchema.java <N> <outDir> [--change] [--drizzle]");
        System.exit(2);
    }

    /** Writes the project for {@code n} tables into {@code outDir}, replacing earlier sources there. */
    static void write(int n, Path outDir, boolean change) throws IOException {
        Path pkg = outDir.resolve("src/main/java").resolve(PACKAGE.replace('.', '/'));
        Files.createDirectories(pkg);
        try (var old = Files.list(pkg)) {
            for (Path p : old.filter(p -> p.toString().endsWith(".java")).toList()) {
                Files.delete(p);
            }
        }
        int width = Math.max(4, Integer.toString(n - 1).length());
        int enumCount = (n + 19) / 20;
        int changed = change ? n / 2 : -1;
        writeFile(outDir.resolve("shale.toml"), config());
        writeFile(pkg.resolve("Enums.java"), enums(enumCount));
        writeFile(pkg.resolve("Schema.java"), holder(n, width));
        for (int i = 0; i < n; i++) {
            writeFile(pkg.resolve(className(i, width) + ".java"), table(i, width, enumCount, i == changed));
        }
    }

    static String config() {
        return """
                # Synthetic benchmark project written by benchmarks/SyntheticSchema.java.
                dialect = "postgresql"

                [schema]
                source = "src/main/java"
                package = "bench.db"

                [output]
                migrations = "migrations"
                snapshots = "snapshots"
                """;
    }

    static String enums(int count) {
        StringBuilder sb = new StringBuilder();
        sb.append("package ").append(PACKAGE).append(";\n\n");
        sb.append("import dev.shale.dsl.PgEnum;\n\n");
        sb.append("/** The synthetic schema's status enums. */\n");
        sb.append("public final class Enums {\n");
        for (int k = 0; k < count; k++) {
            sb.append("    public static final PgEnum<String> ").append(enumConstant(k)).append(" = PgEnum.of(\"")
                    .append(enumName(k)).append('"');
            for (String label : LABELS.subList(0, 4 + k % 3)) {
                sb.append(", \"").append(label).append('"');
            }
            sb.append(");\n");
        }
        sb.append("\n    private Enums() {}\n}\n");
        return sb.toString();
    }

    static String holder(int n, int width) {
        StringBuilder sb = new StringBuilder();
        sb.append("package ").append(PACKAGE).append(";\n\n");
        sb.append("/** Every table of the synthetic schema, held once so that foreign keys can refer to their columns. */\n");
        sb.append("public final class Schema {\n");
        for (int i = 0; i < n; i++) {
            sb.append("    public static final ").append(className(i, width)).append(' ').append(constant(i, width))
                    .append(" = new ").append(className(i, width)).append("();\n");
        }
        sb.append("\n    private Schema() {}\n}\n");
        return sb.toString();
    }

    static String table(int i, int width, int enumCount, boolean withChange) {
        String cls = className(i, width);
        String table = tableName(i, width);
        StringBuilder sb = new StringBuilder();
        sb.append("package ").append(PACKAGE).append(";\n\n");
        sb.append("import dev.shale.dsl.Column;\n");
        sb.append("import dev.shale.dsl.Table;\n");
        sb.append("import dev.shale.model.ReferentialAction;\n\n");
        sb.append("import java.math.BigDecimal;\n");
        sb.append("import java.time.OffsetDateTime;\n");
        sb.append("import java.util.UUID;\n\n");
        sb.append("/** Synthetic table ").append(table).append(". */\n");
        sb.append("public final class ").append(cls).append(" extends Table {\n");
        field(sb, "UUID", "id", "uuid(\"id\").primaryKey().defaultRandom()");
        field(sb, "String", "name", "text(\"name\").notNull()");
        field(sb, "String", "slug", "varchar(\"slug\", 255).notNull()");
        field(sb, "String", "email", "varchar(\"email\", 255)");
        field(sb, "String", "description", "text(\"description\")");
        field(sb, "Integer", "quantity", "integer(\"quantity\").notNull().defaultValue(0)");
        field(sb, "Long", "viewCount", "bigint(\"view_count\").notNull().defaultValue(0L)");
        field(sb, "Boolean", "isActive", "bool(\"is_active\").notNull().defaultValue(true)");
        field(sb, "BigDecimal", "price", "numeric(\"price\", 12, 2)");
        field(sb, "String", "metadata", "jsonb(\"metadata\")");
        field(sb, "String", "status", "column(\"status\", Enums." + enumConstant(i % enumCount)
                + ").notNull().defaultValue(\"draft\")");
        field(sb, "Integer", "sortOrder", "integer(\"sort_order\")");
        field(sb, "OffsetDateTime", "createdAt", "timestamptz(\"created_at\").notNull().defaultNow()");
        field(sb, "OffsetDateTime", "updatedAt", "timestamptz(\"updated_at\").notNull().defaultNow()");
        if (i > 0) {
            field(sb, "UUID", "parentId", "uuid(\"parent_id\").references(() -> Schema." + constant(i - 1, width)
                    + ".id, ReferentialAction.CASCADE)");
        }
        if (i % 2 == 1) {
            field(sb, "UUID", "ownerId", "uuid(\"owner_id\").references(() -> Schema." + constant(i / 3, width)
                    + ".id, ReferentialAction.SET_NULL)");
        }
        if (withChange) {
            field(sb, "String", "notes", "text(\"notes\")");
        }
        sb.append('\n');
        sb.append("    ").append(cls).append("() {\n");
        sb.append("        super(\"").append(table).append("\");\n");
        sb.append("        uniqueIndex(\"").append(table).append("_slug_key\").on(slug);\n");
        sb.append("        index(\"").append(table).append("_status_created_at_idx\").on(status, createdAt);\n");
        if (i % 3 == 2) {
            sb.append("        check(\"").append(table).append("_quantity_check\", \"quantity >= 0 and sort_order >= 0\");\n");
        }
        sb.append("    }\n}\n");
        return sb.toString();
    }

    private static void field(StringBuilder sb, String javaType, String field, String declaration) {
        sb.append("    public final Column<").append(javaType).append("> ").append(field).append(" = ")
                .append(declaration).append(";\n");
    }

    static String tableName(int i, int width) {
        return "tbl_" + pad(i, width);
    }

    static String className(int i, int width) {
        return "Tbl" + pad(i, width);
    }

    static String constant(int i, int width) {
        return "TBL_" + pad(i, width);
    }

    static String enumName(int k) {
        return "status_" + pad(k, 3);
    }

    static String enumConstant(int k) {
        return "STATUS_" + pad(k, 3);
    }

    private static String pad(int value, int width) {
        String s = Integer.toString(value);
        return "0".repeat(Math.max(0, width - s.length())) + s;
    }

    /** Writes the same schema as {@link #write} as drizzle-kit's TypeScript schema, {@code outDir/schema.ts}. */
    static void writeDrizzle(int n, Path outDir, boolean change) throws IOException {
        Files.createDirectories(outDir);
        int width = Math.max(4, Integer.toString(n - 1).length());
        int enumCount = (n + 19) / 20;
        int changed = change ? n / 2 : -1;
        StringBuilder sb = new StringBuilder();
        sb.append("// Synthetic benchmark schema for drizzle-kit, written by benchmarks/SyntheticSchema.java --drizzle.\n");
        sb.append("import { sql } from \"drizzle-orm\";\n");
        sb.append("import { pgTable, pgEnum, uuid, text, varchar, integer, bigint, boolean, numeric, jsonb, timestamp,"
                + " index, uniqueIndex, check } from \"drizzle-orm/pg-core\";\n\n");
        for (int k = 0; k < enumCount; k++) {
            sb.append("export const ").append(enumConstant(k).toLowerCase()).append(" = pgEnum(\"").append(enumName(k))
                    .append("\", [");
            List<String> labels = LABELS.subList(0, 4 + k % 3);
            for (int l = 0; l < labels.size(); l++) {
                sb.append(l == 0 ? "" : ", ").append('"').append(labels.get(l)).append('"');
            }
            sb.append("]);\n");
        }
        for (int i = 0; i < n; i++) {
            String t = tableName(i, width);
            String c = constant(i, width).toLowerCase();
            sb.append("\nexport const ").append(c).append(" = pgTable(\"").append(t).append("\", {\n");
            sb.append("  id: uuid(\"id\").primaryKey().defaultRandom(),\n");
            sb.append("  name: text(\"name\").notNull(),\n");
            sb.append("  slug: varchar(\"slug\", { length: 255 }).notNull(),\n");
            sb.append("  email: varchar(\"email\", { length: 255 }),\n");
            sb.append("  description: text(\"description\"),\n");
            sb.append("  quantity: integer(\"quantity\").notNull().default(0),\n");
            sb.append("  viewCount: bigint(\"view_count\", { mode: \"number\" }).notNull().default(0),\n");
            sb.append("  isActive: boolean(\"is_active\").notNull().default(true),\n");
            sb.append("  price: numeric(\"price\", { precision: 12, scale: 2 }),\n");
            sb.append("  metadata: jsonb(\"metadata\"),\n");
            sb.append("  status: ").append(enumConstant(i % enumCount).toLowerCase())
                    .append("(\"status\").notNull().default(\"draft\"),\n");
            sb.append("  sortOrder: integer(\"sort_order\"),\n");
            sb.append("  createdAt: timestamp(\"created_at\", { withTimezone: true }).notNull().defaultNow(),\n");
            sb.append("  updatedAt: timestamp(\"updated_at\", { withTimezone: true }).notNull().defaultNow(),\n");
            if (i > 0) {
                sb.append("  parentId: uuid(\"parent_id\").references(() => ").append(constant(i - 1, width).toLowerCase())
                        .append(".id, { onDelete: \"cascade\" }),\n");
            }
            if (i % 2 == 1) {
                sb.append("  ownerId: uuid(\"owner_id\").references(() => ").append(constant(i / 3, width).toLowerCase())
                        .append(".id, { onDelete: \"set null\" }),\n");
            }
            if (i == changed) {
                sb.append("  notes: text(\"notes\"),\n");
            }
            sb.append("}, (t) => [\n");
            sb.append("  uniqueIndex(\"").append(t).append("_slug_key\").on(t.slug),\n");
            sb.append("  index(\"").append(t).append("_status_created_at_idx\").on(t.status, t.createdAt),\n");
            if (i % 3 == 2) {
                sb.append("  check(\"").append(t).append("_quantity_check\", sql`quantity >= 0 and sort_order >= 0`),\n");
            }
            sb.append("]);\n");
        }
        writeFile(outDir.resolve("schema.ts"), sb.toString());
    }

    private static void writeFile(Path file, String content) throws IOException {
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
