package dev.shale.change;

import dev.shale.model.Domain;

/**
 * {@code CREATE DOMAIN s.d AS type [COLLATE c] [DEFAULT ...] [NOT NULL] [CONSTRAINT n CHECK (...)]}.
 *
 * @param domain the domain to create
 */
public record CreateDomain(Domain domain) implements Change {
    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitCreateDomain(this);
    }
}
