package dev.shale.diff;

import dev.shale.change.AddColumn;
import dev.shale.change.AlterColumn;
import dev.shale.change.ColumnAspect;
import dev.shale.change.CommentTarget;
import dev.shale.change.DropColumn;
import dev.shale.change.SetComment;
import dev.shale.diff.ChangeOrder.Phase;
import dev.shale.model.Column;
import dev.shale.model.ColumnType;
import dev.shale.model.Conversion;
import dev.shale.model.Identifiers;
import dev.shale.model.PgType;
import dev.shale.model.QualifiedName;
import dev.shale.model.Table;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The changes of one column present on both sides: an {@link AlterColumn} of the aspects that differ,
 * a drop and add when the column becomes generated or its generation expression changes (PostgreSQL 15
 * cannot change either in place), and its comment as a {@link SetComment}. Also the comments of new
 * columns.
 */
final class ColumnDiff {
    private ColumnDiff() {}

    /** Adds the changes from {@code before} to {@code after} (same name) of column {@code position} of {@code table}. */
    static void diff(QualifiedName table, int position, Column before, Column after, List<Conversion> conversions,
                     ChangeOrder order) {
        Column b = before.withComment(null);
        Column a = after.withComment(null);
        if (replaced(b, a)) {
            // Dropped and added in the ALTER_COLUMN phase, in this order (the order is stable for equal keys).
            order.add(Phase.ALTER_COLUMN, table, position, after.name(), new DropColumn(table, before));
            order.add(Phase.ALTER_COLUMN, table, position, after.name(), new AddColumn(table, after));
            comment(table, position, after, order);
            return;
        }
        if (!Objects.equals(before.comment(), after.comment())) {
            order.add(Phase.COMMENT, table, position, after.name(),
                    new SetComment(CommentTarget.column(table, after.name()), after.comment()));
        }
        if (!b.equals(a)) {
            order.add(Phase.ALTER_COLUMN, table, position, after.name(), alter(table, b, a, using(table, after, conversions)));
        }
    }

    /** The comment of a column that is new (in a new table or added), if it has one. */
    static void comment(QualifiedName table, int position, Column column, ChangeOrder order) {
        if (column.comment() != null) {
            order.add(Phase.COMMENT, table, position, column.name(),
                    new SetComment(CommentTarget.column(table, column.name()), column.comment()));
        }
    }

    /** The comments of every column of a new table. */
    static void comments(Table table, ChangeOrder order) {
        for (int i = 0; i < table.columns().size(); i++) {
            comment(table.name(), i, table.columns().get(i), order);
        }
    }

    /** Whether the column must be dropped and added: it becomes generated, or its expression changes. */
    private static boolean replaced(Column before, Column after) {
        return after.generated() != null && !after.generated().equals(before.generated());
    }

    private static String using(QualifiedName table, Column column, List<Conversion> conversions) {
        for (Conversion c : conversions) {
            if (c.table().equals(table) && c.column().equals(column.name())) {
                return c.using();
            }
        }
        return null;
    }

    private static AlterColumn alter(QualifiedName table, Column before, Column after, String using) {
        Set<ColumnAspect> aspects = EnumSet.noneOf(ColumnAspect.class);
        if (isSerial(before.type()) != isSerial(after.type())) {
            aspects.add(ColumnAspect.SERIAL);
        }
        ColumnType from = plain(before.type());
        ColumnType to = plain(after.type());
        if (!from.equals(to)) {
            if (using == null && !TypeConversions.castExists(from, to)) {
                throw new UnsupportedChangeException("column " + table.display() + "." + Identifiers.show(after.name()),
                        "changing its type from " + before.type().sql() + " to " + after.type().sql()
                        + " needs a conversion, because PostgreSQL has no cast between these types",
                        "say how to compute the new value from the old one with using(\"<SQL expression>\") on the column"
                        + " in the schema code (for example using(\"to_timestamp(" + after.name() + ")\")), or drop"
                        + " the column and add it under the new type");
            }
            aspects.add(ColumnAspect.TYPE);
        }
        if (before.notNull() != after.notNull()) {
            aspects.add(ColumnAspect.NOT_NULL);
        }
        if (!Objects.equals(before.defaultValue(), after.defaultValue())) {
            aspects.add(ColumnAspect.DEFAULT);
        }
        if (!Objects.equals(before.identity(), after.identity())) {
            aspects.add(ColumnAspect.IDENTITY);
        }
        if (!Objects.equals(before.collation(), after.collation())) {
            aspects.add(ColumnAspect.COLLATION);
        }
        if (before.generated() != null && after.generated() == null) {
            aspects.add(ColumnAspect.GENERATED);
        }
        return new AlterColumn(table, before, after, aspects, using);
    }

    static boolean isSerial(ColumnType type) {
        return type instanceof ColumnType.Builtin b && b.type().isSerial();
    }

    /** serial and bigserial as the integer types they store. */
    static ColumnType plain(ColumnType type) {
        if (type instanceof ColumnType.Builtin b && b.type().isSerial()) {
            return ColumnType.Builtin.of(b.type() == PgType.SERIAL ? PgType.INTEGER : PgType.BIGINT);
        }
        return type;
    }
}
