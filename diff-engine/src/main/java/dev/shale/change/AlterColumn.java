package dev.shale.change;

import dev.shale.model.Column;
import dev.shale.model.QualifiedName;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code ALTER TABLE ... ALTER COLUMN}: type (with a USING cast where PostgreSQL needs one, or the
 * code's own conversion) and collation, NOT NULL and default in one statement; adding, changing or
 * dropping identity, dropping a generation expression, and turning a column into or out of serial add
 * the statements those need before and after it.
 *
 * @param table the table
 * @param from the column before
 * @param to the column after (same name)
 * @param aspects which aspects differ; never empty
 * @param using the expression of {@code USING (...)} the code supplied for a type change, or null for a cast
 */
public record AlterColumn(QualifiedName table, Column from, Column to, Set<ColumnAspect> aspects, String using)
        implements Change {
    public AlterColumn {
        if (aspects == null || aspects.isEmpty()) {
            throw new IllegalArgumentException("an AlterColumn changes at least one aspect");
        }
        aspects = Collections.unmodifiableSet(EnumSet.copyOf(aspects));
        if (using != null && (using.isBlank() || !aspects.contains(ColumnAspect.TYPE))) {
            using = null; // a conversion matters only to a type change
        }
    }

    /** A change that converts a changed type by cast, if at all. */
    public AlterColumn(QualifiedName table, Column from, Column to, Set<ColumnAspect> aspects) {
        this(table, from, to, aspects, null);
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitAlterColumn(this);
    }
}
