package com.example.shop.db;

import dev.shale.dsl.Column;
import dev.shale.dsl.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

public final class Customers extends Table {
    public final Column<UUID> id = uuid("id").primaryKey().defaultRandom();
    public final Column<String> email = varchar("email", 255).notNull();
    public final Column<OffsetDateTime> createdAt = timestamptz("created_at").notNull().defaultNow();

    Customers() {
        super("customers");
        uniqueIndex("customers_email_key").on(email);
    }
}
