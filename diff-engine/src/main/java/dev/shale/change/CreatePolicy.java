package dev.shale.change;

import dev.shale.model.Policy;

/**
 * {@code CREATE POLICY name ON table AS PERMISSIVE|RESTRICTIVE FOR cmd TO roles USING (..) WITH CHECK (..)};
 * its comment follows as a {@link SetComment}.
 *
 * @param policy the policy
 */
public record CreatePolicy(Policy policy) implements Change {
    public CreatePolicy {
        if (policy == null) {
            throw new IllegalArgumentException("CreatePolicy needs a policy");
        }
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitCreatePolicy(this);
    }
}
