package dev.shale.cli.pull;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.shale.dsl.PgComposite;
import dev.shale.dsl.PgDomain;
import dev.shale.model.Check;
import dev.shale.model.ColumnType;
import dev.shale.model.CompositeType;
import dev.shale.model.DefaultValue;
import dev.shale.model.Domain;
import dev.shale.model.QualifiedName;
import dev.shale.model.SchemaModel;
import dev.shale.model.UserTypes;

import javax.lang.model.element.Modifier;

/**
 * The {@code Types} class of pulled code: a {@code PgDomain} or {@code PgComposite} constant per domain
 * and composite type, each after the ones it uses.
 */
final class TypesFile {
    private final SchemaModel model;
    private final JavaNames names;
    private final ClassName enums;
    private final ClassName types;

    TypesFile(SchemaModel model, JavaNames names, String packageName) {
        this.model = model;
        this.names = names;
        this.enums = ClassName.get(packageName, "Enums");
        this.types = ClassName.get(packageName, "Types");
    }

    TypeSpec typeSpec() {
        TypeSpec.Builder b = TypeSpec.classBuilder(types).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("The schema's domains and composite types, each after the types it uses.\n")
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        for (QualifiedName name : UserTypes.createOrder(model)) {
            Domain d = model.domain(name);
            if (d != null) {
                b.addField(FieldSpec.builder(PgDomain.class, names.typeConstant(name), Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .initializer(domain(d)).build());
            } else {
                b.addField(FieldSpec.builder(PgComposite.class, names.typeConstant(name), Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .initializer(composite(model.compositeType(name))).build());
            }
        }
        return b.build();
    }

    private CodeBlock domain(Domain d) {
        CodeBlock.Builder b = CodeBlock.builder();
        ColumnType base = d.type() instanceof ColumnType.ArrayOf a ? a.element() : d.type();
        boolean array = d.type() instanceof ColumnType.ArrayOf;
        CodeBlock over = reference(base);
        if (over == null) {
            over = CodeBlock.of("$S", text(d.type(), "domain " + d.name().display()));
            array = false;
        }
        b.add("$T.inSchema($S, $S, $L)", PgDomain.class, d.name().schema(), d.name().name(), over);
        if (array) {
            b.add(".array()");
        }
        if (d.collation() != null) {
            b.add(".collate($S)", d.collation());
        }
        DefaultValue v = d.defaultValue();
        if (v != null) {
            b.add(v.kind() == DefaultValue.Kind.STRING ? ".defaultValue($S)" : ".defaultExpression($S)", v.value());
        }
        if (d.notNull()) {
            b.add(".notNull()");
        }
        for (Check k : d.checks()) {
            b.add(k.notValid() ? "\n.checkNotValid($S, $S)" : "\n.check($S, $S)", k.name(), k.expression());
        }
        if (d.comment() != null) {
            b.add(".comment($S)", d.comment());
        }
        return b.build();
    }

    private CodeBlock composite(CompositeType c) {
        CodeBlock.Builder b = CodeBlock.builder().add("$T.inSchema($S, $S)", PgComposite.class, c.name().schema(), c.name().name());
        for (CompositeType.Attribute a : c.attributes()) {
            CodeBlock ref = reference(a.type());
            if (ref != null && a.collation() == null) {
                b.add("\n.attribute($S, $L)", a.name(), ref);
            } else if (a.collation() != null) {
                b.add("\n.attribute($S, $S, $S)", a.name(), text(a.type(), "attribute " + a.name()), a.collation());
            } else {
                b.add("\n.attribute($S, $S)", a.name(), text(a.type(), "attribute " + a.name()));
            }
        }
        if (c.comment() != null) {
            b.add(".comment($S)", c.comment());
        }
        return b.build();
    }

    /** {@code Enums.MOOD} or {@code Types.EMAIL} for a type of the schema (not an array), else null. */
    private CodeBlock reference(ColumnType type) {
        if (type instanceof ColumnType.EnumRef e) {
            return CodeBlock.of("$T.$N", enums, names.enumConstant(e.name()));
        }
        if (type instanceof ColumnType.DomainRef d) {
            return CodeBlock.of("$T.$N", types, names.typeConstant(d.name()));
        }
        if (type instanceof ColumnType.CompositeRef c) {
            return CodeBlock.of("$T.$N", types, names.typeConstant(c.name()));
        }
        return null;
    }

    /** The type as the DSL reads it from text; a type of the schema has no such text. */
    private static String text(ColumnType type, String where) {
        if (type instanceof ColumnType.ArrayOf a) {
            return text(a.element(), where) + "[]";
        }
        if (type instanceof ColumnType.Named n) {
            return n.sql();
        }
        if (type instanceof ColumnType.Builtin b) {
            return b.spec();
        }
        throw new IllegalArgumentException(where + " has type " + type.sql() + ", an array of a type of the schema,"
                + " which the DSL cannot declare there yet");
    }
}
