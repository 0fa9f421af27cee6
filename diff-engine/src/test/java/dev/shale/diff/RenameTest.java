package dev.shale.diff;

import dev.shale.change.AddColumn;
import dev.shale.change.AddConstraint;
import dev.shale.change.AlterColumn;
import dev.shale.change.Change;
import dev.shale.change.ColumnAspect;
import dev.shale.change.CreateTable;
import dev.shale.change.DropColumn;
import dev.shale.change.DropConstraint;
import dev.shale.change.DropTable;
import dev.shale.change.RenameColumn;
import dev.shale.change.RenameConstraint;
import dev.shale.change.RenameIndex;
import dev.shale.change.RenameTable;
import dev.shale.model.ForeignKey;
import dev.shale.model.PrimaryKey;
import dev.shale.model.Rename;
import dev.shale.model.SchemaModel;
import dev.shale.testing.Models;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static dev.shale.testing.Models.col;
import static dev.shale.testing.Models.fk;
import static dev.shale.testing.Models.index;
import static dev.shale.testing.Models.notNull;
import static dev.shale.testing.Models.q;
import static dev.shale.testing.Models.schema;
import static dev.shale.testing.Models.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rename questions and decisions: hints, declined renames, open questions, renames inside renames. */
class RenameTest {
    static final ForeignKey POSTS_AUTHOR = fk("posts_author_fkey", "author_id", "users", "id", null);
    static final ForeignKey POSTS_MEMBER = fk("posts_author_fkey", "author_id", "members", "id", null);
    static final Models.TableSpec POSTS = table("posts", col("author_id", "integer")).index(index("posts_author_idx", "author_id"));

    static Models.TableSpec users(String name, String emailColumn) {
        return table(name, notNull("id", "integer"), col(emailColumn, "text"))
                .pkNamed("users_pkey", "id").unique("users_email_key", emailColumn).index(index("users_email_idx", emailColumn));
    }

    static final SchemaModel BEFORE = schema(users("users", "email"), POSTS.fk(POSTS_AUTHOR));
    static final SchemaModel TABLE_RENAMED = schema(users("members", "email"), POSTS.fk(POSTS_MEMBER));
    static final SchemaModel BOTH_RENAMED = schema(users("members", "mail"), POSTS.fk(POSTS_MEMBER));

    static List<Change> changes(SchemaModel from, SchemaModel to, RenameDecisions decisions) {
        List<DiffStep> steps = Differ.plan(from, to, decisions);
        ModelApplier.applySteps(from, steps);
        return steps.stream().flatMap(s -> s.changes().stream()).toList();
    }

    @Test
    void tableQuestionOffersNewTablesOfTheSameSchemaSorted() {
        SchemaModel to = schema(users("people", "email"), users("app.members", "email").pkNamed("app_members_pkey", "id"),
                table("accounts", col("x", "text")), POSTS);
        assertEquals(List.of(new RenameQuestion(Rename.Kind.TABLE, q("users"), "users", List.of("accounts", "people"))),
                Differ.questions(schema(users("users", "email"), POSTS), to, RenameDecisions.NONE));
    }

    @Test
    void renamesCarryTheSerialColumnsWhoseSequencesFollow() {
        SchemaModel from = schema(table("tickets", col("id", "serial"), col("n", "bigserial"), col("title", "text")));
        SchemaModel to = schema(table("desk_tickets", col("id", "serial"), col("number", "bigserial"), col("title", "text")));
        RenameDecisions hint = RenameDecisions.of(List.of(Rename.table(q("tickets"), "desk_tickets"),
                Rename.column(q("desk_tickets"), "n", "number")));
        assertEquals(List.of(new dev.shale.change.RenameTable(q("tickets"), q("desk_tickets"), List.of("id", "n")),
                new dev.shale.change.RenameColumn(q("desk_tickets"), "n", "number", true)), changes(from, to, hint));
    }

    @Test
    void enumValueAttributeAndSequenceRenamesComeFromDecisionsOnly() {
        SchemaModel from = new SchemaModel(List.of(new dev.shale.model.EnumType(q("mood"), List.of("happy", "sad"))), List.of(),
                List.of()).toBuilder().sequences(List.of(dev.shale.model.Sequence.of(q("ticket_no"))))
                .compositeTypes(List.of(dev.shale.model.CompositeType.of(q("address"), List.of(
                        dev.shale.model.CompositeType.Attribute.of("zip", dev.shale.model.ColumnType.parse("text")))))).build();
        SchemaModel to = new SchemaModel(List.of(new dev.shale.model.EnumType(q("mood"), List.of("happy", "blue"))), List.of(),
                List.of()).toBuilder().sequences(List.of(dev.shale.model.Sequence.of(q("ticket_number"))))
                .compositeTypes(List.of(dev.shale.model.CompositeType.of(q("address"), List.of(
                        dev.shale.model.CompositeType.Attribute.of("postcode", dev.shale.model.ColumnType.parse("text")))))).build();
        assertTrue(Differ.questions(from, to, RenameDecisions.NONE).isEmpty(), "no question is asked for these");
        RenameDecisions hints = RenameDecisions.of(List.of(Rename.enumValue(q("mood"), "sad", "blue"),
                Rename.attribute(q("address"), "zip", "postcode"), Rename.sequence(q("ticket_no"), "ticket_number")));
        // one phase, early, ordered by the object's name
        assertEquals(List.of(new dev.shale.change.RenameAttribute(q("address"), "zip", "postcode"),
                new dev.shale.change.RenameEnumValue(q("mood"), "sad", "blue"),
                new dev.shale.change.RenameSequence(q("ticket_no"), q("ticket_number"))), Differ.changes(from, to, hints));
    }

    @Test
    void openQuestionsStopThePlanAndAreListed() {
        UnresolvedRenamesException e = assertThrows(UnresolvedRenamesException.class,
                () -> Differ.plan(BEFORE, TABLE_RENAMED, RenameDecisions.NONE));
        assertEquals(List.of(new RenameQuestion(Rename.Kind.TABLE, q("users"), "users", List.of("members"))), e.questions());
        assertTrue(e.getMessage().contains("members"), e.getMessage());
    }

    @Test
    void tableRenameKeepsItsKeysIndexesAndReferences() {
        RenameDecisions hint = RenameDecisions.of(List.of(Rename.table(q("users"), "members")));
        assertEquals(List.of(), Differ.questions(BEFORE, TABLE_RENAMED, hint));
        assertEquals(List.of(new RenameTable(q("users"), q("members"))), changes(BEFORE, TABLE_RENAMED, hint));
    }

    @Test
    void tableRenameWithANewPrimaryKeyNameRenamesTheKeyInPlace() {
        SchemaModel to = schema(users("members", "email").pkNamed("members_pkey", "id"), POSTS.fk(POSTS_MEMBER));
        RenameDecisions hint = RenameDecisions.of(List.of(Rename.table(q("users"), "members")));
        assertEquals(List.of(new RenameTable(q("users"), q("members")),
                new RenameConstraint(q("members"), "users_pkey", "members_pkey")), changes(BEFORE, to, hint));
    }

    @Test
    void anIndexOrConstraintThatOnlyChangesNameIsRenamed() {
        SchemaModel to = schema(table("users", notNull("id", "integer"), col("email", "text")).pkNamed("users_pkey", "id")
                .unique("users_mail_key", "email").index(index("users_mail_idx", "email")), POSTS.fk(POSTS_AUTHOR));
        assertEquals(List.of(new RenameConstraint(q("users"), "users_email_key", "users_mail_key"),
                new RenameIndex(q("users"), "users_email_idx", "users_mail_idx")), changes(BEFORE, to, RenameDecisions.NONE));
    }

    @Test
    void columnQuestionOnlyForAnEqualType() {
        SchemaModel from = schema(table("t", col("a", "text"), col("n", "integer")));
        SchemaModel to = schema(table("t", col("b", "text"), col("c", "text"), col("m", "bigint")));
        assertEquals(List.of(new RenameQuestion(Rename.Kind.COLUMN, q("t"), "a", List.of("b", "c"))),
                Differ.questions(from, to, RenameDecisions.NONE));
    }

    @Test
    void columnRenameKeepsItsConstraintsAndIndexes() {
        SchemaModel to = schema(users("users", "mail"), POSTS.fk(POSTS_AUTHOR));
        RenameDecisions hint = RenameDecisions.of(List.of(Rename.column(q("users"), "email", "mail")));
        assertEquals(List.of(new RenameColumn(q("users"), "email", "mail")), changes(BEFORE, to, hint));
    }

    @Test
    void columnRenameInsideARenamedTable() {
        List<RenameQuestion> first = Differ.questions(BEFORE, BOTH_RENAMED, RenameDecisions.NONE);
        assertEquals(List.of(new RenameQuestion(Rename.Kind.TABLE, q("users"), "users", List.of("members"))), first);
        RenameDecisions answered = RenameDecisions.NONE.withRename(first.get(0).answer("members"));
        List<RenameQuestion> second = Differ.questions(BEFORE, BOTH_RENAMED, answered);
        assertEquals(List.of(new RenameQuestion(Rename.Kind.COLUMN, q("members"), "email", List.of("mail"))), second);
        answered = answered.withRename(second.get(0).answer("mail"));
        assertEquals(List.of(new RenameTable(q("users"), q("members")), new RenameColumn(q("members"), "email", "mail")),
                changes(BEFORE, BOTH_RENAMED, answered));
    }

    @Test
    void declinedRenamesDropAndCreate() {
        SchemaModel from = schema(table("old_t", col("a", "text")));
        SchemaModel to = schema(table("new_t", col("a", "text")));
        RenameDecisions declined = RenameDecisions.NONE.withDropped(Differ.questions(from, to, RenameDecisions.NONE).get(0));
        assertEquals(List.of(new DropTable(table("old_t", col("a", "text")).build()), new CreateTable(table("new_t", col("a", "text")).build())),
                changes(from, to, declined));

        SchemaModel cFrom = schema(table("t", col("a", "text")));
        SchemaModel cTo = schema(table("t", col("b", "text")));
        RenameDecisions cDeclined = RenameDecisions.NONE.withDropped(Differ.questions(cFrom, cTo, RenameDecisions.NONE).get(0));
        assertEquals(List.of(new AddColumn(q("t"), col("b", "text")), new DropColumn(q("t"), col("a", "text"))),
                changes(cFrom, cTo, cDeclined));
    }

    @Test
    void aSwapOfNamesIsRefusedNotSilentlyDropped() {
        SchemaModel from = schema(table("t", col("first", "text"), col("second", "text")));
        SchemaModel to = schema(table("t", col("second", "text"), col("first", "text")));
        RenameDecisions swap = RenameDecisions.of(List.of(Rename.column(q("t"), "first", "second"), Rename.column(q("t"), "second", "first")));
        UnsupportedChangeException e = assertThrows(UnsupportedChangeException.class, () -> Differ.plan(from, to, swap));
        assertTrue(e.getMessage().contains("swap") && e.remedy().contains("hand-written migration"), e.getMessage());
        SchemaModel tables = schema(table("a", col("x", "text")), table("b", col("y", "text")));
        assertThrows(UnsupportedChangeException.class, () -> Differ.plan(tables, tables,
                RenameDecisions.of(List.of(Rename.table(q("a"), "b")))));
    }

    @Test
    void aHintWhoseOldNameWasDroppedLaterIsStaleNotASwap() {
        SchemaModel from = schema(table("t", col("a", "text"), col("b", "text")));
        SchemaModel to = schema(table("t", col("b", "text")));
        RenameDecisions old = RenameDecisions.of(List.of(Rename.column(q("t"), "a", "b")));
        assertEquals(List.of(new DropColumn(q("t"), col("a", "text"))), changes(from, to, old));
    }

    @Test
    void staleDecisionsAreIgnored() {
        SchemaModel from = schema(table("t", col("a", "text")));
        SchemaModel to = schema(table("t", col("a", "text"), col("b", "text")));
        RenameDecisions stale = RenameDecisions.of(List.of(Rename.column(q("t"), "gone_long_ago", "b"),
                Rename.table(q("never_was"), "t")));
        assertEquals(List.of(), Differ.questions(from, to, stale));
        assertEquals(List.of(new AddColumn(q("t"), col("b", "text"))), changes(from, to, stale));
    }

    @Test
    void renameWithATypeChangeAltersAfterRenaming() {
        SchemaModel from = schema(table("t", col("a", "integer")));
        SchemaModel to = schema(table("t", col("b", "bigint")));
        assertEquals(List.of(), Differ.questions(from, to, RenameDecisions.NONE), "types differ: no question");
        RenameDecisions hint = RenameDecisions.of(List.of(Rename.column(q("t"), "a", "b")));
        assertEquals(List.of(new RenameColumn(q("t"), "a", "b"),
                        new AlterColumn(q("t"), col("b", "integer"), col("b", "bigint"), Set.of(ColumnAspect.TYPE))),
                changes(from, to, hint));
    }

    @Test
    void renamedReferencedColumnKeepsTheForeignKey() {
        ForeignKey byEmail = fk("posts_email_fkey", "author_email", "users", "email", null);
        ForeignKey byMail = fk("posts_email_fkey", "author_email", "users", "mail", null);
        SchemaModel from = schema(users("users", "email"), table("posts", col("author_email", "text")).fk(byEmail));
        SchemaModel to = schema(users("users", "mail"), table("posts", col("author_email", "text")).fk(byMail));
        RenameDecisions hint = RenameDecisions.of(List.of(Rename.column(q("users"), "email", "mail")));
        assertEquals(List.of(new RenameColumn(q("users"), "email", "mail")), changes(from, to, hint));
    }

    @Test
    void renamedTableWithChangedForeignKeyStillDropsAndAdds() {
        ForeignKey cascade = fk("posts_author_fkey", "author_id", "members", "id", dev.shale.model.ReferentialAction.CASCADE);
        SchemaModel to = schema(users("members", "email"), POSTS.fk(cascade));
        RenameDecisions hint = RenameDecisions.of(List.of(Rename.table(q("users"), "members")));
        assertEquals(List.of(new RenameTable(q("users"), q("members")), new DropConstraint(q("posts"), POSTS_MEMBER),
                new AddConstraint(q("posts"), cascade)), changes(BEFORE, to, hint));
    }
}
