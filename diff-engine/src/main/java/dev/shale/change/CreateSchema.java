package dev.shale.change;

import dev.shale.model.Identifiers;

/**
 * {@code CREATE SCHEMA IF NOT EXISTS}: a namespace that owned objects need, or one the code declares.
 * A schema is dropped ({@link DropSchema}, without CASCADE) only under the rule of the diff's
 * {@code ObjectDiff}, since objects Shale does not own may live in it.
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
