package dev.shale.render;

import dev.shale.change.Change;

import java.util.List;

/** Renders changes as PostgreSQL statements. TEMPORARY SIGNATURES. */
public final class PostgresRenderer {
    /** One statement per change (an AlterColumn of several aspects is one statement), in order. */
    public List<Statement> render(List<? extends Change> changes) {
        throw new UnsupportedOperationException("owned by the renderer work");
    }
}
