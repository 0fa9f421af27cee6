package dev.shale.dsl;

import dev.shale.model.Grant;
import dev.shale.model.Identifiers;
import dev.shale.model.QualifiedName;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Privileges granted on one object, from {@code grant(SELECT, INSERT).to(AUTHENTICATED)} in a table, a
 * {@link PgSequence} or a {@link PgSchema}, or on a function by {@link #onFunction}:
 * <pre>{@code
 * static final GrantBuilder UID = GrantBuilder.onFunction("auth", "uid", "").grant(EXECUTE).to(AUTHENTICATED);
 * }</pre>
 * Each privilege to each role becomes one grant of the model.
 */
public final class GrantBuilder {
    private final Grant.On on;
    private final QualifiedName object;
    private final String signature;
    private final SourceLocation location;
    private final Table table;
    private final Set<Grant.Privilege> privileges = new LinkedHashSet<>();
    private final List<PgRole> roles = new ArrayList<>();
    private final List<Column<?>> columns = new ArrayList<>();
    private boolean grantable;

    GrantBuilder(Grant.On on, QualifiedName object, String signature, Table table, SourceLocation location,
                 Grant.Privilege... privileges) {
        this.on = on;
        this.object = object;
        this.signature = signature;
        this.table = table;
        this.location = location;
        for (Grant.Privilege p : privileges) {
            if (p == null) {
                throw new SchemaDefinitionException(location, "grant on " + object.display() + ": a null privilege was given");
            }
            this.privileges.add(p);
        }
    }

    /**
     * Privileges on the function {@code schema.name(argumentTypes)}, the argument types as PostgreSQL
     * lists them ({@code "uuid, text"}, {@code ""} for none). The function itself may be declared
     * elsewhere or exist already ({@code auth.uid()} on Supabase). Hold the builder in a static field.
     */
    public static GrantBuilder onFunction(String schema, String name, String argumentTypes) {
        SourceLocation at = SourceLocation.caller();
        QualifiedName fn = Table.modelOrFail(at, () -> QualifiedName.of(schema, name));
        if (argumentTypes == null) {
            throw new SchemaDefinitionException(at, "grant on function " + fn.display()
                    + ": argument types are required (\"\" for a function without arguments)");
        }
        return new GrantBuilder(Grant.On.FUNCTION, fn, argumentTypes, null, at);
    }

    /**
     * Privileges on the schema {@code schema}, without declaring it as a {@link PgSchema} (what {@code pull}
     * writes for a schema that holds tables). Hold the builder in a static field.
     */
    public static GrantBuilder onSchema(String schema) {
        SourceLocation at = SourceLocation.caller();
        QualifiedName s = Table.modelOrFail(at, () -> QualifiedName.of(schema, schema));
        return new GrantBuilder(Grant.On.SCHEMA, s, null, null, at);
    }

    /**
     * Privileges on the view or materialized view {@code schema.name} (a {@link PgView} of the schema). Hold the
     * builder in a static field. A view that a migration drops and creates again gets its grants again.
     */
    public static GrantBuilder onView(String schema, String name) {
        SourceLocation at = SourceLocation.caller();
        QualifiedName v = Table.modelOrFail(at, () -> QualifiedName.of(schema, name));
        return new GrantBuilder(Grant.On.TABLE, v, null, null, at);
    }

    /** Adds privileges (for {@link #onFunction}: {@code EXECUTE}). */
    public GrantBuilder grant(Grant.Privilege... more) {
        for (Grant.Privilege p : more) {
            if (p == null) {
                throw new SchemaDefinitionException(SourceLocation.caller(), "grant on " + object.display() + ": a null privilege was given");
            }
            privileges.add(p);
        }
        return this;
    }

    /** The roles that receive the privileges ({@link PgRole#PUBLIC} for every role). */
    public GrantBuilder to(PgRole... grantees) {
        for (PgRole r : grantees) {
            if (r == null) {
                throw new SchemaDefinitionException(SourceLocation.caller(), "grant on " + object.display()
                        + ": a null role was given; declare roles in static fields before the tables that use them");
            }
            roles.add(r);
        }
        return this;
    }

    /** Limits a table grant to these columns ({@code GRANT UPDATE (theme) ON t}). */
    public GrantBuilder onColumns(Column<?>... cols) {
        if (table == null) {
            throw new SchemaDefinitionException(SourceLocation.caller(), "grant on " + object.display()
                    + ": only a table's grants can be limited to columns");
        }
        for (Column<?> c : cols) {
            table.checkOwn(c, "grant", SourceLocation.caller());
            columns.add(c);
        }
        return this;
    }

    /** WITH GRANT OPTION: the grantees may grant the privileges on. */
    public GrantBuilder withGrantOption() {
        grantable = true;
        return this;
    }

    List<PgRole> roles() {
        return roles;
    }

    SourceLocation location() {
        return location;
    }

    /** The grants of the model: one per privilege, role and column. */
    List<Grant> toModel() {
        String self = "grant on " + (on == Grant.On.SCHEMA ? "schema " + Identifiers.show(object.schema()) : object.display());
        if (roles.isEmpty()) {
            throw new SchemaDefinitionException(location, self + " names no role; add .to(role)");
        }
        if (privileges.isEmpty()) {
            throw new SchemaDefinitionException(location, self + " names no privilege; add .grant(...)");
        }
        List<Grant> out = new ArrayList<>();
        for (PgRole r : roles) {
            for (Grant.Privilege p : privileges) {
                if (columns.isEmpty()) {
                    out.add(Table.modelOrFail(location, () -> new Grant(on, object, signature, null, p, r.name(), grantable)));
                } else {
                    for (Column<?> c : columns) {
                        out.add(Table.modelOrFail(location, () -> new Grant(on, object, signature, c.name(), p, r.name(), grantable)));
                    }
                }
            }
        }
        return out;
    }
}
