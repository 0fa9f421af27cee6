package dev.shale.change;

import dev.shale.model.Identifiers;
import dev.shale.model.QualifiedName;

/**
 * {@code ALTER POLICY "old" ON table RENAME TO "new"}: a policy that only changed its name (the same
 * command, roles and expressions), renamed in place rather than dropped and created again.
 *
 * @param table the table the policy is on
 * @param from the old name
 * @param to the new name
 */
public record RenamePolicy(QualifiedName table, String from, String to) implements Change {
    public RenamePolicy {
        if (table == null) {
            throw new IllegalArgumentException("RenamePolicy needs a table");
        }
        Identifiers.require("policy on " + table.display(), from);
        Identifiers.require("policy on " + table.display(), to);
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitRenamePolicy(this);
    }
}
