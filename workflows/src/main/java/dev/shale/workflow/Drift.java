package dev.shale.workflow;

import dev.shale.change.AddColumn;
import dev.shale.change.AddConstraint;
import dev.shale.change.AddEnumValue;
import dev.shale.change.AlterColumn;
import dev.shale.change.Change;
import dev.shale.change.ColumnAspect;
import dev.shale.change.CreateEnum;
import dev.shale.change.CreateIndex;
import dev.shale.change.CreateSchema;
import dev.shale.change.CreateTable;
import dev.shale.change.DropColumn;
import dev.shale.change.DropConstraint;
import dev.shale.change.DropEnum;
import dev.shale.change.DropIndex;
import dev.shale.change.DropTable;
import dev.shale.change.RenameColumn;
import dev.shale.change.RenameConstraint;
import dev.shale.change.RenameIndex;
import dev.shale.change.RenameTable;
import dev.shale.diff.Differ;
import dev.shale.diff.RenameDecisions;
import dev.shale.diff.UnsupportedChangeException;
import dev.shale.model.Check;
import dev.shale.model.Column;
import dev.shale.model.Constraint;
import dev.shale.model.DefaultValue;
import dev.shale.model.EnumType;
import dev.shale.model.ForeignKey;
import dev.shale.model.Identifiers;
import dev.shale.model.PrimaryKey;
import dev.shale.model.QualifiedName;
import dev.shale.model.SchemaModel;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Drift: how a live database differs from what the snapshots say it should be, one readable line per
 * table, column, enum, index or constraint that is missing, extra or different. Derived from the
 * changes that would turn the database into the expected model, so it agrees with {@code diff}.
 */
public final class Drift {
    private Drift() {}

    /**
     * The differences, in the Differ's order; empty when the database matches.
     *
     * @param live the database as introspected
     * @param expected the snapshot's model, canonicalized on the same database
     */
    public static List<String> of(SchemaModel live, SchemaModel expected) {
        List<String> lines = new ArrayList<>();
        SchemaModel db = live;
        for (EnumType want : expected.enums()) {
            EnumType have = live.enumType(want.name());
            if (have != null && !have.values().equals(want.values())) {
                lines.add("different enum " + want.name().display() + " (values " + values(have) + " in the database, "
                        + values(want) + " in the snapshot)");
                db = db.withEnum(want); // reported; the Differ cannot remove or reorder values
            }
        }
        // drift reports names as they are: a missing one and an extra other, never a guessed rename
        RenameDecisions decisions = RenameSettling.assumeDropped(db, expected, RenameDecisions.NONE).decisions();
        List<Change> changes;
        try {
            changes = Differ.changes(db, expected, decisions);
        } catch (UnsupportedChangeException e) {
            lines.add("different: " + e.getMessage());
            return List.copyOf(lines);
        }
        for (Change c : changes) {
            if (c instanceof DropConstraint d) {
                Change next = findAdd(changes, d);
                if (next != null) {
                    AddConstraint a = (AddConstraint) next;
                    lines.add("different " + kind(a.constraint()) + " " + Identifiers.show(a.constraint().name()) + " on "
                            + d.table().display() + " (" + describe(d.constraint()) + " in the database, "
                            + describe(a.constraint()) + " in the snapshot)");
                    continue;
                }
            }
            if (c instanceof AddConstraint a && findDrop(changes, a) != null) {
                continue;
            }
            if (c instanceof DropIndex d && findCreate(changes, d) != null) {
                lines.add("different index " + Identifiers.show(d.index().name()) + " on " + d.table().display());
                continue;
            }
            if (c instanceof CreateIndex ci && changes.stream().anyMatch(x -> x instanceof DropIndex d
                    && d.table().equals(ci.table()) && d.index().name().equals(ci.index().name()))) {
                continue;
            }
            lines.add(line(c));
        }
        return List.copyOf(lines);
    }

    private static Change findAdd(List<Change> changes, DropConstraint d) {
        return changes.stream().filter(x -> x instanceof AddConstraint a && a.table().equals(d.table())
                && a.constraint().name().equals(d.constraint().name())).findFirst().orElse(null);
    }

    private static Change findDrop(List<Change> changes, AddConstraint a) {
        return changes.stream().filter(x -> x instanceof DropConstraint d && a.table().equals(d.table())
                && a.constraint().name().equals(d.constraint().name())).findFirst().orElse(null);
    }

    private static Change findCreate(List<Change> changes, DropIndex d) {
        return changes.stream().filter(x -> x instanceof CreateIndex c && c.table().equals(d.table())
                && c.index().name().equals(d.index().name())).findFirst().orElse(null);
    }

    /** One line for one change from the database towards the snapshot. */
    static String line(Change change) {
        if (change instanceof CreateSchema c) {
            return "missing schema " + Identifiers.show(c.name());
        } else if (change instanceof CreateEnum c) {
            return "missing enum " + c.type().name().display() + " (values " + values(c.type()) + ")";
        } else if (change instanceof DropEnum c) {
            return "extra enum " + c.type().name().display() + " (values " + values(c.type()) + ")";
        } else if (change instanceof AddEnumValue c) {
            return "different enum " + c.enumName().display() + " (value '" + c.value() + "' is missing in the database)";
        } else if (change instanceof CreateTable c) {
            return "missing table " + c.table().name().display();
        } else if (change instanceof DropTable c) {
            return "extra table " + c.table().name().display();
        } else if (change instanceof RenameTable c) {
            return "different table name: " + c.from().display() + " in the database, " + c.to().display() + " in the snapshot";
        } else if (change instanceof AddColumn c) {
            return "missing column " + column(c.table(), c.column().name()) + " (" + c.column().type().sql() + ")";
        } else if (change instanceof DropColumn c) {
            return "extra column " + column(c.table(), c.column().name()) + " (" + c.column().type().sql() + ")";
        } else if (change instanceof RenameColumn c) {
            return "different column name: " + column(c.table(), c.from()) + " in the database, " + Identifiers.show(c.to()) + " in the snapshot";
        } else if (change instanceof AlterColumn c) {
            return "different column " + column(c.table(), c.to().name()) + " (" + aspects(c) + ")";
        } else if (change instanceof AddConstraint c) {
            return "missing " + kind(c.constraint()) + " " + Identifiers.show(c.constraint().name()) + " on " + c.table().display();
        } else if (change instanceof DropConstraint c) {
            return "extra " + kind(c.constraint()) + " " + Identifiers.show(c.constraint().name()) + " on " + c.table().display();
        } else if (change instanceof RenameConstraint c) {
            return "different constraint name on " + c.table().display() + ": " + Identifiers.show(c.from()) + " in the database, "
                    + Identifiers.show(c.to()) + " in the snapshot";
        } else if (change instanceof CreateIndex c) {
            return "missing index " + Identifiers.show(c.index().name()) + " on " + c.table().display();
        } else if (change instanceof DropIndex c) {
            return "extra index " + Identifiers.show(c.index().name()) + " on " + c.table().display();
        } else if (change instanceof RenameIndex c) {
            return "different index name on " + c.table().display() + ": " + Identifiers.show(c.from()) + " in the database, "
                    + Identifiers.show(c.to()) + " in the snapshot";
        }
        throw new IllegalStateException("no drift line for " + change.getClass().getSimpleName());
    }

    private static String aspects(AlterColumn c) {
        List<String> parts = new ArrayList<>();
        Column db = c.from();
        Column want = c.to();
        for (ColumnAspect a : c.aspects()) {
            switch (a) {
                case TYPE -> parts.add("type " + db.type().sql() + " vs " + want.type().sql());
                case NOT_NULL -> parts.add((db.notNull() ? "NOT NULL" : "nullable") + " vs " + (want.notNull() ? "NOT NULL" : "nullable"));
                case DEFAULT -> parts.add("default " + show(db.defaultValue()) + " vs " + show(want.defaultValue()));
            }
        }
        return String.join("; ", parts) + "; database vs snapshot";
    }

    private static String show(DefaultValue d) {
        if (d == null) {
            return "none";
        }
        if (d.kind() == DefaultValue.Kind.STRING) {
            return "'" + d.value().replace("'", "''") + "'";
        }
        // PostgreSQL stores 'en' in a varchar column as 'en'::character varying: the literal is what a reader compares
        java.util.regex.Matcher m = CAST_LITERAL.matcher(d.value());
        return m.matches() ? m.group(1) : d.value();
    }

    private static final java.util.regex.Pattern CAST_LITERAL =
            java.util.regex.Pattern.compile("('(?:[^']|'')*')::[a-z ]+(?:\\(\\d+(?:,\\d+)?\\))?");

    private static String values(EnumType e) {
        return e.values().stream().map(v -> "'" + v.replace("'", "''") + "'").collect(Collectors.joining(", "));
    }

    private static String column(QualifiedName table, String column) {
        return table.display() + "." + Identifiers.show(column);
    }

    private static String describe(Constraint k) {
        if (k instanceof Check c) {
            return "CHECK (" + c.expression() + ")";
        }
        if (k instanceof ForeignKey f) {
            return "(" + String.join(", ", f.columns()) + ") REFERENCES " + f.referencedTable().display();
        }
        return "(" + String.join(", ", k.columns()) + ")";
    }

    private static String kind(Constraint k) {
        if (k instanceof PrimaryKey) {
            return "primary key";
        }
        if (k instanceof dev.shale.model.Unique) {
            return "unique constraint";
        }
        return k instanceof ForeignKey ? "foreign key" : "check constraint";
    }
}
