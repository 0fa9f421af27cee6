package dev.shale.dsl;

import dev.shale.model.InvalidModelException;
import dev.shale.model.QualifiedName;
import dev.shale.model.Routine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A function or procedure declared in code, with its signature, language, body and attributes. Hold it
 * in a static field (of a {@code Functions} class, say) so the schema collects it, and hand it to
 * {@code trigger(...)} in a table's constructor when it is a trigger function:
 * <pre>{@code
 * public static final PgFunction SET_UPDATED_AT = PgFunction.of("set_updated_at").returns("trigger")
 *         .language("plpgsql").body("BEGIN NEW.updated_at = now(); RETURN NEW; END");
 * public static final PgFunction ADD = PgFunction.inSchema("app", "add")
 *         .argument("a", "integer").argument("b", "integer", "0").returns("integer")
 *         .language("sql").immutable().strict().parallelSafe().body("SELECT a + b");
 * }</pre>
 * Overloads are separate declarations with the same name and other argument types.
 */
public final class PgFunction {
    private final QualifiedName name;
    private final Routine.Kind kind;
    private final SourceLocation location;
    private final List<Routine.Argument> arguments = new ArrayList<>();
    private String returns;
    private String language;
    private String body;
    private Routine.Volatility volatility = Routine.Volatility.VOLATILE;
    private boolean strict;
    private boolean securityDefiner;
    private Routine.Parallel parallel = Routine.Parallel.UNSAFE;
    private final Map<String, String> settings = new LinkedHashMap<>();
    private String comment;

    private PgFunction(String schema, String name, Routine.Kind kind) {
        this.location = SourceLocation.caller();
        try {
            this.name = QualifiedName.of(schema, name);
        } catch (InvalidModelException e) {
            throw new SchemaDefinitionException(location, e.getMessage());
        }
        this.kind = kind;
    }

    /** A function in {@code public}. */
    public static PgFunction of(String name) {
        return new PgFunction(QualifiedName.DEFAULT_SCHEMA, name, Routine.Kind.FUNCTION);
    }

    /** A function in {@code schema}. */
    public static PgFunction inSchema(String schema, String name) {
        return new PgFunction(schema, name, Routine.Kind.FUNCTION);
    }

    /** A procedure (called with CALL) in {@code public}. */
    public static PgFunction procedure(String name) {
        return new PgFunction(QualifiedName.DEFAULT_SCHEMA, name, Routine.Kind.PROCEDURE);
    }

    /** A procedure in {@code schema}. */
    public static PgFunction procedure(String schema, String name) {
        return new PgFunction(schema, name, Routine.Kind.PROCEDURE);
    }

    /** An IN argument of a type written as SQL writes it ({@code "integer"}, {@code "text[]"}). */
    public PgFunction argument(String argumentName, String sqlType) {
        return add(new Routine.Argument(argumentName, sqlType, Routine.Mode.IN, null));
    }

    /** An IN argument with a default, an SQL expression ({@code "0"}, {@code "now()"}). */
    public PgFunction argument(String argumentName, String sqlType, String defaultExpression) {
        return add(new Routine.Argument(argumentName, sqlType, Routine.Mode.IN, defaultExpression));
    }

    /** An argument of any mode (OUT, INOUT, VARIADIC), without a default. */
    public PgFunction argument(Routine.Mode mode, String argumentName, String sqlType) {
        return add(new Routine.Argument(argumentName, sqlType, mode, null));
    }

    /** An argument of any mode with a default (INOUT, VARIADIC). */
    public PgFunction argument(Routine.Mode mode, String argumentName, String sqlType, String defaultExpression) {
        return add(new Routine.Argument(argumentName, sqlType, mode, defaultExpression));
    }

    /** An OUT argument. */
    public PgFunction out(String argumentName, String sqlType) {
        return argument(Routine.Mode.OUT, argumentName, sqlType);
    }

    /** The return type: {@code "integer"}, {@code "void"}, {@code "trigger"}, {@code "SETOF app.users"}, {@code "TABLE(id int, name text)"}. */
    public PgFunction returns(String sqlType) {
        this.returns = sqlType;
        return this;
    }

    /** The language: {@code "sql"} or {@code "plpgsql"} (any installed language). */
    public PgFunction language(String languageName) {
        this.language = languageName;
        return this;
    }

    /** The body, as PostgreSQL will store it (it is dollar-quoted in the migration). */
    public PgFunction body(String text) {
        this.body = text;
        return this;
    }

    public PgFunction immutable() {
        this.volatility = Routine.Volatility.IMMUTABLE;
        return this;
    }

    public PgFunction stable() {
        this.volatility = Routine.Volatility.STABLE;
        return this;
    }

    /** RETURNS NULL ON NULL INPUT. */
    public PgFunction strict() {
        this.strict = true;
        return this;
    }

    public PgFunction securityDefiner() {
        this.securityDefiner = true;
        return this;
    }

    public PgFunction parallelSafe() {
        this.parallel = Routine.Parallel.SAFE;
        return this;
    }

    public PgFunction parallelRestricted() {
        this.parallel = Routine.Parallel.RESTRICTED;
        return this;
    }

    /** {@code SET search_path = <value>}: the value as SQL writes it ({@code "public, pg_temp"}, {@code "''"}). */
    public PgFunction searchPath(String value) {
        return set("search_path", value);
    }

    /** {@code SET name = value} while the function runs. */
    public PgFunction set(String setting, String value) {
        settings.put(setting, value);
        return this;
    }

    public PgFunction comment(String text) {
        this.comment = text;
        return this;
    }

    private PgFunction add(Routine.Argument argument) {
        arguments.add(argument);
        return this;
    }

    public QualifiedName name() {
        return name;
    }

    SourceLocation location() {
        return location;
    }

    /** The routine the declaration makes; a declaration that breaks a rule fails naming its line. */
    public Routine toModel() {
        return Table.modelOrFail(location, () -> new Routine(name, kind, arguments, returns, language, body, volatility,
                strict, securityDefiner, parallel, settings, null, comment));
    }
}
