package dev.shale.introspect;

import dev.shale.model.Extension;
import dev.shale.model.SchemaModel;

import java.util.List;

/**
 * Which installed extensions a comparison with declared code looks at: only those the code declares.
 * Databases hold extensions nobody declared (installed by hand, by a platform such as Supabase, or
 * before the project declared any); comparing a database with code must neither report those as
 * extra nor drop them. An extension the code stops declaring is dropped by {@code generate}, which
 * compares code with the previous snapshot, where it was declared.
 */
public final class DeclaredExtensions {
    private DeclaredExtensions() {}

    /** {@code live} with only the extensions {@code declared} names. */
    public static SchemaModel only(SchemaModel live, SchemaModel declared) {
        List<Extension> kept = live.extensions().stream().filter(e -> declared.extension(e.name()) != null).toList();
        return kept.size() == live.extensions().size() ? live : live.withExtensions(kept);
    }
}
