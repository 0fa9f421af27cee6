package dev.shale.diff;

import dev.shale.change.AddColumn;
import dev.shale.change.AddConstraint;
import dev.shale.change.AddEnumValue;
import dev.shale.change.AlterColumn;
import dev.shale.change.AlterCompositeType;
import dev.shale.change.AlterDomain;
import dev.shale.change.AlterExtension;
import dev.shale.change.AlterForeignKey;
import dev.shale.change.AlterSequence;
import dev.shale.change.AlterStorage;
import dev.shale.change.AttachPartition;
import dev.shale.change.Change;
import dev.shale.change.ChangeVisitor;
import dev.shale.change.ColumnAspect;
import dev.shale.change.CommentTarget;
import dev.shale.change.CreateCompositeType;
import dev.shale.change.CreateDomain;
import dev.shale.change.CreateEnum;
import dev.shale.change.CreateExtension;
import dev.shale.change.CreateIndex;
import dev.shale.change.CreateSchema;
import dev.shale.change.CreateSequence;
import dev.shale.change.CreateTable;
import dev.shale.change.DetachPartition;
import dev.shale.change.DropColumn;
import dev.shale.change.DropCompositeType;
import dev.shale.change.DropConstraint;
import dev.shale.change.DropDomain;
import dev.shale.change.DropEnum;
import dev.shale.change.DropExtension;
import dev.shale.change.DropIndex;
import dev.shale.change.DropSchema;
import dev.shale.change.DropSequence;
import dev.shale.change.DropTable;
import dev.shale.change.RenameColumn;
import dev.shale.change.RenameConstraint;
import dev.shale.change.RenameIndex;
import dev.shale.change.RenameTable;
import dev.shale.change.ReplaceEnum;
import dev.shale.change.SetComment;
import dev.shale.change.SetLogged;
import dev.shale.change.SetReplicaIdentity;
import dev.shale.change.SetSequenceOwner;
import dev.shale.change.ValidateConstraint;
import dev.shale.model.Check;
import dev.shale.model.Column;
import dev.shale.model.Constraint;
import dev.shale.model.ForeignKey;
import dev.shale.model.Identifiers;
import dev.shale.model.Index;
import dev.shale.model.IndexKey;
import dev.shale.model.QualifiedName;
import dev.shale.model.ReplicaIdentity;
import dev.shale.model.SchemaModel;
import dev.shale.model.Table;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Online mode: a diff's steps rewritten so that a busy table keeps taking writes while they apply. Each
 * step becomes up to three, each a migration file of its own:
 * <ol>
 *   <li>the step in a transaction, except that a foreign key or check added to a table that already exists
 *       is added {@code NOT VALID} (a catalog change, no scan), and a column of such a table that becomes
 *       NOT NULL gets a check {@code "col" IS NOT NULL} added {@code NOT VALID} instead;</li>
 *   <li>a step outside a transaction ({@link DiffStep#noTransaction()}): indexes of existing tables built and
 *       dropped {@code CONCURRENTLY}, then every such constraint validated ({@code VALIDATE CONSTRAINT} takes
 *       SHARE UPDATE EXCLUSIVE, which lets writes through, and commits on its own). Every statement can run
 *       again, so the file can be rerun from its first statement after a later one failed;</li>
 *   <li>a step in a transaction that sets those columns NOT NULL (PostgreSQL 12 and later skip the scan,
 *       since the validated check proves it) and drops the checks that proved it.</li>
 * </ol>
 * Steps that would be empty are left out; the last step's schema is the original step's, so the final
 * state is the code's, validated. What stays as it is: everything on tables created in the same step, and
 * on partitioned tables and their partitions (PostgreSQL builds no index on a partitioned table concurrently,
 * and a partition follows its parent); a unique index a foreign key of
 * the step references, or a replica identity uses; an index drop when the step changes types an index
 * expression may depend on, drops or renames a column of its table, or reuses the name.
 */
public final class OnlineSteps {
    private static final Placement PLACEMENT = new Placement();

    private OnlineSteps() {}

    /** The online form of {@code steps}, the diff from {@code from}. */
    public static List<DiffStep> of(SchemaModel from, List<DiffStep> steps) {
        List<DiffStep> out = new ArrayList<>();
        SchemaModel before = from;
        for (DiffStep step : steps) {
            out.addAll(split(before, step));
            before = step.after();
        }
        return List.copyOf(out);
    }

    /**
     * The hazards of an online step: those of {@link Hazards#of}, less what the validated check of the step
     * before makes safe (a SET NOT NULL cannot fail once its check is valid, and dropping that check then
     * guards nothing the column does not).
     */
    public static List<Hazard> hazards(DiffStep step) {
        Set<Change> proven = new HashSet<>();
        for (DropConstraint d : Change.select(DropConstraint.class, step.changes())) {
            if (!(d.constraint() instanceof Check k)) {
                continue;
            }
            for (AlterColumn a : Change.select(AlterColumn.class, step.changes())) {
                if (a.table().equals(d.table()) && a.aspects().equals(EnumSet.of(ColumnAspect.NOT_NULL)) && a.to().notNull()
                        && k.expression().equals(notNullExpression(a.to().name()))) {
                    proven.add(a);
                    proven.add(d);
                }
            }
        }
        return Hazards.of(step.changes()).stream().filter(h -> !proven.contains(h.change())).toList();
    }

    /** The expression of the check that proves a column NOT NULL: {@code "email" IS NOT NULL}. */
    static String notNullExpression(String column) {
        return "\"" + column.replace("\"", "\"\"") + "\" IS NOT NULL";
    }

    private static List<DiffStep> split(SchemaModel before, DiffStep step) {
        Set<QualifiedName> created = new HashSet<>();
        Change.select(CreateTable.class, step.changes()).forEach(c -> created.add(c.table().name()));
        SchemaModel after = step.after();
        List<Change> inTransaction = new ArrayList<>();
        List<Change> indexes = new ArrayList<>();
        List<Change> validations = new ArrayList<>();
        List<Change> notNull = new ArrayList<>();
        Set<String> builtConcurrently = new HashSet<>();
        SchemaModel first = after; // the schema after the first step
        SchemaModel second = after; // and after the second
        boolean retypes = step.changes().stream().anyMatch(c -> c.accept(PLACEMENT) == Role.RETYPES);
        for (Change change : step.changes()) {
            switch (change.accept(PLACEMENT)) {
                case CREATE_INDEX -> {
                    CreateIndex c = (CreateIndex) change;
                    if (!c.concurrently() && existing(c.table(), before, after, created) && !needed(c, step.changes())) {
                        indexes.add(new CreateIndex(c.table(), c.index(), true));
                        builtConcurrently.add(key(c.table(), c.index().name()));
                    } else {
                        inTransaction.add(change);
                    }
                }
                case DROP_INDEX -> {
                    DropIndex d = (DropIndex) change;
                    if (!d.concurrently() && !retypes && existing(d.table(), before, after, created)
                            && before.table(d.table()) != null && !retypesTable(d.table(), step.changes())
                            && !changesColumns(d.table(), step.changes())
                            && !nameTaken(after, d.table(), d.index().name(), step.changes())) {
                        indexes.add(new DropIndex(d.table(), d.index(), true));
                    } else {
                        inTransaction.add(change);
                    }
                }
                case COMMENT -> {
                    SetComment c = (SetComment) change;
                    CommentTarget t = c.target();
                    boolean onBuilt = t.kind() == CommentTarget.Kind.INDEX && builtConcurrently.contains(key(t.name(), t.subName()));
                    (onBuilt ? indexes : inTransaction).add(change);
                }
                case ADD_CONSTRAINT -> {
                    AddConstraint c = (AddConstraint) change;
                    Constraint k = c.constraint();
                    boolean validatable = k instanceof Check check && !check.notValid()
                            || k instanceof ForeignKey fk && !fk.notValid() && !partitioned(after, fk.referencedTable());
                    if (validatable && existing(c.table(), before, after, created)) {
                        Constraint notValid = notValid(k);
                        inTransaction.add(new AddConstraint(c.table(), notValid));
                        validations.add(new ValidateConstraint(c.table(), k));
                        first = withTable(first, c.table(), t -> replace(t, notValid));
                    } else {
                        inTransaction.add(change);
                    }
                }
                case VALIDATE -> {
                    ValidateConstraint v = (ValidateConstraint) change;
                    if (existing(v.table(), before, after, created)) {
                        validations.add(v);
                        first = withTable(first, v.table(), t -> replace(t, notValid(v.constraint())));
                    } else {
                        inTransaction.add(change);
                    }
                }
                case ALTER_COLUMN -> {
                    AlterColumn a = (AlterColumn) change;
                    Set<ColumnAspect> others = EnumSet.copyOf(a.aspects());
                    others.remove(ColumnAspect.NOT_NULL);
                    boolean setsNotNull = a.aspects().contains(ColumnAspect.NOT_NULL) && a.to().notNull() && !a.from().notNull();
                    boolean plain = !others.contains(ColumnAspect.IDENTITY) && !others.contains(ColumnAspect.SERIAL)
                            && !others.contains(ColumnAspect.GENERATED);
                    if (!setsNotNull || !plain || !existing(a.table(), before, after, created) || inPrimaryKey(after, a)) {
                        inTransaction.add(change);
                        continue;
                    }
                    Column nullable = a.to().withNotNull(false);
                    if (!others.isEmpty()) {
                        inTransaction.add(new AlterColumn(a.table(), a.from(), nullable, others, a.using()));
                    }
                    Check proof = new Check(proofName(before, after, a.table(), a.to().name()), notNullExpression(a.to().name()));
                    inTransaction.add(new AddConstraint(a.table(), proof.withNotValid(true)));
                    validations.add(new ValidateConstraint(a.table(), proof));
                    notNull.add(new AlterColumn(a.table(), nullable, a.to(), EnumSet.of(ColumnAspect.NOT_NULL)));
                    notNull.add(new DropConstraint(a.table(), proof));
                    UnaryOperator<Table> withProof = t -> t.withColumns(t.columns().stream()
                            .map(col -> col.name().equals(a.to().name()) ? col.withNotNull(false) : col).toList())
                            .withChecks(append(t.checks(), proof));
                    first = withTable(first, a.table(), withProof.andThen(t -> replace(t, proof.withNotValid(true)))::apply);
                    second = withTable(second, a.table(), withProof);
                }
                case RETYPES, KEEP -> inTransaction.add(change);
            }
        }
        first = beforeIndexChanges(first, indexes);
        List<DiffStep> out = new ArrayList<>();
        if (!inTransaction.isEmpty()) {
            out.add(new DiffStep(inTransaction, indexes.isEmpty() && validations.isEmpty() && notNull.isEmpty() ? after : first));
        }
        List<Change> outside = new ArrayList<>(indexes);
        outside.addAll(validations);
        if (!outside.isEmpty()) {
            out.add(new DiffStep(outside, notNull.isEmpty() ? after : second, true));
        }
        if (!notNull.isEmpty()) {
            out.add(new DiffStep(notNull, after));
        }
        return out;
    }

    /**
     * {@code model} without the indexes {@code indexChanges} build and with those they drop: the tables as
     * they are before the concurrent builds and drops (an index rebuilt under its name is the old one).
     */
    private static SchemaModel beforeIndexChanges(SchemaModel model, List<Change> indexChanges) {
        SchemaModel out = model;
        for (CreateIndex c : Change.select(CreateIndex.class, indexChanges)) {
            out = withTable(out, c.table(), t -> t.withIndexes(t.indexes().stream()
                    .filter(ix -> !ix.name().equals(c.index().name())).toList()));
        }
        for (DropIndex d : Change.select(DropIndex.class, indexChanges)) {
            out = withTable(out, d.table(), t -> t.withIndexes(append(t.indexes(), d.index())));
        }
        return out;
    }

    /** Whether {@code table} exists before the step runs (by that name, when the step does not create it). */
    private static boolean existing(QualifiedName table, SchemaModel before, SchemaModel after, Set<QualifiedName> created) {
        Table t = after.table(table);
        // Partitioned tables and their partitions are left as they are: PostgreSQL builds no index on a partitioned
        // table concurrently, and a partition's columns and indexes follow its parent's.
        return !created.contains(table) && t != null && t.partitioning() == null && t.partitionOf() == null;
    }

    /** Whether the column is in its table's primary key (which makes it NOT NULL itself, when it is added). */
    private static boolean inPrimaryKey(SchemaModel after, AlterColumn a) {
        Table t = after.table(a.table());
        return t != null && t.primaryKey() != null && t.primaryKey().columns().contains(a.to().name());
    }

    private static boolean partitioned(SchemaModel model, QualifiedName table) {
        Table t = model.table(table);
        return t != null && t.partitioning() != null;
    }

    /**
     * Whether another change of the step needs the index built in its transaction: a foreign key that
     * references exactly its columns (PostgreSQL needs a unique index there when the key is added), or a
     * replica identity using it.
     */
    private static boolean needed(CreateIndex c, List<Change> changes) {
        Index ix = c.index();
        Set<String> columns = new HashSet<>();
        for (IndexKey k : ix.keys()) {
            if (k.column() == null) {
                columns = null;
                break;
            }
            columns.add(k.column());
        }
        if (ix.unique() && ix.where() == null && columns != null) {
            for (AddConstraint a : Change.select(AddConstraint.class, changes)) {
                if (a.constraint() instanceof ForeignKey fk && fk.referencedTable().equals(c.table())
                        && new HashSet<>(fk.referencedColumns()).equals(columns)) {
                    return true;
                }
            }
        }
        for (SetReplicaIdentity r : Change.select(SetReplicaIdentity.class, changes)) {
            if (r.table().equals(c.table()) && r.to().kind() == ReplicaIdentity.Kind.INDEX && ix.name().equals(r.to().index())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the step drops or renames a column of {@code table}: an index on it goes with a dropped column
     * and names a renamed one by its old name in its expressions, so its drop stays before that.
     */
    private static boolean changesColumns(QualifiedName table, List<Change> changes) {
        return Change.select(DropColumn.class, changes).stream().anyMatch(c -> c.table().equals(table))
                || Change.select(RenameColumn.class, changes).stream().anyMatch(c -> c.table().equals(table));
    }

    /** Whether the step changes the type or collation of a column of {@code table} (an index on it may have to go first). */
    private static boolean retypesTable(QualifiedName table, List<Change> changes) {
        return Change.select(AlterColumn.class, changes).stream().anyMatch(a -> a.table().equals(table)
                && (a.aspects().contains(ColumnAspect.TYPE) || a.aspects().contains(ColumnAspect.COLLATION)
                || a.aspects().contains(ColumnAspect.GENERATED)));
    }

    /**
     * Whether something the step's transaction creates takes the name of an index dropped later: a table,
     * sequence, index or index-backed constraint of the schema by that name that is not an index built
     * concurrently after the drop.
     */
    private static boolean nameTaken(SchemaModel after, QualifiedName table, String name, List<Change> changes) {
        String schema = table.schema();
        for (Table t : after.tables()) {
            if (!t.name().schema().equals(schema)) {
                continue;
            }
            if (t.name().name().equals(name)) {
                return true;
            }
            for (Constraint k : t.constraints()) {
                if (k.name().equals(name) && !(k instanceof Check) && !(k instanceof ForeignKey)) {
                    return true;
                }
            }
            for (Index ix : t.indexes()) {
                if (ix.name().equals(name)) {
                    boolean rebuiltHere = t.name().equals(table) && Change.select(CreateIndex.class, changes).stream()
                            .anyMatch(c -> c.table().equals(table) && c.index().name().equals(name));
                    if (!rebuiltHere) {
                        return true;
                    }
                }
            }
        }
        return after.sequences().stream().anyMatch(s -> s.name().schema().equals(schema) && s.name().name().equals(name));
    }

    /**
     * The name of the check proving {@code column} NOT NULL: {@code <table>_<column>_not_null_check} (not
     * PostgreSQL 18's own {@code <table>_<column>_not_null}), the table and column shortened to fit 63 bytes,
     * numbered ({@code ..._not_null_check2}) when the table has a constraint of that name.
     */
    private static String proofName(SchemaModel before, SchemaModel after, QualifiedName table, String column) {
        Set<String> taken = new HashSet<>();
        for (SchemaModel m : List.of(before, after)) {
            Table t = m.table(table);
            if (t != null) {
                t.constraints().forEach(k -> taken.add(k.name()));
            }
        }
        String end = "_not_null_check";
        for (int n = 1; ; n++) {
            String suffix = end + (n == 1 ? "" : String.valueOf(n));
            String tail = "_" + column + suffix;
            int room = Identifiers.MAX_BYTES - tail.getBytes(StandardCharsets.UTF_8).length;
            String name = room >= 8 ? truncate(table.name(), room) + tail
                    : truncate(table.name() + "_" + column, Identifiers.MAX_BYTES - suffix.length()) + suffix;
            if (!taken.contains(name)) {
                return name;
            }
        }
    }

    private static String truncate(String s, int maxBytes) {
        String out = s;
        while (out.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            out = out.substring(0, out.offsetByCodePoints(out.codePointCount(0, out.length()) - 1, 0));
        }
        return out;
    }

    private static Constraint notValid(Constraint k) {
        if (k instanceof Check c) {
            return c.withNotValid(true);
        }
        if (k instanceof ForeignKey fk) {
            return fk.withNotValid(true);
        }
        throw new IllegalArgumentException("only a check or a foreign key can be NOT VALID, got " + k.kind() + " " + k.name());
    }

    /** The table with {@code k} in place of its constraint of that name. */
    private static Table replace(Table t, Constraint k) {
        if (k instanceof Check c) {
            return t.withChecks(t.checks().stream().map(o -> o.name().equals(c.name()) ? c : o).toList());
        }
        if (k instanceof ForeignKey fk) {
            return t.withForeignKeys(t.foreignKeys().stream().map(o -> o.name().equals(fk.name()) ? fk : o).toList());
        }
        throw new IllegalArgumentException("only a check or a foreign key can be NOT VALID, got " + k.kind() + " " + k.name());
    }

    private static SchemaModel withTable(SchemaModel model, QualifiedName name, UnaryOperator<Table> edit) {
        return model.withTable(edit.apply(model.table(name)));
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> out = new ArrayList<>(list);
        out.add(item);
        return out;
    }

    private static String key(QualifiedName table, String index) {
        return table.schema() + "." + table.name() + "." + index;
    }

    /** Where a change goes in online mode; what each kind is, decided in one place. */
    private enum Role {
        /** Stays in the step's transaction as it is. */
        KEEP,
        /** Stays; an index expression may depend on what it changes, so drops of indexes stay before it. */
        RETYPES,
        /** Built CONCURRENTLY outside the transaction when its table already exists. */
        CREATE_INDEX,
        /** Dropped CONCURRENTLY outside the transaction when nothing of the step needs it gone first. */
        DROP_INDEX,
        /** A foreign key or check on an existing table: added NOT VALID, then validated. */
        ADD_CONSTRAINT,
        /** Validated outside the transaction, away from its locks. */
        VALIDATE,
        /** SET NOT NULL on an existing table goes through a validated check. */
        ALTER_COLUMN,
        /** A comment on an index built concurrently follows the build. */
        COMMENT
    }

    private static final class Placement implements ChangeVisitor<Role> {
        @Override
        public Role visitCreateSchema(CreateSchema c) {
            return Role.KEEP;
        }

        @Override
        public Role visitCreateEnum(CreateEnum c) {
            return Role.KEEP;
        }

        @Override
        public Role visitDropEnum(DropEnum c) {
            return Role.RETYPES;
        }

        @Override
        public Role visitAddEnumValue(AddEnumValue c) {
            return Role.KEEP;
        }

        @Override
        public Role visitCreateTable(CreateTable c) {
            return Role.KEEP;
        }

        @Override
        public Role visitDropTable(DropTable c) {
            return Role.KEEP;
        }

        @Override
        public Role visitRenameTable(RenameTable c) {
            return Role.KEEP;
        }

        @Override
        public Role visitCreateView(dev.shale.change.CreateView c) {
            return Role.KEEP;
        }

        @Override
        public Role visitDropView(dev.shale.change.DropView c) {
            return Role.KEEP;
        }

        @Override
        public Role visitReplaceView(dev.shale.change.ReplaceView c) {
            return Role.KEEP;
        }

        @Override
        public Role visitAlterView(dev.shale.change.AlterView c) {
            return Role.KEEP;
        }

        @Override
        public Role visitSetRowSecurity(dev.shale.change.SetRowSecurity c) {
            return Role.KEEP;
        }

        @Override
        public Role visitCreatePolicy(dev.shale.change.CreatePolicy c) {
            return Role.KEEP;
        }

        @Override
        public Role visitAlterPolicy(dev.shale.change.AlterPolicy c) {
            return Role.KEEP;
        }

        @Override
        public Role visitDropPolicy(dev.shale.change.DropPolicy c) {
            return Role.KEEP;
        }

        @Override
        public Role visitRenamePolicy(dev.shale.change.RenamePolicy c) {
            return Role.KEEP;
        }

        @Override
        public Role visitGrantPrivilege(dev.shale.change.GrantPrivilege c) {
            return Role.KEEP;
        }

        @Override
        public Role visitRevokePrivilege(dev.shale.change.RevokePrivilege c) {
            return Role.KEEP;
        }

        @Override
        public Role visitCreateRole(dev.shale.change.CreateRole c) {
            return Role.KEEP;
        }

        @Override
        public Role visitAlterRole(dev.shale.change.AlterRole c) {
            return Role.KEEP;
        }

        @Override
        public Role visitDropRole(dev.shale.change.DropRole c) {
            return Role.KEEP;
        }

        @Override
        public Role visitCreateRoutine(dev.shale.change.CreateRoutine c) {
            return Role.KEEP;
        }

        @Override
        public Role visitAlterRoutine(dev.shale.change.AlterRoutine c) {
            return Role.KEEP;
        }

        @Override
        public Role visitDropRoutine(dev.shale.change.DropRoutine c) {
            return Role.KEEP;
        }

        @Override
        public Role visitCommentOnRoutine(dev.shale.change.CommentOnRoutine c) {
            return Role.KEEP;
        }

        @Override
        public Role visitCreateTrigger(dev.shale.change.CreateTrigger c) {
            return Role.KEEP;
        }

        @Override
        public Role visitDropTrigger(dev.shale.change.DropTrigger c) {
            return Role.KEEP;
        }

        @Override
        public Role visitCommentOnTrigger(dev.shale.change.CommentOnTrigger c) {
            return Role.KEEP;
        }

        @Override
        public Role visitRenameSequence(dev.shale.change.RenameSequence c) {
            return Role.KEEP;
        }

        @Override
        public Role visitRenameEnumValue(dev.shale.change.RenameEnumValue c) {
            return Role.KEEP;
        }

        @Override
        public Role visitRenameAttribute(dev.shale.change.RenameAttribute c) {
            return Role.KEEP;
        }

        @Override
        public Role visitAddColumn(AddColumn c) {
            return Role.KEEP;
        }

        @Override
        public Role visitDropColumn(DropColumn c) {
            return Role.KEEP;
        }

        @Override
        public Role visitRenameColumn(RenameColumn c) {
            return Role.KEEP;
        }

        @Override
        public Role visitAlterColumn(AlterColumn c) {
            return Role.ALTER_COLUMN;
        }

        @Override
        public Role visitAddConstraint(AddConstraint c) {
            return Role.ADD_CONSTRAINT;
        }

        @Override
        public Role visitDropConstraint(DropConstraint c) {
            return Role.KEEP;
        }

        @Override
        public Role visitRenameConstraint(RenameConstraint c) {
            return Role.KEEP;
        }

        @Override
        public Role visitCreateIndex(CreateIndex c) {
            return Role.CREATE_INDEX;
        }

        @Override
        public Role visitDropIndex(DropIndex c) {
            return Role.DROP_INDEX;
        }

        @Override
        public Role visitRenameIndex(RenameIndex c) {
            return Role.KEEP;
        }

        @Override
        public Role visitAlterForeignKey(AlterForeignKey c) {
            return Role.KEEP;
        }

        @Override
        public Role visitValidateConstraint(ValidateConstraint c) {
            return Role.VALIDATE;
        }

        @Override
        public Role visitAlterStorage(AlterStorage c) {
            return Role.KEEP;
        }

        @Override
        public Role visitSetLogged(SetLogged c) {
            return Role.KEEP;
        }

        @Override
        public Role visitSetReplicaIdentity(SetReplicaIdentity c) {
            return Role.KEEP;
        }

        @Override
        public Role visitSetComment(SetComment c) {
            return Role.COMMENT;
        }

        @Override
        public Role visitDropSchema(DropSchema c) {
            return Role.RETYPES;
        }

        @Override
        public Role visitCreateExtension(CreateExtension c) {
            return Role.KEEP;
        }

        @Override
        public Role visitAlterExtension(AlterExtension c) {
            return Role.RETYPES;
        }

        @Override
        public Role visitDropExtension(DropExtension c) {
            return Role.RETYPES;
        }

        @Override
        public Role visitCreateSequence(CreateSequence c) {
            return Role.KEEP;
        }

        @Override
        public Role visitAlterSequence(AlterSequence c) {
            return Role.KEEP;
        }

        @Override
        public Role visitSetSequenceOwner(SetSequenceOwner c) {
            return Role.KEEP;
        }

        @Override
        public Role visitDropSequence(DropSequence c) {
            return Role.KEEP;
        }

        @Override
        public Role visitCreateDomain(CreateDomain c) {
            return Role.KEEP;
        }

        @Override
        public Role visitAlterDomain(AlterDomain c) {
            return Role.RETYPES;
        }

        @Override
        public Role visitDropDomain(DropDomain c) {
            return Role.RETYPES;
        }

        @Override
        public Role visitCreateCompositeType(CreateCompositeType c) {
            return Role.KEEP;
        }

        @Override
        public Role visitAlterCompositeType(AlterCompositeType c) {
            return Role.RETYPES;
        }

        @Override
        public Role visitDropCompositeType(DropCompositeType c) {
            return Role.RETYPES;
        }

        @Override
        public Role visitReplaceEnum(ReplaceEnum c) {
            return Role.RETYPES;
        }

        @Override
        public Role visitAttachPartition(AttachPartition c) {
            return Role.KEEP;
        }

        @Override
        public Role visitDetachPartition(DetachPartition c) {
            return Role.KEEP;
        }
    }
}
