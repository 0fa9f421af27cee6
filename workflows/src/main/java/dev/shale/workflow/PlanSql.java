package dev.shale.workflow;

import dev.shale.diff.DiffStep;
import dev.shale.diff.Hazard;
import dev.shale.render.MigrationScript;
import dev.shale.render.PostgresRenderer;
import dev.shale.render.Statement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A diff plan as the SQL {@code push} and {@code diff} print: each statement under its one-line comment,
 * hazards first as {@code -- WARNING} lines, and a marker above each step when a plan needs two
 * transactions. The text is itself runnable SQL.
 *
 * @param steps the rendered statements of each diff step, in order
 * @param hazards the hazards of all steps, most serious first
 */
public record PlanSql(List<List<Statement>> steps, List<Hazard> hazards) {
    public PlanSql {
        steps = steps.stream().map(List::copyOf).toList();
        hazards = List.copyOf(hazards);
    }

    /** What PostgreSQL cannot do in one transaction, said where a plan has two steps. */
    public static final String TWO_STEPS = "PostgreSQL cannot use a new enum value in the transaction that adds it";

    public static PlanSql of(List<DiffStep> steps) {
        PostgresRenderer renderer = new PostgresRenderer();
        List<List<Statement>> rendered = new ArrayList<>();
        List<Hazard> hazards = new ArrayList<>();
        for (DiffStep step : steps) {
            rendered.add(renderer.render(step.changes()));
            hazards.addAll(dev.shale.diff.Hazards.of(step.changes()));
        }
        hazards.sort(Comparator.comparing(Hazard::kind)); // stable: change order within a kind
        return new PlanSql(rendered, hazards);
    }

    public boolean isEmpty() {
        return steps.stream().allMatch(List::isEmpty);
    }

    public List<Statement> statements() {
        return steps.stream().flatMap(List::stream).toList();
    }

    public List<Hazard> dataLoss() {
        return hazards.stream().filter(h -> h.kind() == Hazard.Kind.DATA_LOSS).toList();
    }

    /** The statement a hazard's change renders to. */
    public Statement statementOf(Hazard hazard) {
        return statements().stream().filter(s -> s.change() == hazard.change()).findFirst()
                .orElseGet(() -> statements().stream().filter(s -> s.change().equals(hazard.change())).findFirst().orElseThrow());
    }

    /** The SQL text: {@code \n} line endings and a trailing newline; empty when there is nothing to do. */
    public String text() {
        StringBuilder out = new StringBuilder();
        for (String warning : MigrationScript.warnings(hazards)) {
            out.append("-- WARNING ").append(warning.replace('\n', ' ')).append('\n');
        }
        for (int i = 0; i < steps.size(); i++) {
            if (steps.size() > 1) {
                out.append(out.length() == 0 ? "" : "\n").append("-- step ").append(i + 1).append(" of ").append(steps.size())
                        .append(i == 0 ? ", in its own transaction: " + TWO_STEPS : "").append('\n');
            }
            for (Statement s : steps.get(i)) {
                out.append(out.length() == 0 ? "" : "\n");
                out.append("-- ").append(s.comment()).append('\n').append(s.sql().strip()).append('\n');
            }
        }
        return out.toString();
    }
}
