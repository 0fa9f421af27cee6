package dev.shale.dsl;

import dev.shale.model.Check;

/** The options of a CHECK constraint: {@code check("amount_positive", "amount > 0").notValid()}. */
public final class CheckOptions {
    private final SourceLocation location;
    private boolean notValid;
    private boolean noInherit;

    CheckOptions(SourceLocation location) {
        this.location = location;
    }

    /**
     * Added {@code NOT VALID}: new and updated rows are checked, existing rows are not. Removing the call
     * later makes the next migration {@code VALIDATE CONSTRAINT}; a database where it is already validated
     * satisfies it (PostgreSQL cannot un-validate), so keeping the call is harmless.
     */
    public CheckOptions notValid() {
        notValid = true;
        return this;
    }

    /** {@code NO INHERIT}: not propagated to tables that inherit from this one. */
    public CheckOptions noInherit() {
        noInherit = true;
        return this;
    }

    SourceLocation location() {
        return location;
    }

    Check apply(Check c) {
        return c.withNotValid(notValid).withNoInherit(noInherit);
    }
}
