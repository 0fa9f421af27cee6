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
import dev.shale.model.QualifiedName;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Names a migration file after what it changes ({@code create_users_profiles}, {@code add_users_timezone},
 * {@code alter_users_applications}), or cleans up a name the user gave.
 */
final class MigrationNames {
    /** Longest derived name before the rest is summarised as {@code _and_N_more}. */
    static final int MAX_LENGTH = 48;

    private MigrationNames() {}

    /** What a change does, to what, and whether it only accompanies a bigger change. */
    private record Phrase(String verb, String object, String table, boolean secondary) {}

    /** A user-given name as a file name part: lower case, {@code [a-z0-9_]} only. */
    static String sanitize(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_").replaceAll("_+", "_");
        s = s.replaceAll("^_+|_+$", "");
        return s.isEmpty() ? "migration" : s;
    }

    /** A name derived from the changes of one migration. */
    static String derive(List<? extends Change> changes) {
        Set<QualifiedName> created = new HashSet<>();
        Change.select(CreateTable.class, changes).forEach(ct -> created.add(ct.table().name()));
        Set<QualifiedName> renamed = new HashSet<>();
        Change.select(RenameTable.class, changes).forEach(rt -> {
            renamed.add(rt.from());
            renamed.add(rt.to());
        });
        Phrases phrases = new Phrases(created, renamed);
        List<Phrase> all = new ArrayList<>();
        for (Change c : changes) {
            all.add(c.accept(phrases));
        }
        List<Phrase> primary = all.stream().filter(p -> !p.secondary()).toList();
        if (primary.isEmpty()) {
            primary = all;
        }
        if (primary.isEmpty()) {
            return "empty";
        }
        Set<String> verbs = new LinkedHashSet<>();
        primary.forEach(p -> verbs.add(p.verb()));
        Set<String> objects = new LinkedHashSet<>();
        String verb;
        if (verbs.size() == 1) {
            verb = verbs.iterator().next();
            primary.forEach(p -> objects.add(p.object()));
        } else {
            verb = "alter";
            primary.forEach(p -> objects.add(p.table()));
        }
        return sanitize(capped(verb, new ArrayList<>(objects)));
    }

    private static String capped(String verb, List<String> objects) {
        StringBuilder name = new StringBuilder(verb);
        for (int i = 0; i < objects.size(); i++) {
            String next = "_" + objects.get(i);
            int rest = objects.size() - i - 1;
            String more = rest == 0 ? "" : "_and_" + rest + "_more";
            if (i > 0 && name.length() + next.length() + more.length() > MAX_LENGTH) {
                return name + "_and_" + (objects.size() - i) + "_more";
            }
            name.append(next);
        }
        return name.toString();
    }

    /**
     * What each kind of change says in a name.
     *
     * @param created tables created in the same migration: their constraints and indexes are implied
     * @param renamed tables renamed in the same migration: renaming their keys and indexes follows from it
     */
    private record Phrases(Set<QualifiedName> created, Set<QualifiedName> renamed) implements ChangeVisitor<Phrase> {
        @Override
        public Phrase visitCreateSchema(CreateSchema s) {
            return new Phrase("create", s.name(), s.name(), true);
        }

        @Override
        public Phrase visitCreateEnum(CreateEnum e) {
            return new Phrase("create", e.type().name().name(), e.type().name().name(), !created.isEmpty());
        }

        @Override
        public Phrase visitDropEnum(DropEnum e) {
            return new Phrase("drop", e.type().name().name(), e.type().name().name(), false);
        }

        @Override
        public Phrase visitAddEnumValue(AddEnumValue v) {
            return new Phrase("add", v.enumName().name() + "_" + v.value(), v.enumName().name(), false);
        }

        @Override
        public Phrase visitCreateTable(CreateTable t) {
            return new Phrase("create", t.table().name().name(), t.table().name().name(), false);
        }

        @Override
        public Phrase visitDropTable(DropTable t) {
            return new Phrase("drop", t.table().name().name(), t.table().name().name(), false);
        }

        @Override
        public Phrase visitRenameTable(RenameTable r) {
            return new Phrase("rename", r.from().name() + "_to_" + r.to().name(), r.to().name(), false);
        }

        @Override
        public Phrase visitAddColumn(AddColumn a) {
            return new Phrase("add", a.table().name() + "_" + a.column().name(), a.table().name(), false);
        }

        @Override
        public Phrase visitDropColumn(DropColumn d) {
            return new Phrase("drop", d.table().name() + "_" + d.column().name(), d.table().name(), false);
        }

        @Override
        public Phrase visitRenameColumn(RenameColumn r) {
            return new Phrase("rename", r.table().name() + "_" + r.from() + "_to_" + r.to(), r.table().name(), false);
        }

        @Override
        public Phrase visitAlterColumn(AlterColumn a) {
            return new Phrase("alter", a.table().name() + "_" + a.to().name(), a.table().name(), false);
        }

        @Override
        public Phrase visitAddConstraint(AddConstraint a) {
            return new Phrase("add", a.constraint().name(), a.table().name(), created.contains(a.table()));
        }

        @Override
        public Phrase visitDropConstraint(DropConstraint d) {
            return new Phrase("drop", d.constraint().name(), d.table().name(), false);
        }

        @Override
        public Phrase visitRenameConstraint(RenameConstraint r) {
            return new Phrase("rename", r.from() + "_to_" + r.to(), r.table().name(), renamed.contains(r.table()));
        }

        @Override
        public Phrase visitAttachPartition(AttachPartition a) {
            return new Phrase("attach", a.table().name(), a.partitionOf().parent().name(), false);
        }

        @Override
        public Phrase visitDetachPartition(DetachPartition d) {
            return new Phrase("detach", d.table().name(), d.partitionOf().parent().name(), false);
        }

        @Override
        public Phrase visitRenameEnumValue(RenameEnumValue r) {
            return new Phrase("rename", r.enumName().name() + "_" + r.from() + "_to_" + r.to(), r.enumName().name(), false);
        }

        @Override
        public Phrase visitRenameAttribute(RenameAttribute r) {
            return new Phrase("rename", r.type().name() + "_" + r.from() + "_to_" + r.to(), r.type().name(), false);
        }

        @Override
        public Phrase visitRenameSequence(RenameSequence r) {
            return new Phrase("rename", r.from().name() + "_to_" + r.to().name(), r.to().name(), false);
        }

        @Override
        public Phrase visitCreateRoutine(CreateRoutine c) {
            return new Phrase("create", c.routine().name().name(), c.routine().name().name(), !created.isEmpty());
        }

        @Override
        public Phrase visitAlterRoutine(AlterRoutine c) {
            return new Phrase("alter", c.to().name().name(), c.to().name().name(), false);
        }

        @Override
        public Phrase visitDropRoutine(DropRoutine c) {
            return new Phrase("drop", c.routine().name().name(), c.routine().name().name(), false);
        }

        @Override
        public Phrase visitCommentOnRoutine(CommentOnRoutine c) {
            return new Phrase("comment", c.routine().name().name(), c.routine().name().name(), true);
        }

        @Override
        public Phrase visitCreateTrigger(CreateTrigger c) {
            return new Phrase("add", c.trigger().name(), c.trigger().table().name(), created.contains(c.trigger().table()));
        }

        @Override
        public Phrase visitDropTrigger(DropTrigger c) {
            return new Phrase("drop", c.trigger().name(), c.trigger().table().name(), true);
        }

        @Override
        public Phrase visitCommentOnTrigger(CommentOnTrigger c) {
            return new Phrase("comment", c.trigger().name(), c.trigger().table().name(), true);
        }

        @Override
        public Phrase visitSetRowSecurity(SetRowSecurity c) {
            return new Phrase(c.to().enabled() ? "enable_rls" : "alter_rls", c.table().name(), c.table().name(), created.contains(c.table()));
        }

        @Override
        public Phrase visitCreatePolicy(CreatePolicy c) {
            return new Phrase("add_policy", "on", c.policy().table().name(), created.contains(c.policy().table()));
        }

        @Override
        public Phrase visitAlterPolicy(AlterPolicy c) {
            return new Phrase("alter_policy", "on", c.to().table().name(), false);
        }

        @Override
        public Phrase visitDropPolicy(DropPolicy c) {
            return new Phrase("drop_policy", "on", c.policy().table().name(), false);
        }

        @Override
        public Phrase visitGrantPrivilege(GrantPrivilege c) {
            return new Phrase("grant", c.grant().object().name(), c.grant().object().name(), true);
        }

        @Override
        public Phrase visitRevokePrivilege(RevokePrivilege c) {
            return new Phrase("revoke", c.grant().object().name(), c.grant().object().name(), true);
        }

        @Override
        public Phrase visitCreateRole(CreateRole c) {
            return new Phrase("create", c.role().name(), c.role().name(), false);
        }

        @Override
        public Phrase visitAlterRole(AlterRole c) {
            return new Phrase("alter", c.to().name(), c.to().name(), false);
        }

        @Override
        public Phrase visitDropRole(DropRole c) {
            return new Phrase("drop", c.role().name(), c.role().name(), false);
        }

        @Override
        public Phrase visitRenamePolicy(RenamePolicy c) {
            return new Phrase("rename_policy", "on", c.table().name(), false);
        }

        @Override
        public Phrase visitCreateView(CreateView v) {
            return new Phrase("create", v.view().name().name(), v.view().name().name(), false);
        }

        @Override
        public Phrase visitDropView(DropView v) {
            return v.recreated() ? new Phrase("recreate", v.view().name().name(), v.view().name().name(), true)
                    : new Phrase("drop", v.view().name().name(), v.view().name().name(), false);
        }

        @Override
        public Phrase visitReplaceView(ReplaceView v) {
            return new Phrase("replace", v.to().name().name(), v.to().name().name(), false);
        }

        @Override
        public Phrase visitAlterView(AlterView v) {
            return new Phrase("alter", v.to().name().name(), v.to().name().name(), false);
        }

        @Override
        public Phrase visitCreateIndex(CreateIndex i) {
            return new Phrase("add", i.index().name(), i.table().name(), created.contains(i.table()));
        }

        @Override
        public Phrase visitDropIndex(DropIndex i) {
            return new Phrase("drop", i.index().name(), i.table().name(), false);
        }

        @Override
        public Phrase visitRenameIndex(RenameIndex r) {
            return new Phrase("rename", r.from() + "_to_" + r.to(), r.table().name(), renamed.contains(r.table()));
        }

        @Override
        public Phrase visitAlterForeignKey(AlterForeignKey a) {
            return new Phrase("alter", a.to().name(), a.table().name(), false);
        }

        @Override
        public Phrase visitValidateConstraint(ValidateConstraint v) {
            return new Phrase("validate", v.constraint().name(), v.table().name(), false);
        }

        @Override
        public Phrase visitAlterStorage(AlterStorage a) {
            return new Phrase("alter", (a.index() == null ? a.table().name() : a.index()) + "_storage", a.table().name(), false);
        }

        @Override
        public Phrase visitSetLogged(SetLogged l) {
            return new Phrase("set", l.table().name() + (l.unlogged() ? "_unlogged" : "_logged"), l.table().name(), false);
        }

        @Override
        public Phrase visitSetReplicaIdentity(SetReplicaIdentity r) {
            return new Phrase("set", r.table().name() + "_replica_identity", r.table().name(), created.contains(r.table()));
        }

        @Override
        public Phrase visitSetComment(SetComment c) {
            QualifiedName n = c.target().name();
            boolean onNew = created.contains(n);
            return new Phrase("comment", c.target().subName() != null ? c.target().subName() : n.name(), n.name(), onNew);
        }

        @Override
        public Phrase visitDropSchema(DropSchema s) {
            return new Phrase("drop", s.name(), s.name(), false);
        }

        @Override
        public Phrase visitCreateExtension(CreateExtension e) {
            return new Phrase("create", e.extension().name(), e.extension().name(), false);
        }

        @Override
        public Phrase visitAlterExtension(AlterExtension e) {
            return new Phrase("alter", e.to().name(), e.to().name(), false);
        }

        @Override
        public Phrase visitDropExtension(DropExtension e) {
            return new Phrase("drop", e.extension().name(), e.extension().name(), false);
        }

        @Override
        public Phrase visitCreateSequence(CreateSequence q) {
            return new Phrase("create", q.sequence().name().name(), q.sequence().name().name(), false);
        }

        @Override
        public Phrase visitAlterSequence(AlterSequence q) {
            return new Phrase("alter", q.name().name(), q.name().name(), false);
        }

        @Override
        public Phrase visitSetSequenceOwner(SetSequenceOwner q) {
            return new Phrase("alter", q.name().name(), q.name().name(), true);
        }

        @Override
        public Phrase visitDropSequence(DropSequence q) {
            return new Phrase("drop", q.sequence().name().name(), q.sequence().name().name(), false);
        }

        @Override
        public Phrase visitCreateDomain(CreateDomain d) {
            return new Phrase("create", d.domain().name().name(), d.domain().name().name(), !created.isEmpty());
        }

        @Override
        public Phrase visitAlterDomain(AlterDomain d) {
            return new Phrase("alter", d.to().name().name(), d.to().name().name(), false);
        }

        @Override
        public Phrase visitDropDomain(DropDomain d) {
            return new Phrase("drop", d.domain().name().name(), d.domain().name().name(), false);
        }

        @Override
        public Phrase visitCreateCompositeType(CreateCompositeType t) {
            return new Phrase("create", t.type().name().name(), t.type().name().name(), !created.isEmpty());
        }

        @Override
        public Phrase visitAlterCompositeType(AlterCompositeType t) {
            return new Phrase("alter", t.to().name().name(), t.to().name().name(), false);
        }

        @Override
        public Phrase visitDropCompositeType(DropCompositeType t) {
            return new Phrase("drop", t.type().name().name(), t.type().name().name(), false);
        }

        @Override
        public Phrase visitReplaceEnum(ReplaceEnum e) {
            return new Phrase("change", e.to().name().name(), e.to().name().name(), false);
        }
    }
}
