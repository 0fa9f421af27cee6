package dev.shale.change;

import dev.shale.model.View;

/**
 * {@code DROP [MATERIALIZED] VIEW}, never CASCADE: what depends on it is dropped first, by name.
 *
 * @param view the view as it was
 * @param recreated whether the migration creates it again (its query or columns change, or something it
 *                  depends on changes)
 * @param reason why it is dropped when that is not its own change, a phrase such as
 *               {@code it depends on table "public"."users", whose columns change}; else null
 */
public record DropView(View view, boolean recreated, String reason) implements Change {
    public DropView {
        if (view == null) {
            throw new IllegalArgumentException("DropView needs a view");
        }
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitDropView(this);
    }
}
