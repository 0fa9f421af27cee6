package dev.shale.diff;

import dev.shale.change.AddColumn;
import dev.shale.change.AddConstraint;
import dev.shale.change.AddEnumValue;
import dev.shale.change.AlterColumn;
import dev.shale.change.Change;
import dev.shale.change.ColumnAspect;
import dev.shale.change.CreateEnum;
import dev.shale.change.CreateIndex;
import dev.shale.change.CreateSchema;
import dev.shale.change.CreateTable;
import dev.shale.change.DropColumn;
import dev.shale.change.DropConstraint;
import dev.shale.change.DropEnum;
import dev.shale.change.DropIndex;
import dev.shale.change.DropTable;
import dev.shale.model.Check;
import dev.shale.model.DefaultValue;
import dev.shale.model.ForeignKey;
import dev.shale.model.Index;
import dev.shale.model.IndexKey;
import dev.shale.model.IndexMethod;
import dev.shale.model.PrimaryKey;
import dev.shale.model.ReferentialAction;
import dev.shale.model.SchemaModel;
import dev.shale.model.Unique;
import dev.shale.testing.Models;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static dev.shale.testing.Models.col;
import static dev.shale.testing.Models.enumOf;
import static dev.shale.testing.Models.external;
import static dev.shale.testing.Models.fk;
import static dev.shale.testing.Models.index;
import static dev.shale.testing.Models.notNull;
import static dev.shale.testing.Models.q;
import static dev.shale.testing.Models.schema;
import static dev.shale.testing.Models.table;
import static dev.shale.testing.Models.uniqueIndex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Table-driven diff cases: a name, the schema before, the schema after, and the changes expected in order. */
class DifferTest {

    static final Models.TableSpec USERS = table("users", notNull("id", "uuid"), col("email", "varchar(255)")).pk("id");
    static final ForeignKey POSTS_AUTHOR = fk("posts_author_fkey", "author_id", "users", "id", ReferentialAction.CASCADE);
    static final Models.TableSpec POSTS = table("posts", notNull("id", "uuid"), col("author_id", "uuid")).pk("id").fk(POSTS_AUTHOR);
    static final Index EMAIL_IDX = index("users_email_idx", "email");

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("nothing changes", schema(USERS, POSTS), schema(USERS, POSTS), List.of()),
                arguments("create enum", schema(), schema(enumOf("role", "a", "b")),
                        List.of(new CreateEnum(enumOf("role", "a", "b")))),
                arguments("drop enum", schema(enumOf("role", "a")), schema(),
                        List.of(new DropEnum(enumOf("role", "a")))),
                arguments("append enum value", schema(enumOf("role", "a", "b")), schema(enumOf("role", "a", "b", "c", "d")),
                        List.of(new AddEnumValue(q("role"), "c", null, null), new AddEnumValue(q("role"), "d", null, null))),
                arguments("enum value first goes BEFORE", schema(enumOf("role", "b", "c")), schema(enumOf("role", "a", "a2", "b", "c")),
                        List.of(new AddEnumValue(q("role"), "a", "b", null), new AddEnumValue(q("role"), "a2", null, "a"))),
                arguments("enum value in the middle goes AFTER", schema(enumOf("role", "a", "c")), schema(enumOf("role", "a", "b", "c")),
                        List.of(new AddEnumValue(q("role"), "b", null, "a"))),
                arguments("create table in a new schema", schema(),
                        schema(table("app.items", notNull("id", "integer")).pk("id")),
                        List.of(new CreateSchema("app"), new CreateTable(table("app.items", notNull("id", "integer")).pk("id").build()))),
                arguments("no schema for public", schema(), schema(USERS), List.of(new CreateTable(USERS.build()))),
                arguments("new table's indexes and foreign keys come after it", schema(USERS),
                        schema(USERS, POSTS.index(index("posts_author_idx", "author_id"))),
                        List.of(new CreateTable(POSTS.index(index("posts_author_idx", "author_id")).build()),
                                new CreateIndex(q("posts"), index("posts_author_idx", "author_id")),
                                new AddConstraint(q("posts"), POSTS_AUTHOR))),
                arguments("drop table", schema(USERS, POSTS), schema(USERS), List.of(new DropTable(POSTS.build()))),
                arguments("add column", schema(USERS),
                        schema(table("users", notNull("id", "uuid"), col("email", "varchar(255)"), col("age", "integer")).pk("id")),
                        List.of(new AddColumn(q("users"), col("age", "integer")))),
                arguments("drop column", schema(USERS), schema(table("users", notNull("id", "uuid")).pk("id")),
                        List.of(new DropColumn(q("users"), col("email", "varchar(255)")))),
                arguments("alter type", schema(USERS),
                        schema(table("users", notNull("id", "uuid"), col("email", "text")).pk("id")),
                        List.of(alter("email", "varchar(255)", "text", Set.of(ColumnAspect.TYPE)))),
                arguments("alter type, NOT NULL and default in one", schema(USERS),
                        schema(table("users", notNull("id", "uuid"), col("email", "text", true, DefaultValue.string("x"))).pk("id")),
                        List.of(new AlterColumn(q("users"), col("email", "varchar(255)"), col("email", "text", true, DefaultValue.string("x")),
                                Set.of(ColumnAspect.TYPE, ColumnAspect.NOT_NULL, ColumnAspect.DEFAULT)))),
                arguments("drop default", schema(table("t", col("n", "integer", false, DefaultValue.number("0")))),
                        schema(table("t", col("n", "integer"))),
                        List.of(new AlterColumn(q("t"), col("n", "integer", false, DefaultValue.number("0")), col("n", "integer"),
                                Set.of(ColumnAspect.DEFAULT)))),
                arguments("add primary key", schema(table("t", notNull("id", "integer"))), schema(table("t", notNull("id", "integer")).pk("id")),
                        List.of(new AddConstraint(q("t"), new PrimaryKey("t_pkey", List.of("id"))))),
                arguments("drop primary key", schema(table("t", notNull("id", "integer")).pk("id")), schema(table("t", notNull("id", "integer"))),
                        List.of(new DropConstraint(q("t"), new PrimaryKey("t_pkey", List.of("id"))))),
                arguments("add unique and check", schema(USERS),
                        schema(USERS.unique("users_email_key", "email").check("users_email_shape", "position('@' in email) > 1")),
                        List.of(new AddConstraint(q("users"), new Unique("users_email_key", List.of("email"))),
                                new AddConstraint(q("users"), new Check("users_email_shape", "position('@' in email) > 1")))),
                arguments("changed check is dropped and added", schema(USERS.check("c", "length(email) > 1")),
                        schema(USERS.check("c", "length(email) > 3")),
                        List.of(new DropConstraint(q("users"), new Check("c", "length(email) > 1")),
                                new AddConstraint(q("users"), new Check("c", "length(email) > 3")))),
                arguments("changed foreign key is dropped and added", schema(USERS, POSTS),
                        schema(USERS, table("posts", notNull("id", "uuid"), col("author_id", "uuid")).pk("id")
                                .fk(fk("posts_author_fkey", "author_id", "users", "id", ReferentialAction.SET_NULL))),
                        List.of(new DropConstraint(q("posts"), POSTS_AUTHOR),
                                new AddConstraint(q("posts"), fk("posts_author_fkey", "author_id", "users", "id", ReferentialAction.SET_NULL)))),
                arguments("add and drop index", schema(USERS.index(EMAIL_IDX)), schema(USERS.index(uniqueIndex("users_email_key", "email"))),
                        List.of(new DropIndex(q("users"), EMAIL_IDX), new CreateIndex(q("users"), uniqueIndex("users_email_key", "email")))),
                arguments("changed index is dropped and created", schema(USERS.index(EMAIL_IDX)),
                        schema(USERS.index(new Index("users_email_idx", false, IndexMethod.HASH, List.of(IndexKey.column("email")), null))),
                        List.of(new DropIndex(q("users"), EMAIL_IDX),
                                new CreateIndex(q("users"), new Index("users_email_idx", false, IndexMethod.HASH, List.of(IndexKey.column("email")), null)))),
                arguments("external tables never change", schema(external("auth.users", col("id", "uuid"))),
                        schema(external("auth.users", col("id", "uuid"), col("email", "text")), external("auth.sessions", col("id", "uuid"))),
                        List.of()),
                arguments("table referring an external table", schema(external("auth.users", col("id", "uuid"))),
                        schema(external("auth.users", col("id", "uuid")),
                                table("profiles", col("user_id", "uuid")).fk(fk("profiles_user_fkey", "user_id", "auth.users", "id", null))),
                        List.of(new CreateTable(table("profiles", col("user_id", "uuid")).fk(fk("profiles_user_fkey", "user_id", "auth.users", "id", null)).build()),
                                new AddConstraint(q("profiles"), fk("profiles_user_fkey", "user_id", "auth.users", "id", null))))
        );
    }

    static AlterColumn alter(String column, String from, String to, Set<ColumnAspect> aspects) {
        return new AlterColumn(q("users"), col(column, from), col(column, to), aspects);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void diff(String name, SchemaModel from, SchemaModel to, List<Change> expected) {
        List<Change> changes = Differ.changes(from, to, RenameDecisions.NONE);
        assertEquals(expected, changes);
        assertTrue(Differ.plan(from, to, RenameDecisions.NONE).size() <= 1, "no enum value is used: one step");
        ModelApplier.assertSameSchema(to, ModelApplier.apply(from, changes));
    }
}
