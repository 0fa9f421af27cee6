package dev.shale.model;

/**
 * A decision that an object was renamed rather than dropped and re-created: from a
 * {@code renamedFrom("old")} hint in the schema code, a {@code --rename} flag, or an answer at the prompt.
 *
 * @param kind a table or a column rename
 * @param table for a table: its old name; for a column: the table's name in the new schema
 * @param from the old table or column name
 * @param to the new table or column name
 */
public record Rename(Kind kind, QualifiedName table, String from, String to) {
    /** What was renamed. */
    public enum Kind { TABLE, COLUMN }

    public Rename {
        if (kind == null || table == null) {
            throw new InvalidModelException("rename", "kind and table are required");
        }
        Identifiers.require("rename source", from);
        Identifiers.require("rename target", to);
    }

    public static Rename table(QualifiedName oldName, String newName) {
        return new Rename(Kind.TABLE, oldName, oldName.name(), newName);
    }

    public static Rename column(QualifiedName table, String from, String to) {
        return new Rename(Kind.COLUMN, table, from, to);
    }

    /** {@code schema.table=new} or {@code schema.table.old=new}: the form {@code --rename} takes. */
    public String flag() {
        return kind == Kind.TABLE ? table.key() + "=" + to : table.key() + "." + from + "=" + to;
    }
}
