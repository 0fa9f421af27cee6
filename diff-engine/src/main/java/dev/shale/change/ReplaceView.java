package dev.shale.change;

import dev.shale.model.View;

/**
 * {@code CREATE OR REPLACE VIEW}: a view whose query changes while its leading columns keep their names
 * and types (new columns only appended), which PostgreSQL replaces in place, keeping what depends on
 * it. Its options are set anew by the same statement. Never a materialized view.
 *
 * @param from the view as it was
 * @param to the view as it becomes (same name)
 */
public record ReplaceView(View from, View to) implements Change {
    public ReplaceView {
        if (from == null || to == null || !from.name().equals(to.name()) || to.materialized() || from.materialized()) {
            throw new IllegalArgumentException("ReplaceView needs two plain views of one name");
        }
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitReplaceView(this);
    }
}
