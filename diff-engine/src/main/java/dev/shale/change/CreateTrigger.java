package dev.shale.change;

import dev.shale.model.Trigger;

/**
 * {@code CREATE TRIGGER t BEFORE UPDATE ON s.tbl FOR EACH ROW [WHEN (...)] EXECUTE FUNCTION s.f(args)}.
 * A changed trigger is dropped and created again (PostgreSQL 13 has no CREATE OR REPLACE TRIGGER).
 *
 * @param trigger the trigger to create
 */
public record CreateTrigger(Trigger trigger) implements Change {
    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitCreateTrigger(this);
    }
}
