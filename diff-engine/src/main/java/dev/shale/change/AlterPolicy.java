package dev.shale.change;

import dev.shale.model.Policy;

/**
 * {@code ALTER POLICY name ON table TO roles USING (..) WITH CHECK (..)}: what ALTER POLICY can change in
 * place (the roles and the two expressions; only the clauses that change are written). A changed command
 * or PERMISSIVE/RESTRICTIVE cannot be altered and is a drop and a create instead. An expression that
 * goes away cannot be removed by ALTER POLICY either, so that too is a drop and a create.
 *
 * @param from the policy before
 * @param to the policy after: same table, name, command and permissiveness
 */
public record AlterPolicy(Policy from, Policy to) implements Change {
    public AlterPolicy {
        if (from == null || to == null || !from.table().equals(to.table()) || !from.name().equals(to.name())
                || from.command() != to.command() || from.permissive() != to.permissive()) {
            throw new IllegalArgumentException("AlterPolicy changes roles and expressions of one policy only");
        }
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitAlterPolicy(this);
    }
}
