package dev.shale.cli.pull;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.TypeSpec;
import dev.shale.dsl.PgAggregate;
import dev.shale.dsl.PgFunction;
import dev.shale.model.QualifiedName;
import dev.shale.model.Routine;
import dev.shale.model.SchemaModel;
import dev.shale.model.Trigger;

import javax.lang.model.element.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pulled functions, procedures and aggregates as a {@code Functions} class of {@code PgFunction} and
 * {@code PgAggregate} constants, and the triggers as one {@code trigger(...)} statement each in their
 * table's constructor ({@code trigger(Functions.SET_UPDATED_AT).beforeUpdate().forEachRow();}).
 */
final class RoutinesFile {
    private RoutinesFile() {}

    /** The constant of each routine, by signature; overloads get a suffix ({@code ADD}, {@code ADD_2}). */
    static Map<String, String> constants(SchemaModel model) {
        NameAllocator names = new NameAllocator();
        Map<String, String> out = new LinkedHashMap<>();
        for (Routine r : model.routines()) {
            String base = JavaNames.upperSnake((r.name().schema().equals(QualifiedName.DEFAULT_SCHEMA) ? "" : r.name().schema() + "_")
                    + r.name().name());
            String name = base;
            for (int i = 2; out.containsValue(name); i++) {
                name = base + "_" + i;
            }
            out.put(r.signature(), names.newName(name));
        }
        return out;
    }

    static TypeSpec typeSpec(SchemaModel model) {
        Map<String, String> constants = constants(model);
        TypeSpec.Builder b = TypeSpec.classBuilder("Functions").addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("The schema's functions, procedures and aggregates, pulled from the database.\n")
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        for (Routine r : model.routines()) {
            boolean aggregate = r.kind() == Routine.Kind.AGGREGATE;
            b.addField(FieldSpec.builder(aggregate ? PgAggregate.class : PgFunction.class, constants.get(r.signature()),
                    Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL).initializer(aggregate ? aggregate(r) : function(r)).build());
        }
        return b.build();
    }

    private static CodeBlock function(Routine r) {
        CodeBlock.Builder c = CodeBlock.builder();
        boolean isPublic = r.name().schema().equals(QualifiedName.DEFAULT_SCHEMA);
        String factory = r.kind() == Routine.Kind.PROCEDURE ? "procedure" : isPublic ? "of" : "inSchema";
        if (isPublic) {
            c.add("$T.$L($S)", PgFunction.class, factory, r.name().name());
        } else {
            c.add("$T.$L($S, $S)", PgFunction.class, factory, r.name().schema(), r.name().name());
        }
        for (Routine.Argument a : r.arguments()) {
            if (a.mode() == Routine.Mode.IN && a.defaultExpression() == null) {
                c.add("\n.argument($S, $S)", a.name(), a.type());
            } else if (a.mode() == Routine.Mode.IN) {
                c.add("\n.argument($S, $S, $S)", a.name(), a.type(), a.defaultExpression());
            } else if (a.defaultExpression() == null) {
                c.add("\n.argument($T.$L, $S, $S)", Routine.Mode.class, a.mode().name(), a.name(), a.type());
            } else {
                c.add("\n.argument($T.$L, $S, $S, $S)", Routine.Mode.class, a.mode().name(), a.name(), a.type(), a.defaultExpression());
            }
        }
        if (r.returns() != null) {
            c.add("\n.returns($S)", r.returns());
        }
        c.add("\n.language($S)", r.language());
        switch (r.volatility()) {
            case IMMUTABLE -> c.add(".immutable()");
            case STABLE -> c.add(".stable()");
            case VOLATILE -> { }
        }
        if (r.strict()) {
            c.add(".strict()");
        }
        if (r.securityDefiner()) {
            c.add(".securityDefiner()");
        }
        parallel(c, r.parallel());
        r.settings().forEach((k, v) -> {
            if (k.equals("search_path")) {
                c.add("\n.searchPath($S)", v);
            } else {
                c.add("\n.set($S, $S)", k, v);
            }
        });
        c.add("\n.body($S)", r.body());
        if (r.comment() != null) {
            c.add("\n.comment($S)", r.comment());
        }
        return c.build();
    }

    private static CodeBlock aggregate(Routine r) {
        CodeBlock.Builder c = CodeBlock.builder();
        boolean isPublic = r.name().schema().equals(QualifiedName.DEFAULT_SCHEMA);
        if (isPublic) {
            c.add("$T.of($S)", PgAggregate.class, r.name().name());
        } else {
            c.add("$T.inSchema($S, $S)", PgAggregate.class, r.name().schema(), r.name().name());
        }
        r.arguments().forEach(a -> c.add(".input($S)", a.type()));
        Routine.Aggregate a = r.aggregate();
        c.add("\n.stateFunction($S).stateType($S)", a.stateFunction(), a.stateType());
        if (a.finalFunction() != null) {
            c.add(".finalFunction($S)", a.finalFunction());
        }
        if (a.initialCondition() != null) {
            c.add(".initialCondition($S)", a.initialCondition());
        }
        if (a.combineFunction() != null) {
            c.add(".combineFunction($S)", a.combineFunction());
        }
        parallel(c, r.parallel());
        if (r.comment() != null) {
            c.add("\n.comment($S)", r.comment());
        }
        return c.build();
    }

    private static void parallel(CodeBlock.Builder c, Routine.Parallel p) {
        switch (p) {
            case SAFE -> c.add(".parallelSafe()");
            case RESTRICTED -> c.add(".parallelRestricted()");
            case UNSAFE -> { }
        }
    }

    /**
     * The statement of one trigger in its table's constructor, without the semicolon.
     *
     * @param field the Java field of each column of the table
     */
    static CodeBlock trigger(Trigger t, SchemaModel model, ClassName functions, Map<String, String> field) {
        Map<String, String> constants = constants(model);
        Routine function = model.routines().stream()
                .filter(r -> r.name().equals(t.function()) && r.argumentTypes().isEmpty()).findFirst().orElse(null);
        CodeBlock.Builder c = CodeBlock.builder();
        if (function == null) {
            c.add("trigger($S, $T.of($S, $S))", t.name(), QualifiedName.class, t.function().schema(), t.function().name());
        } else if (dev.shale.dsl.DerivedNames.trigger(t.table().name(), t.function().name()).equals(t.name())) {
            c.add("trigger($T.$L)", functions, constants.get(function.signature()));
        } else {
            c.add("trigger($S, $T.$L)", t.name(), functions, constants.get(function.signature()));
        }
        boolean updateOnly = t.events().equals(java.util.EnumSet.of(Trigger.Event.UPDATE));
        if (t.timing() == Trigger.Timing.BEFORE && updateOnly && t.updateColumns().isEmpty()) {
            c.add(".beforeUpdate()");
        } else {
            List<CodeBlock> events = new ArrayList<>();
            for (Trigger.Event e : t.eventList()) {
                if (e != Trigger.Event.UPDATE || t.updateColumns().isEmpty()) {
                    events.add(CodeBlock.of("$T.$L", Trigger.Event.class, e.name()));
                }
            }
            c.add(".$L($L)", t.timing() == Trigger.Timing.BEFORE ? "before" : t.timing() == Trigger.Timing.AFTER ? "after"
                    : "insteadOf", CodeBlock.join(events, ", "));
            if (!t.updateColumns().isEmpty()) {
                c.add(".of($L)", String.join(", ", t.updateColumns().stream().map(field::get).toList()));
            }
        }
        c.add(t.forEachRow() ? ".forEachRow()" : "");
        if (t.when() != null) {
            c.add(".when($S)", t.when());
        }
        if (!t.arguments().isEmpty()) {
            c.add(".arguments($L)", CodeBlock.join(t.arguments().stream().map(a -> CodeBlock.of("$S", a)).toList(), ", "));
        }
        if (t.oldTable() != null) {
            c.add(".referencingOldTable($S)", t.oldTable());
        }
        if (t.newTable() != null) {
            c.add(".referencingNewTable($S)", t.newTable());
        }
        if (t.comment() != null) {
            c.add(".comment($S)", t.comment());
        }
        return c.build();
    }
}
