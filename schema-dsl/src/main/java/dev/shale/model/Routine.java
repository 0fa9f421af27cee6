package dev.shale.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A function, a procedure or a user-defined aggregate. Its identity is its schema, name and argument
 * types ({@link #signature()}), as in PostgreSQL, so overloads are told apart; everything else
 * (body, attributes, return type) is what may change.
 *
 * <p>Types are SQL type names as the declaration writes them ({@code integer}, {@code text[]},
 * {@code public.mood}); introspection gives them as PostgreSQL's {@code format_type} prints them.
 * The body is kept exactly as written, because PostgreSQL stores it verbatim ({@code prosrc}).
 *
 * @param name the schema and name
 * @param kind function, procedure or aggregate
 * @param arguments the arguments in order (an aggregate's are its input types, usually unnamed)
 * @param returns the return type as SQL writes it ({@code integer}, {@code trigger}, {@code void},
 *                {@code SETOF app.users}, {@code TABLE(id integer, name text)}); null for a procedure
 *                and an aggregate
 * @param language the language ({@code sql}, {@code plpgsql}), lower case; null for an aggregate
 * @param body the body as written; null for an aggregate
 * @param volatility VOLATILE, STABLE or IMMUTABLE (functions only; VOLATILE otherwise)
 * @param strict whether it returns NULL on NULL input without being called (functions only)
 * @param securityDefiner whether it runs with its owner's privileges
 * @param parallel its parallel safety (functions and aggregates; UNSAFE for a procedure)
 * @param settings {@code SET name = value} options, by name ({@code search_path -> "public, pg_temp"})
 * @param aggregate the state function and type of an aggregate, else null
 * @param comment its comment, or null
 */
public record Routine(QualifiedName name, Kind kind, List<Argument> arguments, String returns, String language,
                      String body, Volatility volatility, boolean strict, boolean securityDefiner, Parallel parallel,
                      Map<String, String> settings, Aggregate aggregate, String comment) {

    /** The kinds of routine, as {@code pg_proc.prokind} tells them apart. */
    public enum Kind {
        FUNCTION, PROCEDURE, AGGREGATE;

        /** {@code function}, for messages and SQL. */
        public String sql() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How a function's result depends on the database state ({@code provolatile}). */
    public enum Volatility { VOLATILE, STABLE, IMMUTABLE }

    /** Whether a function may run in parallel workers ({@code proparallel}). */
    public enum Parallel { UNSAFE, RESTRICTED, SAFE }

    /** The mode of an argument. */
    public enum Mode { IN, OUT, INOUT, VARIADIC }

    /**
     * One argument.
     *
     * @param name its name, or null for an unnamed argument
     * @param type its type as SQL writes it
     * @param mode IN, OUT, INOUT or VARIADIC
     * @param defaultExpression its default as an SQL expression, or null
     */
    public record Argument(String name, String type, Mode mode, String defaultExpression) {
        public Argument {
            if (name != null) {
                Identifiers.require("argument", name);
            }
            if (type == null || type.isBlank()) {
                throw new InvalidModelException("argument " + (name == null ? "" : Identifiers.show(name)), "a type is required");
            }
            type = type.strip();
            mode = mode == null ? Mode.IN : mode;
            if (defaultExpression != null && defaultExpression.isBlank()) {
                defaultExpression = null;
            }
            if (defaultExpression != null && mode == Mode.OUT) {
                throw new InvalidModelException("argument " + (name == null ? type : Identifiers.show(name)),
                        "an OUT argument cannot have a default");
            }
        }

        public static Argument in(String name, String type) {
            return new Argument(name, type, Mode.IN, null);
        }

        /** Whether the argument is part of the call signature (every mode but OUT). */
        public boolean isInput() {
            return mode != Mode.OUT;
        }
    }

    /**
     * What makes an aggregate: {@code CREATE AGGREGATE name (args) (SFUNC = ..., STYPE = ..., ...)}.
     *
     * @param stateFunction SFUNC, a function name ({@code public.int4pl}, or unqualified for pg_catalog's)
     * @param stateType STYPE, a type name
     * @param finalFunction FINALFUNC, or null
     * @param initialCondition INITCOND as the text PostgreSQL keeps, or null
     * @param combineFunction COMBINEFUNC, or null
     */
    public record Aggregate(String stateFunction, String stateType, String finalFunction, String initialCondition,
                            String combineFunction) {
        public Aggregate {
            if (stateFunction == null || stateFunction.isBlank() || stateType == null || stateType.isBlank()) {
                throw new InvalidModelException("aggregate", "a state function (SFUNC) and a state type (STYPE) are required");
            }
        }
    }

    public Routine {
        if (name == null) {
            throw new InvalidModelException("routine", "name is required");
        }
        if (kind == null) {
            throw new InvalidModelException("routine " + name.display(), "a kind (function, procedure, aggregate) is required");
        }
        arguments = List.copyOf(arguments == null ? List.of() : arguments);
        volatility = volatility == null ? Volatility.VOLATILE : volatility;
        parallel = parallel == null ? Parallel.UNSAFE : parallel;
        settings = java.util.Collections.unmodifiableMap(new TreeMap<>(settings == null ? Map.of() : settings));
        comment = Comments.normalize(comment);
        language = language == null ? null : language.strip().toLowerCase(Locale.ROOT);
        returns = returns == null || returns.isBlank() ? null : returns.strip();
        String self = kind.sql() + " " + name.display();
        java.util.Set<String> names = new java.util.HashSet<>();
        boolean defaults = false;
        for (Argument a : arguments) {
            if (a.name() != null && !names.add(a.name())) {
                throw new InvalidModelException(self, "two arguments are named " + Identifiers.show(a.name()));
            }
            if (a.isInput()) {
                if (a.defaultExpression() != null) {
                    defaults = true;
                } else if (defaults) {
                    throw new InvalidModelException(self, "argument " + (a.name() == null ? a.type() : Identifiers.show(a.name()))
                            + " has no default but follows one that has; PostgreSQL requires defaults on every input argument after the first");
                }
            }
        }
        switch (kind) {
            case FUNCTION -> {
                requireBody(self, language, body);
                if (returns == null) {
                    throw new InvalidModelException(self, "a return type is required (void, trigger, a type, SETOF type or TABLE(...))");
                }
                if (aggregate != null) {
                    throw new InvalidModelException(self, "only an aggregate has a state function");
                }
            }
            case PROCEDURE -> {
                requireBody(self, language, body);
                if (returns != null) {
                    throw new InvalidModelException(self, "a procedure has no return type (use OUT or INOUT arguments)");
                }
                if (volatility != Volatility.VOLATILE || strict || parallel != Parallel.UNSAFE) {
                    throw new InvalidModelException(self, "a procedure has no volatility, strictness or parallel safety");
                }
                if (aggregate != null) {
                    throw new InvalidModelException(self, "only an aggregate has a state function");
                }
            }
            case AGGREGATE -> {
                if (aggregate == null) {
                    throw new InvalidModelException(self, "an aggregate needs its state function and state type");
                }
                if (returns != null || language != null || body != null || strict || securityDefiner
                        || volatility != Volatility.VOLATILE || !settings.isEmpty()) {
                    throw new InvalidModelException(self, "an aggregate has no return type, language, body, volatility,"
                            + " strictness, SECURITY DEFINER or SET options of its own (its functions have them)");
                }
                for (Argument a : arguments) {
                    if (a.mode() == Mode.OUT || a.mode() == Mode.INOUT || a.defaultExpression() != null) {
                        throw new InvalidModelException(self, "an aggregate's arguments are input types without defaults");
                    }
                }
            }
        }
        for (String setting : settings.keySet()) {
            Identifiers.require(self + ", SET option", setting);
        }
    }

    private static void requireBody(String self, String language, String body) {
        if (language == null || language.isBlank()) {
            throw new InvalidModelException(self, "a language is required (sql, plpgsql)");
        }
        if (body == null || body.isBlank()) {
            throw new InvalidModelException(self, "a body is required");
        }
    }

    /** A function with no attributes beyond the defaults. */
    public static Routine function(QualifiedName name, List<Argument> arguments, String returns, String language, String body) {
        return new Routine(name, Kind.FUNCTION, arguments, returns, language, body, null, false, false, null, Map.of(), null, null);
    }

    /** The types of the call signature, comma-separated: {@code integer, text}. */
    public String argumentTypes() {
        List<String> types = new ArrayList<>();
        for (Argument a : arguments) {
            if (a.isInput()) {
                types.add(a.type());
            }
        }
        return String.join(", ", types);
    }

    /** What tells overloads apart: {@code schema.name(integer, text)}; the snapshot key. */
    public String signature() {
        return name.key() + "(" + argumentTypes() + ")";
    }

    /** For messages: {@code function "app"."add"(integer, integer)}. */
    public String display() {
        return kind.sql() + " " + name.display() + "(" + argumentTypes() + ")";
    }

    /** Whether {@code other} is the same routine (same name and argument types), perhaps changed. */
    public boolean sameIdentity(Routine other) {
        return name.equals(other.name) && argumentTypes().equals(other.argumentTypes());
    }

    public Routine withName(QualifiedName value) {
        return new Routine(value, kind, arguments, returns, language, body, volatility, strict, securityDefiner, parallel,
                settings, aggregate, comment);
    }

    public Routine withArguments(List<Argument> value) {
        return new Routine(name, kind, value, returns, language, body, volatility, strict, securityDefiner, parallel,
                settings, aggregate, comment);
    }

    public Routine withReturns(String value) {
        return new Routine(name, kind, arguments, value, language, body, volatility, strict, securityDefiner, parallel,
                settings, aggregate, comment);
    }

    public Routine withBody(String value) {
        return new Routine(name, kind, arguments, returns, language, value, volatility, strict, securityDefiner, parallel,
                settings, aggregate, comment);
    }

    public Routine withAggregate(Aggregate value) {
        return new Routine(name, kind, arguments, returns, language, body, volatility, strict, securityDefiner, parallel,
                settings, value, comment);
    }

    public Routine withComment(String value) {
        return new Routine(name, kind, arguments, returns, language, body, volatility, strict, securityDefiner, parallel,
                settings, aggregate, value);
    }
}
