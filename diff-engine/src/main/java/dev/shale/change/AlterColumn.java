package dev.shale.change;

import dev.shale.model.Column;
import dev.shale.model.QualifiedName;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code ALTER TABLE ... ALTER COLUMN}: type (with a USING cast where PostgreSQL needs one), NOT NULL
 * and default, rendered as one statement.
 *
 * @param table the table
 * @param from the column before
 * @param to the column after (same name)
 * @param aspects which aspects differ; never empty
 */
public record AlterColumn(QualifiedName table, Column from, Column to, Set<ColumnAspect> aspects) implements Change {
    public AlterColumn {
        if (aspects == null || aspects.isEmpty()) {
            throw new IllegalArgumentException("an AlterColumn changes at least one aspect");
        }
        aspects = Collections.unmodifiableSet(EnumSet.copyOf(aspects));
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitAlterColumn(this);
    }
}
