package dev.shale.workflow;

import dev.shale.migrator.MigrateResult;
import dev.shale.migrator.Migrator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The project of the online-mode tests: accounts and orders, written as schema code in a folder, in a
 * first version (orders without index, foreign key, check or NOT NULL) and a second that adds all four
 * to orders, and optionally a new refunds table whose own index and foreign key stay in the transaction.
 */
final class OnlineProject {
    private static final String ACCOUNTS = """
            package app.db;

            import dev.shale.dsl.Column;
            import dev.shale.dsl.Table;

            public final class Accounts extends Table {
                public final Column<Long> id = bigint("id").primaryKey();
                public final Column<String> name = text("name").notNull();

                Accounts() {
                    super("accounts");
                }
            }
            """;
    private static final String ORDERS = """
            package app.db;

            import dev.shale.dsl.Column;
            import dev.shale.dsl.Table;

            public final class Orders extends Table {
                public final Column<Long> id = bigint("id").primaryKey();
                public final Column<Long> accountId = bigint("account_id")/*FK*/;
                public final Column<Integer> amount = integer("amount")/*NN*/;
                public final Column<String> note = text("note");

                Orders() {
                    super("orders");
                    /*INDEX*/
                    /*CHECK*/
                }
            }
            """;
    private static final String REFUNDS = """
            package app.db;

            import dev.shale.dsl.Column;
            import dev.shale.dsl.Table;

            public final class Refunds extends Table {
                public final Column<Long> id = bigint("id").primaryKey();
                public final Column<Long> orderId = bigint("order_id").notNull().references(() -> Schema.ORDERS.id);

                Refunds() {
                    super("refunds");
                    index("refunds_order_id_idx").on(orderId);
                }
            }
            """;

    private final Path dir;

    OnlineProject(Path dir) {
        this.dir = dir;
    }

    Project project(String url) {
        return Project.at(dir).withSchema(SchemaLocation.sourcePackage(List.of(dir.resolve("src")), "app.db")).withDatabaseUrl(url);
    }

    /** The first version: accounts, and orders with nothing on it but its primary key. */
    OnlineProject first() {
        write(false, false);
        return this;
    }

    /** The second: orders gets an index, a foreign key, a check and a NOT NULL; with {@code refunds}, a new table too. */
    OnlineProject second(boolean refunds) {
        write(true, refunds);
        return this;
    }

    private void write(boolean second, boolean refunds) {
        try {
            Path folder = Files.createDirectories(dir.resolve("src/app/db"));
            Files.writeString(folder.resolve("Accounts.java"), ACCOUNTS, StandardCharsets.UTF_8);
            String orders = !second ? ORDERS : ORDERS.replace("/*FK*/", ".references(() -> Schema.ACCOUNTS.id)")
                    .replace("/*NN*/", ".notNull()")
                    .replace("/*INDEX*/", "index(\"orders_account_id_idx\").on(accountId);")
                    .replace("/*CHECK*/", "check(\"orders_amount_check\", \"amount >= 0\");");
            Files.writeString(folder.resolve("Orders.java"), orders, StandardCharsets.UTF_8);
            Path refundsFile = folder.resolve("Refunds.java");
            if (refunds) {
                Files.writeString(refundsFile, REFUNDS, StandardCharsets.UTF_8);
            } else {
                Files.deleteIfExists(refundsFile);
            }
            Files.writeString(folder.resolve("Schema.java"), """
                    package app.db;

                    public final class Schema {
                        public static final Accounts ACCOUNTS = new Accounts();
                        public static final Orders ORDERS = new Orders();
                    """ + (refunds ? "    public static final Refunds REFUNDS = new Refunds();\n" : "") + "}\n",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Applies what is pending with the migrator, as {@code shale migrate} does. */
    static MigrateResult migrate(Project project, Migrator.Builder builder) {
        return builder.location(project.migrationsDir()).build().migrate();
    }
}
