package dev.shale.change;

import dev.shale.model.Identifiers;

/**
 * {@code CREATE SCHEMA IF NOT EXISTS}: a namespace that owned objects need. Schemas are never dropped,
 * since objects Shale does not own may live in them.
 *
 * @param name the schema's name
 */
public record CreateSchema(String name) implements Change {
    public CreateSchema {
        Identifiers.require("schema", name);
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitCreateSchema(this);
    }
}
