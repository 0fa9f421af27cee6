package dev.shale.render;

import dev.shale.change.AddColumn;
import dev.shale.change.AlterColumn;
import dev.shale.change.ColumnAspect;
import dev.shale.change.CommentTarget;
import dev.shale.change.CreateTable;
import dev.shale.change.SetComment;
import dev.shale.model.Column;
import dev.shale.model.ColumnType;
import dev.shale.model.DefaultValue;
import dev.shale.model.Identity;
import dev.shale.model.PgType;
import dev.shale.model.PrimaryKey;
import dev.shale.model.QualifiedName;
import dev.shale.model.SequenceOptions;
import dev.shale.model.Table;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * The golden cases of column features: identity, generated and collated columns, comments, the switches
 * between serial, identity and plain integers, and a type change with the code's own USING expression.
 * A story of its own on table {@code "public"."orders"}, appended to {@link GoldenCases}.
 */
final class ColumnFeatureCases {
    private ColumnFeatureCases() {}

    static final QualifiedName ORDERS = QualifiedName.of("orders");

    static Column integer(String name) {
        return Column.of(name, ColumnType.Builtin.of(PgType.INTEGER));
    }

    static final Column ID = Column.of("id", ColumnType.Builtin.of(PgType.BIGINT))
            .withIdentity(Identity.always().withOptions(SequenceOptions.DEFAULTS.withStart(1000L).withCache(20L)));
    static final Column CODE = Column.of("code", ColumnType.Builtin.of(PgType.TEXT)).withCollation("C").withNotNull(true)
            .withDefault(DefaultValue.string("none"));
    static final Column TOTAL = integer("total").withGenerated("price * quantity");
    static final Column NOTE = Column.of("note", ColumnType.Builtin.of(PgType.TEXT)).withComment("shown on the invoice");

    static final Table ORDERS_TABLE = new Table(ORDERS, List.of(ID, CODE, integer("price").withNotNull(true),
            integer("quantity").withNotNull(true).withDefault(DefaultValue.number("1")), TOTAL, NOTE),
            new PrimaryKey("orders_pkey", List.of("id")), List.of(), List.of(), List.of(), List.of());

    static List<GoldenCases.Case> cases() {
        List<GoldenCases.Case> all = new ArrayList<>();
        all.add(new GoldenCases.Case("create_table_column_features", new CreateTable(ORDERS_TABLE)));
        all.add(new GoldenCases.Case("set_comment_column", new SetComment(CommentTarget.column(ORDERS, "note"), "shown on the invoice")));
        all.add(new GoldenCases.Case("set_comment_column_quoted", new SetComment(CommentTarget.column(ORDERS, "code"), "it's the \"code\"")));
        all.add(new GoldenCases.Case("remove_comment_column", new SetComment(CommentTarget.column(ORDERS, "note"), null)));
        Column ref = integer("ref").withIdentity(Identity.byDefault());
        all.add(new GoldenCases.Case("add_column_identity", new AddColumn(ORDERS, ref)));
        all.add(new GoldenCases.Case("add_column_generated", new AddColumn(ORDERS, integer("double_price").withGenerated("price * 2"))));
        Column label = Column.of("label", ColumnType.Builtin.of(PgType.VARCHAR)).withCollation("POSIX");
        all.add(new GoldenCases.Case("add_column_collated", new AddColumn(ORDERS, label)));
        Column legacy = Column.of("legacy", ColumnType.Builtin.of(PgType.SERIAL));
        all.add(new GoldenCases.Case("add_column_serial", new AddColumn(ORDERS, legacy)));
        Column createdAt = Column.of("created_at", ColumnType.Builtin.of(PgType.BIGINT));
        all.add(new GoldenCases.Case("add_column_epoch", new AddColumn(ORDERS, createdAt)));

        Column idAfter = ID.withIdentity(Identity.byDefault().withOptions(SequenceOptions.DEFAULTS.withIncrement(2L)
                .withMaxValue(1_000_000L)));
        all.add(alter("alter_column_identity_options", ID, idAfter, ColumnAspect.IDENTITY));
        Column refPlain = integer("ref");
        all.add(alter("alter_column_drop_identity", ref, refPlain, ColumnAspect.IDENTITY, ColumnAspect.NOT_NULL));
        Column refAlways = refPlain.withIdentity(Identity.always().withOptions(SequenceOptions.DEFAULTS.withStart(10L)));
        all.add(alter("alter_column_add_identity", refPlain, refAlways, ColumnAspect.IDENTITY, ColumnAspect.NOT_NULL));
        Column legacyIdentity = integer("legacy").withIdentity(Identity.byDefault());
        all.add(alter("alter_column_serial_to_identity", legacy, legacyIdentity, ColumnAspect.SERIAL, ColumnAspect.IDENTITY));
        Column legacyBigserial = Column.of("legacy", ColumnType.Builtin.of(PgType.BIGSERIAL));
        all.add(alter("alter_column_identity_to_serial", legacyIdentity, legacyBigserial,
                ColumnAspect.SERIAL, ColumnAspect.IDENTITY, ColumnAspect.TYPE));
        Column legacyPlain = Column.of("legacy", ColumnType.Builtin.of(PgType.BIGINT));
        all.add(alter("alter_column_serial_to_plain", legacyBigserial, legacyPlain, ColumnAspect.SERIAL, ColumnAspect.NOT_NULL));
        all.add(alter("alter_column_plain_to_serial", legacyPlain, Column.of("legacy", ColumnType.Builtin.of(PgType.BIGSERIAL)),
                ColumnAspect.SERIAL, ColumnAspect.NOT_NULL));
        all.add(alter("alter_column_drop_expression", TOTAL, integer("total"), ColumnAspect.GENERATED));
        all.add(alter("alter_column_collation", CODE, CODE.withCollation("POSIX"), ColumnAspect.COLLATION));
        all.add(alter("alter_column_default_collation", CODE.withCollation("POSIX"), CODE.withCollation(null), ColumnAspect.COLLATION));
        all.add(alter("alter_column_type_keeps_collation", label, label.withType(ColumnType.parse("varchar(40)")), ColumnAspect.TYPE));
        all.add(new GoldenCases.Case("alter_column_type_using_expression", new AlterColumn(ORDERS, createdAt,
                Column.of("created_at", ColumnType.Builtin.of(PgType.TIMESTAMPTZ)), EnumSet.of(ColumnAspect.TYPE),
                "to_timestamp(created_at)")));
        all.add(new GoldenCases.Case("alter_column_type_using_overrides_cast", new AlterColumn(ORDERS, CODE,
                CODE.withCollation(null).withType(ColumnType.Builtin.of(PgType.INTEGER)).withDefault(DefaultValue.number("0")),
                EnumSet.of(ColumnAspect.TYPE, ColumnAspect.COLLATION, ColumnAspect.DEFAULT), "length(code)")));
        return all;
    }

    private static GoldenCases.Case alter(String name, Column from, Column to, ColumnAspect first, ColumnAspect... rest) {
        return new GoldenCases.Case(name, new AlterColumn(ORDERS, from, to, EnumSet.of(first, rest)));
    }
}
