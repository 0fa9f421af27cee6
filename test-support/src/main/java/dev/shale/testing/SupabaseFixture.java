package dev.shale.testing;

import java.sql.SQLException;

/**
 * A database "as Supabase has it", for tests of schemas written for Supabase: an {@code auth} schema
 * with {@code auth.users} (id uuid primary key, email, created_at) and {@code auth.uid()}, which reads
 * the user id from the request's JWT claim as Supabase's does
 * ({@code current_setting('request.jwt.claim.sub', true)::uuid}), and the roles {@code anon},
 * {@code authenticated} and {@code service_role} (NOLOGIN; created only when the cluster lacks them,
 * since roles are cluster-wide). The roles get USAGE on {@code auth} and EXECUTE on {@code auth.uid()}, and,
 * as Supabase's initial schema gives them, USAGE on {@code public} and every privilege on each new table,
 * sequence and function there by default privileges ({@code ALTER DEFAULT PRIVILEGES IN SCHEMA public}).
 *
 * <p>A test acts as a signed-in user with {@link #actAs}: {@code SET ROLE authenticated} and the claim set.
 */
public final class SupabaseFixture {
    /** Supabase's roles. */
    public static final String ANON = "anon";
    public static final String AUTHENTICATED = "authenticated";
    public static final String SERVICE_ROLE = "service_role";

    private SupabaseFixture() {}

    /** Builds the {@code auth} schema, its table and function, and the roles in {@code db}. */
    public static void install(TestDatabase db) throws SQLException {
        for (String role : new String[] {ANON, AUTHENTICATED, SERVICE_ROLE}) {
            TestRoles.ensure(db, role);
        }
        db.execute("""
                CREATE SCHEMA auth;
                CREATE TABLE auth.users (
                    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
                    email varchar(255),
                    created_at timestamptz NOT NULL DEFAULT now()
                );
                CREATE FUNCTION auth.uid() RETURNS uuid LANGUAGE sql STABLE AS $$
                    SELECT nullif(current_setting('request.jwt.claim.sub', true), '')::uuid
                $$;
                GRANT USAGE ON SCHEMA auth TO anon, authenticated, service_role;
                GRANT EXECUTE ON FUNCTION auth.uid() TO anon, authenticated, service_role;
                GRANT USAGE ON SCHEMA public TO anon, authenticated, service_role;
                ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT ALL ON TABLES TO anon, authenticated, service_role;
                ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT ALL ON FUNCTIONS TO anon, authenticated, service_role;
                ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT ALL ON SEQUENCES TO anon, authenticated, service_role;
                """);
    }

    /** Adds a user to {@code auth.users} and returns its id. */
    public static String addUser(TestDatabase db, String email) throws SQLException {
        return db.strings("INSERT INTO auth.users (email) VALUES ('" + email.replace("'", "''") + "') RETURNING id").get(0);
    }

    /**
     * SQL that makes the session act as the signed-in user {@code userId} (role {@code authenticated},
     * the JWT claim set), to run before the statements under test on the same connection.
     */
    public static String actAs(String userId) {
        return "SET ROLE authenticated; SELECT set_config('request.jwt.claim.sub', '" + userId.replace("'", "''") + "', false);";
    }
}
