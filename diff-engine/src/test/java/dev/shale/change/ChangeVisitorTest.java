package dev.shale.change;

import dev.shale.model.Check;
import dev.shale.model.Column;
import dev.shale.model.ColumnType;
import dev.shale.model.EnumType;
import dev.shale.model.Extension;
import dev.shale.model.Sequence;
import dev.shale.model.SequenceOptions;
import dev.shale.model.Index;
import dev.shale.model.IndexKey;
import dev.shale.model.PgType;
import dev.shale.model.QualifiedName;
import dev.shale.model.Table;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChangeVisitorTest {
    static final QualifiedName USERS = QualifiedName.of("users");
    static final Column ID = new Column("id", ColumnType.Builtin.of(PgType.UUID), true, null);
    static final Column EMAIL = new Column("email", ColumnType.Builtin.of(PgType.TEXT), false, null);
    static final EnumType ROLE = new EnumType(QualifiedName.of("role"), List.of("a", "b"));
    static final Index INDEX = new Index("users_email_idx", false, null, List.of(IndexKey.column("email")), null);

    static final dev.shale.model.ForeignKey FK = dev.shale.model.ForeignKey.of("users_team_fkey", List.of("id"),
            QualifiedName.of("teams"), List.of("id"));

    static final dev.shale.model.Domain DOMAIN = dev.shale.model.Domain.of(QualifiedName.of("email"), EMAIL.type());
    static final dev.shale.model.CompositeType COMPOSITE = dev.shale.model.CompositeType.of(QualifiedName.of("pair"),
            List.of(dev.shale.model.CompositeType.Attribute.of("a", EMAIL.type())));

    static final dev.shale.model.Routine FUNCTION = dev.shale.model.Routine.function(QualifiedName.of("one"), List.of(),
            "integer", "sql", "SELECT 1");
    static final dev.shale.model.Trigger TRIGGER = dev.shale.model.Trigger.of(USERS, "users_touch",
            dev.shale.model.Trigger.Timing.BEFORE, Set.of(dev.shale.model.Trigger.Event.UPDATE), true, QualifiedName.of("touch"));

    static final dev.shale.model.View VIEW = dev.shale.model.View.of(QualifiedName.of("ones"), "select 1 as one");

    /** One change of every kind. */
    static final List<Change> ONE_OF_EACH = List.of(
            new CreateSchema("app"),
            new CreateEnum(ROLE),
            new DropEnum(ROLE),
            new AddEnumValue(ROLE.name(), "c", null, null),
            new CreateTable(Table.of(USERS, List.of(ID))),
            new DropTable(Table.of(USERS, List.of(ID))),
            new RenameTable(USERS, QualifiedName.of("people")),
            new AddColumn(USERS, EMAIL),
            new DropColumn(USERS, EMAIL),
            new RenameColumn(USERS, "email", "mail"),
            new AlterColumn(USERS, EMAIL, EMAIL.withNotNull(true), EnumSet.of(ColumnAspect.NOT_NULL)),
            new AddConstraint(USERS, new Check("users_email_check", "email <> ''")),
            new DropConstraint(USERS, new Check("users_email_check", "email <> ''")),
            new RenameConstraint(USERS, "a", "b"),
            new CreateIndex(USERS, INDEX),
            new DropIndex(USERS, INDEX),
            new RenameIndex(USERS, "users_email_idx", "people_email_idx"),
            new AlterForeignKey(USERS, FK, FK.withDeferral(dev.shale.model.Deferral.DEFERRED)),
            new ValidateConstraint(USERS, new Check("users_email_check", "email <> ''")),
            new AlterStorage(USERS, null, java.util.Map.of(), java.util.Map.of("fillfactor", "70")),
            new SetLogged(USERS, true),
            new SetReplicaIdentity(USERS, dev.shale.model.ReplicaIdentity.DEFAULT,
                    new dev.shale.model.ReplicaIdentity(dev.shale.model.ReplicaIdentity.Kind.FULL, null)),
            new SetComment(CommentTarget.column(USERS, "email"), "where we write"),
            new SetComment(CommentTarget.table(USERS), "people"),
            new DropSchema("app"),
            new CreateExtension(Extension.of("citext")),
            new AlterExtension(Extension.of("citext"), Extension.of("citext").withVersion("1.6")),
            new DropExtension(Extension.of("citext")),
            new CreateSequence(Sequence.of(QualifiedName.of("ticket_no"))),
            new AlterSequence(QualifiedName.of("ticket_no"), SequenceOptions.DEFAULTS, SequenceOptions.DEFAULTS.withCache(20L)),
            new SetSequenceOwner(QualifiedName.of("ticket_no"), null),
            new DropSequence(Sequence.of(QualifiedName.of("ticket_no"))),
            new AttachPartition(USERS, new dev.shale.model.PartitionOf(QualifiedName.of("people"), "DEFAULT")),
            new DetachPartition(USERS, new dev.shale.model.PartitionOf(QualifiedName.of("people"), "DEFAULT")),
            new CreateDomain(DOMAIN),
            new AlterDomain(DOMAIN, DOMAIN.withNotNull(true)),
            new DropDomain(DOMAIN),
            new CreateCompositeType(COMPOSITE),
            new AlterCompositeType(COMPOSITE, COMPOSITE.withAttributes(List.of())),
            new DropCompositeType(COMPOSITE),
            new ReplaceEnum(ROLE, ROLE.withValues(List.of("b")), List.of(), List.of(), List.of(), List.of(), List.of()),
            new RenameEnumValue(ROLE.name(), "a", "z"),
            new RenameAttribute(COMPOSITE.name(), "a", "b"),
            new RenameSequence(QualifiedName.of("ticket_no"), QualifiedName.of("ticket_number")),
            new CreateRoutine(FUNCTION),
            new AlterRoutine(FUNCTION, FUNCTION.withBody("SELECT 2")),
            new DropRoutine(FUNCTION),
            new CommentOnRoutine(FUNCTION, "adds"),
            new CreateTrigger(TRIGGER),
            new DropTrigger(TRIGGER),
            new CommentOnTrigger(TRIGGER, "fires"),
            new SetRowSecurity(USERS, dev.shale.model.RowSecurity.OFF, dev.shale.model.RowSecurity.ENABLED),
            new CreatePolicy(dev.shale.model.Policy.of(USERS, "own")),
            new AlterPolicy(dev.shale.model.Policy.of(USERS, "own"), dev.shale.model.Policy.of(USERS, "own").withUsing("true")),
            new DropPolicy(dev.shale.model.Policy.of(USERS, "own")),
            new GrantPrivilege(dev.shale.model.Grant.table(USERS, dev.shale.model.Grant.Privilege.SELECT, "reader")),
            new RevokePrivilege(dev.shale.model.Grant.table(USERS, dev.shale.model.Grant.Privilege.SELECT, "reader")),
            new CreateRole(dev.shale.model.Role.owned("reader")),
            new AlterRole(dev.shale.model.Role.owned("reader"), dev.shale.model.Role.owned("reader").withLogin(true)),
            new DropRole(dev.shale.model.Role.owned("reader")),
            new RenamePolicy(USERS, "own", "mine"),
            new CreateView(VIEW),
            new DropView(VIEW, false, null),
            new ReplaceView(VIEW, VIEW.withQuery("select 2 as one")),
            new AlterView(VIEW, VIEW.withSecurityBarrier(true)));

    @Test
    void theVisitorHasOneAbstractMethodPerPermittedKindAndNothingElse() {
        Class<?>[] kinds = Change.class.getPermittedSubclasses();
        for (Class<?> kind : kinds) {
            Method visit = method("visit" + kind.getSimpleName(), kind);
            assertNotNull(visit, "ChangeVisitor has no visit" + kind.getSimpleName() + "(" + kind.getSimpleName() + ")");
            assertTrue(Modifier.isAbstract(visit.getModifiers()), visit + " must be abstract, so a consumer must handle it");
            assertTrue(kind.isRecord(), kind + " is a record");
        }
        Method[] methods = ChangeVisitor.class.getDeclaredMethods();
        assertEquals(kinds.length, methods.length, "one method per kind: " + Arrays.toString(methods));
        assertTrue(Arrays.stream(methods).noneMatch(Method::isDefault), "no default methods: a new kind must not compile silently");
    }

    @Test
    void everyKindDispatchesToItsOwnMethodWithItself() {
        Set<Class<?>> sampled = ONE_OF_EACH.stream().map(Object::getClass).collect(Collectors.toSet());
        assertEquals(Set.of(Change.class.getPermittedSubclasses()), sampled, "the samples cover every kind");
        for (Change c : ONE_OF_EACH) {
            Object[] received = new Object[1];
            @SuppressWarnings("unchecked")
            ChangeVisitor<String> echo = (ChangeVisitor<String>) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {ChangeVisitor.class}, (proxy, m, args) -> {
                        received[0] = args[0];
                        return m.getName();
                    });
            assertEquals("visit" + c.getClass().getSimpleName(), c.accept(echo));
            assertSame(c, received[0]);
        }
    }

    @Test
    void selectKeepsTheChangesOfOneKindInOrder() {
        List<Change> changes = List.of(new CreateSchema("a"), new RenameColumn(USERS, "x", "y"), new CreateSchema("b"));
        assertEquals(List.of(new CreateSchema("a"), new CreateSchema("b")), Change.select(CreateSchema.class, changes));
        assertTrue(Change.select(DropTable.class, changes).isEmpty());
        assertFalse(Change.select(Change.class, changes).isEmpty());
    }

    private static Method method(String name, Class<?> parameter) {
        try {
            return ChangeVisitor.class.getMethod(name, parameter);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}
