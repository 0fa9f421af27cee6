package dev.shale.model;

/**
 * A table's row-level security switches: {@code ALTER TABLE t ENABLE ROW LEVEL SECURITY} makes its
 * policies apply (a table with none then shows no rows to anyone but its owner), and
 * {@code FORCE ROW LEVEL SECURITY} applies them to the table's owner too.
 *
 * @param enabled row-level security is enabled
 * @param forced it also applies to the table's owner
 */
public record RowSecurity(boolean enabled, boolean forced) {
    /** PostgreSQL's default: neither enabled nor forced. */
    public static final RowSecurity OFF = new RowSecurity(false, false);

    /** Enabled, not forced: what Supabase's "Enable RLS" does. */
    public static final RowSecurity ENABLED = new RowSecurity(true, false);

    public RowSecurity withEnabled(boolean value) {
        return new RowSecurity(value, forced);
    }

    public RowSecurity withForced(boolean value) {
        return new RowSecurity(enabled, value);
    }
}
