package dev.shale.model;

/**
 * A CHECK constraint.
 *
 * @param name the constraint name
 * @param expression the boolean SQL expression, as declared
 * @param notValid added {@code NOT VALID}: new rows are checked, existing rows are not (yet)
 * @param noInherit {@code NO INHERIT}: not propagated to child tables
 * @param comment its comment, or null
 */
public record Check(String name, String expression, boolean notValid, boolean noInherit, String comment)
        implements Constraint {
    public Check {
        Identifiers.require("check constraint", name);
        if (expression == null || expression.isBlank()) {
            throw new InvalidModelException("check constraint " + Identifiers.show(name), "expression is required");
        }
        comment = Comments.normalize(comment);
    }

    /** A validated, inherited check without a comment. */
    public Check(String name, String expression) {
        this(name, expression, false, false, null);
    }

    @Override
    public Check withName(String newName) {
        return new Check(newName, expression, notValid, noInherit, comment);
    }

    public Check withExpression(String newExpression) {
        return new Check(name, newExpression, notValid, noInherit, comment);
    }

    public Check withNotValid(boolean value) {
        return new Check(name, expression, value, noInherit, comment);
    }

    public Check withNoInherit(boolean value) {
        return new Check(name, expression, notValid, value, comment);
    }

    public Check withComment(String value) {
        return new Check(name, expression, notValid, noInherit, value);
    }

    @Override
    public <R> R accept(ConstraintVisitor<R> visitor) {
        return visitor.visitCheck(this);
    }
}
