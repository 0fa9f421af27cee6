package dev.shale.change;

import dev.shale.model.Policy;

/**
 * {@code DROP POLICY name ON table}.
 *
 * @param policy the policy as it was
 */
public record DropPolicy(Policy policy) implements Change {
    public DropPolicy {
        if (policy == null) {
            throw new IllegalArgumentException("DropPolicy needs a policy");
        }
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitDropPolicy(this);
    }
}
