package com.example.shop.db;

/** One instance of each table, so foreign keys can name the column they reference. */
public final class Schema {
    public static final Customers CUSTOMERS = new Customers();
    public static final Orders ORDERS = new Orders();

    private Schema() {}
}
