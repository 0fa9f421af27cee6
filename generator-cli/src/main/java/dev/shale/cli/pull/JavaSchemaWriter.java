package dev.shale.cli.pull;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.shale.dsl.IndexKeySpec;
import dev.shale.dsl.PgEnum;
import dev.shale.model.EnumType;
import dev.shale.model.IndexMethod;
import dev.shale.model.QualifiedName;
import dev.shale.model.ReferentialAction;
import dev.shale.model.SchemaModel;
import dev.shale.model.Table;

import javax.lang.model.SourceVersion;
import javax.lang.model.element.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a {@link SchemaModel} as Java DSL sources, the code half of {@code shale pull}: one class per
 * table (external tables extend {@code ExternalTable}), an {@code Enums} class with a {@code PgEnum}
 * per enum, and a {@code Schema} class holding one instance of each table, then the schemas,
 * extensions and sequences ({@link ObjectsFile}). Loading the sources with
 * {@code SchemaBuilder.fromClasses} gives the same model back.
 */
public final class JavaSchemaWriter {
    private JavaSchemaWriter() {}

    /**
     * The sources, by path relative to the source root ({@code com/example/db/Users.java}), sorted.
     *
     * @param model the schema to write
     * @param packageName the package of the generated classes
     * @throws IllegalArgumentException if the package name is not a legal one, or the model holds
     *     something the DSL cannot declare (a foreign key of more than three columns)
     */
    public static Map<String, String> write(SchemaModel model, String packageName) {
        if (packageName == null || !SourceVersion.isName(packageName)) {
            throw new IllegalArgumentException("\"" + packageName + "\" is not a Java package name;"
                    + " pass one such as com.example.db");
        }
        JavaNames names = new JavaNames(model);
        Map<String, String> files = new TreeMap<>();
        String dir = packageName.replace('.', '/') + "/";
        ClassName schema = ClassName.get(packageName, "Schema");
        TypeSpec.Builder holder = TypeSpec.classBuilder(schema).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("The pulled schema: one instance of each table, so foreign keys can name the column they reference.\n")
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        List<Table> owned = PartitionCode.parentsFirst(model.tables());
        for (int i = 0; i < owned.size() + model.externalTables().size(); i++) {
            boolean external = i >= owned.size();
            Table t = external ? model.externalTables().get(i - owned.size()) : owned.get(i);
            TypeSpec spec = new TableFile(t, external, model, names, packageName).typeSpec();
            files.put(dir + spec.name() + ".java", render(packageName, spec));
            ClassName cls = ClassName.get(packageName, spec.name());
            holder.addField(FieldSpec.builder(cls, names.table(t.name()).constant(),
                    Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL).initializer("new $T()", cls).build());
        }
        ObjectsFile.addFields(holder, model, names, schema);
        ClassName roles = ClassName.get(packageName, "Roles");
        java.util.Map<String, String> roleConstants = AccessCode.roleConstants(model);
        AccessCode.addObjectGrants(holder, model, roles, roleConstants,
                q -> JavaNames.upperSnake("sequence_" + q.schema() + "_" + q.name()));
        TypeSpec rolesSpec = AccessCode.roles(model, roles, roleConstants);
        if (rolesSpec != null) {
            files.put(dir + "Roles.java", render(packageName, rolesSpec));
        }
        files.put(dir + "Schema.java", render(packageName, holder.build()));
        files.put(dir + "Enums.java", render(packageName, enums(model, names)));
        if (!model.routines().isEmpty()) {
            files.put(dir + "Functions.java", render(packageName, RoutinesFile.typeSpec(model)));
        }
        if (!model.domains().isEmpty() || !model.compositeTypes().isEmpty()) {
            files.put(dir + "Types.java", render(packageName, new TypesFile(model, names, packageName).typeSpec()));
        }
        return files;
    }

    private static TypeSpec enums(SchemaModel model, JavaNames names) {
        TypeSpec.Builder b = TypeSpec.classBuilder("Enums").addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("The schema's PostgreSQL enums, labels in their sort order.\n")
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        for (EnumType e : model.enums()) {
            List<CodeBlock> args = new ArrayList<>();
            boolean isPublic = e.name().schema().equals(QualifiedName.DEFAULT_SCHEMA);
            if (!isPublic) {
                args.add(CodeBlock.of("$S", e.name().schema()));
            }
            args.add(CodeBlock.of("$S", e.name().name()));
            e.values().forEach(v -> args.add(CodeBlock.of("$S", v)));
            b.addField(FieldSpec.builder(ParameterizedTypeName.get(PgEnum.class, String.class), names.enumConstant(e.name()),
                            Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .initializer("$T.$L($L)$L", PgEnum.class, isPublic ? "of" : "inSchema", CodeBlock.join(args, ", "),
                            e.comment() == null ? "" : CodeBlock.of(".comment($S)", e.comment()))
                    .build());
        }
        return b.build();
    }

    /** The file's text, with static imports for the DSL constants it uses, so it reads like hand-written code. */
    private static String render(String packageName, TypeSpec spec) {
        // which constants it uses, read off the type alone: it prints every name in full and, unlike a JavaFile,
        // does not make a second pass to collect imports (at 1,000 tables the file pass was a quarter of pull's work)
        String plain = spec.toString();
        JavaFile.Builder file = JavaFile.builder(packageName, spec).indent("    ").skipJavaLangImports(true);
        if (plain.contains("IndexKeySpec.expression(")) {
            file.addStaticImport(IndexKeySpec.class, "expression");
        }
        for (ReferentialAction a : ReferentialAction.values()) {
            if (plain.contains("ReferentialAction." + a.name())) {
                file.addStaticImport(a);
            }
        }
        for (dev.shale.model.Grant.Privilege p : dev.shale.model.Grant.Privilege.values()) {
            if (plain.contains("Grant.Privilege." + p.name())) {
                file.addStaticImport(p);
            }
        }
        for (IndexMethod m : IndexMethod.values()) {
            if (plain.contains("IndexMethod." + m.name())) {
                file.addStaticImport(m);
            }
        }
        return file.build().toString();
    }
}
