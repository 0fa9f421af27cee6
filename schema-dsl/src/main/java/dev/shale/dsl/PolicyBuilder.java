package dev.shale.dsl;

import dev.shale.model.Policy;

import java.util.ArrayList;
import java.util.List;

/**
 * A row-level security policy declared in a table's constructor:
 * <pre>{@code
 * policy("Users can manage their own settings").forAll().to(AUTHENTICATED)
 *         .using("auth.uid() = user_id").withCheck("auth.uid() = user_id");
 * }</pre>
 * Left out: FOR ALL, PERMISSIVE, TO PUBLIC, no expressions.
 */
public final class PolicyBuilder {
    private final Table table;
    private final String name;
    private final SourceLocation location;
    private Policy.Command command = Policy.Command.ALL;
    private boolean permissive = true;
    private final List<PgRole> roles = new ArrayList<>();
    private String using;
    private String withCheck;
    private String comment;

    PolicyBuilder(Table table, String name, SourceLocation location) {
        this.table = table;
        this.name = name;
        this.location = location;
    }

    public PolicyBuilder forAll() {
        command = Policy.Command.ALL;
        return this;
    }

    public PolicyBuilder forSelect() {
        command = Policy.Command.SELECT;
        return this;
    }

    public PolicyBuilder forInsert() {
        command = Policy.Command.INSERT;
        return this;
    }

    public PolicyBuilder forUpdate() {
        command = Policy.Command.UPDATE;
        return this;
    }

    public PolicyBuilder forDelete() {
        command = Policy.Command.DELETE;
        return this;
    }

    /** AS RESTRICTIVE: every restrictive policy must pass, on top of one permissive one. */
    public PolicyBuilder restrictive() {
        permissive = false;
        return this;
    }

    /** The roles it applies to ({@link PgRole#PUBLIC}, the default, for every role). */
    public PolicyBuilder to(PgRole... grantees) {
        for (PgRole r : grantees) {
            if (r == null) {
                throw new SchemaDefinitionException(SourceLocation.caller(), "policy " + dev.shale.model.Identifiers.show(name)
                        + ": a null role was given; declare roles in static fields before the tables that use them");
            }
            roles.add(r);
        }
        return this;
    }

    /** USING: which existing rows it lets through. */
    public PolicyBuilder using(String expression) {
        using = expression;
        return this;
    }

    /** WITH CHECK: which new or updated rows it allows. */
    public PolicyBuilder withCheck(String expression) {
        withCheck = expression;
        return this;
    }

    /** Its comment ({@code COMMENT ON POLICY}). */
    public PolicyBuilder comment(String text) {
        comment = text;
        return this;
    }

    List<PgRole> roles() {
        return roles;
    }

    Policy toModel() {
        return Table.modelOrFail(location, () -> new Policy(table.qualifiedName(), name, command, permissive,
                roles.stream().map(PgRole::name).toList(), using, withCheck, comment));
    }
}
