package dev.shale.dsl;

/**
 * A table the project refers to but does not own, such as Supabase's {@code auth.users}: foreign keys
 * may reference it, and Shale never creates, alters or drops it. Declare only the columns you reference:
 * <pre>{@code
 * public final class AuthUsers extends ExternalTable {
 *     public final Column<UUID> id = uuid("id");
 *     AuthUsers() { super("auth", "users"); }
 * }
 * }</pre>
 */
public abstract class ExternalTable extends Table {
    protected ExternalTable(String schema, String name) {
        super(schema, name);
    }
}
