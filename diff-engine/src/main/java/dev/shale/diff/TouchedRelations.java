package dev.shale.diff;

import dev.shale.change.CreateSchema;
import dev.shale.change.RenameEnumValue;
import dev.shale.change.RenameAttribute;
import dev.shale.change.RenameSequence;
import dev.shale.change.CreateRoutine;
import dev.shale.change.AlterRoutine;
import dev.shale.change.DropRoutine;
import dev.shale.change.CommentOnRoutine;
import dev.shale.change.CreateTrigger;
import dev.shale.change.DropTrigger;
import dev.shale.change.CommentOnTrigger;
import dev.shale.change.SetRowSecurity;
import dev.shale.change.CreatePolicy;
import dev.shale.change.AlterPolicy;
import dev.shale.change.DropPolicy;
import dev.shale.change.RenamePolicy;
import dev.shale.change.GrantPrivilege;
import dev.shale.change.RevokePrivilege;
import dev.shale.change.CreateRole;
import dev.shale.change.AlterRole;
import dev.shale.change.DropRole;
import dev.shale.change.CreateEnum;
import dev.shale.change.DropEnum;
import dev.shale.change.AddEnumValue;
import dev.shale.change.CreateTable;
import dev.shale.change.DropTable;
import dev.shale.change.RenameTable;
import dev.shale.change.AddColumn;
import dev.shale.change.DropColumn;
import dev.shale.change.RenameColumn;
import dev.shale.change.AlterColumn;
import dev.shale.change.AddConstraint;
import dev.shale.change.DropConstraint;
import dev.shale.change.RenameConstraint;
import dev.shale.change.CreateIndex;
import dev.shale.change.DropIndex;
import dev.shale.change.RenameIndex;
import dev.shale.change.AlterForeignKey;
import dev.shale.change.ValidateConstraint;
import dev.shale.change.AlterStorage;
import dev.shale.change.SetLogged;
import dev.shale.change.SetReplicaIdentity;
import dev.shale.change.SetComment;
import dev.shale.change.DropSchema;
import dev.shale.change.CreateExtension;
import dev.shale.change.AlterExtension;
import dev.shale.change.DropExtension;
import dev.shale.change.CreateSequence;
import dev.shale.change.AlterSequence;
import dev.shale.change.SetSequenceOwner;
import dev.shale.change.DropSequence;
import dev.shale.change.CreateDomain;
import dev.shale.change.AlterDomain;
import dev.shale.change.DropDomain;
import dev.shale.change.CreateCompositeType;
import dev.shale.change.AlterCompositeType;
import dev.shale.change.DropCompositeType;
import dev.shale.change.ReplaceEnum;
import dev.shale.change.AttachPartition;
import dev.shale.change.DetachPartition;
import dev.shale.change.CreateView;
import dev.shale.change.DropView;
import dev.shale.change.ReplaceView;
import dev.shale.change.AlterView;
import dev.shale.change.ChangeVisitor;
import dev.shale.change.ColumnAspect;
import dev.shale.model.Identifiers;
import dev.shale.model.QualifiedName;

import java.util.List;

/**
 * Which relation a change alters under the objects that read it, in a way PostgreSQL refuses while they
 * exist or that changes what their text means: a dropped or renamed table, a dropped or renamed column,
 * a column whose type or collation changes. Empty for every other change (an added column, a new index or comment
 * leaves a view alone). A new kind of change must say here whether it touches a relation.
 */
final class TouchedRelations implements ChangeVisitor<List<TouchedRelations.Touch>> {
    static final TouchedRelations INSTANCE = new TouchedRelations();

    /**
     * A relation changed under its dependents.
     *
     * @param relation the relation, by its new name
     * @param reason why its dependents are dropped, a phrase ({@code it reads table ..., whose column ... changes type})
     */
    record Touch(QualifiedName relation, String reason) {}

    private TouchedRelations() {}

    private static List<Touch> touch(QualifiedName relation, String reason) {
        return List.of(new Touch(relation, reason));
    }

    @Override
    public List<Touch> visitCreateSchema(CreateSchema c) {
        return List.of();
    }

    @Override
    public List<Touch> visitCreateEnum(CreateEnum c) {
        return List.of();
    }

    @Override
    public List<Touch> visitDropEnum(DropEnum c) {
        return List.of();
    }

    @Override
    public List<Touch> visitAddEnumValue(AddEnumValue c) {
        return List.of();
    }

    @Override
    public List<Touch> visitCreateTable(CreateTable c) {
        return List.of();
    }

    @Override
    public List<Touch> visitDropTable(DropTable c) {
        return touch(c.table().name(), "it reads table " + c.table().name().display() + ", which is dropped");
    }

    @Override
    public List<Touch> visitRenameTable(RenameTable c) {
        return touch(c.to(), "it reads table " + c.from().display() + ", which is renamed to " + c.to().display());
    }

    @Override
    public List<Touch> visitAddColumn(AddColumn c) {
        return List.of();
    }

    @Override
    public List<Touch> visitDropColumn(DropColumn c) {
        return touch(c.table(), "it reads table " + c.table().display() + ", whose column " + Identifiers.show(c.column().name()) + " is dropped");
    }

    @Override
    public List<Touch> visitRenameColumn(RenameColumn c) {
        return touch(c.table(), "it reads table " + c.table().display() + ", whose column " + Identifiers.show(c.from()) + " is renamed");
    }

    @Override
    public List<Touch> visitAlterColumn(AlterColumn c) {
        // a new collation is ALTER COLUMN ... TYPE ... COLLATE, which PostgreSQL refuses under a view as any type change
        if (c.aspects().contains(ColumnAspect.TYPE) || c.aspects().contains(ColumnAspect.GENERATED)) {
            return touch(c.table(), "it reads table " + c.table().display() + ", whose column " + Identifiers.show(c.to().name()) + " changes type");
        }
        return c.aspects().contains(ColumnAspect.COLLATION) ? touch(c.table(), "it reads table " + c.table().display() + ", whose column "
                + Identifiers.show(c.to().name()) + " changes collation") : List.of();
    }

    @Override
    public List<Touch> visitAddConstraint(AddConstraint c) {
        return List.of();
    }

    @Override
    public List<Touch> visitDropConstraint(DropConstraint c) {
        return List.of();
    }

    @Override
    public List<Touch> visitRenameConstraint(RenameConstraint c) {
        return List.of();
    }

    @Override
    public List<Touch> visitCreateIndex(CreateIndex c) {
        return List.of();
    }

    @Override
    public List<Touch> visitDropIndex(DropIndex c) {
        return List.of();
    }

    @Override
    public List<Touch> visitRenameIndex(RenameIndex c) {
        return List.of();
    }

    @Override
    public List<Touch> visitAlterForeignKey(AlterForeignKey c) {
        return List.of();
    }

    @Override
    public List<Touch> visitValidateConstraint(ValidateConstraint c) {
        return List.of();
    }

    @Override
    public List<Touch> visitAlterStorage(AlterStorage c) {
        return List.of();
    }

    @Override
    public List<Touch> visitSetLogged(SetLogged c) {
        return List.of();
    }

    @Override
    public List<Touch> visitSetReplicaIdentity(SetReplicaIdentity c) {
        return List.of();
    }

    @Override
    public List<Touch> visitSetComment(SetComment c) {
        return List.of();
    }

    @Override
    public List<Touch> visitDropSchema(DropSchema c) {
        return List.of();
    }

    @Override
    public List<Touch> visitCreateExtension(CreateExtension c) {
        return List.of();
    }

    @Override
    public List<Touch> visitAlterExtension(AlterExtension c) {
        return List.of();
    }

    @Override
    public List<Touch> visitDropExtension(DropExtension c) {
        return List.of();
    }

    @Override
    public List<Touch> visitCreateSequence(CreateSequence c) {
        return List.of();
    }

    @Override
    public List<Touch> visitAlterSequence(AlterSequence c) {
        return List.of();
    }

    @Override
    public List<Touch> visitSetSequenceOwner(SetSequenceOwner c) {
        return List.of();
    }

    @Override
    public List<Touch> visitDropSequence(DropSequence c) {
        return List.of();
    }

    @Override
    public List<Touch> visitCreateDomain(CreateDomain c) {
        return List.of();
    }

    @Override
    public List<Touch> visitAlterDomain(AlterDomain c) {
        return List.of();
    }

    @Override
    public List<Touch> visitDropDomain(DropDomain c) {
        return List.of();
    }

    @Override
    public List<Touch> visitCreateCompositeType(CreateCompositeType c) {
        return List.of();
    }

    @Override
    public List<Touch> visitAlterCompositeType(AlterCompositeType c) {
        return List.of();
    }

    @Override
    public List<Touch> visitDropCompositeType(DropCompositeType c) {
        return List.of();
    }

    @Override
    public List<Touch> visitReplaceEnum(ReplaceEnum c) {
        String reason = "it reads a column of enum " + c.to().name().display() + ", which is replaced";
        return c.columns().stream().map(col -> new Touch(col.table(), reason)).distinct().toList();
    }

    @Override
    public List<Touch> visitAttachPartition(AttachPartition c) {
        return List.of();
    }

    @Override
    public List<Touch> visitDetachPartition(DetachPartition c) {
        return List.of();
    }

    @Override
    public List<Touch> visitCreateView(CreateView c) {
        return List.of();
    }

    @Override
    public List<Touch> visitDropView(DropView c) {
        return List.of();
    }

    @Override
    public List<Touch> visitReplaceView(ReplaceView c) {
        return List.of();
    }

    @Override
    public List<Touch> visitAlterView(AlterView c) {
        return List.of();
    }

    @Override
    public List<TouchedRelations.Touch> visitRenameEnumValue(RenameEnumValue c) {
        return List.of();
    }

    @Override
    public List<TouchedRelations.Touch> visitRenameAttribute(RenameAttribute c) {
        return List.of();
    }

    @Override
    public List<TouchedRelations.Touch> visitRenameSequence(RenameSequence c) {
        return List.of();
    }

    @Override
    public List<TouchedRelations.Touch> visitCreateRoutine(CreateRoutine c) {
        return List.of();
    }

    @Override
    public List<TouchedRelations.Touch> visitAlterRoutine(AlterRoutine c) {
        return List.of();
    }

    @Override
    public List<TouchedRelations.Touch> visitDropRoutine(DropRoutine c) {
        return List.of();
    }

    @Override
    public List<TouchedRelations.Touch> visitCommentOnRoutine(CommentOnRoutine c) {
        return List.of();
    }

    @Override
    public List<TouchedRelations.Touch> visitCreateTrigger(CreateTrigger c) {
        return List.of();
    }

    @Override
    public List<TouchedRelations.Touch> visitDropTrigger(DropTrigger c) {
        return List.of();
    }

    @Override
    public List<TouchedRelations.Touch> visitCommentOnTrigger(CommentOnTrigger c) {
        return List.of();
    }

    @Override
    public List<TouchedRelations.Touch> visitSetRowSecurity(SetRowSecurity c) {
        return List.of();
    }

    @Override
    public List<TouchedRelations.Touch> visitCreatePolicy(CreatePolicy c) {
        return List.of();
    }

    @Override
    public List<TouchedRelations.Touch> visitAlterPolicy(AlterPolicy c) {
        return List.of();
    }

    @Override
    public List<TouchedRelations.Touch> visitDropPolicy(DropPolicy c) {
        return List.of();
    }

    @Override
    public List<TouchedRelations.Touch> visitRenamePolicy(RenamePolicy c) {
        return List.of();
    }

    @Override
    public List<TouchedRelations.Touch> visitGrantPrivilege(GrantPrivilege c) {
        return List.of();
    }

    @Override
    public List<TouchedRelations.Touch> visitRevokePrivilege(RevokePrivilege c) {
        return List.of();
    }

    @Override
    public List<TouchedRelations.Touch> visitCreateRole(CreateRole c) {
        return List.of();
    }

    @Override
    public List<TouchedRelations.Touch> visitAlterRole(AlterRole c) {
        return List.of();
    }

    @Override
    public List<TouchedRelations.Touch> visitDropRole(DropRole c) {
        return List.of();
    }
}
