package dev.shale.dsl;

import dev.shale.model.Deferral;
import dev.shale.model.PrimaryKey;
import dev.shale.model.Unique;

/**
 * The options of a primary key or unique constraint declared in a table's constructor:
 * {@code unique("users_email_key", email).nullsNotDistinct().deferrable()}.
 */
public final class KeyOptions {
    private final String what;
    private final SourceLocation location;
    private Deferral deferral = Deferral.NOT_DEFERRABLE;
    private boolean nullsNotDistinct;

    KeyOptions(String what, SourceLocation location) {
        this.what = what;
        this.location = location;
    }

    /** {@code DEFERRABLE} (initially immediate): a transaction may defer the check with SET CONSTRAINTS. */
    public KeyOptions deferrable() {
        if (deferral == Deferral.NOT_DEFERRABLE) {
            deferral = Deferral.DEFERRABLE;
        }
        return this;
    }

    /** {@code DEFERRABLE INITIALLY DEFERRED}: checked at commit. A foreign key cannot refer to a deferrable key. */
    public KeyOptions initiallyDeferred() {
        deferral = Deferral.DEFERRED;
        return this;
    }

    /** {@code UNIQUE NULLS NOT DISTINCT} (PostgreSQL 15): two NULLs collide. Unique constraints only. */
    public KeyOptions nullsNotDistinct() {
        if (what.equals("primary key")) {
            throw new SchemaDefinitionException(SourceLocation.caller(),
                    "NULLS NOT DISTINCT applies to unique constraints; primary key columns are never NULL");
        }
        nullsNotDistinct = true;
        return this;
    }

    SourceLocation location() {
        return location;
    }

    Unique apply(Unique u) {
        return u.withNullsNotDistinct(nullsNotDistinct).withDeferral(deferral);
    }

    PrimaryKey apply(PrimaryKey pk) {
        return pk.withDeferral(deferral);
    }

    Deferral deferral() {
        return deferral;
    }
}
