package dev.shale.change;

import java.util.ArrayList;
import java.util.List;

/**
 * One step of a migration, as data. The diff produces a list of these in apply order; a renderer
 * turns each into SQL. Every kind is a record of this sealed family, and every consumer dispatches
 * through {@link ChangeVisitor}, so adding a kind makes the compiler point at each one that must
 * handle it.
 */
public sealed interface Change permits CreateSchema, CreateEnum, DropEnum, AddEnumValue, CreateTable, DropTable,
        RenameTable, AddColumn, DropColumn, RenameColumn, AlterColumn, AddConstraint, DropConstraint, RenameConstraint,
        CreateIndex, DropIndex, RenameIndex, AlterForeignKey, ValidateConstraint, AlterStorage, SetLogged,
        SetReplicaIdentity, SetComment, DropSchema, CreateExtension, AlterExtension, DropExtension,
        CreateSequence, AlterSequence, SetSequenceOwner, DropSequence, CreateDomain, AlterDomain, DropDomain,
        CreateCompositeType, AlterCompositeType, DropCompositeType, ReplaceEnum, AttachPartition, DetachPartition,
        RenameEnumValue, RenameAttribute, RenameSequence,
        CreateRoutine, AlterRoutine, DropRoutine, CommentOnRoutine, CreateTrigger, DropTrigger, CommentOnTrigger,
        SetRowSecurity, CreatePolicy, AlterPolicy, DropPolicy, GrantPrivilege, RevokePrivilege, CreateRole, AlterRole, DropRole,
        RenamePolicy, CreateView, DropView, ReplaceView, AlterView {

    /** Calls the visitor's method for this change's kind and returns what it returns. */
    <R> R accept(ChangeVisitor<R> visitor);

    /**
     * The changes of one kind, in their order: a selection, such as the tables a plan creates. A
     * decision for every kind goes through {@link ChangeVisitor} instead, so that a new kind is a
     * compile error there.
     */
    static <T extends Change> List<T> select(Class<T> kind, List<? extends Change> changes) {
        List<T> out = new ArrayList<>();
        for (Change c : changes) {
            if (kind.isInstance(c)) {
                out.add(kind.cast(c));
            }
        }
        return List.copyOf(out);
    }
}
