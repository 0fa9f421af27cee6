package dev.shale.model;

/**
 * A CHECK constraint.
 *
 * @param name the constraint name
 * @param expression the boolean SQL expression, as declared
 */
public record Check(String name, String expression) implements Constraint {
    public Check {
        Identifiers.require("check constraint", name);
        if (expression == null || expression.isBlank()) {
            throw new InvalidModelException("check constraint " + Identifiers.show(name), "expression is required");
        }
    }

    @Override
    public Check withName(String newName) {
        return new Check(newName, expression);
    }

    public Check withExpression(String newExpression) {
        return new Check(name, newExpression);
    }
}
