package com.example.shop.db;

import dev.shale.dsl.Column;
import dev.shale.dsl.Table;

import java.math.BigDecimal;
import java.util.UUID;

import static dev.shale.model.ReferentialAction.CASCADE;

public final class Orders extends Table {
    public final Column<UUID> id = uuid("id").primaryKey().defaultRandom();
    public final Column<UUID> customerId = uuid("customer_id").notNull().references(() -> Schema.CUSTOMERS.id, CASCADE);
    public final Column<BigDecimal> total = numeric("total", 12, 2).notNull().defaultValue(new BigDecimal("0.00"));

    Orders() {
        super("orders");
    }
}
