package dev.shale.cli.pull;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.NameAllocator;
import dev.shale.dsl.PgExtension;
import dev.shale.dsl.PgSchema;
import dev.shale.dsl.PgSequence;
import dev.shale.dsl.PgView;
import dev.shale.model.Index;
import dev.shale.model.IndexKey;
import dev.shale.model.IndexMethod;
import dev.shale.model.NullsOrder;
import dev.shale.model.View;
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
 * {@code PgExtension} per extension (schema and version pinned as found), a {@code PgSequence} per
 * standalone sequence and a {@code PgView} per view and materialized view.
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
        for (View v : model.views()) {
            b.addField(field(PgView.class, constants.newName(JavaNames.upperSnake((v.materialized() ? "materialized_view_" : "view_")
                    + v.name().schema() + "_" + v.name().name())), view(v)));
        }

    }

    /**
     * {@code PgView.view("s", "v").as("...")} with its typed columns as read (so a later change of its query can
     * be a CREATE OR REPLACE), options, indexes and comment.
     */
    private static CodeBlock view(View v) {
        CodeBlock.Builder init = CodeBlock.builder();
        String factory = v.materialized() ? "materializedView" : "view";
        if (v.name().schema().equals(QualifiedName.DEFAULT_SCHEMA)) {
            init.add("$T.$L($S)", PgView.class, factory, v.name().name());
        } else {
            init.add("$T.$L($S, $S)", PgView.class, factory, v.name().schema(), v.name().name());
        }
        init.add("\n.as($S)", v.query());
        for (View.Column c : v.columns()) {
            if (c.type() == null) {
                init.add("\n.columns($S)", c.name());
            } else {
                init.add("\n.column($S, $S)", c.name(), c.type());
            }
        }
        if (v.checkOption() != View.CheckOption.NONE) {
            init.add("\n.withCheckOption($T.$L)", View.CheckOption.class, v.checkOption().name());
        }
        if (v.securityBarrier()) {
            init.add("\n.securityBarrier()");
        }
        if (v.securityInvoker()) {
            init.add("\n.securityInvoker()");
        }
        if (!v.withData()) {
            init.add("\n.withNoData()");
        }
        v.storage().forEach((k, val) -> init.add("\n.with($S, $S)", k, val));
        for (Index ix : v.indexes()) {
            init.add("\n").add(index(ix));
        }
        if (v.comment() != null) {
            init.add("\n.comment($S)", v.comment());
        }
        return init.build();
    }

    /** {@code .index("n", "a", "b")} for a plain one; else the model's index spelled out. */
    private static CodeBlock index(Index ix) {
        boolean plain = ix.method() == IndexMethod.BTREE && ix.where() == null && ix.include().isEmpty() && !ix.nullsNotDistinct()
                && ix.storage().isEmpty() && ix.comment() == null && ix.keys().stream().allMatch(k -> k.column() != null
                && !k.descending() && k.nulls() == NullsOrder.DEFAULT && k.collation() == null && k.opclass() == null);
        if (plain) {
            CodeBlock.Builder b = CodeBlock.builder().add(ix.unique() ? ".uniqueIndex($S" : ".index($S", ix.name());
            ix.keys().forEach(k -> b.add(", $S", k.column()));
            return b.add(")").build();
        }
        CodeBlock.Builder keys = CodeBlock.builder();
        for (int i = 0; i < ix.keys().size(); i++) {
            IndexKey k = ix.keys().get(i);
            keys.add(i == 0 ? "" : ", ").add("new $T($S, $S, $L, $T.$L, $S, $S)", IndexKey.class, k.column(), k.expression(),
                    k.descending(), NullsOrder.class, k.nulls().name(), k.collation(), k.opclass());
        }
        CodeBlock.Builder include = CodeBlock.builder();
        ix.include().forEach(c -> include.add(include.isEmpty() ? "$S" : ", $S", c));
        CodeBlock.Builder storage = CodeBlock.builder();
        ix.storage().forEach((k, val) -> storage.add(storage.isEmpty() ? "$S, $S" : ", $S, $S", k, val));
        return CodeBlock.of(".index(new $T($S, $L, $T.$L, $T.of($L), $S, $T.of($L), $L, $T.of($L), $S))", Index.class, ix.name(),
                ix.unique(), IndexMethod.class, ix.method().name(), java.util.List.class, keys.build(), ix.where(),
                java.util.List.class, include.build(), ix.nullsNotDistinct(), java.util.Map.class, storage.build(), ix.comment());
    }

    private static FieldSpec field(Class<?> type, String name, CodeBlock init) {
        return FieldSpec.builder(type, name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL).initializer(init).build();
    }
}
