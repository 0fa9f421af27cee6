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
import dev.shale.change.RenameEnumValue;
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
import dev.shale.model.Check;
import dev.shale.model.Column;
import dev.shale.model.ColumnType;
import dev.shale.model.DefaultValue;
import dev.shale.model.Exclusion;
import dev.shale.model.Index;
import dev.shale.model.IndexKey;
import dev.shale.model.QualifiedName;
import dev.shale.model.SchemaModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * PostgreSQL cannot use an enum value in the transaction that added it. When a plan adds enum values
 * and another change uses one of them (as a column default of that enum, as the quoted literal in a
 * default expression, check or index, or by converting a column's existing rows to that enum), the plan
 * is split in two steps: the additions, then the rest.
 */
final class EnumValueUse {
    private EnumValueUse() {}

    static List<DiffStep> steps(SchemaModel from, SchemaModel to, List<Change> changes) {
        Map<QualifiedName, Set<String>> added = new TreeMap<>();
        for (AddEnumValue a : Change.select(AddEnumValue.class, changes)) {
            added.computeIfAbsent(a.enumName(), k -> new TreeSet<>()).add(a.value());
        }
        Roles roles = new Roles(added);
        if (added.isEmpty() || changes.stream().noneMatch(c -> c.accept(roles) == Role.USES_NEW_VALUE)) {
            return List.of(new DiffStep(changes, to));
        }
        List<Change> additions = new ArrayList<>();
        List<Change> rest = new ArrayList<>();
        for (Change c : changes) {
            (c.accept(roles) == Role.ADDS_VALUE ? additions : rest).add(c);
        }
        SchemaModel between = from;
        for (RenameEnumValue r : Change.select(RenameEnumValue.class, changes)) {
            dev.shale.model.EnumType e = between.enumType(r.enumName());
            if (e != null) {
                between = between.withEnum(e.withValues(e.values().stream().map(v -> v.equals(r.from()) ? r.to() : v).toList()));
            }
        }
        for (QualifiedName name : added.keySet()) {
            between = between.withEnum(to.enumType(name));
        }
        return List.of(new DiffStep(additions, between), new DiffStep(rest, to));
    }

    /** What a change is to the enum values added in the same plan. */
    private enum Role { ADDS_VALUE, USES_NEW_VALUE, NEITHER }

    /**
     * The role of each kind of change: where a change carries a column default, a check or an index
     * expression, that text may use a new value.
     */
    private record Roles(Map<QualifiedName, Set<String>> added) implements ChangeVisitor<Role> {
        private static Role role(boolean uses) {
            return uses ? Role.USES_NEW_VALUE : Role.NEITHER;
        }

        @Override
        public Role visitCreateSchema(CreateSchema c) {
            return Role.NEITHER;
        }

        @Override
        public Role visitCreateEnum(CreateEnum c) {
            return Role.NEITHER;
        }

        @Override
        public Role visitDropEnum(DropEnum c) {
            return Role.NEITHER;
        }

        @Override
        public Role visitAddEnumValue(AddEnumValue c) {
            return Role.ADDS_VALUE;
        }

        @Override
        public Role visitCreateTable(CreateTable c) {
            return role(c.table().columns().stream().anyMatch(col -> EnumValueUse.uses(col, added))
                    || c.table().checks().stream().anyMatch(k -> mentions(k.expression(), added))
                    || c.table().exclusions().stream().anyMatch(x -> x.where() != null && mentions(x.where(), added)));
        }

        @Override
        public Role visitDropTable(DropTable c) {
            return Role.NEITHER;
        }

        @Override
        public Role visitRenameTable(RenameTable c) {
            return Role.NEITHER;
        }

        @Override
        public Role visitAddColumn(AddColumn c) {
            return role(EnumValueUse.uses(c.column(), added));
        }

        @Override
        public Role visitDropColumn(DropColumn c) {
            return Role.NEITHER;
        }

        @Override
        public Role visitRenameColumn(RenameColumn c) {
            return Role.NEITHER;
        }

        @Override
        public Role visitAlterColumn(AlterColumn c) {
            // Converting existing rows to an enum that gains values may cast a row to a new value.
            return role(EnumValueUse.uses(c.to(), added)
                    || c.aspects().contains(ColumnAspect.TYPE) && convertsTo(c.to().type(), added));
        }

        @Override
        public Role visitAddConstraint(AddConstraint c) {
            return role(c.constraint() instanceof Check k && mentions(k.expression(), added)
                    || c.constraint() instanceof Exclusion x && x.where() != null && mentions(x.where(), added));
        }

        @Override
        public Role visitDropConstraint(DropConstraint c) {
            return Role.NEITHER;
        }

        @Override
        public Role visitRenameConstraint(RenameConstraint c) {
            return Role.NEITHER;
        }

        @Override
        public Role visitCreateIndex(CreateIndex c) {
            return role(EnumValueUse.uses(c.index(), added));
        }

        @Override
        public Role visitDropIndex(DropIndex c) {
            return Role.NEITHER;
        }

        @Override
        public Role visitRenameIndex(RenameIndex c) {
            return Role.NEITHER;
        }

        @Override
        public Role visitAlterForeignKey(AlterForeignKey c) {
            return Role.NEITHER;
        }

        @Override
        public Role visitValidateConstraint(ValidateConstraint c) {
            // Validating checks existing rows against the expression, which may name a new value.
            return role(c.constraint() instanceof Check k && mentions(k.expression(), added));
        }

        @Override
        public Role visitAlterStorage(AlterStorage c) {
            return Role.NEITHER;
        }

        @Override
        public Role visitSetLogged(SetLogged c) {
            return Role.NEITHER;
        }

        @Override
        public Role visitSetReplicaIdentity(SetReplicaIdentity c) {
            return Role.NEITHER;
        }

        @Override
        public Role visitSetComment(SetComment c) {
            return Role.NEITHER;
        }

        @Override
        public Role visitDropSchema(DropSchema c) {
            return Role.NEITHER;
        }

        @Override
        public Role visitCreateExtension(CreateExtension c) {
            return Role.NEITHER;
        }

        @Override
        public Role visitAlterExtension(AlterExtension c) {
            return Role.NEITHER;
        }

        @Override
        public Role visitDropExtension(DropExtension c) {
            return Role.NEITHER;
        }

        @Override
        public Role visitCreateSequence(CreateSequence c) {
            return Role.NEITHER;
        }

        @Override
        public Role visitAlterSequence(AlterSequence c) {
            return Role.NEITHER;
        }

        @Override
        public Role visitSetSequenceOwner(SetSequenceOwner c) {
            return Role.NEITHER;
        }

        @Override
        public Role visitDropSequence(DropSequence c) {
            return Role.NEITHER;
        }

        @Override
        public Role visitCreateDomain(CreateDomain c) {
            return role(usesInDomain(c.domain(), added));
        }

        @Override
        public Role visitAlterDomain(AlterDomain c) {
            return role(usesInDomain(c.to(), added));
        }

        @Override
        public Role visitDropDomain(DropDomain c) {
            return Role.NEITHER;
        }

        @Override
        public Role visitCreateCompositeType(CreateCompositeType c) {
            return Role.NEITHER;
        }

        @Override
        public Role visitAlterCompositeType(AlterCompositeType c) {
            return Role.NEITHER;
        }

        @Override
        public Role visitDropCompositeType(DropCompositeType c) {
            return Role.NEITHER;
        }

        @Override
        public Role visitReplaceEnum(ReplaceEnum c) {
            // A replaced enum is a new type: its values are usable at once. Its restored defaults,
            // indexes and checks may still name a value another enum gains in this plan.
            return role(c.columns().stream().anyMatch(col -> col.defaultValue() != null
                            && col.defaultValue().kind() == DefaultValue.Kind.EXPRESSION && mentions(col.defaultValue().value(), added))
                    || c.indexes().stream().anyMatch(ix -> uses(ix.index(), added))
                    || c.checks().stream().anyMatch(k -> mentions(k.check().expression(), added)));
        }

        @Override
        public Role visitAttachPartition(AttachPartition c) {
            return Role.NEITHER;
        }

        @Override
        public Role visitDetachPartition(DetachPartition c) {
            return Role.NEITHER;
        }

        /** With the additions: a value added BEFORE or AFTER a renamed one names it by its new label. */
        @Override
        public Role visitRenameEnumValue(RenameEnumValue c) {
            return Role.ADDS_VALUE;
        }

        @Override
        public Role visitRenameAttribute(RenameAttribute c) {
            return Role.NEITHER;
        }

        @Override
        public Role visitRenameSequence(RenameSequence c) {
            return Role.NEITHER;
        }

        // An argument default or a trigger's WHEN is parsed when created, so a new value there is a use.
        @Override
        public Role visitCreateRoutine(CreateRoutine c) {
            return role(c.routine().arguments().stream()
                    .anyMatch(a -> a.defaultExpression() != null && mentions(a.defaultExpression(), added)));
        }

        @Override
        public Role visitAlterRoutine(AlterRoutine c) {
            return role(c.to().arguments().stream()
                    .anyMatch(a -> a.defaultExpression() != null && mentions(a.defaultExpression(), added)));
        }

        @Override
        public Role visitDropRoutine(DropRoutine c) {
            return Role.NEITHER;
        }

        @Override
        public Role visitCommentOnRoutine(CommentOnRoutine c) {
            return Role.NEITHER;
        }

        @Override
        public Role visitCreateTrigger(CreateTrigger c) {
            return role(c.trigger().when() != null && mentions(c.trigger().when(), added));
        }

        @Override
        public Role visitDropTrigger(DropTrigger c) {
            return Role.NEITHER;
        }

        @Override
        public Role visitCommentOnTrigger(CommentOnTrigger c) {
            return Role.NEITHER;
        }

        @Override
        public Role visitSetRowSecurity(SetRowSecurity c) {
            return Role.NEITHER;
        }

        @Override
        public Role visitCreatePolicy(CreatePolicy c) {
            return Role.NEITHER;
        }

        @Override
        public Role visitAlterPolicy(AlterPolicy c) {
            return Role.NEITHER;
        }

        @Override
        public Role visitDropPolicy(DropPolicy c) {
            return Role.NEITHER;
        }

        @Override
        public Role visitGrantPrivilege(GrantPrivilege c) {
            return Role.NEITHER;
        }

        @Override
        public Role visitRevokePrivilege(RevokePrivilege c) {
            return Role.NEITHER;
        }

        @Override
        public Role visitCreateRole(CreateRole c) {
            return Role.NEITHER;
        }

        @Override
        public Role visitAlterRole(AlterRole c) {
            return Role.NEITHER;
        }

        @Override
        public Role visitDropRole(DropRole c) {
            return Role.NEITHER;
        }

        @Override
        public Role visitRenamePolicy(RenamePolicy c) {
            return Role.NEITHER;
        }

        @Override
        public Role visitCreateView(CreateView c) {
            return role(mentions(c.view().query(), added)
                    || c.view().indexes().stream().anyMatch(ix -> uses(ix, added)));
        }

        @Override
        public Role visitDropView(DropView c) {
            return Role.NEITHER;
        }

        @Override
        public Role visitReplaceView(ReplaceView c) {
            return role(mentions(c.to().query(), added));
        }

        @Override
        public Role visitAlterView(AlterView c) {
            return Role.NEITHER;
        }
    }

    private static boolean uses(Column column, Map<QualifiedName, Set<String>> added) {
        DefaultValue d = column.defaultValue();
        if (d == null) {
            return false;
        }
        if (d.kind() == DefaultValue.Kind.EXPRESSION) {
            return mentions(d.value(), added);
        }
        return d.kind() == DefaultValue.Kind.STRING && column.type() instanceof ColumnType.EnumRef ref
                && added.getOrDefault(ref.name(), Set.of()).contains(d.value());
    }

    private static boolean usesInDomain(dev.shale.model.Domain domain, Map<QualifiedName, Set<String>> added) {
        DefaultValue d = domain.defaultValue();
        boolean inDefault = d != null && (d.kind() == DefaultValue.Kind.EXPRESSION ? mentions(d.value(), added)
                : d.kind() == DefaultValue.Kind.STRING && domain.type() instanceof ColumnType.EnumRef ref
                && added.getOrDefault(ref.name(), Set.of()).contains(d.value()));
        return inDefault || domain.checks().stream().anyMatch(k -> mentions(k.expression(), added));
    }

    private static boolean convertsTo(ColumnType type, Map<QualifiedName, Set<String>> added) {
        ColumnType element = type instanceof ColumnType.ArrayOf a ? a.element() : type;
        return element instanceof ColumnType.EnumRef ref && added.containsKey(ref.name());
    }

    private static boolean uses(Index index, Map<QualifiedName, Set<String>> added) {
        if (index.where() != null && mentions(index.where(), added)) {
            return true;
        }
        return index.keys().stream().map(IndexKey::expression).anyMatch(e -> e != null && mentions(e, added));
    }

    /** Whether the SQL text holds one of the new values as a quoted string literal. */
    private static boolean mentions(String sql, Map<QualifiedName, Set<String>> added) {
        for (Set<String> values : added.values()) {
            for (String v : values) {
                if (sql.contains("'" + v.replace("'", "''") + "'")) {
                    return true;
                }
            }
        }
        return false;
    }
}
