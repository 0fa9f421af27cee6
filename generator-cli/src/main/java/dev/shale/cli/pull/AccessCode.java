package dev.shale.cli.pull;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.TypeSpec;
import dev.shale.dsl.GrantBuilder;
import dev.shale.dsl.PgRole;
import dev.shale.model.Grant;
import dev.shale.model.Policy;
import dev.shale.model.QualifiedName;
import dev.shale.model.Role;
import dev.shale.model.SchemaModel;
import dev.shale.model.Table;

import javax.lang.model.element.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The pulled row-level security, policies, privileges and roles: a {@code Roles} class with a
 * {@code PgRole} per role (external: a database does not say which roles are the project's, so pull
 * never claims one), statements in each table's constructor ({@code enableRowLevelSecurity()},
 * {@code policy(...)...}, {@code grant(...).to(...)}) and, in the {@code Schema} holder, grants on
 * schemas, sequences and functions.
 */
final class AccessCode {
    private AccessCode() {}

    /** The {@code Roles} class, or null when the model names no role. */
    static TypeSpec roles(SchemaModel model, ClassName rolesClass, Map<String, String> constants) {
        if (model.roles().isEmpty()) {
            return null;
        }
        TypeSpec.Builder b = TypeSpec.classBuilder(rolesClass).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("The roles the schema's policies and grants name. Pulled roles are external (never created\n"
                        + "or dropped); declare one with PgRole.owned(...) to let Shale manage it.\n")
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        for (Role r : model.roles()) {
            CodeBlock.Builder init = CodeBlock.builder().add("$T.$L($S)", PgRole.class, r.owned() ? "owned" : "external", r.name());
            if (r.owned()) {
                init.add(r.login() ? ".login()" : "");
                init.add(r.inherit() ? "" : ".noInherit()");
                init.add(r.createDb() ? ".createDb()" : "");
                init.add(r.createRole() ? ".createRole()" : "");
                init.add(r.bypassRls() ? ".bypassRls()" : "");
                if (r.connectionLimit() != -1) {
                    init.add(".connectionLimit($L)", r.connectionLimit());
                }
            }
            b.addField(FieldSpec.builder(PgRole.class, constants.get(r.name()), Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .initializer(init.build()).build());
        }
        return b.build();
    }

    /** A Java constant per role name. */
    static Map<String, String> roleConstants(SchemaModel model) {
        NameAllocator names = new NameAllocator();
        Map<String, String> out = new LinkedHashMap<>();
        model.roles().forEach(r -> out.put(r.name(), names.newName(JavaNames.upperSnake(r.name()), r.name())));
        return out;
    }

    /** Row-level security, policies and table grants, as statements of the table's constructor. */
    static void addToTable(MethodSpec.Builder ctor, Table table, SchemaModel model, ClassName rolesClass,
                           Map<String, String> roleConstants, Function<String, CodeBlock> column) {
        if (table.rowSecurity().enabled()) {
            ctor.addStatement("enableRowLevelSecurity()");
        }
        if (table.rowSecurity().forced()) {
            ctor.addStatement("forceRowLevelSecurity()");
        }
        for (Policy p : model.policiesOn(table.name())) {
            CodeBlock.Builder call = CodeBlock.builder().add("policy($S)", p.name());
            if (p.command() != Policy.Command.ALL) {
                call.add(".for$L()", p.command().name().charAt(0) + p.command().name().substring(1).toLowerCase(java.util.Locale.ROOT));
            }
            if (!p.permissive()) {
                call.add(".restrictive()");
            }
            if (!p.roles().equals(List.of(Policy.PUBLIC))) {
                call.add(".to($L)", roles(p.roles(), rolesClass, roleConstants));
            }
            if (p.using() != null) {
                call.add(".using($S)", p.using());
            }
            if (p.withCheck() != null) {
                call.add(".withCheck($S)", p.withCheck());
            }
            if (p.comment() != null) {
                call.add(".comment($S)", p.comment());
            }
            ctor.addStatement("$L", call.build());
        }
        for (Map.Entry<List<Object>, List<Grant>> e : grouped(model.grants().stream()
                .filter(g -> g.on() == Grant.On.TABLE && g.object().equals(table.name())).toList()).entrySet()) {
            Grant first = e.getValue().get(0);
            CodeBlock.Builder call = CodeBlock.builder().add("grant($L)", privileges(e.getValue()));
            if (first.column() != null) {
                call.add(".onColumns($L)", column.apply(first.column()));
            }
            call.add(".to($L)", roles(List.of(first.grantee()), rolesClass, roleConstants));
            if (first.grantable()) {
                call.add(".withGrantOption()");
            }
            ctor.addStatement("$L", call.build());
        }
    }

    /**
     * Grants on schemas, sequences, functions and views, as {@code GrantBuilder} fields of the holder.
     *
     * @param sequenceField the holder's field of a pulled sequence
     */
    static void addObjectGrants(TypeSpec.Builder holder, SchemaModel model, ClassName rolesClass,
                                Map<String, String> roleConstants, Function<QualifiedName, String> sequenceField) {
        NameAllocator names = new NameAllocator();
        for (Map.Entry<List<Object>, List<Grant>> e : grouped(model.grants().stream()
                .filter(g -> g.on() != Grant.On.TABLE || model.view(g.object()) != null).toList()).entrySet()) {
            Grant first = e.getValue().get(0);
            CodeBlock target = switch (first.on()) {
                case SCHEMA -> CodeBlock.of("$T.onSchema($S)", GrantBuilder.class, first.object().schema());
                case FUNCTION -> CodeBlock.of("$T.onFunction($S, $S, $S)", GrantBuilder.class, first.object().schema(),
                        first.object().name(), first.signature());
                case SEQUENCE -> CodeBlock.of("$L", sequenceField.apply(first.object()));
                case TABLE -> CodeBlock.of("$T.onView($S, $S)", GrantBuilder.class, first.object().schema(), first.object().name());
            };
            CodeBlock init = CodeBlock.of("$L.grant($L).to($L)$L", target, privileges(e.getValue()),
                    roles(List.of(first.grantee()), rolesClass, roleConstants), first.grantable() ? ".withGrantOption()" : "");
            String name = names.newName(JavaNames.upperSnake("grant_" + first.on().name().toLowerCase(java.util.Locale.ROOT) + "_"
                    + first.object().schema() + "_" + first.object().name() + "_" + first.grantee()));
            holder.addField(FieldSpec.builder(GrantBuilder.class, name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .initializer(init).build());
        }
    }

    /** Grants with one object, column, grantee and grant option together, in the model's order. */
    private static Map<List<Object>, List<Grant>> grouped(List<Grant> grants) {
        Map<List<Object>, List<Grant>> out = new LinkedHashMap<>();
        for (Grant g : grants) {
            List<Object> key = java.util.Arrays.asList(g.on(), g.object(), g.signature(), g.column(), g.grantee(), g.grantable());
            out.computeIfAbsent(key, k -> new ArrayList<>()).add(g);
        }
        return out;
    }

    private static CodeBlock privileges(List<Grant> grants) {
        List<CodeBlock> out = new ArrayList<>();
        // the constant in the format itself, so that JavaPoet applies the static import (SELECT, not Grant.Privilege.SELECT)
        grants.forEach(g -> out.add(CodeBlock.of("$T." + g.privilege().name(), Grant.Privilege.class)));
        return CodeBlock.join(out, ", ");
    }

    private static CodeBlock roles(List<String> roles, ClassName rolesClass, Map<String, String> constants) {
        List<CodeBlock> out = new ArrayList<>();
        for (String r : roles) {
            out.add(r.equals(Policy.PUBLIC) ? CodeBlock.of("$T.PUBLIC", PgRole.class) : CodeBlock.of("$T.$L", rolesClass, constants.get(r)));
        }
        return CodeBlock.join(out, ", ");
    }
}
