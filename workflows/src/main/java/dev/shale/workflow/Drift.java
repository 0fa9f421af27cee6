package dev.shale.workflow;

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
        SchemaModel before = db;
        changes = changes.stream().filter(c -> !rebuildsOnly(c, before, expected)).toList();
        Lines describe = new Lines(changes);
        for (Change c : changes) {
            String line = c.accept(describe);
            if (line != null) {
                lines.add(line);
            }
        }
        return List.copyOf(lines);
    }

    /**
     * Whether a change only drops and recreates an object that is the same on both sides (a view, policy or
     * trigger rebuilt around a real difference under it, with its indexes, comments and grants): the plan
     * needs it, but it is not itself a difference.
     */
    private static boolean rebuildsOnly(Change c, SchemaModel db, SchemaModel expected) {
        if (c instanceof dev.shale.change.DropView d) {
            return d.recreated() && sameView(d.view().name(), db, expected);
        } else if (c instanceof dev.shale.change.CreateView v) {
            return sameView(v.view().name(), db, expected);
        } else if (c instanceof dev.shale.change.CreateIndex ix) {
            return sameView(ix.table(), db, expected);
        } else if (c instanceof SetComment sc) {
            return (sc.target().kind() == dev.shale.change.CommentTarget.Kind.VIEW
                    || sc.target().kind() == dev.shale.change.CommentTarget.Kind.MATERIALIZED_VIEW
                    || sc.target().kind() == dev.shale.change.CommentTarget.Kind.INDEX)
                    && sameView(sc.target().name(), db, expected);
        } else if (c instanceof GrantPrivilege g) {
            return db.grants().contains(g.grant());
        } else if (c instanceof DropPolicy d) {
            return samePolicy(d.policy(), db, expected);
        } else if (c instanceof CreatePolicy cp) {
            return samePolicy(cp.policy(), db, expected);
        } else if (c instanceof dev.shale.change.DropTrigger d) {
            return sameTrigger(d.trigger(), db, expected);
        } else if (c instanceof dev.shale.change.CreateTrigger ct) {
            return sameTrigger(ct.trigger(), db, expected);
        }
        return false;
    }

    private static boolean sameView(dev.shale.model.QualifiedName name, SchemaModel db, SchemaModel expected) {
        dev.shale.model.View have = db.view(name);
        return have != null && have.equals(expected.view(name));
    }

    private static boolean samePolicy(dev.shale.model.Policy p, SchemaModel db, SchemaModel expected) {
        dev.shale.model.Policy have = db.policiesOn(p.table()).stream().filter(x -> x.name().equals(p.name())).findFirst().orElse(null);
        dev.shale.model.Policy want = expected.policiesOn(p.table()).stream().filter(x -> x.name().equals(p.name())).findFirst().orElse(null);
        return have != null && have.equals(want);
    }

    private static boolean sameTrigger(dev.shale.model.Trigger t, SchemaModel db, SchemaModel expected) {
        dev.shale.model.Trigger have = db.trigger(t.table(), t.name());
        return have != null && have.equals(expected.trigger(t.table(), t.name()));
    }

    /** One line for one change from the database towards the snapshot. */
    static String line(Change change) {
        return change.accept(new Lines(List.of()));
    }

    /**
     * The drift line of each kind of change; null for the second half of a pair already described (a
     * constraint or index dropped and added again under the same name reads as one "different" line).
     *
     * @param all every change of the comparison, to find such pairs
     */
    private record Lines(List<Change> all) implements ChangeVisitor<String> {
        @Override
        public String visitCreateSchema(CreateSchema c) {
            return "missing schema " + Identifiers.show(c.name());
        }

        @Override
        public String visitCreateEnum(CreateEnum c) {
            return "missing enum " + c.type().name().display() + " (values " + values(c.type()) + ")";
        }

        @Override
        public String visitDropEnum(DropEnum c) {
            if (Change.select(ReplaceEnum.class, all).stream().anyMatch(r -> r.oldName().equals(c.type().name()))) {
                return null;
            }
            return "extra enum " + c.type().name().display() + " (values " + values(c.type()) + ")";
        }

        @Override
        public String visitAddEnumValue(AddEnumValue c) {
            return "different enum " + c.enumName().display() + " (value '" + c.value() + "' is missing in the database)";
        }

        @Override
        public String visitCreateTable(CreateTable c) {
            return "missing table " + c.table().name().display();
        }

        @Override
        public String visitDropTable(DropTable c) {
            return "extra table " + c.table().name().display();
        }

        @Override
        public String visitRenameTable(RenameTable c) {
            return "different table name: " + c.from().display() + " in the database, " + c.to().display() + " in the snapshot";
        }

        @Override
        public String visitAddColumn(AddColumn c) {
            return "missing column " + column(c.table(), c.column().name()) + " (" + c.column().type().sql() + ")";
        }

        @Override
        public String visitDropColumn(DropColumn c) {
            return "extra column " + column(c.table(), c.column().name()) + " (" + c.column().type().sql() + ")";
        }

        @Override
        public String visitRenameColumn(RenameColumn c) {
            return "different column name: " + column(c.table(), c.from()) + " in the database, " + Identifiers.show(c.to()) + " in the snapshot";
        }

        @Override
        public String visitAlterColumn(AlterColumn c) {
            return "different column " + column(c.table(), c.to().name()) + " (" + aspects(c) + ")";
        }

        @Override
        public String visitAddConstraint(AddConstraint c) {
            boolean pairedDrop = Change.select(DropConstraint.class, all).stream()
                    .anyMatch(d -> d.table().equals(c.table()) && d.constraint().name().equals(c.constraint().name()));
            return pairedDrop ? null
                    : "missing " + kind(c.constraint()) + " " + Identifiers.show(c.constraint().name()) + " on " + c.table().display();
        }

        @Override
        public String visitDropConstraint(DropConstraint d) {
            AddConstraint a = Change.select(AddConstraint.class, all).stream()
                    .filter(x -> x.table().equals(d.table()) && x.constraint().name().equals(d.constraint().name()))
                    .findFirst().orElse(null);
            if (a != null) {
                return "different " + kind(a.constraint()) + " " + Identifiers.show(a.constraint().name()) + " on "
                        + d.table().display() + " (" + describe(d.constraint()) + " in the database, "
                        + describe(a.constraint()) + " in the snapshot)";
            }
            return "extra " + kind(d.constraint()) + " " + Identifiers.show(d.constraint().name()) + " on " + d.table().display();
        }

        @Override
        public String visitRenameConstraint(RenameConstraint c) {
            return "different constraint name on " + c.table().display() + ": " + Identifiers.show(c.from()) + " in the database, "
                    + Identifiers.show(c.to()) + " in the snapshot";
        }

        @Override
        public String visitCreateIndex(CreateIndex c) {
            boolean pairedDrop = Change.select(DropIndex.class, all).stream()
                    .anyMatch(d -> d.table().equals(c.table()) && d.index().name().equals(c.index().name()));
            return pairedDrop ? null : "missing index " + Identifiers.show(c.index().name()) + " on " + c.table().display();
        }

        @Override
        public String visitDropIndex(DropIndex d) {
            boolean pairedCreate = Change.select(CreateIndex.class, all).stream()
                    .anyMatch(c -> c.table().equals(d.table()) && c.index().name().equals(d.index().name()));
            return (pairedCreate ? "different index " : "extra index ") + Identifiers.show(d.index().name()) + " on " + d.table().display();
        }

        @Override
        public String visitRenameIndex(RenameIndex c) {
            return "different index name on " + c.table().display() + ": " + Identifiers.show(c.from()) + " in the database, "
                    + Identifiers.show(c.to()) + " in the snapshot";
        }

        @Override
        public String visitAlterForeignKey(AlterForeignKey c) {
            return "different foreign key " + Identifiers.show(c.to().name()) + " on " + c.table().display() + " ("
                    + deferral(c.from().deferral()) + " in the database, " + deferral(c.to().deferral()) + " in the snapshot)";
        }

        @Override
        public String visitValidateConstraint(ValidateConstraint c) {
            return "different " + kind(c.constraint()) + " " + Identifiers.show(c.constraint().name()) + " on "
                    + c.table().display() + " (NOT VALID in the database, validated in the snapshot)";
        }

        @Override
        public String visitAlterStorage(AlterStorage c) {
            return "different storage parameters of " + (c.index() == null ? "table " + c.table().display()
                    : "index " + Identifiers.show(c.index()) + " on " + c.table().display())
                    + " (" + c.from() + " in the database, " + c.to() + " in the snapshot)";
        }

        @Override
        public String visitSetLogged(SetLogged c) {
            return "different table " + c.table().display() + " (" + (c.unlogged() ? "logged" : "unlogged")
                    + " in the database, " + (c.unlogged() ? "unlogged" : "logged") + " in the snapshot)";
        }

        @Override
        public String visitSetReplicaIdentity(SetReplicaIdentity c) {
            return "different replica identity of " + c.table().display() + " (" + identity(c.from()) + " in the database, "
                    + identity(c.to()) + " in the snapshot)";
        }

        @Override
        public String visitSetComment(SetComment c) {
            return "different comment on " + c.target().display()
                    + (c.text() == null ? " (none in the snapshot)" : " (" + c.text().length() + " characters in the snapshot)");
        }

        @Override
        public String visitDropSchema(DropSchema c) {
            return "extra schema " + Identifiers.show(c.name());
        }

        @Override
        public String visitCreateExtension(CreateExtension c) {
            return "missing extension " + Identifiers.show(c.extension().name());
        }

        @Override
        public String visitAlterExtension(AlterExtension c) {
            return "different extension " + Identifiers.show(c.to().name()) + " (version " + c.from().version()
                    + " in schema " + c.from().schema() + " in the database, version " + c.to().version()
                    + " in schema " + c.to().schema() + " in the snapshot)";
        }

        @Override
        public String visitDropExtension(DropExtension c) {
            return "extra extension " + Identifiers.show(c.extension().name());
        }

        @Override
        public String visitCreateSequence(CreateSequence c) {
            return "missing sequence " + c.sequence().name().display();
        }

        @Override
        public String visitAlterSequence(AlterSequence c) {
            return "different sequence " + c.name().display() + " (options)";
        }

        @Override
        public String visitSetSequenceOwner(SetSequenceOwner c) {
            return "different owner of sequence " + c.name().display();
        }

        @Override
        public String visitDropSequence(DropSequence c) {
            return "extra sequence " + c.sequence().name().display();
        }

        @Override
        public String visitCreateDomain(CreateDomain c) {
            return "missing domain " + c.domain().name().display();
        }

        @Override
        public String visitAlterDomain(AlterDomain c) {
            return "different domain " + c.to().name().display() + " (its default, NOT NULL or checks differ)";
        }

        @Override
        public String visitDropDomain(DropDomain c) {
            return "extra domain " + c.domain().name().display();
        }

        @Override
        public String visitCreateCompositeType(CreateCompositeType c) {
            return "missing composite type " + c.type().name().display();
        }

        @Override
        public String visitAlterCompositeType(AlterCompositeType c) {
            return "different composite type " + c.to().name().display() + " (its attributes differ)";
        }

        @Override
        public String visitDropCompositeType(DropCompositeType c) {
            return "extra composite type " + c.type().name().display();
        }

        @Override
        public String visitReplaceEnum(ReplaceEnum c) {
            return "different enum " + c.to().name().display() + " (values " + values(c.from()) + " in the database, "
                    + values(c.to()) + " in the snapshot)";
        }

        @Override
        public String visitAttachPartition(AttachPartition c) {
            return "table " + c.table().display() + " is not a partition of " + c.partitionOf().parent().display()
                    + " " + c.partitionOf().bound() + " in the database, but is in the snapshot";
        }

        @Override
        public String visitDetachPartition(DetachPartition c) {
            return "table " + c.table().display() + " is a partition of " + c.partitionOf().parent().display()
                    + " " + c.partitionOf().bound() + " in the database, but not in the snapshot";
        }

        @Override
        public String visitRenameEnumValue(RenameEnumValue c) {
            return "different enum " + c.enumName().display() + " (value '" + c.from() + "' in the database, '"
                    + c.to() + "' in the snapshot)";
        }

        @Override
        public String visitRenameAttribute(RenameAttribute c) {
            return "different composite type " + c.type().display() + " (attribute " + Identifiers.show(c.from())
                    + " in the database, " + Identifiers.show(c.to()) + " in the snapshot)";
        }

        @Override
        public String visitRenameSequence(RenameSequence c) {
            return "different sequence name: " + c.from().display() + " in the database, " + c.to().display() + " in the snapshot";
        }

        @Override
        public String visitCreateRoutine(CreateRoutine c) {
            boolean pairedDrop = Change.select(DropRoutine.class, all).stream()
                    .anyMatch(d -> d.routine().sameIdentity(c.routine()));
            return pairedDrop ? null : "missing " + c.routine().display();
        }

        @Override
        public String visitAlterRoutine(AlterRoutine c) {
            return "different " + c.to().display() + " (its body or attributes differ)";
        }

        @Override
        public String visitDropRoutine(DropRoutine c) {
            boolean pairedCreate = Change.select(CreateRoutine.class, all).stream()
                    .anyMatch(x -> x.routine().sameIdentity(c.routine()));
            return pairedCreate ? "different " + c.routine().display() + " (its return type, arguments or kind differ)"
                    : "extra " + c.routine().display();
        }

        @Override
        public String visitCommentOnRoutine(CommentOnRoutine c) {
            return "different comment on " + c.routine().display()
                    + (c.text() == null ? " (none in the snapshot)" : " (" + c.text().length() + " characters in the snapshot)");
        }

        @Override
        public String visitCreateTrigger(CreateTrigger c) {
            boolean pairedDrop = Change.select(DropTrigger.class, all).stream()
                    .anyMatch(d -> d.trigger().table().equals(c.trigger().table()) && d.trigger().name().equals(c.trigger().name()));
            return pairedDrop ? null : "missing " + c.trigger().display();
        }

        @Override
        public String visitDropTrigger(DropTrigger c) {
            boolean pairedCreate = Change.select(CreateTrigger.class, all).stream()
                    .anyMatch(x -> x.trigger().table().equals(c.trigger().table()) && x.trigger().name().equals(c.trigger().name()));
            return (pairedCreate ? "different " : "extra ") + c.trigger().display();
        }

        @Override
        public String visitCommentOnTrigger(CommentOnTrigger c) {
            return "different comment on " + c.trigger().display()
                    + (c.text() == null ? " (none in the snapshot)" : " (" + c.text().length() + " characters in the snapshot)");
        }

        @Override
        public String visitSetRowSecurity(SetRowSecurity c) {
            return "different row level security on table " + c.table().display() + " (enabled " + c.from().enabled()
                    + ", forced " + c.from().forced() + " in the database)";
        }

        @Override
        public String visitCreatePolicy(CreatePolicy c) {
            return "missing " + c.policy().display();
        }

        @Override
        public String visitAlterPolicy(AlterPolicy c) {
            return "different " + c.to().display() + " (roles or expressions)";
        }

        @Override
        public String visitDropPolicy(DropPolicy c) {
            return "extra " + c.policy().display();
        }

        @Override
        public String visitGrantPrivilege(GrantPrivilege c) {
            return "missing grant of " + c.grant().display();
        }

        @Override
        public String visitRevokePrivilege(RevokePrivilege c) {
            return "extra grant of " + c.grant().display();
        }

        @Override
        public String visitCreateRole(CreateRole c) {
            return "missing role " + dev.shale.model.Identifiers.show(c.role().name());
        }

        @Override
        public String visitAlterRole(AlterRole c) {
            return "different role " + dev.shale.model.Identifiers.show(c.to().name()) + " (attributes)";
        }

        @Override
        public String visitDropRole(DropRole c) {
            return "extra role " + dev.shale.model.Identifiers.show(c.role().name());
        }

        @Override
        public String visitRenamePolicy(RenamePolicy c) {
            return "policy " + dev.shale.model.Identifiers.show(c.to()) + " on " + c.table().display() + " is named "
                    + dev.shale.model.Identifiers.show(c.from()) + " in the database";
        }

        @Override
        public String visitCreateView(CreateView c) {
            return "missing " + c.view().display();
        }

        @Override
        public String visitDropView(DropView c) {
            return c.recreated() ? "different " + c.view().display() + (c.reason() == null ? " (query or columns)" : " (" + c.reason() + ")")
                    : "extra " + c.view().display();
        }

        @Override
        public String visitReplaceView(ReplaceView c) {
            return "different " + c.to().display() + " (query)";
        }

        @Override
        public String visitAlterView(AlterView c) {
            return "different " + c.to().display() + " (options)";
        }
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
                case IDENTITY -> parts.add("identity " + identity(db) + " vs " + identity(want));
                case COLLATION -> parts.add("collation " + (db.collation() == null ? "default" : db.collation()) + " vs "
                        + (want.collation() == null ? "default" : want.collation()));
                case GENERATED -> parts.add("generated " + show(db.generated()) + " vs " + show(want.generated()));
                case SERIAL -> parts.add("type " + db.type().sql() + " vs " + want.type().sql());
            }
        }
        return String.join("; ", parts) + "; database vs snapshot";
    }

    private static String identity(Column c) {
        return c.identity() == null ? "none" : c.identity().generation().sql().toLowerCase(java.util.Locale.ROOT)
                + (c.identity().options().isDefault() ? "" : " " + c.identity().options());
    }

    private static String show(String expression) {
        return expression == null ? "none" : expression;
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
        return k.kind();
    }

    private static String deferral(dev.shale.model.Deferral d) {
        return switch (d) {
            case NOT_DEFERRABLE -> "not deferrable";
            case DEFERRABLE -> "deferrable";
            case DEFERRED -> "initially deferred";
        };
    }

    private static String identity(dev.shale.model.ReplicaIdentity r) {
        return r.index() != null ? "using index " + Identifiers.show(r.index()) : r.kind().name().toLowerCase(java.util.Locale.ROOT);
    }
}
