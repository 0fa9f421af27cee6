package dev.shale.change;

import dev.shale.model.Check;
import dev.shale.model.DefaultValue;
import dev.shale.model.EnumType;
import dev.shale.model.Index;
import dev.shale.model.QualifiedName;

import java.util.List;

/**
 * An enum whose values are removed or reordered, which PostgreSQL cannot do in place, replaced by a
 * new type of the same name:
 * <ol>
 * <li>{@code ALTER TYPE e RENAME TO e__old} (the columns keep pointing at the old type);</li>
 * <li>{@code CREATE TYPE e AS ENUM (...)} with the new values;</li>
 * <li>the dependent indexes and checks (an expression or predicate that may compare with an enum
 *     literal, which PostgreSQL cannot rebuild across types) are dropped;</li>
 * <li>per column: {@code DROP DEFAULT}, {@code TYPE e USING c::text::e} ({@code c::text[]::e[]} for an
 *     array), {@code SET DEFAULT} again; a row holding a removed value makes the conversion fail;</li>
 * <li>the dropped indexes and checks that the new schema keeps unchanged are created again (the
 *     changed ones are created by their own changes).</li>
 * </ol>
 * The old type, {@code e__old}, is dropped by a separate {@link DropEnum} at the end of the migration,
 * after the columns that still use it (of dropped tables and columns) are gone.
 *
 * @param from the enum as it is
 * @param to the enum as it becomes (same name)
 * @param columns the columns converted to the new type
 * @param indexes the indexes dropped before and created again after the conversion
 * @param checks the checks dropped before and added again after the conversion
 * @param droppedIndexes the indexes dropped before the conversion that change, so are not created here
 * @param droppedChecks the checks dropped before the conversion that change, so are not added here
 */
public record ReplaceEnum(EnumType from, EnumType to, List<EnumColumn> columns, List<TableIndex> indexes,
                          List<TableCheck> checks, List<TableIndex> droppedIndexes, List<TableCheck> droppedChecks)
        implements Change {
    /**
     * A column converted.
     *
     * @param table its table
     * @param column its name
     * @param array whether it is an array of the enum
     * @param dropDefault whether it has a default to drop before the conversion
     * @param defaultValue its default to set after the conversion, or null
     */
    public record EnumColumn(QualifiedName table, String column, boolean array, boolean dropDefault,
                             DefaultValue defaultValue) {}

    /**
     * An index of a table.
     *
     * @param table the table
     * @param index the index
     */
    public record TableIndex(QualifiedName table, Index index) {}

    /**
     * A check of a table.
     *
     * @param table the table
     * @param check the check
     */
    public record TableCheck(QualifiedName table, Check check) {}

    public ReplaceEnum {
        if (!from.name().equals(to.name())) {
            throw new IllegalArgumentException("replacing an enum keeps its name " + from.name().display());
        }
        columns = List.copyOf(columns);
        indexes = List.copyOf(indexes);
        checks = List.copyOf(checks);
        droppedIndexes = List.copyOf(droppedIndexes);
        droppedChecks = List.copyOf(droppedChecks);
    }

    /** The name the old type has while the columns are converted: {@code e__old}. */
    public QualifiedName oldName() {
        return from.name().withName(from.name().name() + "__old");
    }

    /** The values of {@code from} that {@code to} does not have. */
    public List<String> removedValues() {
        return from.values().stream().filter(v -> !to.values().contains(v)).toList();
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitReplaceEnum(this);
    }
}
