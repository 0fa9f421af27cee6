package dev.shale.diff;

import dev.shale.change.AlterRoutine;
import dev.shale.change.CommentOnRoutine;
import dev.shale.change.CommentOnTrigger;
import dev.shale.change.CreateRoutine;
import dev.shale.change.CreateTrigger;
import dev.shale.change.DropRoutine;
import dev.shale.change.DropTrigger;
import dev.shale.change.CreateView;
import dev.shale.change.DropView;
import dev.shale.change.ReplaceView;
import dev.shale.change.AlterView;
import dev.shale.change.SetComment;
import dev.shale.change.RenameSequence;
import dev.shale.change.RenameAttribute;
import dev.shale.change.RenameEnumValue;
import dev.shale.change.SetRowSecurity;
import dev.shale.change.CreatePolicy;
import dev.shale.change.AlterPolicy;
import dev.shale.change.DropPolicy;
import dev.shale.change.GrantPrivilege;
import dev.shale.change.RevokePrivilege;
import dev.shale.change.CreateRole;
import dev.shale.change.AlterRole;
import dev.shale.change.DropRole;
import dev.shale.change.RenamePolicy;
import dev.shale.change.DropSchema;
import dev.shale.change.CreateExtension;
import dev.shale.change.AlterExtension;
import dev.shale.change.DropExtension;
import dev.shale.change.CreateSequence;
import dev.shale.change.AlterSequence;
import dev.shale.change.SetSequenceOwner;
import dev.shale.change.DropSequence;
import dev.shale.change.AddColumn;
import dev.shale.change.AddConstraint;
import dev.shale.change.AddEnumValue;
import dev.shale.change.AlterCompositeType;
import dev.shale.change.AlterDomain;
import dev.shale.change.AlterColumn;
import dev.shale.change.AlterForeignKey;
import dev.shale.change.AlterStorage;
import dev.shale.change.AttachPartition;
import dev.shale.change.DetachPartition;
import dev.shale.change.Change;
import dev.shale.change.ChangeVisitor;
import dev.shale.change.ColumnAspect;
import dev.shale.change.CreateCompositeType;
import dev.shale.change.CreateDomain;
import dev.shale.change.CreateEnum;
import dev.shale.change.CreateIndex;
import dev.shale.change.CreateSchema;
import dev.shale.change.CreateTable;
import dev.shale.change.DropColumn;
import dev.shale.change.DropCompositeType;
import dev.shale.change.DropConstraint;
import dev.shale.change.DropDomain;
import dev.shale.change.DropEnum;
import dev.shale.change.DropIndex;
import dev.shale.change.DropTable;
import dev.shale.change.RenameColumn;
import dev.shale.change.RenameConstraint;
import dev.shale.change.RenameIndex;
import dev.shale.change.RenameTable;
import dev.shale.change.ReplaceEnum;
import dev.shale.change.SetComment;
import dev.shale.change.SetLogged;
import dev.shale.change.SetReplicaIdentity;
import dev.shale.change.ValidateConstraint;
import dev.shale.diff.Hazard.Kind;
import dev.shale.model.Check;
import dev.shale.model.Column;
import dev.shale.model.ColumnType;
import dev.shale.model.Constraint;
import dev.shale.model.DefaultValue;
import dev.shale.model.ForeignKey;
import dev.shale.model.Identifiers;
import dev.shale.model.PgType;
import dev.shale.model.QualifiedName;

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
        return change.accept(new Rules());
    }

    /**
     * The hazards of a list of changes, in change order. Adding a column, a constraint or a unique
     * index to a table created earlier in the list cannot fail on existing rows and is not flagged.
     */
    public static List<Hazard> of(List<? extends Change> changes) {
        Rules rules = new Rules();
        List<Hazard> hazards = new ArrayList<>();
        for (Change c : changes) {
            hazards.addAll(c.accept(rules));
        }
        return List.copyOf(hazards);
    }

    /**
     * The hazard rule of each kind of change, most serious hazard first. Remembers the tables created so
     * far, whose new columns, constraints and indexes cannot fail on existing rows.
     */
    private static final class Rules implements ChangeVisitor<List<Hazard>> {
        private final Set<QualifiedName> created = new HashSet<>();
        private final Set<QualifiedName> replaced = new HashSet<>();

        @Override
        public List<Hazard> visitCreateSchema(CreateSchema c) {
            return List.of();
        }

        @Override
        public List<Hazard> visitCreateEnum(CreateEnum c) {
            return List.of();
        }

        @Override
        public List<Hazard> visitDropEnum(DropEnum c) {
            if (replaced.contains(c.type().name())) {
                return List.of(); // the old type of a replaced enum: the replacement carries the hazards
            }
            return List.of(new Hazard(Kind.DATA_LOSS, c, "drops enum " + c.type().name().display() + " and its values"));
        }

        @Override
        public List<Hazard> visitAddEnumValue(AddEnumValue c) {
            return List.of();
        }

        @Override
        public List<Hazard> visitCreateTable(CreateTable c) {
            created.add(c.table().name());
            return List.of();
        }

        @Override
        public List<Hazard> visitDropTable(DropTable c) {
            if (c.table().isPartition()) {
                return List.of(new Hazard(Kind.DATA_LOSS, c, "drops partition " + c.table().name().display() + " of "
                        + c.table().partitionOf().parent().display() + " and its rows (" + c.table().partitionOf().bound() + ")"));
            }
            return List.of(new Hazard(Kind.DATA_LOSS, c, "drops table " + c.table().name().display() + " and its data"));
        }

        @Override
        public List<Hazard> visitRenameTable(RenameTable c) {
            return List.of();
        }

        @Override
        public List<Hazard> visitAddColumn(AddColumn c) {
            return addColumn(c, created.contains(c.table()));
        }

        @Override
        public List<Hazard> visitDropColumn(DropColumn c) {
            if (c.column().generated() != null) {
                return List.of(); // its values are computed from other columns, which stay
            }
            return List.of(new Hazard(Kind.DATA_LOSS, c, "drops column " + column(c.table(), c.column().name()) + " and its data"));
        }

        @Override
        public List<Hazard> visitRenameColumn(RenameColumn c) {
            return List.of();
        }

        @Override
        public List<Hazard> visitAlterColumn(AlterColumn c) {
            return alter(c);
        }

        @Override
        public List<Hazard> visitAddConstraint(AddConstraint c) {
            if (created.contains(c.table()) || addedNotValid(c.constraint())) {
                return List.of();
            }
            return List.of(new Hazard(Kind.MAY_FAIL, c, "adds " + kind(c.constraint()) + " " + Identifiers.show(c.constraint().name())
                    + " to " + c.table().display() + ", which fails if existing rows violate it"));
        }

        @Override
        public List<Hazard> visitDropConstraint(DropConstraint c) {
            return List.of(new Hazard(Kind.DATA_LOSS, c, "drops " + kind(c.constraint()) + " " + Identifiers.show(c.constraint().name())
                    + " of " + c.table().display() + ", which no longer guards its data"));
        }

        @Override
        public List<Hazard> visitRenameConstraint(RenameConstraint c) {
            return List.of();
        }

        @Override
        public List<Hazard> visitCreateIndex(CreateIndex c) {
            if (!c.index().unique() || created.contains(c.table())) {
                return List.of();
            }
            return List.of(new Hazard(Kind.MAY_FAIL, c, "creates unique index " + Identifiers.show(c.index().name())
                    + " on " + c.table().display() + ", which fails if existing rows hold duplicates"));
        }

        @Override
        public List<Hazard> visitDropIndex(DropIndex c) {
            if (!c.index().unique()) {
                return List.of();
            }
            return List.of(new Hazard(Kind.DATA_LOSS, c, "drops unique index " + Identifiers.show(c.index().name())
                    + " of " + c.table().display() + ", which no longer guards its data"));
        }

        @Override
        public List<Hazard> visitRenameIndex(RenameIndex c) {
            return List.of();
        }

        @Override
        public List<Hazard> visitAlterForeignKey(AlterForeignKey c) {
            return List.of();
        }

        @Override
        public List<Hazard> visitValidateConstraint(ValidateConstraint c) {
            return List.of(new Hazard(Kind.MAY_FAIL, c, "validates " + kind(c.constraint()) + " "
                    + Identifiers.show(c.constraint().name()) + " of " + c.table().display()
                    + ", which fails if existing rows violate it"));
        }

        @Override
        public List<Hazard> visitAlterStorage(AlterStorage c) {
            return List.of();
        }

        @Override
        public List<Hazard> visitSetLogged(SetLogged c) {
            if (created.contains(c.table())) {
                return List.of();
            }
            return List.of(new Hazard(Kind.TABLE_REWRITE, c, "makes table " + c.table().display()
                    + (c.unlogged() ? " unlogged" : " logged") + ", which rewrites it under an exclusive lock"));
        }

        @Override
        public List<Hazard> visitSetReplicaIdentity(SetReplicaIdentity c) {
            return List.of();
        }

        @Override
        public List<Hazard> visitSetComment(SetComment c) {
            return List.of();
        }

        @Override
        public List<Hazard> visitDropSchema(DropSchema c) {
            return List.of(new Hazard(Kind.MAY_FAIL, c, "drops schema " + Identifiers.show(c.name())
                    + ", which fails if objects Shale does not manage still live in it"));
        }

        @Override
        public List<Hazard> visitCreateExtension(CreateExtension c) {
            return List.of();
        }

        @Override
        public List<Hazard> visitAlterExtension(AlterExtension c) {
            return List.of();
        }

        @Override
        public List<Hazard> visitDropExtension(DropExtension c) {
            return List.of(new Hazard(Kind.DATA_LOSS, c, "drops extension " + Identifiers.show(c.extension().name())
                    + " and the functions, types and operators it brought; it fails while columns or indexes use them"));
        }

        @Override
        public List<Hazard> visitCreateSequence(CreateSequence c) {
            return List.of();
        }

        @Override
        public List<Hazard> visitAlterSequence(AlterSequence c) {
            SequenceDefaults.Effective a = SequenceDefaults.effective(c.from());
            SequenceDefaults.Effective b = SequenceDefaults.effective(c.to());
            if (b.min() > a.min() || b.max() < a.max()) {
                return List.of(new Hazard(Kind.MAY_FAIL, c, "narrows the range of sequence " + c.name().display()
                        + ", which fails if its current value lies outside the new one"));
            }
            return List.of();
        }

        @Override
        public List<Hazard> visitSetSequenceOwner(SetSequenceOwner c) {
            return List.of();
        }

        @Override
        public List<Hazard> visitDropSequence(DropSequence c) {
            return List.of(new Hazard(Kind.DATA_LOSS, c, "drops sequence " + c.sequence().name().display()
                    + " and its current value"));
        }

        @Override
        public List<Hazard> visitCreateDomain(CreateDomain c) {
            return List.of();
        }

        @Override
        public List<Hazard> visitAlterDomain(AlterDomain c) {
            return TypeHazards.alterDomain(c);
        }

        @Override
        public List<Hazard> visitDropDomain(DropDomain c) {
            return List.of(new Hazard(Kind.DATA_LOSS, c, "drops domain " + c.domain().name().display() + " and its checks"));
        }

        @Override
        public List<Hazard> visitCreateCompositeType(CreateCompositeType c) {
            return List.of();
        }

        @Override
        public List<Hazard> visitAlterCompositeType(AlterCompositeType c) {
            return TypeHazards.alterComposite(c);
        }

        @Override
        public List<Hazard> visitDropCompositeType(DropCompositeType c) {
            return List.of(new Hazard(Kind.DATA_LOSS, c, "drops composite type " + c.type().name().display()));
        }

        @Override
        public List<Hazard> visitReplaceEnum(ReplaceEnum c) {
            replaced.add(c.oldName());
            return TypeHazards.replaceEnum(c);
        }

        @Override
        public List<Hazard> visitAttachPartition(AttachPartition c) {
            return List.of(new Hazard(Kind.MAY_FAIL, c, "attaches " + c.table().display() + " to " + c.partitionOf().parent().display()
                    + " " + c.partitionOf().bound(), "scans every row of it (and of a default partition) to check the bound,"
                    + " holding a lock that blocks writes, and fails if a row lies outside the bound"));
        }

        @Override
        public List<Hazard> visitDetachPartition(DetachPartition c) {
            return List.of();
        }

        /** Rows keep their value under its new label; only code that spells the old label notices. */
        @Override
        public List<Hazard> visitRenameEnumValue(RenameEnumValue c) {
            return List.of();
        }

        /** Values keep their fields under the new name; only SQL that spells the old one notices. */
        @Override
        public List<Hazard> visitRenameAttribute(RenameAttribute c) {
            return List.of();
        }

        /** The sequence keeps counting; only SQL that spells the old name notices. */
        @Override
        public List<Hazard> visitRenameSequence(RenameSequence c) {
            return List.of();
        }

        @Override
        public List<Hazard> visitCreateRoutine(CreateRoutine c) {
            return List.of();
        }

        @Override
        public List<Hazard> visitAlterRoutine(AlterRoutine c) {
            return List.of();
        }

        @Override
        public List<Hazard> visitDropRoutine(DropRoutine c) {
            return List.of();
        }

        @Override
        public List<Hazard> visitCommentOnRoutine(CommentOnRoutine c) {
            return List.of();
        }

        @Override
        public List<Hazard> visitCreateTrigger(CreateTrigger c) {
            return List.of();
        }

        @Override
        public List<Hazard> visitDropTrigger(DropTrigger c) {
            return List.of();
        }

        @Override
        public List<Hazard> visitCommentOnTrigger(CommentOnTrigger c) {
            return List.of();
        }

        @Override
        public List<Hazard> visitSetRowSecurity(SetRowSecurity c) {
            // Enabling it changes which rows roles see, not whether the statement can fail: no hazard kind fits.
            return List.of();
        }

        @Override
        public List<Hazard> visitCreatePolicy(CreatePolicy c) {
            return List.of();
        }

        @Override
        public List<Hazard> visitAlterPolicy(AlterPolicy c) {
            return List.of();
        }

        @Override
        public List<Hazard> visitDropPolicy(DropPolicy c) {
            return List.of();
        }

        @Override
        public List<Hazard> visitGrantPrivilege(GrantPrivilege c) {
            return List.of();
        }

        @Override
        public List<Hazard> visitRevokePrivilege(RevokePrivilege c) {
            return List.of();
        }

        @Override
        public List<Hazard> visitCreateRole(CreateRole c) {
            return List.of();
        }

        @Override
        public List<Hazard> visitAlterRole(AlterRole c) {
            return List.of();
        }

        @Override
        public List<Hazard> visitDropRole(DropRole c) {
            return List.of(new Hazard(Kind.MAY_FAIL, c, "drops role " + dev.shale.model.Identifiers.show(c.role().name())
                    + ", which fails while it owns objects or holds privileges in any database of the cluster"));
        }

        @Override
        public List<Hazard> visitRenamePolicy(RenamePolicy c) {
            return List.of();
        }

        @Override
        public List<Hazard> visitCreateView(CreateView c) {
            return List.of();
        }

        // A view holds no rows: dropped for good because the code no longer has it, it is no hazard. One dropped
        // because something it reads goes is named (never taken along by CASCADE); a materialized view's rows go
        // with it, and one created again runs its whole query to fill itself, like a table rewrite.
        @Override
        public List<Hazard> visitDropView(DropView c) {
            String what = "drops " + c.view().display();
            String because = c.reason() == null ? "" : " (" + c.reason() + ")";
            if (c.recreated()) {
                return c.view().materialized() && c.view().withData()
                        ? List.of(new Hazard(Kind.TABLE_REWRITE, c, what + " and creates it again" + because,
                                "runs its whole query again to fill it"))
                        : List.of();
            }
            if (c.reason() != null) {
                return List.of(new Hazard(Kind.DATA_LOSS, c, what + because, "is not created again: the new schema does not have it"));
            }
            return c.view().materialized()
                    ? List.of(new Hazard(Kind.DATA_LOSS, c, what + " and the rows it holds"))
                    : List.of();
        }

        @Override
        public List<Hazard> visitReplaceView(ReplaceView c) {
            return List.of();
        }

        @Override
        public List<Hazard> visitAlterView(AlterView c) {
            return List.of();
        }
    }

    private static List<Hazard> alter(AlterColumn c) {
        List<Hazard> hazards = new ArrayList<>();
        String col = column(c.table(), c.to().name());
        if (c.aspects().contains(ColumnAspect.TYPE)) {
            ColumnType from = c.from().type();
            ColumnType to = c.to().type();
            String change = "changes column " + col + " from " + from.sql() + " to " + to.sql();
            TypeConversions.Effect effect = c.using() == null ? TypeConversions.effect(from, to)
                    : new TypeConversions.Effect(null, "fails if USING " + c.using() + " fails on a stored value");
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
        return mostSeriousFirst(hazards);
    }

    private static List<Hazard> addColumn(AddColumn c, boolean newTable) {
        List<Hazard> hazards = new ArrayList<>();
        Column column = c.column();
        String col = column(c.table(), column.name());
        boolean serial = column.type() instanceof ColumnType.Builtin b && b.type().isSerial();
        DefaultValue d = column.defaultValue();
        if (newTable) {
            return List.of();
        }
        if (serial || d != null && d.kind() == DefaultValue.Kind.EXPRESSION && isVolatile(d.value())) {
            hazards.add(new Hazard(Kind.TABLE_REWRITE, c, "adds column " + col
                    + " with a volatile default, which rewrites table " + c.table().display() + " under an exclusive lock"));
        } else if (column.identity() != null || column.generated() != null) {
            hazards.add(new Hazard(Kind.TABLE_REWRITE, c, "adds " + (column.identity() != null ? "identity" : "generated")
                    + " column " + col + ", which rewrites table " + c.table().display() + " under an exclusive lock"));
        }
        if (column.notNull() && d == null && !serial && column.identity() == null && column.generated() == null) {
            hazards.add(new Hazard(Kind.MAY_FAIL, c, "adds column " + col
                    + " NOT NULL without a default, which fails if the table has rows"));
        }
        return mostSeriousFirst(hazards);
    }

    private static List<Hazard> mostSeriousFirst(List<Hazard> hazards) {
        hazards.sort(Comparator.comparing(Hazard::kind));
        return List.copyOf(hazards);
    }

    /**
     * Whether PostgreSQL rewrites the table to change a column's type from {@code from} to {@code to} (see the
     * class comment); {@code lint} asks it about an {@code ALTER COLUMN ... TYPE} it reads in a migration file.
     */
    public static boolean rewritesTable(ColumnType from, ColumnType to) {
        return rewrites(from, to);
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
        return k.kind();
    }

    /** A check or foreign key added NOT VALID does not look at existing rows, so it cannot fail on them. */
    private static boolean addedNotValid(Constraint k) {
        return k instanceof Check c && c.notValid() || k instanceof ForeignKey f && f.notValid();
    }
}
