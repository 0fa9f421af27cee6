package dev.shale.dsl;

import dev.shale.model.InvalidModelException;
import dev.shale.model.QualifiedName;
import dev.shale.model.Routine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A user-defined aggregate: its input types, state function and state type, and optionally a final
 * function, an initial condition and a combine function. Functions are named as SQL names them
 * ({@code "app.add_state"}), or passed as the {@link PgFunction} declared in code:
 * {@code PgAggregate.of("my_sum").input("integer").stateFunction(ADD).stateType("integer").initialCondition("0")}.
 */
public final class PgAggregate {
    private final QualifiedName name;
    private final SourceLocation location;
    private final List<Routine.Argument> inputs = new ArrayList<>();
    private String stateFunction;
    private String stateType;
    private String finalFunction;
    private String initialCondition;
    private String combineFunction;
    private Routine.Parallel parallel = Routine.Parallel.UNSAFE;
    private String comment;

    private PgAggregate(String schema, String name) {
        this.location = SourceLocation.caller();
        try {
            this.name = QualifiedName.of(schema, name);
        } catch (InvalidModelException e) {
            throw new SchemaDefinitionException(location, e.getMessage());
        }
    }

    public static PgAggregate of(String name) {
        return new PgAggregate(QualifiedName.DEFAULT_SCHEMA, name);
    }

    public static PgAggregate inSchema(String schema, String name) {
        return new PgAggregate(schema, name);
    }

    /** An input type. */
    public PgAggregate input(String sqlType) {
        inputs.add(new Routine.Argument(null, sqlType, Routine.Mode.IN, null));
        return this;
    }

    public PgAggregate stateFunction(String functionName) {
        this.stateFunction = functionName;
        return this;
    }

    public PgAggregate stateFunction(PgFunction function) {
        return stateFunction(qualified(function.name()));
    }

    public PgAggregate stateType(String sqlType) {
        this.stateType = sqlType;
        return this;
    }

    public PgAggregate finalFunction(String functionName) {
        this.finalFunction = functionName;
        return this;
    }

    public PgAggregate finalFunction(PgFunction function) {
        return finalFunction(qualified(function.name()));
    }

    /** INITCOND: the state's initial value as text ({@code "0"}, {@code "{}"}). */
    public PgAggregate initialCondition(String text) {
        this.initialCondition = text;
        return this;
    }

    public PgAggregate combineFunction(String functionName) {
        this.combineFunction = functionName;
        return this;
    }

    public PgAggregate combineFunction(PgFunction function) {
        return combineFunction(qualified(function.name()));
    }

    public PgAggregate parallelSafe() {
        this.parallel = Routine.Parallel.SAFE;
        return this;
    }

    public PgAggregate parallelRestricted() {
        this.parallel = Routine.Parallel.RESTRICTED;
        return this;
    }

    public PgAggregate comment(String text) {
        this.comment = text;
        return this;
    }

    public QualifiedName name() {
        return name;
    }

    SourceLocation location() {
        return location;
    }

    private static String qualified(QualifiedName n) {
        return quote(n.schema()) + "." + quote(n.name());
    }

    private static String quote(String identifier) {
        return identifier.matches("[a-z_][a-z0-9_$]*") ? identifier : "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    public Routine toModel() {
        return Table.modelOrFail(location, () -> new Routine(name, Routine.Kind.AGGREGATE, inputs, null, null, null, null,
                false, false, parallel, Map.of(), new Routine.Aggregate(stateFunction, stateType, finalFunction,
                initialCondition, combineFunction), comment));
    }
}
