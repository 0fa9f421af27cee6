package dev.shale.model;

/**
 * A database role that policies and grants name. Roles are cluster-wide in PostgreSQL, so most are
 * not the project's: an external role (Supabase's {@code anon}, {@code authenticated},
 * {@code service_role}) is referenced and never created, altered or dropped, and its attributes are
 * not modelled. A role the project owns is created with its attributes, altered and dropped.
 *
 * @param name the role's name
 * @param owned the project creates and drops it
 * @param login LOGIN (else NOLOGIN); owned roles only
 * @param inherit INHERIT (PostgreSQL's default) rather than NOINHERIT; owned roles only
 * @param createDb CREATEDB; owned roles only
 * @param createRole CREATEROLE; owned roles only
 * @param bypassRls BYPASSRLS: policies do not apply to it; owned roles only
 * @param connectionLimit CONNECTION LIMIT, -1 for none; owned roles only
 */
public record Role(String name, boolean owned, boolean login, boolean inherit, boolean createDb, boolean createRole,
                   boolean bypassRls, int connectionLimit) {
    public Role {
        Identifiers.require("role", name);
        if (name.equals(Policy.PUBLIC) || name.startsWith("pg_")) {
            throw new InvalidModelException("role " + Identifiers.show(name), "is a name PostgreSQL reserves"
                    + " (PUBLIC, or a pg_ prefix); choose another name");
        }
        if (!owned) {
            login = false;
            inherit = true;
            createDb = false;
            createRole = false;
            bypassRls = false;
            connectionLimit = -1;
        }
        if (connectionLimit < -1) {
            throw new InvalidModelException("role " + Identifiers.show(name), "has connection limit " + connectionLimit
                    + "; give -1 for none or a count");
        }
    }

    /** A role the project only refers to. */
    public static Role external(String name) {
        return new Role(name, false, false, true, false, false, false, -1);
    }

    /** A role the project owns, NOLOGIN and otherwise PostgreSQL's defaults. */
    public static Role owned(String name) {
        return new Role(name, true, false, true, false, false, false, -1);
    }

    public Role withLogin(boolean value) {
        return new Role(name, owned, value, inherit, createDb, createRole, bypassRls, connectionLimit);
    }

    public Role withInherit(boolean value) {
        return new Role(name, owned, login, value, createDb, createRole, bypassRls, connectionLimit);
    }

    public Role withCreateDb(boolean value) {
        return new Role(name, owned, login, inherit, value, createRole, bypassRls, connectionLimit);
    }

    public Role withCreateRole(boolean value) {
        return new Role(name, owned, login, inherit, createDb, value, bypassRls, connectionLimit);
    }

    public Role withBypassRls(boolean value) {
        return new Role(name, owned, login, inherit, createDb, createRole, value, connectionLimit);
    }

    public Role withConnectionLimit(int value) {
        return new Role(name, owned, login, inherit, createDb, createRole, bypassRls, value);
    }

    /** The same name and attributes, owned or not. */
    public Role withOwned(boolean value) {
        return new Role(name, value, login, inherit, createDb, createRole, bypassRls, connectionLimit);
    }
}
