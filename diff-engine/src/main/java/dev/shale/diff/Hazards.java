package dev.shale.diff;

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
import dev.shale.diff.Hazard.Kind;
import dev.shale.model.Column;
import dev.shale.model.ColumnType;
import dev.shale.model.Constraint;
import dev.shale.model.DefaultValue;
import dev.shale.model.ForeignKey;
import dev.shale.model.Identifiers;
import dev.shale.model.PgType;
import dev.shale.model.PrimaryKey;
import dev.shale.model.QualifiedName;
import dev.shale.model.Unique;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The one place that decides which changes lose data, rewrite tables or may fail on existing rows.
 *
 * <p>Table rewrites, kept simple: a type change rewrites the table unless it is one PostgreSQL
 * documents as binary-compatible here: varchar/text to text or unbounded varchar, a longer varchar,
 * numeric to a larger precision at the same scale or to unconstrained numeric (and the same rules for
 * array elements). Adding a column rewrites the table when its default is volatile (serial, or an
 * expression calling a random, sequence or clock function).
 */
public final class Hazards {
    private Hazards() {}

    private static final List<String> VOLATILE_CALLS =
            List.of("random(", "gen_random_uuid(", "uuid_generate_", "nextval(", "clock_timestamp(", "timeofday(");

    /** The hazards of one change on a table that already exists, most serious first; empty for a safe change. */
    public static List<Hazard> of(Change change) {
        return of(change, Set.of());
    }

    /**
     * The hazards of a list of changes, in change order. Adding a column, a constraint or a unique
     * index to a table created earlier in the list cannot fail on existing rows and is not flagged.
     */
    public static List<Hazard> of(List<? extends Change> changes) {
        Set<QualifiedName> created = new HashSet<>();
        List<Hazard> hazards = new ArrayList<>();
        for (Change c : changes) {
            if (c instanceof CreateTable t) {
                created.add(t.table().name());
            }
            hazards.addAll(of(c, created));
        }
        return List.copyOf(hazards);
    }

    private static List<Hazard> of(Change change, Set<QualifiedName> created) {
        List<Hazard> hazards = new ArrayList<>();
        if (change instanceof DropTable c) {
            hazards.add(new Hazard(Kind.DATA_LOSS, c, "drops table " + c.table().name().display() + " and its data"));
        } else if (change instanceof DropColumn c) {
            hazards.add(new Hazard(Kind.DATA_LOSS, c, "drops column " + column(c.table(), c.column().name()) + " and its data"));
        } else if (change instanceof DropEnum c) {
            hazards.add(new Hazard(Kind.DATA_LOSS, c, "drops enum " + c.type().name().display() + " and its values"));
        } else if (change instanceof DropConstraint c) {
            hazards.add(new Hazard(Kind.DATA_LOSS, c, "drops " + kind(c.constraint()) + " " + Identifiers.show(c.constraint().name())
                    + " of " + c.table().display() + ", which no longer guards its data"));
        } else if (change instanceof DropIndex c) {
            if (c.index().unique()) {
                hazards.add(new Hazard(Kind.DATA_LOSS, c, "drops unique index " + Identifiers.show(c.index().name())
                        + " of " + c.table().display() + ", which no longer guards its data"));
            }
        } else if (change instanceof AlterColumn c) {
            alter(c, hazards);
        } else if (change instanceof AddColumn c) {
            addColumn(c, created.contains(c.table()), hazards);
        } else if (change instanceof AddConstraint c) {
            if (!created.contains(c.table())) {
                hazards.add(new Hazard(Kind.MAY_FAIL, c, "adds " + kind(c.constraint()) + " " + Identifiers.show(c.constraint().name())
                        + " to " + c.table().display() + ", which fails if existing rows violate it"));
            }
        } else if (change instanceof CreateIndex c) {
            if (c.index().unique() && !created.contains(c.table())) {
                hazards.add(new Hazard(Kind.MAY_FAIL, c, "creates unique index " + Identifiers.show(c.index().name())
                        + " on " + c.table().display() + ", which fails if existing rows hold duplicates"));
            }
        } else if (!(change instanceof CreateSchema || change instanceof CreateEnum || change instanceof AddEnumValue
                || change instanceof CreateTable || change instanceof RenameTable || change instanceof RenameColumn
                || change instanceof RenameConstraint || change instanceof RenameIndex)) {
            throw new IllegalStateException("no hazard rule for " + change.getClass().getSimpleName());
        }
        hazards.sort(Comparator.comparing(Hazard::kind));
        return List.copyOf(hazards);
    }

    private static void alter(AlterColumn c, List<Hazard> hazards) {
        String col = column(c.table(), c.to().name());
        if (c.aspects().contains(ColumnAspect.TYPE)) {
            ColumnType from = c.from().type();
            ColumnType to = c.to().type();
            String change = "changes column " + col + " from " + from.sql() + " to " + to.sql();
            TypeConversions.Effect effect = TypeConversions.effect(from, to);
            if (effect.alters() != null) {
                hazards.add(new Hazard(Kind.DATA_LOSS, c, change, effect.alters()));
            }
            if (rewrites(from, to)) {
                hazards.add(new Hazard(Kind.TABLE_REWRITE, c, change, "rewrites table " + c.table().display() + " under an exclusive lock"));
            }
            if (effect.fails() != null) {
                hazards.add(new Hazard(Kind.MAY_FAIL, c, change, effect.fails()));
            }
        }
        if (c.aspects().contains(ColumnAspect.NOT_NULL) && c.to().notNull()) {
            hazards.add(new Hazard(Kind.MAY_FAIL, c, "sets column " + col + " NOT NULL, which fails if it holds NULLs"));
        }
    }

    private static void addColumn(AddColumn c, boolean newTable, List<Hazard> hazards) {
        Column column = c.column();
        String col = column(c.table(), column.name());
        boolean serial = column.type() instanceof ColumnType.Builtin b && b.type().isSerial();
        DefaultValue d = column.defaultValue();
        if (newTable) {
            return;
        }
        if (serial || d != null && d.kind() == DefaultValue.Kind.EXPRESSION && isVolatile(d.value())) {
            hazards.add(new Hazard(Kind.TABLE_REWRITE, c, "adds column " + col
                    + " with a volatile default, which rewrites table " + c.table().display() + " under an exclusive lock"));
        }
        if (column.notNull() && d == null && !serial) {
            hazards.add(new Hazard(Kind.MAY_FAIL, c, "adds column " + col
                    + " NOT NULL without a default, which fails if the table has rows"));
        }
    }

    /** Whether PostgreSQL rewrites the table to change a column's type; see the class comment. */
    static boolean rewrites(ColumnType from, ColumnType to) {
        if (from.equals(to)) {
            return false;
        }
        if (from instanceof ColumnType.ArrayOf a && to instanceof ColumnType.ArrayOf b) {
            return rewrites(a.element(), b.element());
        }
        if (!(from instanceof ColumnType.Builtin a) || !(to instanceof ColumnType.Builtin b)) {
            return true;
        }
        PgType x = a.type();
        PgType y = b.type();
        boolean textual = x == PgType.TEXT || x == PgType.VARCHAR;
        if (textual && (y == PgType.TEXT || y == PgType.VARCHAR && b.length() == null)) {
            return false;
        }
        if (x == PgType.VARCHAR && y == PgType.VARCHAR) {
            return a.length() == null || a.length() > b.length();
        }
        if (x == PgType.NUMERIC && y == PgType.NUMERIC) {
            return b.precision() != null && (a.precision() == null
                    || !b.scale().equals(a.scale()) || b.precision() < a.precision());
        }
        return true;
    }

    private static boolean isVolatile(String expression) {
        String sql = expression.toLowerCase(Locale.ROOT).replace(" ", "");
        return VOLATILE_CALLS.stream().anyMatch(sql::contains);
    }

    private static String column(QualifiedName table, String column) {
        return table.display() + "." + Identifiers.show(column);
    }

    private static String kind(Constraint k) {
        if (k instanceof PrimaryKey) {
            return "primary key";
        }
        if (k instanceof Unique) {
            return "unique constraint";
        }
        return k instanceof ForeignKey ? "foreign key" : "check constraint";
    }
}
