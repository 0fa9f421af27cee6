package dev.shale.model;

/**
 * A column default: a typed literal (quoted and escaped when rendered) or a SQL expression (rendered
 * as written, such as {@code now()} or {@code gen_random_uuid()}).
 *
 * @param kind how {@code value} is to be read
 * @param value the literal's text or the expression
 */
public record DefaultValue(Kind kind, String value) {
    /** A number default's text; compiled once, as every column default of a snapshot is checked against it. */
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("-?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

    /** How a default's text is rendered. */
    public enum Kind {
        /** A string (or enum label): rendered as a quoted SQL string literal. */
        STRING,
        /** A number: rendered as written. */
        NUMBER,
        /** {@code true} or {@code false}. */
        BOOLEAN,
        /** A SQL expression: rendered as written. */
        EXPRESSION
    }

    public DefaultValue {
        if (kind == null || value == null) {
            throw new InvalidModelException("default value", "kind and value are required");
        }
        switch (kind) {
            case NUMBER -> {
                if (!NUMBER.matcher(value).matches()) {
                    throw new InvalidModelException("default value " + value, "is not a number");
                }
            }
            case BOOLEAN -> {
                if (!value.equals("true") && !value.equals("false")) {
                    throw new InvalidModelException("default value " + value, "a boolean default is true or false");
                }
            }
            case EXPRESSION -> {
                if (value.isBlank()) {
                    throw new InvalidModelException("default expression", "must not be blank");
                }
            }
            case STRING -> { }
        }
    }

    public static DefaultValue string(String value) {
        return new DefaultValue(Kind.STRING, value);
    }

    public static DefaultValue number(String value) {
        return new DefaultValue(Kind.NUMBER, value);
    }

    public static DefaultValue bool(boolean value) {
        return new DefaultValue(Kind.BOOLEAN, Boolean.toString(value));
    }

    public static DefaultValue expression(String sql) {
        return new DefaultValue(Kind.EXPRESSION, sql);
    }
}
