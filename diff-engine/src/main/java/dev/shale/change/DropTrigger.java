package dev.shale.change;

import dev.shale.model.Trigger;

/**
 * {@code DROP TRIGGER t ON s.tbl}: before its table, its function, or a change of either.
 *
 * @param trigger the trigger to drop
 */
public record DropTrigger(Trigger trigger) implements Change {
    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitDropTrigger(this);
    }
}
