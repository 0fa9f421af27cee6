package dev.shale.change;

import dev.shale.model.View;

/**
 * {@code CREATE [MATERIALIZED] VIEW ... AS ...}: after every table, view and function its query reads;
 * a materialized view's indexes and a comment are their own changes ({@link CreateIndex}, {@link SetComment}).
 *
 * @param view the view as it becomes
 */
public record CreateView(View view) implements Change {
    public CreateView {
        if (view == null) {
            throw new IllegalArgumentException("CreateView needs a view");
        }
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitCreateView(this);
    }
}
