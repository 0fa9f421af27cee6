package dev.shale.render;

import dev.shale.diff.Hazard;

import java.util.List;

/** The text of a migration file: header with hazards, then each statement under its comment. TEMPORARY SIGNATURES. */
public final class MigrationScript {
    private MigrationScript() {}

    /**
     * @param title the migration's file name without extension ({@code 0001_add_user_timezone})
     * @param statements the rendered statements, in order
     * @param hazards the hazards of those statements, listed in the header
     * @return the whole file: {@code \n} line endings, a trailing newline
     */
    public static String render(String title, List<Statement> statements, List<Hazard> hazards) {
        throw new UnsupportedOperationException("owned by the renderer work");
    }
}
