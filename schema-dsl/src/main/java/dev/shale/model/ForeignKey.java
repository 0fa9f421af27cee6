package dev.shale.model;

import java.util.List;

/**
 * A FOREIGN KEY constraint.
 *
 * @param name the constraint name
 * @param columns the referencing columns, in order
 * @param referencedTable the table referred to (owned or external)
 * @param referencedColumns the columns referred to, one per referencing column
 * @param onDelete action on delete of the referenced row
 * @param onUpdate action on update of the referenced key
 * @param notValid added {@code NOT VALID}: existing rows are not checked (yet)
 * @param deferral when it is checked
 * @param comment its comment, or null
 */
public record ForeignKey(String name, List<String> columns, QualifiedName referencedTable,
                         List<String> referencedColumns, ReferentialAction onDelete, ReferentialAction onUpdate,
                         boolean notValid, Deferral deferral, String comment)
        implements Constraint {
    public ForeignKey {
        Identifiers.require("foreign key", name);
        String self = "foreign key " + Identifiers.show(name);
        columns = Identifiers.requireColumns(self, columns);
        if (referencedTable == null) {
            throw new InvalidModelException(self, "the referenced table is required");
        }
        referencedColumns = Identifiers.requireColumns(self + " (referenced columns)", referencedColumns);
        if (columns.size() != referencedColumns.size()) {
            throw new InvalidModelException(self, "has " + columns.size() + " columns but references "
                    + referencedColumns.size() + "; list one referenced column per column");
        }
        onDelete = onDelete == null ? ReferentialAction.NO_ACTION : onDelete;
        onUpdate = onUpdate == null ? ReferentialAction.NO_ACTION : onUpdate;
        deferral = deferral == null ? Deferral.NOT_DEFERRABLE : deferral;
        comment = Comments.normalize(comment);
    }

    /** A validated foreign key checked per statement, without a comment. */
    public ForeignKey(String name, List<String> columns, QualifiedName referencedTable, List<String> referencedColumns,
                      ReferentialAction onDelete, ReferentialAction onUpdate) {
        this(name, columns, referencedTable, referencedColumns, onDelete, onUpdate, false, Deferral.NOT_DEFERRABLE, null);
    }

    /** A foreign key with NO ACTION on delete and on update. */
    public static ForeignKey of(String name, List<String> columns, QualifiedName referencedTable, List<String> referencedColumns) {
        return new ForeignKey(name, columns, referencedTable, referencedColumns, null, null);
    }

    @Override
    public ForeignKey withName(String newName) {
        return new ForeignKey(newName, columns, referencedTable, referencedColumns, onDelete, onUpdate, notValid, deferral, comment);
    }

    /** This key on other columns; as many as it references. */
    public ForeignKey withColumns(List<String> newColumns) {
        return new ForeignKey(name, newColumns, referencedTable, referencedColumns, onDelete, onUpdate, notValid, deferral, comment);
    }

    public ForeignKey withReferencedTable(QualifiedName newTable) {
        return new ForeignKey(name, columns, newTable, referencedColumns, onDelete, onUpdate, notValid, deferral, comment);
    }

    /** This key referencing other columns; as many as it has. */
    public ForeignKey withReferencedColumns(List<String> newColumns) {
        return new ForeignKey(name, columns, referencedTable, newColumns, onDelete, onUpdate, notValid, deferral, comment);
    }

    public ForeignKey withOnDelete(ReferentialAction action) {
        return new ForeignKey(name, columns, referencedTable, referencedColumns, action, onUpdate, notValid, deferral, comment);
    }

    public ForeignKey withOnUpdate(ReferentialAction action) {
        return new ForeignKey(name, columns, referencedTable, referencedColumns, onDelete, action, notValid, deferral, comment);
    }

    public ForeignKey withNotValid(boolean value) {
        return new ForeignKey(name, columns, referencedTable, referencedColumns, onDelete, onUpdate, value, deferral, comment);
    }

    public ForeignKey withDeferral(Deferral value) {
        return new ForeignKey(name, columns, referencedTable, referencedColumns, onDelete, onUpdate, notValid, value, comment);
    }

    public ForeignKey withComment(String value) {
        return new ForeignKey(name, columns, referencedTable, referencedColumns, onDelete, onUpdate, notValid, deferral, value);
    }

    @Override
    public <R> R accept(ConstraintVisitor<R> visitor) {
        return visitor.visitForeignKey(this);
    }
}
