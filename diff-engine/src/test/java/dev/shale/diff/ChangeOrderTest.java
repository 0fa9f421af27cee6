package dev.shale.diff;

import dev.shale.change.AddColumn;
import dev.shale.change.AddConstraint;
import dev.shale.change.AlterColumn;
import dev.shale.change.Change;
import dev.shale.change.ColumnAspect;
import dev.shale.change.CreateEnum;
import dev.shale.change.CreateIndex;
import dev.shale.change.CreateTable;
import dev.shale.change.DropColumn;
import dev.shale.change.DropConstraint;
import dev.shale.change.DropEnum;
import dev.shale.change.DropIndex;
import dev.shale.change.DropTable;
import dev.shale.change.RenameConstraint;
import dev.shale.model.ForeignKey;
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
import static dev.shale.testing.Models.fk;
import static dev.shale.testing.Models.notNull;
import static dev.shale.testing.Models.q;
import static dev.shale.testing.Models.schema;
import static dev.shale.testing.Models.table;
import static dev.shale.testing.Models.uniqueIndex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Dependency-order cases: each plan is also applied to the model, which fails on a wrong order. */
class ChangeOrderTest {
    static final ForeignKey A_TO_B = fk("a_b_fkey", "b_id", "b", "id", null);
    static final ForeignKey B_TO_A = fk("b_a_fkey", "a_id", "a", "id", null);
    static final Models.TableSpec A = table("a", notNull("id", "integer"), col("b_id", "integer")).pk("id");
    static final Models.TableSpec B = table("b", notNull("id", "integer"), col("a_id", "integer")).pk("id");
    static final Models.TableSpec USERS = table("users", notNull("id", "integer"), col("email", "text")).pk("id").unique("users_email_key", "email");
    static final ForeignKey ORDERS_EMAIL = fk("orders_email_fkey", "email", "users", "email", ReferentialAction.CASCADE);
    static final Models.TableSpec ORDERS = table("orders", notNull("id", "integer"), col("email", "text")).pk("id").fk(ORDERS_EMAIL);

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("enum before the table using it", schema(),
                        schema(enumOf("role", "x"), table("t", col("r", "enum:public.role"))),
                        List.of(new CreateEnum(enumOf("role", "x")), new CreateTable(table("t", col("r", "enum:public.role")).build()))),
                arguments("referenced table first, whatever the names", schema(),
                        schema(table("a_orders", col("u", "integer")).fk(fk("a_orders_u_fkey", "u", "z_users", "id", null)),
                                table("z_users", notNull("id", "integer")).pk("id")),
                        List.of(new CreateTable(table("z_users", notNull("id", "integer")).pk("id").build()),
                                new CreateTable(table("a_orders", col("u", "integer")).fk(fk("a_orders_u_fkey", "u", "z_users", "id", null)).build()),
                                new AddConstraint(q("a_orders"), fk("a_orders_u_fkey", "u", "z_users", "id", null)))),
                arguments("two tables referencing each other", schema(), schema(A.fk(A_TO_B), B.fk(B_TO_A)),
                        List.of(new CreateTable(A.fk(A_TO_B).build()), new CreateTable(B.fk(B_TO_A).build()),
                                new AddConstraint(q("a"), A_TO_B), new AddConstraint(q("b"), B_TO_A))),
                arguments("dropping a two-table cycle drops one foreign key first", schema(A.fk(A_TO_B), B.fk(B_TO_A)), schema(),
                        List.of(new DropConstraint(q("b"), B_TO_A), new DropTable(A.fk(A_TO_B).build()), new DropTable(B.fk(B_TO_A).build()))),
                arguments("referring table dropped before the referenced one", schema(A.fk(A_TO_B), B), schema(),
                        List.of(new DropTable(A.fk(A_TO_B).build()), new DropTable(B.build()))),
                arguments("foreign key of a kept table dropped before the table it refers to", schema(A.fk(A_TO_B), B), schema(A),
                        List.of(new DropConstraint(q("a"), A_TO_B), new DropTable(B.build()))),
                arguments("a second key beside a used one leaves the foreign key alone", schema(USERS, ORDERS),
                        schema(USERS.index(uniqueIndex("users_email_idx", "email")),
                                table("orders", notNull("id", "integer"), col("email", "text")).pk("id").fk(ORDERS_EMAIL)),
                        List.of(new CreateIndex(q("users"), uniqueIndex("users_email_idx", "email")))),
                arguments("key replaced under a foreign key", schema(USERS, ORDERS),
                        schema(table("users", notNull("id", "integer"), col("email", "text")).pk("id")
                                .index(uniqueIndex("users_email_key", "email")), ORDERS),
                        List.of(new DropConstraint(q("orders"), ORDERS_EMAIL),
                                new DropConstraint(q("users"), new Unique("users_email_key", List.of("email"))),
                                new CreateIndex(q("users"), uniqueIndex("users_email_key", "email")),
                                new AddConstraint(q("orders"), ORDERS_EMAIL))),
                arguments("key renamed under a foreign key is renamed in place", schema(USERS, ORDERS),
                        schema(table("users", notNull("id", "integer"), col("email", "text")).pk("id").unique("users_email_uq", "email"), ORDERS),
                        List.of(new RenameConstraint(q("users"), "users_email_key", "users_email_uq"))),
                arguments("a dropped table's foreign key goes before the key it uses", schema(USERS, ORDERS),
                        schema(table("users", notNull("id", "integer"), col("email", "text")).pk("id")),
                        List.of(new DropConstraint(q("orders"), ORDERS_EMAIL),
                                new DropConstraint(q("users"), new Unique("users_email_key", List.of("email"))),
                                new DropTable(ORDERS.build()))),
                arguments("enum dropped after the column using it", schema(enumOf("role", "x"), table("t", col("id", "integer"), col("r", "enum:public.role"))),
                        schema(table("t", col("id", "integer"))),
                        List.of(new DropColumn(q("t"), col("r", "enum:public.role")), new DropEnum(enumOf("role", "x")))),
                arguments("enum dropped after the column type changes away from it",
                        schema(enumOf("role", "x"), table("t", col("r", "enum:public.role"))), schema(table("t", col("r", "text"))),
                        List.of(new AlterColumn(q("t"), col("r", "enum:public.role"), col("r", "text"), Set.of(ColumnAspect.TYPE)),
                                new DropEnum(enumOf("role", "x")))),
                arguments("constraint on a dropped column goes first; new column before its constraint",
                        schema(table("t", col("a", "integer"), col("b", "integer")).unique("t_a_key", "a").index(Models.index("t_b_idx", "b"))),
                        schema(table("t", col("b", "integer"), col("c", "text")).unique("t_c_key", "c")),
                        List.of(new DropConstraint(q("t"), new Unique("t_a_key", List.of("a"))),
                                new DropIndex(q("t"), Models.index("t_b_idx", "b")),
                                new AddColumn(q("t"), col("c", "text")),
                                new DropColumn(q("t"), col("a", "integer")),
                                new AddConstraint(q("t"), new Unique("t_c_key", List.of("c")))))
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void order(String name, SchemaModel from, SchemaModel to, List<Change> expected) {
        List<Change> changes = Differ.changes(from, to, RenameDecisions.NONE);
        assertEquals(expected, changes);
        ModelApplier.assertSameSchema(to, ModelApplier.apply(from, changes));
    }
}
