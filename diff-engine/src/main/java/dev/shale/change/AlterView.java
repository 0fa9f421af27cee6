package dev.shale.change;

import dev.shale.model.View;

/**
 * {@code ALTER [MATERIALIZED] VIEW ... SET (...) / RESET (...)}: options only (security_barrier,
 * security_invoker, check_option; a materialized view's storage parameters); the query is unchanged.
 *
 * @param from the view as it was
 * @param to the view as it becomes (same name and query)
 */
public record AlterView(View from, View to) implements Change {
    public AlterView {
        if (from == null || to == null || !from.name().equals(to.name()) || from.materialized() != to.materialized()) {
            throw new IllegalArgumentException("AlterView needs two views of one name and kind");
        }
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitAlterView(this);
    }
}
