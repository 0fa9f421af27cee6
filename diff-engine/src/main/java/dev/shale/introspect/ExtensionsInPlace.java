package dev.shale.introspect;

import dev.shale.model.Extension;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Canonicalizer's view of extensions: they are database-wide, so they are created in real schemas,
 * not the temporary ones, and read back as installed.
 */
final class ExtensionsInPlace {
    private ExtensionsInPlace() {}

    /** Each extension named without a schema placed in the caller's current schema, as a migration would. */
    static List<Extension> withSchemas(Connection c, List<Extension> extensions) throws SQLException {
        if (extensions.stream().allMatch(e -> e.schema() != null)) {
            return extensions;
        }
        String current;
        try (PreparedStatement ps = c.prepareStatement("SELECT current_schema()"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            current = rs.getString(1);
        }
        List<Extension> out = new ArrayList<>();
        for (Extension e : extensions) {
            out.add(e.schema() == null && current != null ? e.withSchema(current) : e);
        }
        return out;
    }

    /** The declared extensions with the schema and version the database has for them (once created). */
    static List<Extension> installed(Connection c, List<Extension> declared) throws SQLException {
        if (declared.isEmpty()) {
            return declared;
        }
        Map<String, Extension> found = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT e.extname, n.nspname, e.extversion FROM pg_extension e"
                + " JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("text", declared.stream().map(Extension::name).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getString(1), new Extension(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
        }
        return declared.stream().map(e -> found.getOrDefault(e.name(), e)).toList();
    }
}
