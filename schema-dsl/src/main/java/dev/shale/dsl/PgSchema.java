package dev.shale.dsl;

import dev.shale.model.InvalidModelException;
import dev.shale.model.Namespace;

/**
 * A schema declared as an object: created even while empty, and able to carry a comment. Hold it in a
 * static field: {@code static final PgSchema APP = PgSchema.schema("app").comment("The application");}.
 * A schema that only holds tables needs no declaration; it is created for them.
 */
public final class PgSchema {
    private final String name;
    private final SourceLocation location;
    private String comment;

    private PgSchema(String name) {
        this.location = SourceLocation.caller();
        this.name = Table.modelOrFail(location, () -> Namespace.of(name)).name();
    }

    /** The schema {@code name}. */
    public static PgSchema schema(String name) {
        return new PgSchema(name);
    }

    /** Its comment ({@code COMMENT ON SCHEMA}). */
    public PgSchema comment(String text) {
        this.comment = text;
        return this;
    }

    public String name() {
        return name;
    }

    SourceLocation location() {
        return location;
    }

    private final java.util.List<GrantBuilder> grants = new java.util.ArrayList<>();

    /** Privileges on it; chain {@code .to(role...)}. */
    public GrantBuilder grant(dev.shale.model.Grant.Privilege... privileges) {
        GrantBuilder b = new GrantBuilder(dev.shale.model.Grant.On.SCHEMA, dev.shale.model.QualifiedName.of(name, name), null, null, SourceLocation.caller(), privileges);
        grants.add(b);
        return b;
    }

    java.util.List<GrantBuilder> grants() {
        return grants;
    }

    public Namespace toModel() {
        try {
            return new Namespace(name, comment);
        } catch (InvalidModelException e) {
            throw new SchemaDefinitionException(location, e.getMessage());
        }
    }
}
