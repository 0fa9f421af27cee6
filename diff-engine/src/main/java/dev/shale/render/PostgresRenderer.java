package dev.shale.render;

import dev.shale.change.AlterRoutine;
import dev.shale.change.CommentOnRoutine;
import dev.shale.change.CommentOnTrigger;
import dev.shale.change.CreateRoutine;
import dev.shale.change.CreateTrigger;
import dev.shale.change.DropRoutine;
import dev.shale.change.DropTrigger;
import dev.shale.change.SetComment;
import dev.shale.change.RenameSequence;
import dev.shale.change.RenameAttribute;
import dev.shale.change.CreateView;
import dev.shale.change.DropView;
import dev.shale.change.ReplaceView;
import dev.shale.change.AlterView;
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
import dev.shale.change.Change;
import dev.shale.change.ChangeVisitor;
import dev.shale.change.CreateCompositeType;
import dev.shale.change.CreateDomain;
import dev.shale.change.CreateEnum;
import dev.shale.change.CreateIndex;
import dev.shale.change.CreateSchema;
import dev.shale.change.CreateTable;
import dev.shale.change.DetachPartition;
import dev.shale.change.DropColumn;
import dev.shale.change.DropCompositeType;
import dev.shale.change.DropConstraint;
import dev.shale.change.DropDomain;
import dev.shale.change.DropEnum;
import dev.shale.change.DropIndex;
import dev.shale.change.DropTable;
import dev.shale.change.RenameColumn;
import dev.shale.change.RenameEnumValue;
import dev.shale.change.RenameConstraint;
import dev.shale.change.RenameIndex;
import dev.shale.change.RenameTable;
import dev.shale.change.ReplaceEnum;
import dev.shale.change.SetComment;
import dev.shale.change.SetLogged;
import dev.shale.change.SetReplicaIdentity;
import dev.shale.change.ValidateConstraint;
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
import dev.shale.model.Index;
import dev.shale.model.QualifiedName;
import org.jooq.impl.DSL;

import java.util.List;

/**
 * Renders changes as PostgreSQL statements: one {@link Statement} per change, with a one-line
 * comment for the migration file and SQL that ends in {@code ;}.
 *
 * <p>jOOQ renders a statement where its output is what a careful person would write (the simple
 * drops and renames, CREATE SCHEMA, CREATE TYPE ... AS ENUM, appending an enum value, and the
 * primary key, unique and foreign key clauses); everything else is written by hand through
 * {@link Sql}, whose identifier and literal quoting is jOOQ's. Each method says which and why.
 */
public final class PostgresRenderer {
    static {
        // jOOQ's banner and tips are switched off by Sql's static initializer, which must run before any
        // jOOQ class initializes: make every use of the renderer start there.
        Sql.init();
    }

    private static final ChangeVisitor<Statement> RENDER = new Render();

    /** One statement per change (an AlterColumn of several aspects is one statement), in order. */
    public List<Statement> render(List<? extends Change> changes) {
        return changes.stream().map(this::render).toList();
    }

    /** The statement for one change; its comment is always one line, whatever the names in it contain. */
    public Statement render(Change change) {
        Statement s = change.accept(RENDER);
        return new Statement(change, Sql.oneLine(s.comment()), s.sql());
    }

    /**
     * The one dispatch over the {@link Change} family for rendering: one method per kind, each saying
     * whether jOOQ or hand-written SQL renders it, and why.
     */
    private static final class Render implements ChangeVisitor<Statement> {
        // jOOQ: CREATE SCHEMA IF NOT EXISTS "auth"
        @Override
        public Statement visitCreateSchema(CreateSchema c) {
            return statement(c, "create schema " + Sql.ident(c.name()),
                    Sql.jooq(Sql.JOOQ.createSchemaIfNotExists(DSL.quotedName(c.name()))));
        }

        // jOOQ: CREATE TYPE "public"."status" AS ENUM ('a', 'b')
        @Override
        public Statement visitCreateEnum(CreateEnum c) {
            return statement(c, "create enum " + Sql.qualified(c.type().name()),
                    Sql.jooq(Sql.JOOQ.createType(name(c.type().name())).asEnum(c.type().values().toArray(String[]::new))));
        }

        // jOOQ: DROP TYPE "public"."status"
        @Override
        public Statement visitDropEnum(DropEnum c) {
            return statement(c, "drop enum " + Sql.qualified(c.type().name()), Sql.jooq(Sql.JOOQ.dropType(name(c.type().name()))));
        }

        // jOOQ for appending a value; by hand with BEFORE/AFTER, which jOOQ's ALTER TYPE cannot express.
        @Override
        public Statement visitAddEnumValue(AddEnumValue c) {
            String comment = "add value " + Sql.literal(c.value()) + " to enum " + Sql.qualified(c.enumName());
            if (c.before() == null && c.after() == null) {
                return statement(c, comment, Sql.jooq(Sql.JOOQ.alterType(name(c.enumName())).addValue(c.value())));
            }
            String position = c.before() != null ? " BEFORE " + Sql.literal(c.before()) : " AFTER " + Sql.literal(c.after());
            return new Statement(c, comment, "ALTER TYPE " + Sql.qualified(c.enumName()) + " ADD VALUE "
                    + Sql.literal(c.value()) + position + ";");
        }

        // By hand, through TableSql: see there why jOOQ's CREATE TABLE is not used.
        @Override
        public Statement visitCreateTable(CreateTable c) {
            return new Statement(c, (c.table().isPartition() ? "create partition " + Sql.qualified(c.table().name()) + " of "
                    + Sql.qualified(c.table().partitionOf().parent()) : "create table " + Sql.qualified(c.table().name())),
                    TableSql.createTable(c.table()));
        }

        // jOOQ: DROP TABLE "public"."users"
        @Override
        public Statement visitDropTable(DropTable c) {
            return statement(c, (c.table().isPartition() ? "drop partition " + Sql.qualified(c.table().name()) + " of "
                    + Sql.qualified(c.table().partitionOf().parent()) : "drop table " + Sql.qualified(c.table().name())),
                    Sql.jooq(Sql.JOOQ.dropTable(name(c.table().name()))));
        }

        // jOOQ: ALTER TABLE "public"."users" RENAME TO "members"
        @Override
        public Statement visitRenameTable(RenameTable c) {
            StringBuilder sql = new StringBuilder(Sql.jooq(Sql.JOOQ.alterTable(name(c.from())).renameTo(DSL.quotedName(c.to().name())))).append(';');
            for (String column : c.serialColumns()) {
                String sequence = ColumnFeatureSql.renameSerialSequence(c.from(), column, c.to(), column);
                sql.append(sequence.isEmpty() ? "" : "\n" + sequence);
            }
            return new Statement(c, "rename table " + Sql.qualified(c.from()) + " to " + Sql.ident(c.to().name()), sql.toString());
        }

        // By hand: jOOQ's ADD COLUMN has the same limits as its CREATE TABLE (see TableSql).
        @Override
        public Statement visitAddColumn(AddColumn c) {
            return new Statement(c, "add column " + Sql.qualified(c.table()) + "." + Sql.ident(c.column().name()),
                    "ALTER TABLE " + Sql.qualified(c.table()) + " ADD COLUMN " + TableSql.columnDefinition(c.column()) + ";");
        }

        // By hand: jOOQ writes DROP "c" without the COLUMN keyword, which reads as if anything could be dropped.
        @Override
        public Statement visitDropColumn(DropColumn c) {
            return new Statement(c, "drop column " + Sql.qualified(c.table()) + "." + Sql.ident(c.column().name()),
                    "ALTER TABLE " + Sql.qualified(c.table()) + " DROP COLUMN " + Sql.ident(c.column().name()) + ";");
        }

        // jOOQ: ALTER TABLE "public"."users" RENAME COLUMN "a" TO "b"
        @Override
        public Statement visitRenameColumn(RenameColumn c) {
            String sql = Sql.jooq(Sql.JOOQ.alterTable(name(c.table())).renameColumn(DSL.quotedName(c.from())).to(DSL.quotedName(c.to()))) + ";"
                    + (c.serial() ? "\n" + ColumnFeatureSql.renameSerialSequence(c.table(), c.from(), c.table(), c.to()) : "").stripTrailing();
            return new Statement(c, "rename column " + Sql.qualified(c.table()) + "." + Sql.ident(c.from()) + " to " + Sql.ident(c.to()), sql);
        }

        // By hand, through AlterColumnSql: type, NOT NULL and default in one statement.
        @Override
        public Statement visitAlterColumn(AlterColumn c) {
            return new Statement(c, AlterColumnSql.comment(c), AlterColumnSql.render(c));
        }

        // jOOQ for the primary key, unique and foreign key clauses; by hand for CHECK (see TableSql).
        @Override
        public Statement visitAddConstraint(AddConstraint c) {
            return new Statement(c, "add " + TableSql.kind(c.constraint()) + " " + Sql.ident(c.constraint().name())
                    + " on " + Sql.qualified(c.table()), TableSql.addConstraint(c.table(), c.constraint()));
        }

        // jOOQ: ALTER TABLE "public"."users" DROP CONSTRAINT "users_email_key"
        @Override
        public Statement visitDropConstraint(DropConstraint c) {
            return statement(c, "drop " + TableSql.kind(c.constraint()) + " " + Sql.ident(c.constraint().name())
                            + " on " + Sql.qualified(c.table()),
                    Sql.jooq(Sql.JOOQ.alterTable(name(c.table())).dropConstraint(DSL.quotedName(c.constraint().name()))));
        }

        // jOOQ: ALTER TABLE "public"."users" RENAME CONSTRAINT "users_pkey" TO "members_pkey"
        @Override
        public Statement visitRenameConstraint(RenameConstraint c) {
            return statement(c, "rename constraint " + Sql.ident(c.from()) + " on " + Sql.qualified(c.table()) + " to " + Sql.ident(c.to()),
                    Sql.jooq(Sql.JOOQ.alterTable(name(c.table())).renameConstraint(DSL.quotedName(c.from())).to(DSL.quotedName(c.to()))));
        }

        // By hand, through IndexSql.
        @Override
        public Statement visitCreateIndex(CreateIndex c) {
            return new Statement(c, indexComment(c.concurrently() ? "create concurrently" : "create", c.table(), c.index()),
                    IndexSql.create(c.table(), c.index(), c.concurrently()));
        }

        // By hand, through IndexSql.
        @Override
        public Statement visitDropIndex(DropIndex c) {
            return new Statement(c, indexComment(c.concurrently() ? "drop concurrently" : "drop", c.table(), c.index()),
                    IndexSql.drop(c.table(), c.index(), c.concurrently()));
        }

        // By hand: jOOQ's ALTER INDEX drops the schema, as its DROP INDEX does, and the index lives in its table's schema.
        @Override
        public Statement visitRenameIndex(RenameIndex c) {
            return new Statement(c, "rename index " + Sql.ident(c.from()) + " on " + Sql.qualified(c.table()) + " to " + Sql.ident(c.to()),
                    "ALTER INDEX " + Sql.qualified(c.table().withName(c.from())) + " RENAME TO " + Sql.ident(c.to()) + ";");
        }

        // By hand, through OptionsSql: jOOQ has no ALTER CONSTRAINT.
        @Override
        public Statement visitAlterForeignKey(AlterForeignKey c) {
            return new Statement(c, OptionsSql.alterForeignKeyComment(c), OptionsSql.alterForeignKey(c));
        }

        // By hand, through OptionsSql: jOOQ has no VALIDATE CONSTRAINT.
        @Override
        public Statement visitValidateConstraint(ValidateConstraint c) {
            return new Statement(c, "validate " + TableSql.kind(c.constraint()) + " " + Sql.ident(c.constraint().name())
                    + " on " + Sql.qualified(c.table()), OptionsSql.validate(c));
        }

        // By hand, through OptionsSql: jOOQ has no storage parameters.
        @Override
        public Statement visitAlterStorage(AlterStorage c) {
            return new Statement(c, OptionsSql.alterStorageComment(c), OptionsSql.alterStorage(c));
        }

        // By hand, through OptionsSql: jOOQ has no SET LOGGED.
        @Override
        public Statement visitSetLogged(SetLogged c) {
            return new Statement(c, "make table " + Sql.qualified(c.table()) + (c.unlogged() ? " unlogged" : " logged"),
                    OptionsSql.setLogged(c));
        }

        // By hand, through OptionsSql: jOOQ has no REPLICA IDENTITY.
        @Override
        public Statement visitSetReplicaIdentity(SetReplicaIdentity c) {
            return new Statement(c, OptionsSql.replicaIdentityComment(c), OptionsSql.replicaIdentity(c.table(), c.to()));
        }

        // By hand, through ObjectSql: jOOQ has no COMMENT ON INDEX, CONSTRAINT or SCHEMA.
        @Override
        public Statement visitSetComment(SetComment c) {
            return new Statement(c, ObjectSql.commentLine(c), ObjectSql.comment(c));
        }

        // By hand: never CASCADE, so objects Shale does not own make it fail rather than vanish.
        @Override
        public Statement visitDropSchema(DropSchema c) {
            return new Statement(c, "drop schema " + Sql.ident(c.name()), "DROP SCHEMA " + Sql.ident(c.name()) + ";");
        }

        // By hand, through ObjectSql: jOOQ has no CREATE EXTENSION.
        @Override
        public Statement visitCreateExtension(CreateExtension c) {
            return new Statement(c, "create extension " + Sql.ident(c.extension().name()), ObjectSql.createExtension(c));
        }

        // By hand, through ObjectSql.
        @Override
        public Statement visitAlterExtension(AlterExtension c) {
            return new Statement(c, "alter extension " + Sql.ident(c.to().name()), ObjectSql.alterExtension(c));
        }

        // By hand: never CASCADE, so columns of its types make it fail rather than vanish.
        @Override
        public Statement visitDropExtension(DropExtension c) {
            return new Statement(c, "drop extension " + Sql.ident(c.extension().name()),
                    "DROP EXTENSION " + Sql.ident(c.extension().name()) + ";");
        }

        // By hand, through ObjectSql: options in the documented order, only those the model sets.
        @Override
        public Statement visitCreateSequence(CreateSequence c) {
            return new Statement(c, "create sequence " + Sql.qualified(c.sequence().name()), ObjectSql.createSequence(c));
        }

        // By hand, through ObjectSql.
        @Override
        public Statement visitAlterSequence(AlterSequence c) {
            return new Statement(c, "alter sequence " + Sql.qualified(c.name()), ObjectSql.alterSequence(c));
        }

        // By hand, through ObjectSql.
        @Override
        public Statement visitSetSequenceOwner(SetSequenceOwner c) {
            return new Statement(c, (c.ownedBy() == null ? "release sequence " : "set owner of sequence ")
                    + Sql.qualified(c.name()), ObjectSql.setOwner(c));
        }

        // jOOQ: DROP SEQUENCE "public"."ticket_no"
        @Override
        public Statement visitDropSequence(DropSequence c) {
            return statement(c, "drop sequence " + Sql.qualified(c.sequence().name()),
                    Sql.jooq(Sql.JOOQ.dropSequence(name(c.sequence().name()))));
        }

        // By hand, through TypeSql: jOOQ's CREATE DOMAIN names no checks and has no COLLATE.
        @Override
        public Statement visitCreateDomain(CreateDomain c) {
            return new Statement(c, "create domain " + Sql.qualified(c.domain().name()), TypeSql.createDomain(c.domain()));
        }

        // By hand, through TypeSql: jOOQ has no ALTER DOMAIN.
        @Override
        public Statement visitAlterDomain(AlterDomain c) {
            return new Statement(c, "alter domain " + Sql.qualified(c.from().name()), TypeSql.alterDomain(c));
        }

        // By hand: DROP DOMAIN "s"."d".
        @Override
        public Statement visitDropDomain(DropDomain c) {
            return new Statement(c, "drop domain " + Sql.qualified(c.domain().name()), TypeSql.dropDomain(c.domain()));
        }

        // By hand, through TypeSql: jOOQ has no composite types.
        @Override
        public Statement visitCreateCompositeType(CreateCompositeType c) {
            return new Statement(c, "create composite type " + Sql.qualified(c.type().name()), TypeSql.createComposite(c.type()));
        }

        // By hand, through TypeSql.
        @Override
        public Statement visitAlterCompositeType(AlterCompositeType c) {
            return new Statement(c, "alter composite type " + Sql.qualified(c.from().name()), TypeSql.alterComposite(c));
        }

        // By hand: DROP TYPE "s"."t".
        @Override
        public Statement visitDropCompositeType(DropCompositeType c) {
            return new Statement(c, "drop composite type " + Sql.qualified(c.type().name()), TypeSql.dropComposite(c.type()));
        }

        // By hand, through TypeSql: several statements, see ReplaceEnum.
        @Override
        public Statement visitReplaceEnum(ReplaceEnum c) {
            return new Statement(c, "replace enum " + Sql.qualified(c.to().name()) + " (values removed or reordered)",
                    TypeSql.replaceEnum(c));
        }

        // By hand, through PartitionSql: jOOQ has no partitioning syntax.
        @Override
        public Statement visitAttachPartition(AttachPartition c) {
            return new Statement(c, "attach " + Sql.qualified(c.table()) + " as a partition of " + Sql.qualified(c.partitionOf().parent()),
                    PartitionSql.attach(c.table(), c.partitionOf()));
        }

        // By hand, through PartitionSql: jOOQ has no partitioning syntax.
        @Override
        public Statement visitDetachPartition(DetachPartition c) {
            return new Statement(c, "detach partition " + Sql.qualified(c.table()) + " from " + Sql.qualified(c.partitionOf().parent()),
                    PartitionSql.detach(c.table(), c.partitionOf()));
        }

        // By hand: jOOQ has no RENAME VALUE.
        @Override
        public Statement visitRenameEnumValue(RenameEnumValue c) {
            return new Statement(c, "rename value " + Sql.literal(c.from()) + " of enum " + Sql.qualified(c.enumName())
                    + " to " + Sql.literal(c.to()), "ALTER TYPE " + Sql.qualified(c.enumName()) + " RENAME VALUE "
                    + Sql.literal(c.from()) + " TO " + Sql.literal(c.to()) + ";");
        }

        // By hand, as the other composite type statements (see TypeSql).
        @Override
        public Statement visitRenameAttribute(RenameAttribute c) {
            return new Statement(c, "rename attribute " + Sql.ident(c.from()) + " of type " + Sql.qualified(c.type())
                    + " to " + Sql.ident(c.to()), "ALTER TYPE " + Sql.qualified(c.type()) + " RENAME ATTRIBUTE "
                    + Sql.ident(c.from()) + " TO " + Sql.ident(c.to()) + ";");
        }

        // By hand, as the other sequence statements (see ObjectSql).
        @Override
        public Statement visitRenameSequence(RenameSequence c) {
            return new Statement(c, "rename sequence " + Sql.qualified(c.from()) + " to " + Sql.ident(c.to().name()),
                    "ALTER SEQUENCE " + Sql.qualified(c.from()) + " RENAME TO " + Sql.ident(c.to().name()) + ";");
        }

        // By hand, through RoutineSql: jOOQ's CREATE FUNCTION has no dollar quoting or PostgreSQL attributes.
        @Override
        public Statement visitCreateRoutine(CreateRoutine c) {
            return new Statement(c, "create " + RoutineSql.display(c.routine()), RoutineSql.create(c.routine(), false));
        }

        // By hand: ALTER FUNCTION for attributes alone, else CREATE OR REPLACE.
        @Override
        public Statement visitAlterRoutine(AlterRoutine c) {
            return new Statement(c, (c.attributesOnly() ? "alter " : "replace ") + RoutineSql.display(c.to()),
                    RoutineSql.alter(c));
        }

        // By hand: DROP FUNCTION "s"."f"(integer).
        @Override
        public Statement visitDropRoutine(DropRoutine c) {
            return new Statement(c, "drop " + RoutineSql.display(c.routine()), RoutineSql.drop(c.routine()));
        }

        // By hand: jOOQ's COMMENT ON knows no functions.
        @Override
        public Statement visitCommentOnRoutine(CommentOnRoutine c) {
            return new Statement(c, (c.text() == null ? "remove comment on " : "comment on ") + RoutineSql.display(c.routine()),
                    RoutineSql.comment(c.routine(), c.text()));
        }

        // By hand: jOOQ has no trigger DDL.
        @Override
        public Statement visitCreateTrigger(CreateTrigger c) {
            return new Statement(c, "create trigger " + Sql.ident(c.trigger().name()) + " on " + Sql.qualified(c.trigger().table()),
                    RoutineSql.createTrigger(c.trigger()));
        }

        @Override
        public Statement visitDropTrigger(DropTrigger c) {
            return new Statement(c, "drop trigger " + Sql.ident(c.trigger().name()) + " on " + Sql.qualified(c.trigger().table()),
                    RoutineSql.dropTrigger(c.trigger()));
        }

        @Override
        public Statement visitCommentOnTrigger(CommentOnTrigger c) {
            return new Statement(c, (c.text() == null ? "remove comment on trigger " : "comment on trigger ")
                    + Sql.ident(c.trigger().name()) + " on " + Sql.qualified(c.trigger().table()),
                    RoutineSql.commentOnTrigger(c.trigger(), c.text()));
        }

        // By hand, through AccessSql: jOOQ has no row-level security clauses.
        @Override
        public Statement visitSetRowSecurity(SetRowSecurity c) {
            return new Statement(c, AccessSql.rowSecurityLine(c), AccessSql.rowSecurity(c));
        }

        // By hand, through AccessSql: jOOQ has no CREATE POLICY.
        @Override
        public Statement visitCreatePolicy(CreatePolicy c) {
            return new Statement(c, AccessSql.policyLine("create", c.policy()), AccessSql.createPolicy(c.policy()));
        }

        // By hand, through AccessSql.
        @Override
        public Statement visitAlterPolicy(AlterPolicy c) {
            return new Statement(c, AccessSql.policyLine("alter", c.to()), AccessSql.alterPolicy(c));
        }

        // By hand, through AccessSql.
        @Override
        public Statement visitDropPolicy(DropPolicy c) {
            return new Statement(c, AccessSql.policyLine("drop", c.policy()), AccessSql.dropPolicy(c.policy()));
        }

        // By hand, through AccessSql: jOOQ's GRANT knows tables only, and no column privileges.
        @Override
        public Statement visitGrantPrivilege(GrantPrivilege c) {
            return new Statement(c, AccessSql.grantLine("grant", c.grant()), AccessSql.grant(c.grant()));
        }

        // By hand, through AccessSql.
        @Override
        public Statement visitRevokePrivilege(RevokePrivilege c) {
            return new Statement(c, AccessSql.grantLine("revoke", c.grant()), AccessSql.revoke(c.grant()));
        }

        // By hand, through AccessSql: a DO block, since roles are cluster-wide and may exist already.
        @Override
        public Statement visitCreateRole(CreateRole c) {
            return new Statement(c, "create role " + Sql.ident(c.role().name()), AccessSql.createRole(c));
        }

        // By hand, through AccessSql.
        @Override
        public Statement visitAlterRole(AlterRole c) {
            return new Statement(c, "alter role " + Sql.ident(c.to().name()), AccessSql.alterRole(c));
        }

        // By hand: DROP ROLE "name".
        @Override
        public Statement visitDropRole(DropRole c) {
            return new Statement(c, "drop role " + Sql.ident(c.role().name()), AccessSql.dropRole(c.role()));
        }

        // By hand: ALTER POLICY "old" ON t RENAME TO "new".
        @Override
        public Statement visitRenamePolicy(RenamePolicy c) {
            return new Statement(c, "rename policy " + Sql.ident(c.from()) + " on " + Sql.qualified(c.table()) + " to "
                    + Sql.ident(c.to()), "ALTER POLICY " + Sql.ident(c.from()) + " ON " + Sql.qualified(c.table())
                    + " RENAME TO " + Sql.ident(c.to()) + ";");
        }

        // By hand, through ViewSql: jOOQ's CREATE VIEW takes a jOOQ query, not SQL text, and has no options.
        @Override
        public Statement visitCreateView(CreateView c) {
            return new Statement(c, "create " + ViewSql.describe(c.view()), ViewSql.create(c.view(), false));
        }

        // By hand, through ViewSql: never CASCADE, so what Shale does not manage makes it fail rather than vanish.
        @Override
        public Statement visitDropView(DropView c) {
            return new Statement(c, "drop " + ViewSql.describe(c.view())
                    + (c.reason() == null ? "" : " (" + c.reason() + ")")
                    + (c.recreated() ? ", created again below" : ""), ViewSql.drop(c));
        }

        // By hand, through ViewSql.
        @Override
        public Statement visitReplaceView(ReplaceView c) {
            return new Statement(c, "replace " + ViewSql.describe(c.to()), ViewSql.create(c.to(), true));
        }

        // By hand, through ViewSql: jOOQ has no ALTER VIEW ... SET.
        @Override
        public Statement visitAlterView(AlterView c) {
            return new Statement(c, "set options of " + ViewSql.describe(c.to()), ViewSql.alter(c));
        }
    }

    private static String indexComment(String verb, QualifiedName table, Index index) {
        return verb + (index.unique() ? " unique index " : " index ") + Sql.ident(index.name()) + " on " + Sql.qualified(table);
    }

    /** A statement rendered by jOOQ, which leaves off the final semicolon. */
    private static Statement statement(Change change, String comment, String jooqSql) {
        return new Statement(change, comment, jooqSql + ";");
    }

    private static org.jooq.Name name(QualifiedName name) {
        return DSL.quotedName(name.schema(), name.name());
    }
}
