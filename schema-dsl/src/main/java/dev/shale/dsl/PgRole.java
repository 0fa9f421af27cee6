package dev.shale.dsl;

import dev.shale.model.Role;

/**
 * A role that policies and grants name. Roles are cluster-wide, so two kinds are told apart:
 * <pre>{@code
 * static final PgRole AUTHENTICATED = PgRole.external("authenticated");   // Supabase's: referenced, never created
 * static final PgRole APP_READER = PgRole.owned("app_reader").login();    // the project's: created, altered, dropped
 * }</pre>
 * A role a table's policy or grant names is part of the schema without a static field of its own;
 * {@link #PUBLIC} stands for every role.
 */
public final class PgRole {
    /** Every role ({@code TO PUBLIC}). */
    public static final PgRole PUBLIC = new PgRole(null, new SourceLocation("PgRole", -1));

    private Role role;
    private final SourceLocation location;

    private PgRole(Role role, SourceLocation location) {
        this.role = role;
        this.location = location;
    }

    /** A role that exists already and that the project only refers to. */
    public static PgRole external(String name) {
        SourceLocation at = SourceLocation.caller();
        return new PgRole(Table.modelOrFail(at, () -> Role.external(name)), at);
    }

    /** A role the project owns: created NOLOGIN, INHERIT, and otherwise with PostgreSQL's defaults. */
    public static PgRole owned(String name) {
        SourceLocation at = SourceLocation.caller();
        return new PgRole(Table.modelOrFail(at, () -> Role.owned(name)), at);
    }

    public PgRole login() {
        return owned("login", role.withLogin(true));
    }

    public PgRole noLogin() {
        return owned("noLogin", role.withLogin(false));
    }

    public PgRole noInherit() {
        return owned("noInherit", role.withInherit(false));
    }

    public PgRole createDb() {
        return owned("createDb", role.withCreateDb(true));
    }

    public PgRole createRole() {
        return owned("createRole", role.withCreateRole(true));
    }

    public PgRole bypassRls() {
        return owned("bypassRls", role.withBypassRls(true));
    }

    public PgRole connectionLimit(int limit) {
        SourceLocation at = SourceLocation.caller();
        return owned("connectionLimit", Table.modelOrFail(at, () -> role.withConnectionLimit(limit)));
    }

    /** The role's name; {@code public} for {@link #PUBLIC}. */
    public String name() {
        return role == null ? dev.shale.model.Policy.PUBLIC : role.name();
    }

    boolean isPublic() {
        return role == null;
    }

    SourceLocation location() {
        return location;
    }

    /** The model of this role; null for {@link #PUBLIC}. */
    public Role toModel() {
        return role;
    }

    private PgRole owned(String what, Role next) {
        if (role == null || !role.owned()) {
            throw new SchemaDefinitionException(SourceLocation.caller(), "role " + (role == null ? "PUBLIC"
                    : dev.shale.model.Identifiers.show(role.name())) + ": " + what + "() sets an attribute of a role the"
                    + " project owns, and this one is external; declare it with PgRole.owned(...) to manage its attributes");
        }
        role = next;
        return this;
    }
}
