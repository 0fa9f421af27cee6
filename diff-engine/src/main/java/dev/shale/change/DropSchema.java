package dev.shale.change;

import dev.shale.model.Identifiers;

/**
 * {@code DROP SCHEMA} (never CASCADE): a schema the code no longer needs, dropped after every other
 * drop, so it fails rather than take along objects Shale does not own.
 *
 * @param name the schema's name
 */
public record DropSchema(String name) implements Change {
    public DropSchema {
        Identifiers.require("schema", name);
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitDropSchema(this);
    }
}
