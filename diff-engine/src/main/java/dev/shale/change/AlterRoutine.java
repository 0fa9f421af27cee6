package dev.shale.change;

import dev.shale.model.Routine;

import java.util.Objects;

/**
 * A routine changed in a way PostgreSQL can apply in place: same kind, argument names, modes and
 * types, same return type (for an aggregate: same state type and final function), no default removed.
 * When only attributes differ (volatility, strictness,
 * SECURITY DEFINER, parallel safety, SET options) it is one {@code ALTER FUNCTION}; otherwise
 * {@code CREATE OR REPLACE}, which also sets every attribute. A changed comment is a separate
 * {@link CommentOnRoutine}; anything else is a drop and a create.
 *
 * @param from the routine as it is
 * @param to the routine as it becomes
 */
public record AlterRoutine(Routine from, Routine to) implements Change {
    public AlterRoutine {
        if (!replaceable(from, to)) {
            throw new IllegalArgumentException(from.display() + " cannot be replaced in place by " + to.display());
        }
        if (from.withComment(null).equals(to.withComment(null))) {
            throw new IllegalArgumentException(from.display() + " does not change (but for its comment)");
        }
    }

    /** Whether {@code CREATE OR REPLACE} can turn {@code from} into {@code to}. */
    public static boolean replaceable(Routine from, Routine to) {
        if (from.kind() != to.kind() || !from.name().equals(to.name()) || !Objects.equals(from.returns(), to.returns())
                || from.arguments().size() != to.arguments().size()) {
            return false;
        }
        if (from.kind() == Routine.Kind.AGGREGATE && (!from.aggregate().stateType().equals(to.aggregate().stateType())
                || !Objects.equals(from.aggregate().finalFunction(), to.aggregate().finalFunction()))) {
            return false; // the result type of an aggregate is its final function's, else its state type
        }
        for (int i = 0; i < from.arguments().size(); i++) {
            Routine.Argument a = from.arguments().get(i);
            Routine.Argument b = to.arguments().get(i);
            if (!Objects.equals(a.name(), b.name()) || !a.type().equals(b.type()) || a.mode() != b.mode()
                    || (a.defaultExpression() != null && b.defaultExpression() == null)) {
                return false;
            }
        }
        return true;
    }

    /** Whether only attributes differ, so {@code ALTER FUNCTION} (or PROCEDURE) says it. */
    public boolean attributesOnly() {
        return to.kind() != Routine.Kind.AGGREGATE && from.arguments().equals(to.arguments())
                && Objects.equals(from.language(), to.language()) && Objects.equals(from.body(), to.body());
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitAlterRoutine(this);
    }
}
