package dev.shale.change;

import dev.shale.model.QualifiedName;
import dev.shale.model.RowSecurity;

/**
 * {@code ALTER TABLE t ENABLE | DISABLE ROW LEVEL SECURITY} and {@code FORCE | NO FORCE ROW LEVEL SECURITY}:
 * one statement per switch that changes. Enabling comes after the table's policies exist.
 *
 * @param table the table
 * @param from its switches before
 * @param to its switches after (different from {@code from})
 */
public record SetRowSecurity(QualifiedName table, RowSecurity from, RowSecurity to) implements Change {
    public SetRowSecurity {
        if (table == null || from == null || to == null || from.equals(to)) {
            throw new IllegalArgumentException("SetRowSecurity needs a table and two different settings");
        }
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitSetRowSecurity(this);
    }
}
