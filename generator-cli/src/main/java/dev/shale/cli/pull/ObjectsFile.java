package dev.shale.cli.pull;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.NameAllocator;
import dev.shale.dsl.PgExtension;
import dev.shale.dsl.PgSchema;
import dev.shale.dsl.PgSequence;
import dev.shale.model.Extension;
import dev.shale.model.Namespace;
import dev.shale.model.QualifiedName;
import dev.shale.model.SchemaModel;
import dev.shale.model.Sequence;
import dev.shale.model.SequenceOptions;

import javax.lang.model.element.Modifier;
import java.util.Set;

/**
 * The pulled standalone objects, as fields of the {@code Schema} holder (after its tables, which a
 * sequence's OWNED BY names; and in the class a project's config may name as its schema class): a
 * {@code PgSchema} per schema worth declaring (one with a comment, or one that holds nothing else), a
 * {@code PgExtension} per extension (schema and version pinned as found) and a {@code PgSequence} per
 * standalone sequence.
 */
final class ObjectsFile {
    private ObjectsFile() {}

    static void addFields(TypeSpec.Builder b, SchemaModel model, JavaNames names, ClassName schemaHolder) {
        NameAllocator constants = new NameAllocator();
        Set<String> used = new java.util.HashSet<>();
        model.tables().forEach(t -> used.add(t.name().schema()));
        model.enums().forEach(e -> used.add(e.name().schema()));
        model.sequences().forEach(q -> used.add(q.name().schema()));
        for (Namespace n : model.namespaces()) {
            boolean empty = !used.contains(n.name()) && !n.name().equals(QualifiedName.DEFAULT_SCHEMA);
            if (n.comment() == null && !empty) {
                continue;
            }
            CodeBlock init = CodeBlock.of("$T.schema($S)$L", PgSchema.class, n.name(),
                    n.comment() == null ? "" : CodeBlock.of(".comment($S)", n.comment()));
            b.addField(field(PgSchema.class, constants.newName(JavaNames.upperSnake("schema_" + n.name())), init));
        }
        for (Extension e : model.extensions()) {
            CodeBlock.Builder init = CodeBlock.builder().add("$T.extension($S)", PgExtension.class, e.name());
            if (e.schema() != null) {
                init.add(".schema($S)", e.schema());
            }
            if (e.version() != null) {
                init.add(".version($S)", e.version());
            }
            b.addField(field(PgExtension.class, constants.newName(JavaNames.upperSnake("extension_" + e.name())), init.build()));
        }
        for (Sequence q : model.sequences()) {
            CodeBlock.Builder init = CodeBlock.builder();
            if (q.name().schema().equals(QualifiedName.DEFAULT_SCHEMA)) {
                init.add("$T.sequence($S)", PgSequence.class, q.name().name());
            } else {
                init.add("$T.sequence($S, $S)", PgSequence.class, q.name().schema(), q.name().name());
            }
            SequenceOptions o = q.options();
            if (o.type() != null) {
                init.add(".as($S)", o.type());
            }
            if (o.start() != null) {
                init.add(".startWith($LL)", o.start());
            }
            if (o.increment() != null) {
                init.add(".incrementBy($LL)", o.increment());
            }
            if (o.minValue() != null) {
                init.add(".minValue($LL)", o.minValue());
            }
            if (o.maxValue() != null) {
                init.add(".maxValue($LL)", o.maxValue());
            }
            if (o.cache() != null) {
                init.add(".cache($LL)", o.cache());
            }
            if (o.cycle()) {
                init.add(".cycle()");
            }
            if (q.ownedBy() != null) {
                JavaNames.TableNames t = names.table(q.ownedBy().table());
                init.add(".ownedBy($T.$L.$L)", schemaHolder, t.constant(), t.fields().get(q.ownedBy().column()));
            }
            if (q.comment() != null) {
                init.add(".comment($S)", q.comment());
            }
            b.addField(field(PgSequence.class, constants.newName(JavaNames.upperSnake("sequence_" + q.name().schema() + "_" + q.name().name())),
                    init.build()));
        }

    }

    private static FieldSpec field(Class<?> type, String name, CodeBlock init) {
        return FieldSpec.builder(type, name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL).initializer(init).build();
    }
}
