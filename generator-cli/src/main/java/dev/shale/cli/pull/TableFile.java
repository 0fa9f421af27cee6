package dev.shale.cli.pull;

import dev.shale.dsl.DerivedNames;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.shale.dsl.Column;
import dev.shale.dsl.ExternalTable;
import dev.shale.dsl.IndexKeySpec;
import dev.shale.model.Check;
import dev.shale.model.Deferral;
import dev.shale.model.Exclusion;
import dev.shale.model.ForeignKey;
import dev.shale.model.Index;
import dev.shale.model.IndexKey;
import dev.shale.model.IndexMethod;
import dev.shale.model.NullsOrder;
import dev.shale.model.QualifiedName;
import dev.shale.model.ReferentialAction;
import dev.shale.model.SchemaModel;
import dev.shale.model.Table;
import dev.shale.model.Unique;

import javax.lang.model.element.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One pulled table (owned or external) as a DSL class: column fields, then keys, constraints and indexes in the constructor. */
final class TableFile {
    private final Table table;
    private final boolean external;
    private final SchemaModel model;
    private final JavaNames names;
    private final String packageName;
    private final JavaNames.TableNames own;
    /** Where the columns are: the table itself, or a partition's topmost parent. */
    private final Table columnsOf;

    TableFile(Table table, boolean external, SchemaModel model, JavaNames names, String packageName) {
        this.table = table;
        this.external = external;
        this.model = model;
        this.names = names;
        this.packageName = packageName;
        this.own = names.table(table.name());
        this.columnsOf = PartitionCode.root(table, model);
    }

    /** A column in code: the field, or for a partition the parent's, {@code Schema.EVENTS.at}. */
    private CodeBlock column(String name) {
        if (!table.isPartition()) {
            return CodeBlock.of("$N", own.fields().get(name));
        }
        return CodeBlock.of("$T.$N.$N", ClassName.get(packageName, "Schema"), names.table(columnsOf.name()).constant(),
                names.table(columnsOf.name()).fields().get(name));
    }

    TypeSpec typeSpec() {
        String pkName = table.primaryKey() == null ? null : table.primaryKey().name();
        String inlinePk = pkName != null && table.primaryKey().columns().size() == 1
                && table.primaryKey().deferral() == Deferral.NOT_DEFERRABLE
                && pkName.equals(DerivedNames.of(table.name().name(), List.of(), "pkey"))
                ? table.primaryKey().columns().get(0) : null;
        Set<String> inlineUnique = new HashSet<>();
        List<Unique> namedUniques = new ArrayList<>();
        for (Unique u : table.uniques()) {
            if (u.columns().size() == 1 && u.name().equals(DerivedNames.of(table.name().name(), u.columns(), "key"))
                    && !u.nullsNotDistinct() && u.deferral() == Deferral.NOT_DEFERRABLE
                    && inlineUnique.add(u.columns().get(0))) {
                continue;
            }
            namedUniques.add(u);
        }
        Map<String, ForeignKey> inlineFk = new HashMap<>();
        List<ForeignKey> namedFks = new ArrayList<>();
        for (ForeignKey fk : table.foreignKeys()) {
            if (fk.columns().size() == 1 && fk.name().equals(DerivedNames.of(table.name().name(), fk.columns(), "fkey"))
                    && typesMatch(fk) && !fk.notValid() && fk.deferral() == Deferral.NOT_DEFERRABLE) {
                inlineFk.put(fk.columns().get(0), fk);
            } else {
                namedFks.add(fk);
            }
        }

        TypeSpec.Builder type = TypeSpec.classBuilder(own.className())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .superclass(external ? ExternalTable.class : dev.shale.dsl.Table.class)
                .addJavadoc(external
                        ? "Table $L, owned outside this project: referenced by foreign keys, never created or dropped.\n"
                        : "Table $L, pulled from the database.\n", table.name().display().replace("$", "$$"));
        for (dev.shale.model.Column c : table.columns()) {
            CodeBlock.Builder init = CodeBlock.builder().add(ColumnTypes.factory(c.name(), c.type(), enumsClass(), names));
            boolean pk = c.name().equals(inlinePk);
            if (pk) {
                init.add(".primaryKey()");
            } else if (c.notNull()) {
                init.add(".notNull()");
            }
            if (inlineUnique.contains(c.name())) {
                init.add(".unique()");
            }
            init.add(Defaults.call(c, model));
            init.add(ColumnFeatureCode.calls(c));
            ForeignKey fk = inlineFk.get(c.name());
            if (fk != null) {
                init.add(".references($L$L)", target(fk, 0, false), actions(fk));
            }
            type.addField(FieldSpec.builder(columnOf(c.type()), own.fields().get(c.name()), Modifier.PUBLIC, Modifier.FINAL)
                    .initializer(init.build()).build());
        }

        MethodSpec.Builder ctor = MethodSpec.constructorBuilder();
        if (table.name().schema().equals(QualifiedName.DEFAULT_SCHEMA) && !external) {
            ctor.addStatement("super($S)", table.name().name());
        } else {
            ctor.addStatement("super($S, $S)", table.name().schema(), table.name().name());
        }
        CodeBlock partitionOf = PartitionCode.partitionOf(table, ClassName.get(packageName, "Schema"), names);
        if (partitionOf != null) {
            ctor.addStatement("$L", partitionOf);
        }
        Map<String, CodeBlock> columnCode = new HashMap<>();
        columnsOf.columns().forEach(c -> columnCode.put(c.name(), column(c.name())));
        CodeBlock partitionBy = PartitionCode.partitionBy(table, columnCode);
        if (partitionBy != null) {
            ctor.addStatement("$L", partitionBy);
        }
        if (pkName != null && inlinePk == null) {
            String deferral = deferral(table.primaryKey().deferral());
            if (pkName.equals(DerivedNames.of(table.name().name(), List.of(), "pkey"))) {
                ctor.addStatement("primaryKey($L)$L", fields(table.primaryKey().columns()), deferral);
            } else {
                ctor.addStatement("primaryKey($S, $L)$L", pkName, fields(table.primaryKey().columns()), deferral);
            }
        }
        for (Unique u : namedUniques) {
            ctor.addStatement("unique($S, $L)$L$L", u.name(), fields(u.columns()), u.nullsNotDistinct() ? ".nullsNotDistinct()" : "",
                    deferral(u.deferral()));
        }
        for (Check k : table.checks()) {
            ctor.addStatement("check($S, $S)$L$L", k.name(), k.expression(), k.notValid() ? ".notValid()" : "",
                    k.noInherit() ? ".noInherit()" : "");
        }
        for (Exclusion x : table.exclusions()) {
            ctor.addStatement("$L", exclusion(x));
        }
        boolean unchecked = false;
        for (ForeignKey fk : namedFks) {
            unchecked |= addForeignKey(ctor, fk);
        }
        for (Index ix : table.indexes()) {
            ctor.addStatement("$L", index(ix));
        }
        if (table.unlogged()) {
            ctor.addStatement("unlogged()");
        }
        table.storage().forEach((k, v) -> ctor.addStatement("with($S, $L)", k, parameter(v)));
        switch (table.replicaIdentity().kind()) {
            case DEFAULT -> { }
            case FULL -> ctor.addStatement("replicaIdentityFull()");
            case NOTHING -> ctor.addStatement("replicaIdentityNothing()");
            case INDEX -> ctor.addStatement("replicaIdentityUsing($S)", table.replicaIdentity().index());
        }
        if (table.comment() != null && !external) {
            ctor.addStatement("comment($S)", table.comment());
        }
        if (!external) {
            table.constraints().stream().filter(k -> k.comment() != null)
                    .forEach(k -> ctor.addStatement("commentOn($S, $S)", k.name(), k.comment()));
            table.indexes().stream().filter(ix -> ix.comment() != null)
                    .forEach(ix -> ctor.addStatement("commentOn($S, $S)", ix.name(), ix.comment()));
            AccessCode.addToTable(ctor, table, model, ClassName.get(packageName, "Roles"), AccessCode.roleConstants(model),
                    this::column);
        }
        if (!external) {
            for (dev.shale.model.Trigger t : model.triggers()) {
                if (t.table().equals(table.name())) {
                    ctor.addStatement("$L", RoutinesFile.trigger(t, model, ClassName.get(packageName, "Functions"), own.fields()));
                }
            }
        }
        if (unchecked) {
            ctor.addAnnotation(AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "unchecked").build());
        }
        return type.addMethod(ctor.build()).build();
    }

    /** Adds {@code foreignKey("name", a, ...).references(...)}; returns whether it needed unchecked casts. */
    private boolean addForeignKey(MethodSpec.Builder ctor, ForeignKey fk) {
        int n = fk.columns().size();
        if (n > 3) {
            throw new IllegalArgumentException("table " + table.name().display() + ": foreign key \"" + fk.name() + "\" has "
                    + n + " columns, but the DSL declares foreign keys of at most 3 columns; it cannot be pulled as code");
        }
        boolean cast = !typesMatch(fk);
        if (cast) {
            ctor.addComment("$L: the referenced columns have other Java types, so the reference is cast", fk.name());
        }
        List<CodeBlock> targets = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            targets.add(target(fk, i, cast));
        }
        CodeBlock.Builder call = CodeBlock.builder().add("foreignKey($S, $L).references($L)", fk.name(), fields(fk.columns()),
                CodeBlock.join(targets, ", "));
        if (fk.onDelete() != ReferentialAction.NO_ACTION) {
            call.add(".onDelete($T." + fk.onDelete().name() + ")", ReferentialAction.class);
        }
        if (fk.onUpdate() != ReferentialAction.NO_ACTION) {
            call.add(".onUpdate($T." + fk.onUpdate().name() + ")", ReferentialAction.class);
        }
        call.add(deferral(fk.deferral()));
        if (fk.notValid()) {
            call.add(".notValid()");
        }
        ctor.addStatement("$L", call.build());
        return cast;
    }

    /** {@code () -> Schema.USERS.id}, cast through {@code Column<?>} when the Java types differ. */
    private CodeBlock target(ForeignKey fk, int i, boolean cast) {
        JavaNames.TableNames ref = names.table(fk.referencedTable());
        String field = ref.fields().get(fk.referencedColumns().get(i));
        ClassName schema = ClassName.get(packageName, "Schema");
        if (!cast) {
            return CodeBlock.of("() -> $T.$N.$N", schema, ref.constant(), field);
        }
        TypeName mine = columnOf(columnsOf.column(fk.columns().get(i)).type());
        return CodeBlock.of("() -> ($T) ($T) $T.$N.$N", mine,
                ParameterizedTypeName.get(ClassName.get(Column.class), com.palantir.javapoet.WildcardTypeName.subtypeOf(Object.class)),
                schema, ref.constant(), field);
    }

    private static CodeBlock actions(ForeignKey fk) {
        if (fk.onUpdate() != ReferentialAction.NO_ACTION) {
            return CodeBlock.of(", $T." + fk.onDelete().name() + ", $T." + fk.onUpdate().name(), ReferentialAction.class, ReferentialAction.class);
        }
        if (fk.onDelete() != ReferentialAction.NO_ACTION) {
            return CodeBlock.of(", $T." + fk.onDelete().name(), ReferentialAction.class);
        }
        return CodeBlock.of("");
    }

    private boolean typesMatch(ForeignKey fk) {
        Table target = model.table(fk.referencedTable());
        if (target == null) {
            target = model.externalTable(fk.referencedTable());
        }
        for (int i = 0; i < fk.columns().size(); i++) {
            TypeName mine = ColumnTypes.javaType(columnsOf.column(fk.columns().get(i)).type());
            TypeName theirs = ColumnTypes.javaType(target.column(fk.referencedColumns().get(i)).type());
            if (!mine.equals(theirs)) {
                return false;
            }
        }
        return true;
    }

    private CodeBlock index(Index ix) {
        List<CodeBlock> keys = new ArrayList<>();
        for (IndexKey k : ix.keys()) {
            keys.add(key(k));
        }
        CodeBlock.Builder b = CodeBlock.builder()
                .add("$L($S).on($L)", ix.unique() ? "uniqueIndex" : "index", ix.name(), CodeBlock.join(keys, ", "));
        if (ix.method() != IndexMethod.BTREE) {
            b.add(".using($T." + ix.method().name() + ")", IndexMethod.class);
        }
        if (!ix.include().isEmpty()) {
            b.add(".include($L)", fields(ix.include()));
        }
        if (ix.nullsNotDistinct()) {
            b.add(".nullsNotDistinct()");
        }
        ix.storage().forEach((k, v) -> b.add(".with($S, $L)", k, parameter(v)));
        if (ix.where() != null) {
            b.add(".where($S)", ix.where());
        }
        return b.build();
    }

    /** {@code exclude("n").using(IndexMethod.GIST).element(room, "=").element(during, "&&")...}. */
    private CodeBlock exclusion(Exclusion x) {
        CodeBlock.Builder b = CodeBlock.builder().add("exclude($S)", x.name());
        if (x.method() != IndexMethod.GIST) {
            b.add(".using($T." + x.method().name() + ")", IndexMethod.class);
        }
        for (Exclusion.Element e : x.elements()) {
            b.add(".element($L, $S)", key(e.key()), e.operator());
        }
        if (!x.include().isEmpty()) {
            b.add(".include($L)", fields(x.include()));
        }
        if (x.where() != null) {
            b.add(".where($S)", x.where());
        }
        return b.add(deferral(x.deferral())).build();
    }

    private static String deferral(Deferral d) {
        return switch (d) {
            case NOT_DEFERRABLE -> "";
            case DEFERRABLE -> ".deferrable()";
            case DEFERRED -> ".initiallyDeferred()";
        };
    }

    /** A storage parameter's value as Java: a whole number as an int, anything else as a string. */
    private static CodeBlock parameter(String value) {
        return value.matches("-?[0-9]{1,9}") ? CodeBlock.of("$L", value) : CodeBlock.of("$S", value);
    }

    /** An index or exclusion key: a column field or an expression, with its sort order, collation and operator class. */
    private CodeBlock key(IndexKey k) {
        CodeBlock key = k.column() != null ? column(k.column())
                : CodeBlock.of("$T.expression($S)", IndexKeySpec.class, k.expression());
        boolean plain = k.column() != null && !k.descending() && k.nulls() == NullsOrder.DEFAULT
                && k.collation() == null && k.opclass() == null;
        if (!plain) {
            if (k.descending()) {
                key = CodeBlock.of("$L.desc()", key);
            } else if (k.column() != null) {
                key = CodeBlock.of("$L.asc()", key);
            }
            if (k.nulls() == NullsOrder.FIRST) {
                key = CodeBlock.of("$L.nullsFirst()", key);
            } else if (k.nulls() == NullsOrder.LAST) {
                key = CodeBlock.of("$L.nullsLast()", key);
            }
            if (k.collation() != null) {
                key = CodeBlock.of("$L.collate($S)", key, k.collation());
            }
            if (k.opclass() != null) {
                key = CodeBlock.of("$L.opclass($S)", key, k.opclass());
            }
        }
        return key;
    }

    private CodeBlock fields(List<String> columns) {
        return CodeBlock.join(columns.stream().map(this::column).toList(), ", ");
    }

    private ClassName enumsClass() {
        return ClassName.get(packageName, "Enums");
    }

    private static TypeName columnOf(dev.shale.model.ColumnType type) {
        return ParameterizedTypeName.get(ClassName.get(Column.class), ColumnTypes.javaType(type));
    }
}
