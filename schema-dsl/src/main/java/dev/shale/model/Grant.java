package dev.shale.model;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.Set;

/**
 * One privilege granted to one role on one object: {@code GRANT SELECT ON TABLE t TO authenticated}.
 * A grant of several privileges is several of these, so adding or revoking one is one change.
 * Privileges PostgreSQL gives by itself (an owner's own, EXECUTE on functions and USAGE on schema
 * {@code public} to PUBLIC) are not modelled.
 *
 * @param on the kind of object
 * @param object the object's qualified name; for a schema {@code schema.schema}
 * @param signature for a function, its argument types as PostgreSQL lists them ({@code "uuid, text"},
 *                  {@code ""} for none); else null
 * @param column for a column privilege on a table, the column; else null
 * @param privilege the privilege
 * @param grantee the role it is granted to, or {@code "public"}
 * @param grantable WITH GRANT OPTION: the grantee may grant it on
 */
public record Grant(On on, QualifiedName object, String signature, String column, Privilege privilege,
                    String grantee, boolean grantable) implements Comparable<Grant> {

    /** The kinds of object privileges are granted on. */
    public enum On {
        TABLE(EnumSet.of(Privilege.SELECT, Privilege.INSERT, Privilege.UPDATE, Privilege.DELETE, Privilege.TRUNCATE,
                Privilege.REFERENCES, Privilege.TRIGGER)),
        SEQUENCE(EnumSet.of(Privilege.USAGE, Privilege.SELECT, Privilege.UPDATE)),
        SCHEMA(EnumSet.of(Privilege.USAGE, Privilege.CREATE)),
        FUNCTION(EnumSet.of(Privilege.EXECUTE));

        private final Set<Privilege> privileges;

        On(Set<Privilege> privileges) {
            this.privileges = privileges;
        }

        /** The privileges PostgreSQL knows for this kind of object. */
        public Set<Privilege> privileges() {
            return privileges;
        }
    }

    /** The privileges Shale models. */
    public enum Privilege {
        SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER, USAGE, CREATE, EXECUTE;

        /** The privileges a column can be granted. */
        public static final Set<Privilege> COLUMN = EnumSet.of(SELECT, INSERT, UPDATE, REFERENCES);
    }

    private static final Comparator<Grant> ORDER = Comparator.comparing(Grant::on)
            .thenComparing(Grant::object)
            .thenComparing(g -> g.signature == null ? "" : g.signature)
            .thenComparing(g -> g.column == null ? "" : g.column)
            .thenComparing(Grant::grantee)
            .thenComparing(Grant::privilege)
            .thenComparing(Grant::grantable);

    public Grant {
        if (on == null || object == null || privilege == null) {
            throw new InvalidModelException("grant", "the kind of object, the object and the privilege are required");
        }
        String self = "grant of " + privilege + " on " + on.name().toLowerCase(java.util.Locale.ROOT) + " "
                + (on == On.SCHEMA ? Identifiers.show(object.schema()) : object.display());
        Identifiers.require(self + ", grantee", grantee);
        if (grantable && grantee.equals(Policy.PUBLIC)) {
            throw new InvalidModelException(self, "is WITH GRANT OPTION to PUBLIC; PostgreSQL gives grant options to roles"
                    + " only. Grant it to a role, or leave out the grant option");
        }
        if (on == On.SCHEMA && !object.schema().equals(object.name())) {
            throw new InvalidModelException(self, "names a schema as " + object.key() + "; name it schema.schema");
        }
        if (on == On.FUNCTION) {
            if (signature == null) {
                throw new InvalidModelException(self, "needs the function's argument types (\"\" for none)");
            }
            signature = signature.strip();
        } else if (signature != null) {
            throw new InvalidModelException(self, "has argument types, which only a function grant takes");
        }
        if (column != null) {
            Identifiers.require(self + ", column", column);
            if (on != On.TABLE) {
                throw new InvalidModelException(self, "names a column; only tables have column privileges");
            }
            if (!Privilege.COLUMN.contains(privilege)) {
                throw new InvalidModelException(self, "is on column " + Identifiers.show(column) + "; a column can be"
                        + " granted only " + Privilege.COLUMN + ". Grant it on the whole table");
            }
        } else if (!on.privileges().contains(privilege)) {
            throw new InvalidModelException(self, "is not a privilege of a " + on.name().toLowerCase(java.util.Locale.ROOT)
                    + "; it may be granted " + on.privileges());
        }
    }

    /** A table privilege. */
    public static Grant table(QualifiedName table, Privilege privilege, String grantee) {
        return new Grant(On.TABLE, table, null, null, privilege, grantee, false);
    }

    /** A column privilege. */
    public static Grant column(QualifiedName table, String column, Privilege privilege, String grantee) {
        return new Grant(On.TABLE, table, null, column, privilege, grantee, false);
    }

    public static Grant sequence(QualifiedName sequence, Privilege privilege, String grantee) {
        return new Grant(On.SEQUENCE, sequence, null, null, privilege, grantee, false);
    }

    public static Grant schema(String schema, Privilege privilege, String grantee) {
        return new Grant(On.SCHEMA, QualifiedName.of(schema, schema), null, null, privilege, grantee, false);
    }

    /** EXECUTE on a function, named by its qualified name and argument types ({@code "uuid, text"}). */
    public static Grant function(QualifiedName function, String argumentTypes, Privilege privilege, String grantee) {
        return new Grant(On.FUNCTION, function, argumentTypes, null, privilege, grantee, false);
    }

    public Grant withGrantable(boolean value) {
        return new Grant(on, object, signature, column, privilege, grantee, value);
    }

    public Grant withObject(QualifiedName value) {
        return new Grant(on, value, signature, column, privilege, grantee, grantable);
    }

    public Grant withColumn(String value) {
        return new Grant(on, object, signature, value, privilege, grantee, grantable);
    }

    public Grant withGrantee(String value) {
        return new Grant(on, object, signature, column, privilege, value, grantable);
    }

    /** The object as SQL names it after {@code ON}: {@code TABLE "public"."t"}, {@code FUNCTION ...}. */
    public String display() {
        String what = switch (on) {
            case SCHEMA -> "schema " + Identifiers.show(object.schema());
            case FUNCTION -> "function " + object.display() + "(" + signature + ")";
            case TABLE -> column == null ? "table " + object.display() : "column " + object.display() + "." + Identifiers.show(column);
            case SEQUENCE -> "sequence " + object.display();
        };
        return privilege + " on " + what + " to " + Identifiers.show(grantee);
    }

    @Override
    public int compareTo(Grant o) {
        return ORDER.compare(this, o);
    }
}
