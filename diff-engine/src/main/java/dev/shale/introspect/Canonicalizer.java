package dev.shale.introspect;

import dev.shale.model.SchemaModel;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Puts a declared model into the form introspection reads back, by letting PostgreSQL itself normalise
 * it: the declared objects are created inside a transaction that is always rolled back, read with
 * {@link Introspector}, and their names mapped back. Then a declared model and a live database compare
 * by meaning, not spelling. TEMPORARY SIGNATURES: owned by the introspection work.
 */
public final class Canonicalizer {
    private Canonicalizer() {}

    /** {@code declared} as PostgreSQL would store it; nothing is left behind in the database. */
    public static SchemaModel canonical(SchemaModel declared, Connection scratch) throws SQLException {
        throw new UnsupportedOperationException("owned by the introspection work");
    }
}
