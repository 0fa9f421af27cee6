package dev.shale.change;

/**
 * The one dispatch point over the {@link Change} family: every consumer of changes (renderer, hazards,
 * migration naming, drift, down files, enum-value checks) implements it, and {@link Change#accept}
 * calls the method for the change's kind. There are no default methods on purpose: a new kind of
 * change adds a method here, and every consumer that does not handle it stops compiling.
 *
 * <p>To pick out the changes of one known kind (the tables created in a plan, say) use
 * {@link Change#select}; a selection needs no decision per kind.
 *
 * @param <R> what the consumer makes of a change
 */
public interface ChangeVisitor<R> {
    R visitCreateSchema(CreateSchema change);

    R visitCreateEnum(CreateEnum change);

    R visitDropEnum(DropEnum change);

    R visitAddEnumValue(AddEnumValue change);

    R visitCreateTable(CreateTable change);

    R visitDropTable(DropTable change);

    R visitRenameTable(RenameTable change);

    R visitAddColumn(AddColumn change);

    R visitDropColumn(DropColumn change);

    R visitRenameColumn(RenameColumn change);

    R visitAlterColumn(AlterColumn change);

    R visitAddConstraint(AddConstraint change);

    R visitDropConstraint(DropConstraint change);

    R visitRenameConstraint(RenameConstraint change);

    R visitCreateIndex(CreateIndex change);

    R visitDropIndex(DropIndex change);

    R visitRenameIndex(RenameIndex change);

    R visitAlterForeignKey(AlterForeignKey change);

    R visitValidateConstraint(ValidateConstraint change);

    R visitAlterStorage(AlterStorage change);

    R visitSetLogged(SetLogged change);

    R visitSetReplicaIdentity(SetReplicaIdentity change);

    R visitSetComment(SetComment change);

    R visitDropSchema(DropSchema change);

    R visitCreateExtension(CreateExtension change);

    R visitAlterExtension(AlterExtension change);

    R visitDropExtension(DropExtension change);

    R visitCreateSequence(CreateSequence change);

    R visitAlterSequence(AlterSequence change);

    R visitSetSequenceOwner(SetSequenceOwner change);

    R visitDropSequence(DropSequence change);

    R visitCreateDomain(CreateDomain change);

    R visitAlterDomain(AlterDomain change);

    R visitDropDomain(DropDomain change);

    R visitCreateCompositeType(CreateCompositeType change);

    R visitAlterCompositeType(AlterCompositeType change);

    R visitDropCompositeType(DropCompositeType change);

    R visitReplaceEnum(ReplaceEnum change);

    R visitAttachPartition(AttachPartition change);

    R visitDetachPartition(DetachPartition change);

    R visitRenameEnumValue(RenameEnumValue change);

    R visitRenameAttribute(RenameAttribute change);

    R visitRenameSequence(RenameSequence change);

    R visitCreateRoutine(CreateRoutine change);

    R visitAlterRoutine(AlterRoutine change);

    R visitDropRoutine(DropRoutine change);

    R visitCommentOnRoutine(CommentOnRoutine change);

    R visitCreateTrigger(CreateTrigger change);

    R visitDropTrigger(DropTrigger change);

    R visitCommentOnTrigger(CommentOnTrigger change);

    R visitSetRowSecurity(SetRowSecurity change);

    R visitCreatePolicy(CreatePolicy change);

    R visitAlterPolicy(AlterPolicy change);

    R visitDropPolicy(DropPolicy change);

    R visitGrantPrivilege(GrantPrivilege change);

    R visitRevokePrivilege(RevokePrivilege change);

    R visitCreateRole(CreateRole change);

    R visitAlterRole(AlterRole change);

    R visitDropRole(DropRole change);

    R visitRenamePolicy(RenamePolicy change);

    R visitCreateView(CreateView change);

    R visitDropView(DropView change);

    R visitReplaceView(ReplaceView change);

    R visitAlterView(AlterView change);
}
