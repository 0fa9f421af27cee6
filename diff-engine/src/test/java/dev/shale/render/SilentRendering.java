package dev.shale.render;

import dev.shale.change.Change;

import java.util.List;

/** Renders every golden case in a fresh JVM, for {@link SilentRenderingTest}: anything printed is a bug. */
public final class SilentRendering {
    private SilentRendering() {}

    public static void main(String[] args) {
        List<Change> changes = GoldenCases.ALL.stream().map(GoldenCases.Case::change).toList();
        String script = MigrationScript.render("0000_all", new PostgresRenderer().render(changes), List.of());
        if (!script.contains("CREATE TABLE")) {
            throw new AssertionError("nothing rendered");
        }
    }
}
